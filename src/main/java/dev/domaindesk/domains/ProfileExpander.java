package dev.domaindesk.domains;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a profile into concrete records for one domain, with fresh tokens from {@link SecureRandom}. */
public final class ProfileExpander {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(domain|region|base64:[a-z0-9_]+|alnum:[a-z0-9_]+)}");
    private static final char[] ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random;

    public ProfileExpander(SecureRandom random) {
        this.random = random;
    }

    public List<DnsRecord> expand(RecordProfile profile, Domain domain, String region, Instant now) {
        Map<String, String> tokens = new HashMap<>();
        tokens.put("domain", domain.name().ascii());
        tokens.put("region", region);
        List<DnsRecord> records = new ArrayList<>();
        for (RecordProfile.Template t : profile.records()) {
            String name = DomainName.parseRecordName(fill(t.name(), tokens)).ascii();
            records.add(DnsRecord.fromService(Ids.newRecordId(), domain.id(), t.type(), name, fill(t.value(), tokens),
                    t.priority(), t.required(), false, null, now, now));
        }
        return records;
    }

    private String fill(String template, Map<String, String> tokens) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = tokens.computeIfAbsent(key, this::token);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String token(String key) {
        if (key.startsWith("base64:")) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        char[] chars = new char[32];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALNUM[random.nextInt(ALNUM.length)];
        }
        return new String(chars);
    }
}
