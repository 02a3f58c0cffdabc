-- A check writes one row per record: the values found and the diagnoses move from child tables into typed
-- array columns of dns_record (diagnoses as three parallel arrays: code, severity, message).
-- Bulk checks of 10,000 domains spent about half their store time deleting and re-inserting child rows.
ALTER TABLE dns_record ADD COLUMN found_values VARCHAR(8192) ARRAY;
ALTER TABLE dns_record ADD COLUMN diagnosis_codes VARCHAR(40) ARRAY;
ALTER TABLE dns_record ADD COLUMN diagnosis_severities VARCHAR(10) ARRAY;
ALTER TABLE dns_record ADD COLUMN diagnosis_messages VARCHAR(4000) ARRAY;

UPDATE dns_record r SET found_values =
    (SELECT ARRAY_AGG(f.found_value ORDER BY f.position) FROM record_found f WHERE f.record_id = r.id)
    WHERE EXISTS (SELECT 1 FROM record_found f WHERE f.record_id = r.id);

UPDATE dns_record r SET
    diagnosis_codes = (SELECT ARRAY_AGG(d.code ORDER BY d.position) FROM record_diagnosis d WHERE d.record_id = r.id),
    diagnosis_severities = (SELECT ARRAY_AGG(d.severity ORDER BY d.position) FROM record_diagnosis d WHERE d.record_id = r.id),
    diagnosis_messages = (SELECT ARRAY_AGG(d.message ORDER BY d.position) FROM record_diagnosis d WHERE d.record_id = r.id)
    WHERE EXISTS (SELECT 1 FROM record_diagnosis d WHERE d.record_id = r.id);

DROP TABLE record_found;
DROP TABLE record_diagnosis;
