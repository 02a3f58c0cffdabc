package dev.domaindesk.domains;

/**
 * How many of a domain's required records are verified: "7/9" in the domain list; and how many of them DomainDesk's
 * last check could not judge (a DNS error), so a domain the service calls verified is not shown as verified on faith.
 */
public record Progress(int verified, int required, int dnsErrors) {
    public static final Progress NONE = new Progress(0, 0, 0);

    public Progress(int verified, int required) {
        this(verified, required, 0);
    }

    public static Progress of(Iterable<DnsRecord> records) {
        int required = 0;
        int verified = 0;
        int errors = 0;
        for (DnsRecord r : records) {
            if (r.isRequired()) {
                required++;
                verified += r.isVerified() ? 1 : 0;
                errors += r.checkState() == CheckState.DNS_ERROR ? 1 : 0;
            }
        }
        return new Progress(verified, required, errors);
    }

    @Override
    public String toString() {
        return verified + "/" + required;
    }
}
