-- Incidents and their append-only timeline. Incidents name vendors by slug without a foreign
-- key: the record of what happened must outlive a vendor's removal from the inventory.
CREATE TABLE incidents (
    id           INTEGER PRIMARY KEY,
    vendor_id    TEXT NOT NULL,
    endpoint_id  TEXT,
    failure_mode TEXT NOT NULL CHECK (failure_mode IN ('throttled', 'unavailable', 'slow')),
    title        TEXT NOT NULL,
    is_drill     INTEGER NOT NULL DEFAULT 0 CHECK (is_drill IN (0, 1)),
    declared_at  TEXT NOT NULL,
    resolved_at  TEXT
);

-- incident_id is NULL for events outside an incident (e.g. a runbook walked on its own).
CREATE TABLE timeline_events (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER REFERENCES incidents(id),
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL,
    actor       TEXT NOT NULL,
    summary     TEXT NOT NULL,
    data        TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX timeline_by_incident ON timeline_events(incident_id, id);

CREATE TRIGGER timeline_events_no_update BEFORE UPDATE ON timeline_events
BEGIN
    SELECT RAISE(ABORT, 'timeline events are append-only');
END;

CREATE TRIGGER timeline_events_no_delete BEFORE DELETE ON timeline_events
BEGIN
    SELECT RAISE(ABORT, 'timeline events are append-only');
END;
