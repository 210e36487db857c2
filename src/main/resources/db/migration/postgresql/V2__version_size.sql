-- The size of each saved version, so a district's storage quota is a sum over a column instead of a read
-- of every plan it ever saved.
ALTER TABLE plan_version ADD COLUMN size_bytes BIGINT DEFAULT 0 NOT NULL;
UPDATE plan_version SET size_bytes = OCTET_LENGTH(body);
