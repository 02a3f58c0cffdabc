package dev.domaindesk.verification.audit;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.domains.Severity;
import dev.domaindesk.verification.audit.Requirement.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bulk-sender requirements of Gmail and Yahoo (February 2024) and Outlook.com (May 2025), limited to what DNS
 * shows: SPF, DKIM, DMARC and their alignment with the From domain. What only the mail or the sending service
 * shows (PTR of the sending addresses, TLS, one-click unsubscribe, spam rate) is listed as not in DNS.
 */
public final class SenderRequirements {
    static final String ALL = "Gmail, Yahoo, Outlook.com";

    private SenderRequirements() {
    }

    /**
     * What the DMARC lookup found.
     *
     * @param name    where the record was found (or last looked for)
     * @param records the v=DMARC1 TXT records there
     * @param failure non-null when DNS could not be asked
     */
    public record DmarcFound(String name, List<String> records, String failure) {
    }

    /**
     * @param records    the domain's required records with their last verdicts
     * @param dkim       the DKIM keys found behind the records
     * @param domainSpf  the v=spf1 records at the domain itself (used when the profile names no SPF record); null when
     *                   DNS could not be asked
     */
    public static List<Requirement> judge(String domain, List<DnsRecord> records, List<DkimKey> dkim, DmarcFound dmarc,
                                          List<String> domainSpf) {
        List<Requirement> list = new ArrayList<>();
        Requirement spf = spf(domain, records, domainSpf);
        Requirement key = dkim(dkim);
        list.add(spf);
        list.add(key);
        list.add(dmarc(dmarc));
        list.add(alignment(domain, records, dkim, spf));
        list.add(notInDns("ptr", "Sending IPs have matching forward and reverse DNS (PTR)", ALL,
                "The sending IPs are the email service's, not in this domain's zone: ask the service."));
        list.add(notInDns("tls", "Mail is sent over TLS", "Gmail, Yahoo",
                "TLS is negotiated by the sending service per connection; DNS does not show it."));
        list.add(notInDns("unsubscribe", "Marketing mail has one-click unsubscribe (RFC 8058)", ALL,
                "A header of each message (List-Unsubscribe-Post), not a DNS record."));
        list.add(notInDns("spam-rate", "Spam complaint rate under 0.3 %", ALL,
                "Known only to receivers (Google Postmaster Tools, Yahoo Sender Hub, Microsoft SNDS)."));
        return list;
    }

    private static Requirement spf(String domain, List<DnsRecord> records, List<String> domainSpf) {
        String title = "SPF published and valid, within 10 DNS lookups";
        List<DnsRecord> spfs = records.stream().filter(SenderRequirements::isSpf).toList();
        if (spfs.isEmpty()) {
            if (domainSpf == null) {
                return new Requirement("spf", title, ALL, Result.UNKNOWN, "The SPF record at " + domain + " could not be looked up.");
            }
            return switch (domainSpf.size()) {
                case 0 -> new Requirement("spf", title, ALL, Result.FAIL, "No SPF record at " + domain
                        + ", and the profile names no SPF record elsewhere.");
                case 1 -> new Requirement("spf", title, ALL, Result.PASS, "Published at " + domain
                        + " (not a required record, so its lookups are not counted).");
                default -> new Requirement("spf", title, ALL, Result.FAIL, domainSpf.size() + " SPF records at " + domain
                        + ": receivers treat that as a permanent error (RFC 7208 §3.2).");
            };
        }
        for (DnsRecord r : spfs) {
            if (r.checkState() == CheckState.UNCHECKED) {
                return new Requirement("spf", title, ALL, Result.UNKNOWN, "The SPF record at " + r.name() + " has not been checked yet.");
            }
            if (r.checkState() == CheckState.DNS_ERROR) {
                return new Requirement("spf", title, ALL, Result.UNKNOWN, "The last check of " + r.name() + " failed on DNS errors.");
            }
            Optional<Diagnosis> problem = r.diagnoses().stream().filter(d -> d.severity() == Severity.ERROR
                    || d.code().equals("SPF_PERMERROR")).findFirst();
            if (r.checkState() != CheckState.VERIFIED || problem.isPresent()) {
                return new Requirement("spf", title, ALL, Result.FAIL, problem.map(Diagnosis::message)
                        .orElse("The SPF record at " + r.name() + " is " + r.checkState().wire() + "."));
            }
            if (r.diagnoses().stream().anyMatch(d -> d.code().equals("SPF_NOT_EVALUATED"))) {
                return new Requirement("spf", title, ALL, Result.UNKNOWN, "The SPF record at " + r.name()
                        + " is published, but a lookup failed while counting its DNS lookups.");
            }
        }
        return new Requirement("spf", title, ALL, Result.PASS, "Verified at " + String.join(", ",
                spfs.stream().map(DnsRecord::name).distinct().toList()) + ", within RFC 7208's 10 lookups.");
    }

    private static Requirement dkim(List<DkimKey> keys) {
        String title = "DKIM key published, at least 1024 bits";
        if (keys.isEmpty()) {
            return new Requirement("dkim", title, ALL, Result.NOT_IN_DNS, "The profile names no DKIM selector, and "
                    + "selectors cannot be listed from DNS.");
        }
        Optional<DkimKey> usable = keys.stream().filter(k -> k.strength().usable()).findFirst();
        if (usable.isPresent()) {
            return new Requirement("dkim", title, ALL, Result.PASS, usable.get().name() + ": " + usable.get().message());
        }
        Optional<DkimKey> unknown = keys.stream().filter(k -> k.strength() == DkimKey.Strength.UNKNOWN).findFirst();
        if (unknown.isPresent()) {
            return new Requirement("dkim", title, ALL, Result.UNKNOWN, unknown.get().name() + ": " + unknown.get().message());
        }
        return new Requirement("dkim", title, ALL, Result.FAIL, keys.get(0).name() + ": " + keys.get(0).message());
    }

    private static Requirement dmarc(DmarcFound found) {
        String title = "DMARC published, p=none or stricter";
        if (found.failure() != null) {
            return new Requirement("dmarc", title, ALL, Result.UNKNOWN, "Could not look up " + found.name() + ": "
                    + found.failure() + ".");
        }
        if (found.records().isEmpty()) {
            return new Requirement("dmarc", title, ALL, Result.FAIL, "No DMARC record at " + found.name() + ".");
        }
        if (found.records().size() > 1) {
            return new Requirement("dmarc", title, ALL, Result.FAIL, found.records().size() + " DMARC records at "
                    + found.name() + ": receivers apply none of them (RFC 7489 §6.6.3).");
        }
        String p = DkimKeys.tags(found.records().get(0)).getOrDefault("p", "").toLowerCase(Locale.ROOT);
        if (!List.of("none", "quarantine", "reject").contains(p)) {
            return new Requirement("dmarc", title, ALL, Result.FAIL, "The DMARC record at " + found.name()
                    + (p.isEmpty() ? " has no p= tag" : " has p=" + p + ", which is not a policy") + " (RFC 7489 §6.3).");
        }
        return new Requirement("dmarc", title, ALL, Result.PASS, "p=" + p + " at " + found.name() + ".");
    }

    /**
     * RFC 7489 §3.1 relaxed alignment, as far as the records show it: a DKIM key under the From domain (its
     * signatures carry d= of that domain), or SPF published at the domain or a name under it (the return-path).
     */
    private static Requirement alignment(String domain, List<DnsRecord> records, List<DkimKey> keys, Requirement spf) {
        String title = "SPF or DKIM aligned with the From domain";
        Optional<DkimKey> key = keys.stream().filter(k -> k.strength().usable() && under(k.name(), domain)).findFirst();
        if (key.isPresent()) {
            return new Requirement("alignment", title, ALL, Result.PASS, "The DKIM key " + key.get().name()
                    + " is under " + domain + ", so signatures with it align (as far as DNS shows: d= is in the mail).");
        }
        Optional<DnsRecord> returnPath = records.stream().filter(r -> isSpf(r) && r.checkState() == CheckState.VERIFIED
                && under(r.name(), domain)).findFirst();
        if (returnPath.isPresent() && spf.result() == Result.PASS) {
            return new Requirement("alignment", title, ALL, Result.PASS, "SPF is published at " + returnPath.get().name()
                    + ", under " + domain + ", so a return-path there aligns (as far as DNS shows).");
        }
        if (keys.isEmpty() && spf.result() == Result.UNKNOWN) {
            return new Requirement("alignment", title, ALL, Result.UNKNOWN, "Neither a DKIM key nor the SPF record could be judged.");
        }
        return new Requirement("alignment", title, ALL, Result.FAIL, "No usable DKIM key and no verified SPF record "
                + "under " + domain + ": DMARC cannot pass for mail From " + domain + ".");
    }

    private static Requirement notInDns(String id, String title, String receivers, String why) {
        return new Requirement(id, title, receivers, Result.NOT_IN_DNS, why);
    }

    static boolean isSpf(DnsRecord r) {
        return r.recordType() == RecordType.TXT && r.value().strip().toLowerCase(Locale.ROOT).startsWith("v=spf1");
    }

    static boolean under(String name, String domain) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        String d = domain.toLowerCase(Locale.ROOT);
        return n.equals(d) || n.endsWith("." + d);
    }
}
