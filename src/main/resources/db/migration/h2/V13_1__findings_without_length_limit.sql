-- What DNS returned and the diagnoses quoting it have no small limit: an apex with 30 TXT records, 25 DMARC records
-- or one TXT of 10,000 characters overflowed VARCHAR(8192)/VARCHAR(4000) elements, and the failed write lost the
-- whole batch. CHARACTER VARYING without a length is H2's 1,000,000,000 characters; a DNS message holds 65,535 bytes.
ALTER TABLE dns_record ALTER COLUMN found_values SET DATA TYPE CHARACTER VARYING ARRAY;
ALTER TABLE dns_record ALTER COLUMN diagnosis_messages SET DATA TYPE CHARACTER VARYING ARRAY;
