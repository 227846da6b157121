//! Migration 0008: probe configuration and the widened api_style CHECK.

use super::*;
use tempfile::tempdir;

/// 0008: from every earlier version with an endpoint a workflow depends on, the endpoint keeps
/// its row and its dependants, the same connection at once accepts the azure-openai and
/// bedrock styles and a probe block, and other styles are still refused.
#[test]
fn probe_configuration_arrives_on_every_earlier_version() {
    for start in 1..LATEST_VERSION {
        let dir = tempdir().unwrap();
        let path = dir.path().join("p.db");
        let (store, _) = Store::open_at_version(&path, start).unwrap();
        store
            .write(|tx| {
                tx.execute_batch(
                    "INSERT INTO vendors (id, name, status_page) VALUES ('v', 'V', 'https://status.v.example');
                     INSERT INTO endpoints (id, vendor_id, name, model, base_url, api_style, latency_slo_ms)
                     VALUES ('e', 'v', 'E', 'm', 'https://api.v.example', 'openai', 100);
                     INSERT INTO workflows (id, name, criticality, customer_facing, primary_endpoint_id)
                     VALUES ('w', 'W', 'high', 0, 'e');",
                )?;
                Ok::<_, StoreError>(())
            })
            .unwrap();
        drop(store);
        let (store, _) = Store::open(&path).unwrap();
        store
            .write(|tx| {
                for style in ["azure-openai", "bedrock"] {
                    tx.execute(
                        "INSERT INTO endpoints (id, vendor_id, name, model, base_url, api_style, latency_slo_ms, probe)
                         VALUES (?1, 'v', 'E', 'm', 'https://api.v.example', ?1, 100, '{\"interval_s\":30}')",
                        [style],
                    )?;
                }
                let refused = tx.execute(
                    "INSERT INTO endpoints (id, vendor_id, name, model, base_url, api_style, latency_slo_ms)
                     VALUES ('x', 'v', 'E', 'm', 'https://api.v.example', 'grpc', 100)",
                    [],
                );
                assert!(refused.is_err(), "from {start}: an unknown style is refused");
                let not_json = tx.execute("UPDATE endpoints SET probe = '{' WHERE id = 'e'", []);
                assert!(not_json.is_err(), "from {start}: a probe block is JSON");
                let deleted = tx.execute("DELETE FROM endpoints WHERE id = 'e'", []);
                assert!(deleted.is_err(), "from {start}: the workflow still holds the endpoint");
                let ok: String = tx.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
                assert_eq!(ok, "ok", "from {start}");
                Ok::<_, StoreError>(())
            })
            .unwrap();
        drop(store);
        // A later open reads what the migration left, through the inventory's own code.
        let (store, _) = Store::open(&path).unwrap();
        let inv = crate::inventory::load(&store).unwrap();
        let styles: Vec<String> = inv
            .endpoints
            .iter()
            .map(|e| e.api_style.to_string())
            .collect();
        assert_eq!(
            styles,
            ["azure-openai", "bedrock", "openai"],
            "from {start}"
        );
        assert_eq!(
            inv.endpoints[0].probe.as_ref().map(|p| p.interval_s),
            Some(30)
        );
        assert_eq!(
            inv.endpoints[2].probe, None,
            "from {start}: old endpoints are not probed"
        );
        assert_eq!(inv.vendors[0].status_api, None);
        assert!(inv.vendors[0].status_components.is_empty());
        assert_eq!(inv.workflows[0].primary, "e", "from {start}");
    }
}

/// 0008 widens the api_style CHECK by editing its text; a definition that does not read as
/// expected fails the open and leaves the database at its version, rather than keeping the
/// narrow CHECK unnoticed.
#[test]
fn an_unexpected_endpoints_definition_fails_the_probe_migration() {
    let dir = tempdir().unwrap();
    let path = dir.path().join("odd.db");
    // The version 0008 starts from (later migrations come after it).
    let before = 7;
    let (store, _) = Store::open_at_version(&path, before).unwrap();
    store
        .write(|tx| {
            tx.execute_batch(
                "PRAGMA writable_schema = ON;
                 UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (api_style IN', 'CHECK (api_style  IN')
                  WHERE name = 'endpoints';
                 PRAGMA writable_schema = RESET;",
            )?;
            Ok::<_, StoreError>(())
        })
        .unwrap();
    drop(store);
    let Err(err) = Store::open(&path) else {
        panic!("the migration should have failed")
    };
    assert!(matches!(err, StoreError::Migration { .. }), "{err}");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, before);
}
