-- Probe configuration: an endpoint's `probe:` block, a vendor's status page API and the
-- components to watch, and the API styles azure-openai and bedrock.
--
-- The api_style CHECK gains the two styles by editing the stored table definition, the way
-- SQLite documents for changes that leave every stored row valid (a CHECK allowing more values).
-- Rebuilding the table instead is not possible inside the migration's transaction: workflows
-- refer to endpoints with ON DELETE RESTRICT, and foreign keys cannot be switched off there.
-- RESET reloads the schema so the new definition applies at once.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql,
                     'CHECK (api_style IN (''openai'', ''anthropic'', ''gemini'', ''http''))',
                     'CHECK (api_style IN (''openai'', ''anthropic'', ''gemini'', ''http'', ''azure-openai'', ''bedrock''))')
 WHERE type = 'table' AND name = 'endpoints';
PRAGMA writable_schema = RESET;
-- A definition that did not read as expected fails the migration instead of keeping the old
-- CHECK unnoticed.
CREATE TEMP TABLE api_style_widened (ok INTEGER NOT NULL CHECK (ok = 1));
INSERT INTO api_style_widened
SELECT count(*) FROM sqlite_schema
 WHERE type = 'table' AND name = 'endpoints' AND instr(sql, '''azure-openai'', ''bedrock''') > 0;
DROP TABLE api_style_widened;

-- JSON of the probe block; NULL: the endpoint is not probed. (These changes also bump the
-- schema cookie, so other connections reload the edited definition.)
ALTER TABLE endpoints ADD COLUMN probe TEXT CHECK (probe IS NULL OR json_valid(probe));
ALTER TABLE vendors ADD COLUMN status_api TEXT;
-- JSON array of component names; NULL: watch them all.
ALTER TABLE vendors ADD COLUMN status_components TEXT
    CHECK (status_components IS NULL OR json_valid(status_components));
