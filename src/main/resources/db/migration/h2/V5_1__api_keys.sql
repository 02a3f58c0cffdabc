-- Bearer keys for `domaindesk serve`: only a SHA-256 hash of each key is kept, never the key itself.
CREATE TABLE api_key (
    name         VARCHAR(64) PRIMARY KEY,
    key_hash     VARBINARY(32) NOT NULL,
    key_prefix   VARCHAR(16) NOT NULL,
    created_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP(3) WITH TIME ZONE,
    revoked_at   TIMESTAMP(3) WITH TIME ZONE
);
