-- The latest audit of each domain (DNSSEC, DKIM keys, receiving and reporting records, sender requirements),
-- as the JSON document the command line prints; it goes with its domain.
CREATE TABLE domain_audit (
    domain_id  VARCHAR(64) PRIMARY KEY REFERENCES domain (id) ON DELETE CASCADE,
    audited_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    report     CLOB        NOT NULL
);
