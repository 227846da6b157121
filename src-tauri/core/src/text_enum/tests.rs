use crate::inventory::{ApiStyle, Criticality, FailureMode};
use crate::runbook::walkthrough::StepState;

/// Every value prints as its serde name and parses back, from text and from SQLite.
fn round_trips<T>(all: &[T])
where
    T: Copy
        + PartialEq
        + std::fmt::Debug
        + std::fmt::Display
        + std::str::FromStr
        + serde::Serialize
        + rusqlite::ToSql
        + rusqlite::types::FromSql,
    T::Err: std::fmt::Debug,
{
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    for &v in all {
        let serde_name = serde_json::to_value(v).unwrap();
        assert_eq!(serde_name.as_str(), Some(v.to_string().as_str()));
        assert_eq!(v.to_string().parse::<T>().unwrap(), v);
        let back: T = conn.query_row("SELECT ?", [v], |r| r.get(0)).unwrap();
        assert_eq!(back, v);
    }
}

#[test]
fn every_value_prints_as_its_serde_name_and_parses_back() {
    round_trips(&ApiStyle::ALL);
    round_trips(&Criticality::ALL);
    round_trips(&FailureMode::ALL);
    round_trips(&[
        StepState::Pending,
        StepState::Done,
        StepState::Skipped,
        StepState::Blocked,
    ]);
    assert_eq!(ApiStyle::Openai.to_string(), "openai");
    assert_eq!(FailureMode::Unavailable.to_string(), "unavailable");
    assert_eq!(format!("{:>8}|", Criticality::High), "    high|");
}

#[test]
fn an_unknown_value_is_refused_naming_the_known_ones() {
    // A step state used to read anything unknown as `pending`; every enumeration now refuses it.
    let err = "finished".parse::<StepState>().unwrap_err().to_string();
    assert!(err.contains("finished") && err.contains("blocked"), "{err}");
    assert!("OpenAI".parse::<ApiStyle>().is_err());
    assert!(" slow".parse::<FailureMode>().is_err());
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    let err = conn
        .query_row("SELECT 'urgent'", [], |r| r.get::<_, Criticality>(0))
        .unwrap_err()
        .to_string();
    assert!(err.contains("urgent"), "{err}");
}
