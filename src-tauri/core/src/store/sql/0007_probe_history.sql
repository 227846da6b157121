-- Probe history: samples (kept 7 days), hourly rollups (kept 90 days) and live-state changes.
-- Times here are integer unix seconds (UTC), not RFC 3339 text: pruning and the board's
-- queries are range scans over them. Endpoint ids carry no foreign key: history outlives an
-- inventory replaced wholesale, and an endpoint's past stays readable after it is renamed away.
CREATE TABLE probe_samples (
    id INTEGER PRIMARY KEY,
    endpoint_id TEXT NOT NULL,
    at_s INTEGER NOT NULL,
    reason TEXT NOT NULL,
    http_status INTEGER,
    latency_ms INTEGER NOT NULL,
    first_token_ms INTEGER,
    remaining_requests INTEGER,
    remaining_tokens INTEGER,
    requests_reset_s INTEGER,
    tokens_reset_s INTEGER,
    retry_after_s INTEGER,
    error_excerpt TEXT,
    rolled_up INTEGER NOT NULL DEFAULT 0 CHECK (rolled_up IN (0, 1)) -- counted in its hour's rollup
);
CREATE INDEX probe_samples_by_endpoint ON probe_samples (endpoint_id, at_s);
CREATE INDEX probe_samples_by_time ON probe_samples (at_s);
CREATE INDEX probe_samples_to_roll_up ON probe_samples (at_s) WHERE rolled_up = 0;

CREATE TABLE probe_rollups (
    endpoint_id TEXT NOT NULL,
    hour_s INTEGER NOT NULL, -- start of the UTC hour
    samples INTEGER NOT NULL,
    latency_p50_ms INTEGER NOT NULL,
    latency_p95_ms INTEGER NOT NULL,
    latency_max_ms INTEGER NOT NULL,
    PRIMARY KEY (endpoint_id, hour_s)
) WITHOUT ROWID;
CREATE INDEX probe_rollups_by_time ON probe_rollups (hour_s);

-- Samples of the hour that were not `ok`, by reason.
CREATE TABLE probe_rollup_failures (
    endpoint_id TEXT NOT NULL,
    hour_s INTEGER NOT NULL,
    reason TEXT NOT NULL,
    samples INTEGER NOT NULL,
    PRIMARY KEY (endpoint_id, hour_s, reason),
    FOREIGN KEY (endpoint_id, hour_s) REFERENCES probe_rollups (endpoint_id, hour_s)
        ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE probe_state_changes (
    id INTEGER PRIMARY KEY,
    endpoint_id TEXT NOT NULL,
    at_s INTEGER NOT NULL,
    from_health TEXT NOT NULL CHECK (from_health IN ('healthy', 'degraded', 'down', 'unknown')),
    to_health TEXT NOT NULL CHECK (to_health IN ('healthy', 'degraded', 'down', 'unknown')),
    reason TEXT NOT NULL
);
CREATE INDEX probe_state_changes_by_endpoint ON probe_state_changes (endpoint_id, at_s);
CREATE INDEX probe_state_changes_by_time ON probe_state_changes (at_s);
