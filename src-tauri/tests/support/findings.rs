//! Reading an audit report as the window and `audit --json` give it.

use serde_json::Value;

/// Each finding of `report` as (kind, workflow), the workflow empty where it names none.
pub fn finding_kinds(report: &Value) -> Vec<(String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_owned(),
                f["workflow"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}
