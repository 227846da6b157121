-- Inventory: vendors, endpoints, rotations, workflows. Items refer to each other by slug.
CREATE TABLE vendors (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    status_page TEXT
);

CREATE TABLE endpoints (
    id             TEXT PRIMARY KEY,
    vendor_id      TEXT NOT NULL REFERENCES vendors(id) ON UPDATE CASCADE ON DELETE RESTRICT,
    name           TEXT NOT NULL,
    model          TEXT NOT NULL,
    base_url       TEXT NOT NULL,
    api_style      TEXT NOT NULL CHECK (api_style IN ('openai', 'anthropic', 'gemini', 'http')),
    credential_ref TEXT,
    latency_slo_ms INTEGER NOT NULL CHECK (latency_slo_ms > 0)
);

CREATE TABLE rotations (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    time_zone    TEXT NOT NULL,
    shift_hours  INTEGER NOT NULL CHECK (shift_hours > 0),
    handoff_time TEXT NOT NULL
);

CREATE TABLE rotation_members (
    rotation_id TEXT NOT NULL REFERENCES rotations(id) ON UPDATE CASCADE ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    contact     TEXT,
    PRIMARY KEY (rotation_id, position)
);

CREATE TABLE workflows (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    description         TEXT NOT NULL DEFAULT '',
    criticality         TEXT NOT NULL CHECK (criticality IN ('critical', 'high', 'medium', 'low')),
    customer_facing     INTEGER NOT NULL CHECK (customer_facing IN (0, 1)),
    owner_rotation_id   TEXT REFERENCES rotations(id) ON UPDATE CASCADE ON DELETE RESTRICT,
    primary_endpoint_id TEXT NOT NULL REFERENCES endpoints(id) ON UPDATE CASCADE ON DELETE RESTRICT
);

CREATE TABLE workflow_fallbacks (
    workflow_id TEXT NOT NULL REFERENCES workflows(id) ON UPDATE CASCADE ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    endpoint_id TEXT REFERENCES endpoints(id) ON UPDATE CASCADE ON DELETE RESTRICT,
    strategy    TEXT,
    CHECK ((endpoint_id IS NULL) <> (strategy IS NULL)),
    PRIMARY KEY (workflow_id, position)
);

CREATE TABLE workflow_failure_modes (
    workflow_id      TEXT NOT NULL REFERENCES workflows(id) ON UPDATE CASCADE ON DELETE CASCADE,
    mode             TEXT NOT NULL CHECK (mode IN ('throttled', 'unavailable', 'slow')),
    customer_impact  TEXT NOT NULL DEFAULT '',
    degradation      TEXT NOT NULL DEFAULT '',
    customer_message TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (workflow_id, mode)
);

CREATE INDEX endpoints_by_vendor ON endpoints(vendor_id);
CREATE INDEX fallbacks_by_endpoint ON workflow_fallbacks(endpoint_id);
CREATE INDEX workflows_by_primary ON workflows(primary_endpoint_id);
CREATE INDEX workflows_by_owner ON workflows(owner_rotation_id);
