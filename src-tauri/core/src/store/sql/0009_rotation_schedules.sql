-- On-call schedules: a rotation's start date, restriction windows, extra layers and overrides.
-- Rotations stored before this keep loading with the fixed default start (rotation::DEFAULT_START).
ALTER TABLE rotations ADD COLUMN start_date TEXT NOT NULL DEFAULT '2026-01-05';
-- JSON arrays in the inventory file's shape: `[{days, from, to}]` and `[{name, time_zone, …}]`.
ALTER TABLE rotations ADD COLUMN restrictions TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(restrictions));
ALTER TABLE rotations ADD COLUMN layers TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(layers));

-- Overrides get rows of their own: the app adds and removes them one at a time.
CREATE TABLE rotation_overrides (
    rotation_id TEXT NOT NULL REFERENCES rotations(id) ON UPDATE CASCADE ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    contact     TEXT NOT NULL DEFAULT '',
    starts_at   TEXT NOT NULL,
    ends_at     TEXT NOT NULL,
    PRIMARY KEY (rotation_id, position)
);
