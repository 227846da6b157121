-- Operator-editable workspace settings (operator name, runbooks folder, display time zone).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
