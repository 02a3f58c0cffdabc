-- PostgreSQL's V19_2 (the H2 one says why, decision 0014): dns_record keyed by record_key, drawn by the store in
-- blocks (store_key); ids sort byte-wise ("C") as in the baseline.
CREATE TABLE dns_record_keyed (
    record_key       BIGINT        PRIMARY KEY,
    id               VARCHAR(64)   COLLATE "C" NOT NULL,
    domain_id        VARCHAR(64)   COLLATE "C" NOT NULL REFERENCES domain (id) ON DELETE CASCADE,
    position         INT           NOT NULL,
    record_type      VARCHAR(8)    NOT NULL,
    name             VARCHAR(253)  NOT NULL,
    record_value     VARCHAR(8192) NOT NULL,
    priority         INT,
    is_required      BOOLEAN       NOT NULL,
    created_at       TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    service_verified BOOLEAN,
    CONSTRAINT dns_record_id_unique UNIQUE (id)
);
INSERT INTO dns_record_keyed (record_key, id, domain_id, position, record_type, name, record_value, priority,
                              is_required, created_at, service_verified)
    SELECT record_key, id, domain_id, position, record_type, name, record_value, priority, is_required, created_at,
           service_verified
    FROM dns_record ORDER BY record_key;
DROP TABLE dns_record CASCADE;
ALTER TABLE dns_record_keyed RENAME TO dns_record;
CREATE INDEX dns_record_domain_idx ON dns_record (domain_id, position);
ALTER TABLE record_check ADD CONSTRAINT record_check_record_fk FOREIGN KEY (record_key)
    REFERENCES dns_record (record_key) ON DELETE CASCADE;

-- The next key of each kind the store hands out; a block is drawn in a transaction of its own.
CREATE TABLE store_key (
    name     VARCHAR(32) PRIMARY KEY,
    next_key BIGINT      NOT NULL
);
INSERT INTO store_key (name, next_key) SELECT 'record', COALESCE(MAX(record_key), 0) + 1 FROM dns_record;
