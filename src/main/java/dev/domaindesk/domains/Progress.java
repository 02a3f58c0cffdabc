package dev.domaindesk.domains;

/** How many of a domain's required records are verified: "7/9" in the domain list. */
public record Progress(int verified, int required) {
    public static final Progress NONE = new Progress(0, 0);

    public static Progress of(Iterable<DnsRecord> records) {
        int required = 0;
        int verified = 0;
        for (DnsRecord r : records) {
            if (r.isRequired()) {
                required++;
                verified += r.isVerified() ? 1 : 0;
            }
        }
        return new Progress(verified, required);
    }

    @Override
    public String toString() {
        return verified + "/" + required;
    }
}
