-- Runbooks live as markdown files; the database keeps their index (for search and the audit)
-- and walk-through progress.
CREATE TABLE runbook_files (
    file          TEXT PRIMARY KEY,          -- relative to the runbooks folder, '/'-separated
    runbook_id    TEXT,                      -- NULL while the front matter cannot be read
    title         TEXT NOT NULL,
    vendor        TEXT,
    failure_modes TEXT NOT NULL DEFAULT '[]', -- JSON array
    workflows     TEXT NOT NULL DEFAULT '[]', -- JSON array
    owner         TEXT,
    reviewed      TEXT,
    hash          TEXT NOT NULL,             -- sha256 of the content indexed
    problems      INTEGER NOT NULL DEFAULT 0
);

CREATE VIRTUAL TABLE runbook_search USING fts5(file UNINDEXED, title, body, tokenize = 'unicode61');

-- One row per step whose state was ever set. incident_scope 0 means walked outside an incident.
-- Rows of steps that left the file are kept, so putting a step back restores its progress.
CREATE TABLE walk_steps (
    runbook_id     TEXT NOT NULL,
    incident_scope INTEGER NOT NULL DEFAULT 0,
    step_id        TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('pending', 'done', 'skipped', 'blocked')),
    note           TEXT,
    actor          TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (runbook_id, incident_scope, step_id)
);
