-- A diagnosis may carry the value to publish that fixes it (the merged SPF record of MULTIPLE_SPF), so the window
-- can offer it with its own copy button: a fourth array parallel to code, severity and message (NULL when none).
ALTER TABLE dns_record ADD COLUMN diagnosis_publish CHARACTER VARYING ARRAY;
