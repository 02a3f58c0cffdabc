-- The email service's own check of a domain (GET /domains/{id}?check=true), as it answered, kept beside ours.
CREATE TABLE remote_check (
    domain_id              VARCHAR(64) PRIMARY KEY REFERENCES domain (id) ON DELETE CASCADE,
    checked_at             TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    verification_check     CLOB NOT NULL,
    auth_recommendations   CLOB
);
