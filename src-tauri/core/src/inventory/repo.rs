//! SQL for vendors, endpoints and workflows. Only this file knows their tables (rotations keep
//! theirs in `crate::rotation`).

use rusqlite::types::Type;
use rusqlite::{params, Connection, OptionalExtension};

use super::model::*;
use crate::rows::{self, from_row};

pub fn load_vendors(conn: &Connection) -> rusqlite::Result<Vec<Vendor>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, status_page, status_api, status_components FROM vendors ORDER BY id",
    )?;
    rows::all(&mut stmt, [], |r| {
        Ok(from_row!(r => Vendor {
            id, name, status_page, status_api;
            status_components: from_json(r, 4)?.unwrap_or_default()
        }))
    })
}

/// A JSON column (NULL: `None`), read into its model type.
fn from_json<T: serde::de::DeserializeOwned>(
    r: &rusqlite::Row,
    index: usize,
) -> rusqlite::Result<Option<T>> {
    r.get::<_, Option<String>>(index)?
        .map(|text| {
            serde_json::from_str(&text).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(e))
            })
        })
        .transpose()
}

/// A value as a JSON column; `None` for NULL.
fn to_json<T: serde::Serialize>(value: Option<&T>) -> rusqlite::Result<Option<String>> {
    value
        .map(|v| {
            serde_json::to_string(v)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
        })
        .transpose()
}

fn components_json(v: &Vendor) -> rusqlite::Result<Option<String>> {
    to_json(Some(&v.status_components).filter(|c| !c.is_empty()))
}

pub fn load_endpoints(conn: &Connection) -> rusqlite::Result<Vec<Endpoint>> {
    let mut stmt = conn.prepare(
        "SELECT id, vendor_id, name, model, base_url, api_style, credential_ref, latency_slo_ms, probe
         FROM endpoints ORDER BY id",
    )?;
    rows::all(&mut stmt, [], |r| {
        Ok(from_row!(r => Endpoint {
            id, vendor, name, model, base_url, api_style, credential, latency_slo_ms;
            probe: from_json(r, 8)?
        }))
    })
}

/// Every workflow with its fallback chain (in order) and its failure-mode plans.
pub fn load_workflows(conn: &Connection) -> rusqlite::Result<Vec<Workflow>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, description, criticality, customer_facing, owner_rotation_id,
                primary_endpoint_id
         FROM workflows ORDER BY id",
    )?;
    let mut workflows = rows::all(&mut stmt, [], |r| {
        Ok(from_row!(r => Workflow {
            id, name, description, criticality, customer_facing, owner, primary;
            fallbacks: Vec::new(), failure_modes: FailureModes::default()
        }))
    })?;
    let mut fallbacks = conn.prepare(
        "SELECT endpoint_id, strategy FROM workflow_fallbacks WHERE workflow_id = ? ORDER BY position",
    )?;
    let mut modes = conn.prepare(
        "SELECT customer_impact, degradation, customer_message, mode
         FROM workflow_failure_modes WHERE workflow_id = ?",
    )?;
    for w in &mut workflows {
        w.fallbacks = rows::all(&mut fallbacks, [&w.id], |r| {
            Ok(from_row!(r => FallbackStep { endpoint, strategy }))
        })?;
        let plans = rows::all(&mut modes, [&w.id], |r| {
            let plan =
                from_row!(r => FailureModePlan { customer_impact, degradation, customer_message });
            Ok((r.get::<_, FailureMode>(3)?, plan))
        })?;
        for (mode, plan) in plans {
            *w.failure_modes.get_mut(mode) = plan;
        }
    }
    Ok(workflows)
}

pub fn exists(conn: &Connection, table: Table, id: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        &format!("SELECT 1 FROM {} WHERE id = ?", table.name()),
        [id],
        |_| Ok(()),
    )
    .optional()
    .map(|o| o.is_some())
}

/// The inventory tables other code may name (never interpolated from input).
#[derive(Clone, Copy)]
pub enum Table {
    Vendors,
    Endpoints,
    Workflows,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Vendors => "vendors",
            Table::Endpoints => "endpoints",
            Table::Workflows => "workflows",
        }
    }
}

pub fn insert_vendor(conn: &Connection, v: &Vendor) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO vendors (id, name, status_page, status_api, status_components)
         VALUES (?, ?, ?, ?, ?)",
        params![
            v.id,
            v.name,
            v.status_page,
            v.status_api,
            components_json(v)?
        ],
    )?;
    Ok(())
}

pub fn update_vendor(conn: &Connection, original: &str, v: &Vendor) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE vendors SET id = ?, name = ?, status_page = ?, status_api = ?, status_components = ?
         WHERE id = ?",
        params![v.id, v.name, v.status_page, v.status_api, components_json(v)?, original],
    )
}

pub fn insert_endpoint(conn: &Connection, e: &Endpoint) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO endpoints (id, vendor_id, name, model, base_url, api_style, credential_ref, latency_slo_ms, probe)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        params![e.id, e.vendor, e.name, e.model, e.base_url, e.api_style, e.credential, e.latency_slo_ms, to_json(e.probe.as_ref())?],
    )?;
    Ok(())
}

pub fn update_endpoint(conn: &Connection, original: &str, e: &Endpoint) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE endpoints SET id = ?, vendor_id = ?, name = ?, model = ?, base_url = ?, api_style = ?,
                credential_ref = ?, latency_slo_ms = ?, probe = ?
         WHERE id = ?",
        params![e.id, e.vendor, e.name, e.model, e.base_url, e.api_style, e.credential, e.latency_slo_ms,
                to_json(e.probe.as_ref())?, original],
    )
}

pub fn insert_workflow(conn: &Connection, w: &Workflow) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO workflows (id, name, description, criticality, customer_facing, owner_rotation_id, primary_endpoint_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
        params![w.id, w.name, w.description, w.criticality, w.customer_facing, w.owner, w.primary],
    )?;
    insert_workflow_children(conn, w)
}

pub fn update_workflow(conn: &Connection, original: &str, w: &Workflow) -> rusqlite::Result<usize> {
    let n = conn.execute(
        "UPDATE workflows SET id = ?, name = ?, description = ?, criticality = ?, customer_facing = ?,
                owner_rotation_id = ?, primary_endpoint_id = ?
         WHERE id = ?",
        params![w.id, w.name, w.description, w.criticality, w.customer_facing, w.owner, w.primary, original],
    )?;
    if n > 0 {
        conn.execute(
            "DELETE FROM workflow_fallbacks WHERE workflow_id = ?",
            [&w.id],
        )?;
        conn.execute(
            "DELETE FROM workflow_failure_modes WHERE workflow_id = ?",
            [&w.id],
        )?;
        insert_workflow_children(conn, w)?;
    }
    Ok(n)
}

fn insert_workflow_children(conn: &Connection, w: &Workflow) -> rusqlite::Result<()> {
    rows::insert_ordered(
        conn,
        "INSERT INTO workflow_fallbacks (workflow_id, position, endpoint_id, strategy) VALUES (?, ?, ?, ?)",
        &w.id,
        &w.fallbacks,
        |step| [&step.endpoint, &step.strategy],
    )?;
    let mut fm = conn.prepare(
        "INSERT INTO workflow_failure_modes (workflow_id, mode, customer_impact, degradation, customer_message)
         VALUES (?, ?, ?, ?, ?)",
    )?;
    for mode in FailureMode::ALL {
        let p = w.failure_modes.get(mode);
        fm.execute(params![
            w.id,
            mode,
            p.customer_impact,
            p.degradation,
            p.customer_message
        ])?;
    }
    Ok(())
}

pub fn delete(conn: &Connection, table: Table, id: &str) -> rusqlite::Result<usize> {
    conn.execute(&format!("DELETE FROM {} WHERE id = ?", table.name()), [id])
}

/// What still refers to an endpoint (`workflow support-chat`), so a delete can say what blocks it.
pub fn endpoint_users(conn: &Connection, id: &str) -> rusqlite::Result<Vec<String>> {
    users(
        conn,
        "SELECT 'workflow ' || id FROM workflows WHERE primary_endpoint_id = ?1
         UNION SELECT 'workflow ' || workflow_id FROM workflow_fallbacks WHERE endpoint_id = ?1
         ORDER BY 1",
        id,
    )
}

pub fn vendor_users(conn: &Connection, id: &str) -> rusqlite::Result<Vec<String>> {
    users(
        conn,
        "SELECT 'endpoint ' || id FROM endpoints WHERE vendor_id = ? ORDER BY id",
        id,
    )
}

pub fn rotation_users(conn: &Connection, id: &str) -> rusqlite::Result<Vec<String>> {
    users(
        conn,
        "SELECT 'workflow ' || id FROM workflows WHERE owner_rotation_id = ? ORDER BY id",
        id,
    )
}

fn users(conn: &Connection, sql: &str, id: &str) -> rusqlite::Result<Vec<String>> {
    rows::all(&mut conn.prepare(sql)?, [id], |r| r.get(0))
}

/// Empties the workflow, endpoint and vendor tables (children first), for a whole-file import.
pub fn clear_all(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "DELETE FROM workflow_failure_modes; DELETE FROM workflow_fallbacks; DELETE FROM workflows;
         DELETE FROM endpoints; DELETE FROM vendors;",
    )
}
