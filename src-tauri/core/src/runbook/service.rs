//! The runbook operations the app and the CLI share, over one workspace: where the folder is,
//! keeping the index fresh, opening, previewing, saving, and walking runbooks.

use std::collections::HashSet;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::defaults;
use super::files::{self, Document};
use super::library::{self, SyncReport};
use super::model::{ParsedRunbook, Problem};
use super::render::{asset_folder, render_runbook};
use super::walkthrough::{self, StepMark, WalkInputs, Walkthrough};
use super::{check_source, parse, Missing, RunbookError};
use crate::health::UnprobedHealth;
use crate::incident;
use crate::inventory::{self, Inventory};
use crate::settings;
use crate::Workspace;

/// An open runbook: its file, rendered HTML and problems.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RunbookView {
    pub document: Document,
    pub html: String,
    pub problems: Vec<Problem>,
}

/// The live preview of unsaved text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RunbookPreview {
    pub html: String,
    pub problems: Vec<Problem>,
}

fn inv(ws: &Workspace) -> Result<Inventory, RunbookError> {
    Ok(inventory::load(&ws.store)?)
}

/// The runbooks folder in use (from settings).
pub fn folder(ws: &Workspace) -> Result<PathBuf, RunbookError> {
    let s = settings::load(&ws.store, ws.dir())?;
    Ok(PathBuf::from(s.runbooks_dir))
}

/// Start-up (first run): installs the shipped runbooks into the workspace's own folder (only
/// there: a team's shared folder is theirs), then indexes the folder in use. A folder that
/// cannot be written gets no defaults: the workspace works with what is there.
pub fn prepare(ws: &Workspace) -> Result<SyncReport, RunbookError> {
    let dir = folder(ws)?;
    if dir == ws.dir().join("runbooks") && !read_only(&dir) {
        match defaults::install(&dir) {
            Ok(_) => {}
            Err(RunbookError::Io { source, .. }) if cannot_write(&source) => {}
            Err(e) => return Err(e),
        }
    }
    refresh(ws)
}

/// The folder says it is read-only (no write permission bits). Checked first because the
/// permission bits do not stop every user (root) from writing.
fn read_only(dir: &std::path::Path) -> bool {
    std::fs::metadata(dir).is_ok_and(|m| m.permissions().readonly())
}

fn cannot_write(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    )
}

/// Brings the index in step with the runbooks folder in use.
pub fn refresh(ws: &Workspace) -> Result<SyncReport, RunbookError> {
    library::sync(&ws.store, &folder(ws)?, &inv(ws)?)
}

fn known_endpoints(inv: &Inventory) -> HashSet<String> {
    inv.endpoints.iter().map(|e| e.id.clone()).collect()
}

pub fn open(ws: &Workspace, file: &str) -> Result<RunbookView, RunbookError> {
    let document = files::read(&folder(ws)?, file)?;
    let RunbookPreview { html, problems } = preview(ws, file, &document.content)?;
    Ok(RunbookView {
        document,
        html,
        problems,
    })
}

pub fn preview(ws: &Workspace, file: &str, content: &str) -> Result<RunbookPreview, RunbookError> {
    let inv = inv(ws)?;
    let known = known_endpoints(&inv);
    let html = render_runbook(
        content,
        Some(file),
        &UnprobedHealth {
            known_endpoints: &known,
        },
    );
    Ok(RunbookPreview {
        html,
        problems: check_source(file, content, &inv),
    })
}

/// Saves (see [`files::save`] for the conflict rule) and re-indexes: the index changes where
/// the write happens, so listing and the audit only read it.
pub fn save(
    ws: &Workspace,
    file: &str,
    content: &str,
    base: Option<&str>,
) -> Result<Document, RunbookError> {
    let dir = folder(ws)?;
    let doc = files::save(&dir, file, content, base)?;
    library::sync(&ws.store, &dir, &inv(ws)?)?;
    Ok(doc)
}

pub fn create(ws: &Workspace, title: &str, vendor: &str) -> Result<Document, RunbookError> {
    let dir = folder(ws)?;
    let doc = files::create_from_template(&dir, title, vendor)?;
    library::sync(&ws.store, &dir, &inv(ws)?)?;
    Ok(doc)
}

fn parsed(ws: &Workspace, runbook_id: &str) -> Result<ParsedRunbook, RunbookError> {
    let file = library::file_of(&ws.store, runbook_id)?
        .ok_or_else(|| RunbookError::not_found(Missing::Runbook, runbook_id))?;
    let doc = files::read(&folder(ws)?, &file)?;
    parse(&file, &doc.content).map_err(RunbookError::Invalid)
}

pub fn walk(
    ws: &Workspace,
    runbook_id: &str,
    incident_id: Option<i64>,
) -> Result<Walkthrough, RunbookError> {
    walk_of(ws, &parsed(ws, runbook_id)?, incident_id)
}

fn walk_of(
    ws: &Workspace,
    rb: &ParsedRunbook,
    incident_id: Option<i64>,
) -> Result<Walkthrough, RunbookError> {
    let known = known_endpoints(&inv(ws)?);
    let progress = walkthrough::progress(&ws.store, &rb.front.id, incident_id)?;
    let timeline = incident::runbook_timeline(&ws.store, incident_id, &rb.front.id)?;
    Ok(walkthrough::view(
        rb,
        WalkInputs {
            incident_id,
            progress: &progress,
            health: &UnprobedHealth {
                known_endpoints: &known,
            },
            asset_folder: asset_folder(&rb.file),
            timeline,
        },
    ))
}

/// The operator named in settings: the actor of walk-through changes.
fn operator(ws: &Workspace) -> String {
    settings::load(&ws.store, ws.dir())
        .map(|s| s.operator)
        .unwrap_or_else(|_| settings::os_user())
}

/// Marks a step as the operator named in settings, and returns the updated walk.
pub fn mark(ws: &Workspace, m: &StepMark) -> Result<Walkthrough, RunbookError> {
    let rb = parsed(ws, &m.runbook_id)?;
    walkthrough::mark(&ws.store, &rb, m, &operator(ws))?;
    walk_of(ws, &rb, m.incident_id)
}

/// Starts a walk over (every step pending again), and returns the fresh walk.
pub fn reset(
    ws: &Workspace,
    runbook_id: &str,
    incident_id: Option<i64>,
) -> Result<Walkthrough, RunbookError> {
    let rb = parsed(ws, runbook_id)?;
    walkthrough::reset(&ws.store, &rb, incident_id, &operator(ws))?;
    walk_of(ws, &rb, incident_id)
}

/// What the audit needs from the runbooks: which vendor has a runbook for which failure mode,
/// read from the index as it stands (kept fresh by saves and the watcher, not re-read here).
pub fn audit_context(ws: &Workspace) -> Result<crate::audit::AuditContext, RunbookError> {
    Ok(crate::audit::AuditContext {
        runbook_coverage: Some(library::coverage(&ws.store)?),
        ..Default::default()
    })
}

#[cfg(test)]
mod tests;
