package dev.domaindesk.verification.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DKIM key records judged as RFC 6376 §3.6.1 and RFC 8301 §3.2 say, with keys made here by the JDK. */
class DkimKeysTest {
    private static final String NAME = "s1._domainkey.example.com";

    private static RSAPublicKey rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return (RSAPublicKey) generator.generateKeyPair().getPublic();
    }

    private static DkimKey judge(String record) {
        return DkimKeys.judge(NAME, NAME, List.of(record));
    }

    @Test
    void keysAreJudgedByModulusLength() throws Exception {
        String p512 = Base64.getEncoder().encodeToString(rsa(512).getEncoded());
        String p1024 = Base64.getEncoder().encodeToString(rsa(1024).getEncoded());
        String p2048 = Base64.getEncoder().encodeToString(rsa(2048).getEncoded());
        assertEquals(DkimKey.Strength.TOO_SHORT, judge("v=DKIM1; k=rsa; p=" + p512).strength());
        assertEquals(DkimKey.Strength.ACCEPTED, judge("v=DKIM1; p=" + p1024).strength());
        DkimKey strong = judge("v=DKIM1; k=rsa; p=" + p2048);
        assertEquals(DkimKey.Strength.STRONG, strong.strength());
        assertEquals(2048, strong.bits());
    }

    /** RFC 6376 §3.6.1 names the RSAPublicKey structure (PKCS#1); some signers publish it bare, and verifiers accept it. */
    @Test
    void aBarePkcs1KeyIsReadToo() throws Exception {
        RSAPublicKey key = rsa(2048);
        byte[] pkcs1 = sequence(integer(key.getModulus()), integer(key.getPublicExponent()));
        DkimKey judged = judge("v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pkcs1));
        assertEquals(DkimKey.Strength.STRONG, judged.strength(), judged.message());
        assertEquals(2048, judged.bits());
    }

    /** §3.6.1: an empty p= revokes the key; t=y still says testing mode, so both are shown. */
    @Test
    void aRevokedKeyInTestingModeSaysBoth() {
        DkimKey judged = judge("v=DKIM1; t=y; p=");
        assertEquals(DkimKey.Strength.REVOKED, judged.strength());
        assertTrue(judged.testing());
        assertTrue(judged.message().contains("revoked") && judged.message().contains("t=y"), judged.message());
    }

    @Test
    void unusableKeysSayWhy() {
        assertTrue(judge("v=DKIM1; p=!!notbase64").message().contains("not base64"));
        assertTrue(judge("v=DKIM1; p=" + Base64.getEncoder().encodeToString(new byte[40])).message()
                .contains("does not hold an RSA public key"));
        assertEquals(DkimKey.Strength.INVALID, judge("v=DKIM2; p=abc").strength(), "§3.6.1: v= must read DKIM1");
        assertEquals(DkimKey.Strength.MISSING, DkimKeys.judge(NAME, NAME, List.of()).strength());
    }

    private static byte[] integer(BigInteger value) {
        return tagged(0x02, value.toByteArray());
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return tagged(0x30, content.toByteArray());
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
