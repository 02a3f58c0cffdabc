package dev.domaindesk.domains;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each record is for ("SPF", "DKIM 2"), as the domain's profile names it: a record is matched to the first unused
 * template of its type whose name and value patterns it fits (so three DKIM records get DKIM 1, 2 and 3 in order). A
 * record no template names (imported, or from a profile without purposes) is named by its shape, or not at all.
 */
public final class RecordPurposes {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9]+)(?::[a-z0-9]+)?}");

    private RecordPurposes() {
    }

    /** Record id to purpose, for the records of {@code domain} (records without a purpose are left out). */
    public static Map<String, String> of(Domain domain, List<DnsRecord> records, RecordProfile profile) {
        List<RecordProfile.Template> unused = new ArrayList<>(profile == null ? List.of() : profile.records());
        Map<String, String> purposes = new HashMap<>();
        String name = domain.name().ascii();
        for (DnsRecord r : records) {
            String purpose = null;
            for (RecordProfile.Template t : unused) {
                if (t.type() == r.recordType() && t.purpose() != null && fits(t.name(), r.name(), name)
                        && fits(t.value(), r.value(), name)) {
                    purpose = t.purpose();
                    unused.remove(t);
                    break;
                }
            }
            if (purpose == null) {
                purpose = byShape(r, name);
            }
            if (purpose != null) {
                purposes.put(r.id(), purpose);
            }
        }
        return purposes;
    }

    private static boolean fits(String template, String actual, String domain) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(at, m.start())));
            regex.append(switch (m.group(1)) {
                case "domain" -> Pattern.quote(domain);
                case "alnum" -> "[a-z0-9]+";
                case "region" -> "[a-z0-9-]+";
                default -> ".+";
            });
            at = m.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(actual.strip()).matches();
    }

    /** A purpose from the record itself, for records no template names. */
    private static String byShape(DnsRecord r, String domain) {
        String name = r.name().toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
        String value = r.value().strip().toLowerCase(Locale.ROOT);
        boolean apex = name.equals(domain);
        return switch (r.recordType()) {
            case MX -> apex ? "Inbound MX" : "MAIL FROM MX";
            case TXT -> value.startsWith("v=spf1") ? (apex ? "SPF" : "MAIL FROM SPF")
                    : value.startsWith("v=dmarc1") ? "DMARC"
                    : value.startsWith("v=dkim1") || name.contains("._domainkey.") ? "DKIM"
                    : name.startsWith("_") ? "Verification token" : null;
            case CNAME -> name.contains("._domainkey.") ? "DKIM" : null;
        };
    }
}
