package dev.domaindesk.verification.audit;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Judges a DKIM key record (RFC 6376 §3.6.1): version, key type, testing flag, and the key itself. */
public final class DkimKeys {
    /** RFC 8301 §3.2: signers use at least 1024 bits, and should use 2048. */
    static final int MINIMUM_BITS = 1024;
    static final int RECOMMENDED_BITS = 2048;

    private DkimKeys() {
    }

    /** The key published as {@code txt} (the TXT strings of the key record, each joined) at {@code keyName}. */
    public static DkimKey judge(String name, String keyName, List<String> txt) {
        List<String> keys = txt.stream().filter(t -> tags(t).containsKey("p")).toList();
        if (keys.isEmpty()) {
            return new DkimKey(name, keyName, DkimKey.Strength.MISSING, null, 0, false, txt.isEmpty()
                    ? "No key record at " + keyName + "."
                    : keyName + " has TXT data but no DKIM key (no p= tag).");
        }
        Map<String, String> tags = tags(keys.get(0));
        boolean testing = List.of(tags.getOrDefault("t", "").split(":")).stream()
                .anyMatch(f -> f.strip().equalsIgnoreCase("y"));
        String keyType = tags.getOrDefault("k", "rsa").strip().toLowerCase(Locale.ROOT);
        String version = tags.get("v");
        if (version != null && (!version.strip().equals("DKIM1") || !keys.get(0).strip().startsWith("v="))) {
            return new DkimKey(name, keyName, DkimKey.Strength.INVALID, keyType, 0, testing,
                    "The key record's v= must be the first tag and read DKIM1 (RFC 6376 §3.6.1), not '" + version.strip() + "'.");
        }
        String p = tags.get("p").replaceAll("\\s", "");
        if (p.isEmpty()) {
            DkimKey revoked = new DkimKey(name, keyName, DkimKey.Strength.REVOKED, keyType, 0, testing,
                    "p= is empty: the key is revoked (RFC 6376 §3.6.1), so mail signed with this selector fails DKIM.");
            return testing ? withTestingNote(revoked) : revoked;
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(p);
        } catch (IllegalArgumentException e) {
            return invalid(name, keyName, keyType, testing, "p= is not base64");
        }
        DkimKey key = switch (keyType) {
            case "rsa" -> rsa(name, keyName, der, testing);
            case "ed25519" -> der.length == 32
                    ? new DkimKey(name, keyName, DkimKey.Strength.STRONG, keyType, 256, testing, "Ed25519 key (RFC 8463).")
                    : invalid(name, keyName, keyType, testing, "an Ed25519 key is 32 bytes, this one " + der.length);
            default -> invalid(name, keyName, keyType, testing, "k=" + keyType + " is not a known key type (rsa, ed25519)");
        };
        if (keys.size() > 1) {
            key = new DkimKey(key.name(), keyName, key.strength(), key.keyType(), key.bits(), testing, key.message()
                    + " " + keys.size() + " key records at " + keyName + ": receivers may use any of them; keep one.");
        }
        return testing ? withTestingNote(key) : key;
    }

    private static DkimKey rsa(String name, String keyName, byte[] der, boolean testing) {
        int bits;
        try {
            bits = rsaKey(der).getModulus().bitLength();
        } catch (InvalidKeySpecException | ClassCastException e) {
            return invalid(name, keyName, "rsa", testing, "p= does not hold an RSA public key");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no RSA key factory", e);
        }
        if (bits < MINIMUM_BITS) {
            return new DkimKey(name, keyName, DkimKey.Strength.TOO_SHORT, "rsa", bits, testing, "RSA key of " + bits
                    + " bits: below the " + MINIMUM_BITS + " bits receivers accept (RFC 8301 §3.2), so its signatures fail.");
        }
        if (bits < RECOMMENDED_BITS) {
            return new DkimKey(name, keyName, DkimKey.Strength.ACCEPTED, "rsa", bits, testing, "RSA key of " + bits
                    + " bits: accepted, but " + RECOMMENDED_BITS + " bits are recommended (RFC 8301 §3.2).");
        }
        return new DkimKey(name, keyName, DkimKey.Strength.STRONG, "rsa", bits, testing, "RSA key of " + bits + " bits.");
    }

    /**
     * The RSA key in {@code der}: a SubjectPublicKeyInfo, as signers publish it, or a bare PKCS#1 RSAPublicKey (RFC 6376
     * §3.6.1 names that structure, and some signers publish it so; verifiers such as OpenDKIM accept both).
     */
    private static RSAPublicKey rsaKey(byte[] der) throws InvalidKeySpecException, NoSuchAlgorithmException {
        KeyFactory factory = KeyFactory.getInstance("RSA");
        try {
            return (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(der));
        } catch (InvalidKeySpecException notSubjectPublicKeyInfo) {
            return (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo(der)));
        }
    }

    /** Wraps a PKCS#1 RSAPublicKey in the SubjectPublicKeyInfo the JDK reads (RFC 3279 §2.3.1). */
    private static byte[] subjectPublicKeyInfo(byte[] pkcs1) {
        byte[] rsaEncryption = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
                0x01, 0x01, 0x05, 0x00};
        byte[] bitString = der(0x03, concat(new byte[] {0}, pkcs1));
        return der(0x30, concat(rsaEncryption, bitString));
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] length = n < 0x80 ? new byte[] {(byte) n}
                : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n}
                : new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        return concat(new byte[] {(byte) tag}, concat(length, content));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static DkimKey invalid(String name, String keyName, String keyType, boolean testing, String why) {
        return new DkimKey(name, keyName, DkimKey.Strength.INVALID, keyType, 0, testing,
                "The key record is unusable: " + why + ".");
    }

    private static DkimKey withTestingNote(DkimKey key) {
        return new DkimKey(key.name(), key.keyName(), key.strength(), key.keyType(), key.bits(), true, key.message()
                + " t=y: testing mode, receivers may treat failing signatures as absent (RFC 6376 §3.6.1).");
    }

    /** The tag=value pairs of a tag list (RFC 6376 §3.2), names lower case; later duplicates ignored. */
    static Map<String, String> tags(String record) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : record.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                tags.putIfAbsent(part.substring(0, eq).strip().toLowerCase(Locale.ROOT), part.substring(eq + 1).strip());
            }
        }
        return tags;
    }
}
