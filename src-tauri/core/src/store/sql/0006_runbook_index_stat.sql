-- The runbook index skips a file whose size and modification time are what they were when it
-- was read, and re-checks one only when its content or the inventory it was checked against
-- changed.
ALTER TABLE runbook_files ADD COLUMN size INTEGER;
ALTER TABLE runbook_files ADD COLUMN modified_ns INTEGER; -- NULL: not to be trusted, read again
ALTER TABLE runbook_files ADD COLUMN checked_against TEXT; -- digest of the inventory ids used
ALTER TABLE runbook_files ADD COLUMN own_problems INTEGER NOT NULL DEFAULT 0; -- without duplicate ids
