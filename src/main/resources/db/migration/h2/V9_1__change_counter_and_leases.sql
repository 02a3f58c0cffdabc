-- How many transactions have changed the store, by any process: a window polls it to learn of other
-- processes' changes, and the seal beside the store file records it to tell when the file went back in time.
CREATE TABLE store_change (
    id           INT    PRIMARY KEY,
    change_count BIGINT NOT NULL
);
INSERT INTO store_change (id, change_count) VALUES (1, 0);

-- Work that one process at a time does for all (background re-checks): who holds it, and until when.
CREATE TABLE store_lease (
    name       VARCHAR(32)  PRIMARY KEY,
    holder     VARCHAR(64)  NOT NULL,
    expires_at TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
