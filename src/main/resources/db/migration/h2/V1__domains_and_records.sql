-- Domains and their required records, in the service's shape plus DomainDesk's own check state.
CREATE TABLE domain (
    id                   VARCHAR(64)  PRIMARY KEY,
    name                 VARCHAR(253) NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    profile              VARCHAR(64),
    created_at           TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    last_dns_check       TIMESTAMP(3) WITH TIME ZONE,
    pending_since        TIMESTAMP(3) WITH TIME ZONE,
    service_status       VARCHAR(16),
    can_receive_emails   BOOLEAN,
    has_mx_records       BOOLEAN,
    domain_provider      VARCHAR(128),
    provider_confidence  VARCHAR(32),
    last_ses_check       TIMESTAMP(3) WITH TIME ZONE,
    is_catch_all_enabled BOOLEAN,
    CONSTRAINT domain_name_unique UNIQUE (name)
);
CREATE INDEX domain_status_idx ON domain (status);

CREATE TABLE dns_record (
    id               VARCHAR(64)   PRIMARY KEY,
    domain_id        VARCHAR(64)   NOT NULL REFERENCES domain (id) ON DELETE CASCADE,
    position         INT           NOT NULL,
    record_type      VARCHAR(8)    NOT NULL,
    name             VARCHAR(253)  NOT NULL,
    record_value     VARCHAR(8192) NOT NULL,
    priority         INT,
    is_required      BOOLEAN       NOT NULL,
    is_verified      BOOLEAN       NOT NULL,
    last_checked     TIMESTAMP(3) WITH TIME ZONE,
    created_at       TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    check_state      VARCHAR(16)   NOT NULL DEFAULT 'unchecked',
    regressed        BOOLEAN       NOT NULL DEFAULT FALSE,
    next_check_at    TIMESTAMP(3) WITH TIME ZONE,
    service_verified BOOLEAN
);
CREATE INDEX dns_record_domain_idx ON dns_record (domain_id, position);
CREATE INDEX dns_record_next_check_idx ON dns_record (next_check_at);

-- What DNS returned at the last check, one row per value.
CREATE TABLE record_found (
    record_id   VARCHAR(64)   NOT NULL REFERENCES dns_record (id) ON DELETE CASCADE,
    position    INT           NOT NULL,
    found_value VARCHAR(8192) NOT NULL,
    PRIMARY KEY (record_id, position)
);

-- The diagnoses of the last check, one row per finding.
CREATE TABLE record_diagnosis (
    record_id VARCHAR(64)   NOT NULL REFERENCES dns_record (id) ON DELETE CASCADE,
    position  INT           NOT NULL,
    code      VARCHAR(40)   NOT NULL,
    severity  VARCHAR(10)   NOT NULL,
    message   VARCHAR(4000) NOT NULL,
    PRIMARY KEY (record_id, position)
);

-- Plain key/value settings (region, resolvers, cadence ...).
CREATE TABLE setting (
    setting_key   VARCHAR(128) PRIMARY KEY,
    setting_value VARCHAR(4096) NOT NULL
);
