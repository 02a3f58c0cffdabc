package dev.domaindesk.bench;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.RecordType;
import java.util.List;

/**
 * Writes the zone-file lines a domain's DNS really has: its records as required (a correct domain), or with one
 * of several typical mistakes. Also the questions a check asks, for dnsperf and the dig loop.
 */
public final class BenchZone {
    /** The mistakes a wrong domain can have, one each, in turn. */
    public enum Mistake {
        NONE, NOTHING_PUBLISHED, WRONG_SES_TOKEN, DOUBLED_DMARC_NAME, WRONG_MX_HOST, SPF_WITHOUT_INCLUDE,
        ONE_DKIM_MISSING, DKIM_WRONG_TARGET, MAIL_FROM_MX_MISSING, SES_TOKEN_SPLIT_WRONG
    }

    private BenchZone() {
    }

    /** The mistake of domain number {@code index}: even ones are correct, odd ones cycle through the mistakes. */
    public static Mistake mistakeOf(int index) {
        if (index % 2 == 0) {
            return Mistake.NONE;
        }
        Mistake[] all = Mistake.values();
        return all[1 + (index / 2) % (all.length - 1)];
    }

    public static void appendZoneLines(StringBuilder zone, String domain, List<DnsRecord> records, Mistake mistake) {
        if (mistake == Mistake.NOTHING_PUBLISHED) {
            return;
        }
        boolean dkimSkipped = false;
        for (DnsRecord r : records) {
            String name = r.name() + ".";
            String value = r.value();
            switch (mistake) {
                case WRONG_SES_TOKEN -> value = r.name().startsWith("_amazonses.")
                        ? (value.charAt(0) == 'x' ? "y" : "x") + value.substring(1) : value;
                case DOUBLED_DMARC_NAME -> name = r.name().startsWith("_dmarc.") ? r.name() + "." + domain + "." : name;
                case WRONG_MX_HOST -> value = r.recordType() == RecordType.MX && r.name().equals(domain)
                        ? value.replace("us-east-1", "us-west-2") : value;
                case SPF_WITHOUT_INCLUDE -> value = r.name().equals(domain) && value.startsWith("v=spf1")
                        ? "v=spf1 mx ~all" : value;
                case ONE_DKIM_MISSING -> {
                    if (r.recordType() == RecordType.CNAME && !dkimSkipped) {
                        dkimSkipped = true;
                        continue;
                    }
                }
                case DKIM_WRONG_TARGET -> value = r.recordType() == RecordType.CNAME
                        ? value.replace(".dkim.amazonses.com", ".dkim.example.net") : value;
                case MAIL_FROM_MX_MISSING -> {
                    if (r.recordType() == RecordType.MX && r.name().startsWith("mail.")) {
                        continue;
                    }
                }
                default -> {
                }
            }
            zone.append(name).append(" IN ").append(r.recordType().name()).append(' ').append(rdata(r, value, mistake))
                    .append('\n');
        }
    }

    private static String rdata(DnsRecord r, String value, Mistake mistake) {
        return switch (r.recordType()) {
            case MX -> value.strip() + ".";
            case CNAME -> value + ".";
            case TXT -> mistake == Mistake.SES_TOKEN_SPLIT_WRONG && r.name().startsWith("_amazonses.")
                    ? "\"" + value.substring(0, 10) + "\" \"" + value.substring(12) + "\""
                    : "\"" + value + "\"";
        };
    }

    /** One dnsperf question line per distinct (name, type) a check of these records asks. */
    public static void appendQuestions(StringBuilder out, List<DnsRecord> records, java.util.Set<String> seen) {
        for (DnsRecord r : records) {
            String q = r.name() + " " + r.recordType().name();
            if (seen.add(q)) {
                out.append(q).append('\n');
            }
        }
    }
}
