use brownout_core::incident::{self, TimelineEvent};
use brownout_core::runbook::library;
use brownout_core::runbook::service::{self, RunbookPreview, RunbookView};
use brownout_core::runbook::walkthrough::{StepMark, Walkthrough};
use brownout_core::runbook::{Document, RunbookQuery, RunbookSummary};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// The list, from the index (saves, creates and the folder watcher keep it in step).
pub async fn runbook_list(
    state: State<'_, AppState>,
    query: RunbookQuery,
) -> Result<Vec<RunbookSummary>, IpcError> {
    Ok(library::search(state.store(), &query)?)
}

pub async fn runbook_open(
    state: State<'_, AppState>,
    file: String,
) -> Result<RunbookView, IpcError> {
    Ok(service::open(&state.workspace, &file)?)
}

pub async fn runbook_preview(
    state: State<'_, AppState>,
    file: String,
    content: String,
) -> Result<RunbookPreview, IpcError> {
    Ok(service::preview(&state.workspace, &file, &content)?)
}

/// Saves only if the file is still at `base_version`; otherwise fails with code `conflict`.
pub async fn runbook_save(
    state: State<'_, AppState>,
    file: String,
    content: String,
    base_version: Option<String>,
) -> Result<Document, IpcError> {
    Ok(service::save(
        &state.workspace,
        &file,
        &content,
        base_version.as_deref(),
    )?)
}

pub async fn runbook_create(
    state: State<'_, AppState>,
    title: String,
    vendor: String,
) -> Result<Document, IpcError> {
    Ok(service::create(&state.workspace, &title, &vendor)?)
}

pub async fn walkthrough_get(
    state: State<'_, AppState>,
    runbook_id: String,
    incident_id: Option<i64>,
) -> Result<Walkthrough, IpcError> {
    Ok(service::walk(&state.workspace, &runbook_id, incident_id)?)
}

pub async fn walkthrough_mark(
    state: State<'_, AppState>,
    mark: StepMark,
) -> Result<Walkthrough, IpcError> {
    Ok(service::mark(&state.workspace, &mark)?)
}

/// Starts the walk over: every step back to pending, with one timeline event saying so.
pub async fn walkthrough_reset(
    state: State<'_, AppState>,
    runbook_id: String,
    incident_id: Option<i64>,
) -> Result<Walkthrough, IpcError> {
    Ok(service::reset(&state.workspace, &runbook_id, incident_id)?)
}

pub async fn timeline_list(
    state: State<'_, AppState>,
    incident_id: Option<i64>,
) -> Result<Vec<TimelineEvent>, IpcError> {
    Ok(incident::timeline(state.store(), incident_id)?)
}
