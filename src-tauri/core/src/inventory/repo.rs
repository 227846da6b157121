//! SQL for vendors, endpoints and workflows. Only this file knows their tables.

use rusqlite::{params, Connection, OptionalExtension};

use super::model::*;

pub fn load_vendors(conn: &Connection) -> rusqlite::Result<Vec<Vendor>> {
    let mut stmt = conn.prepare("SELECT id, name, status_page FROM vendors ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(Vendor {
            id: r.get(0)?,
            name: r.get(1)?,
            status_page: r.get(2)?,
        })
    })?;
    rows.collect()
}

pub fn load_endpoints(conn: &Connection) -> rusqlite::Result<Vec<Endpoint>> {
    let mut stmt = conn.prepare(
        "SELECT id, vendor_id, name, model, base_url, api_style, credential_ref, latency_slo_ms
         FROM endpoints ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        let style: String = r.get(5)?;
        Ok(Endpoint {
            id: r.get(0)?,
            vendor: r.get(1)?,
            name: r.get(2)?,
            model: r.get(3)?,
            base_url: r.get(4)?,
            api_style: ApiStyle::parse(&style).ok_or_else(|| bad_enum(5, &style))?,
            credential: r.get(6)?,
            latency_slo_ms: r.get(7)?,
        })
    })?;
    rows.collect()
}

pub fn load_workflows(conn: &Connection) -> rusqlite::Result<Vec<Workflow>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, description, criticality, customer_facing, owner_rotation_id,
                primary_endpoint_id
         FROM workflows ORDER BY id",
    )?;
    let mut workflows = stmt
        .query_map([], |r| {
            let crit: String = r.get(3)?;
            Ok(Workflow {
                id: r.get(0)?,
                name: r.get(1)?,
                description: r.get(2)?,
                criticality: Criticality::parse(&crit).ok_or_else(|| bad_enum(3, &crit))?,
                customer_facing: r.get(4)?,
                owner: r.get(5)?,
                primary: r.get(6)?,
                fallbacks: Vec::new(),
                failure_modes: FailureModes::default(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut fallbacks = conn.prepare(
        "SELECT endpoint_id, strategy FROM workflow_fallbacks WHERE workflow_id = ? ORDER BY position",
    )?;
    let mut modes = conn.prepare(
        "SELECT mode, customer_impact, degradation, customer_message
         FROM workflow_failure_modes WHERE workflow_id = ?",
    )?;
    for w in &mut workflows {
        w.fallbacks = fallbacks
            .query_map([&w.id], |r| {
                Ok(FallbackStep {
                    endpoint: r.get(0)?,
                    strategy: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let rows = modes.query_map([&w.id], |r| {
            let mode: String = r.get(0)?;
            Ok((
                FailureMode::parse(&mode).ok_or_else(|| bad_enum(0, &mode))?,
                FailureModePlan {
                    customer_impact: r.get(1)?,
                    degradation: r.get(2)?,
                    customer_message: r.get(3)?,
                },
            ))
        })?;
        for row in rows {
            let (mode, plan) = row?;
            *w.failure_modes.get_mut(mode) = plan;
        }
    }
    Ok(workflows)
}

fn bad_enum(col: usize, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        format!("unexpected value '{value}'").into(),
    )
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
        "INSERT INTO vendors (id, name, status_page) VALUES (?, ?, ?)",
        params![v.id, v.name, v.status_page],
    )?;
    Ok(())
}

pub fn update_vendor(conn: &Connection, original: &str, v: &Vendor) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE vendors SET id = ?, name = ?, status_page = ? WHERE id = ?",
        params![v.id, v.name, v.status_page, original],
    )
}

pub fn insert_endpoint(conn: &Connection, e: &Endpoint) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO endpoints (id, vendor_id, name, model, base_url, api_style, credential_ref, latency_slo_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        params![e.id, e.vendor, e.name, e.model, e.base_url, e.api_style.as_str(), e.credential, e.latency_slo_ms],
    )?;
    Ok(())
}

pub fn update_endpoint(conn: &Connection, original: &str, e: &Endpoint) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE endpoints SET id = ?, vendor_id = ?, name = ?, model = ?, base_url = ?, api_style = ?,
                credential_ref = ?, latency_slo_ms = ?
         WHERE id = ?",
        params![e.id, e.vendor, e.name, e.model, e.base_url, e.api_style.as_str(), e.credential, e.latency_slo_ms, original],
    )
}

pub fn insert_workflow(conn: &Connection, w: &Workflow) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO workflows (id, name, description, criticality, customer_facing, owner_rotation_id, primary_endpoint_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
        params![w.id, w.name, w.description, w.criticality.as_str(), w.customer_facing, w.owner, w.primary],
    )?;
    insert_workflow_children(conn, w)
}

pub fn update_workflow(conn: &Connection, original: &str, w: &Workflow) -> rusqlite::Result<usize> {
    let n = conn.execute(
        "UPDATE workflows SET id = ?, name = ?, description = ?, criticality = ?, customer_facing = ?,
                owner_rotation_id = ?, primary_endpoint_id = ?
         WHERE id = ?",
        params![w.id, w.name, w.description, w.criticality.as_str(), w.customer_facing, w.owner, w.primary, original],
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
    let mut fb = conn.prepare(
        "INSERT INTO workflow_fallbacks (workflow_id, position, endpoint_id, strategy) VALUES (?, ?, ?, ?)",
    )?;
    for (i, step) in w.fallbacks.iter().enumerate() {
        fb.execute(params![w.id, i as i64, step.endpoint, step.strategy])?;
    }
    let mut fm = conn.prepare(
        "INSERT INTO workflow_failure_modes (workflow_id, mode, customer_impact, degradation, customer_message)
         VALUES (?, ?, ?, ?, ?)",
    )?;
    for mode in FailureMode::ALL {
        let p = w.failure_modes.get(mode);
        fm.execute(params![
            w.id,
            mode.as_str(),
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

/// Ids of what still refers to an endpoint, so a delete can say what blocks it.
pub fn endpoint_users(conn: &Connection, id: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT 'workflow ' || id FROM workflows WHERE primary_endpoint_id = ?1
         UNION SELECT 'workflow ' || workflow_id FROM workflow_fallbacks WHERE endpoint_id = ?1
         ORDER BY 1",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    rows.collect()
}

pub fn vendor_users(conn: &Connection, id: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT 'endpoint ' || id FROM endpoints WHERE vendor_id = ? ORDER BY id")?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    rows.collect()
}

pub fn rotation_users(conn: &Connection, id: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT 'workflow ' || id FROM workflows WHERE owner_rotation_id = ? ORDER BY id",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    rows.collect()
}

/// Empties the workflow, endpoint and vendor tables (children first), for a whole-file import.
pub fn clear_all(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "DELETE FROM workflow_failure_modes; DELETE FROM workflow_fallbacks; DELETE FROM workflows;
         DELETE FROM endpoints; DELETE FROM vendors;",
    )
}
