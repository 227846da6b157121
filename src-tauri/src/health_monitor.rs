//! The probe monitor of the open window: started with it (routing from settings), every sample
//! pushed to the UI as `health-changed`, a desktop notification when some workflow's fallback
//! goes down or recovers (the decision is the core's; this only sends), and reloaded when the
//! inventory or the settings change.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use brownout_core::inventory;
use brownout_core::probe::monitor::{Monitor, MonitorError, MonitorOptions, SystemClock, Update};
use brownout_core::probe::notify::{Notice, Notifier};
use brownout_core::probe::runner::Limits;
use tauri::{AppHandle, Manager, Runtime};
use tokio::sync::broadcast::error::RecvError;

use crate::commands::Event;
use crate::events::HealthChanged;
use crate::probing::{app_secret_resolver, routing_for};
use crate::state::AppState;

/// The app's monitor, made (with its event forwarding, not yet probing on schedule) the first
/// time something needs it.
pub fn ensure<R: Runtime>(app: &AppHandle<R>) -> Result<Monitor, MonitorError> {
    let state = app.state::<AppState>();
    let mut slot = state.monitor.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(monitor) = slot.as_ref() {
        return Ok(monitor.clone());
    }
    let seed = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default() as u64;
    let monitor = Monitor::new(
        state.store().clone(),
        MonitorOptions {
            routing: routing_for(&state),
            secrets: app_secret_resolver(&state),
            limits: Limits::default(),
            clock: Arc::new(SystemClock),
            seed,
            health: state.workspace.health.clone(),
        },
    )?;
    let updates = monitor.subscribe();
    tauri::async_runtime::spawn(forward(app.clone(), monitor.clone(), updates));
    *slot = Some(monitor.clone());
    Ok(monitor)
}

/// Starts probing on schedule, for as long as the app runs.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    match ensure(app) {
        Ok(monitor) => {
            tauri::async_runtime::spawn(monitor.run());
        }
        Err(e) => eprintln!("brownout: probes do not run: {e}"),
    }
}

/// Follows an inventory change (a save, a delete, an import).
pub fn reload(state: &AppState) {
    let monitor = state
        .monitor
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    if let Some(Err(e)) = monitor.map(|m| m.reload()) {
        eprintln!("brownout: probes keep the previous inventory: {e}");
    }
}

/// Follows a settings change (the workspace switched to or from the simulator).
pub fn apply_routing(state: &AppState) {
    let monitor = state
        .monitor
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    if let Some(Err(e)) = monitor.map(|m| m.set_routing(routing_for(state))) {
        eprintln!("brownout: probes keep their previous routing: {e}");
    }
}

async fn forward<R: Runtime>(
    app: AppHandle<R>,
    monitor: Monitor,
    mut updates: tokio::sync::broadcast::Receiver<Update>,
) {
    let mut notifier = Notifier::default();
    loop {
        let update = match updates.recv().await {
            Ok(update) => update,
            // Missed some: the next ones still carry the current state.
            Err(RecvError::Lagged(_)) => continue,
            Err(RecvError::Closed) => return,
        };
        if let Ok(endpoint) = monitor.endpoint_live(&update.sample.endpoint) {
            let _ = HealthChanged { endpoint }.emit(&app);
        }
        let Some(change) = update.change else {
            continue;
        };
        let state = app.state::<AppState>();
        let Ok(inv) = inventory::load(state.store()) else {
            continue;
        };
        if let Some(notice) = notifier.notice(&change, &inv) {
            notify(&app, &notice);
        }
    }
}

/// Sends a desktop notification. Without a notification service (a bare X server) sending
/// fails; that is said once, not at every change.
fn notify<R: Runtime>(app: &AppHandle<R>, notice: &Notice) {
    use tauri_plugin_notification::NotificationExt;
    static TOLD: AtomicBool = AtomicBool::new(false);
    // Not registered (the IPC tests' mock app): nothing to send with.
    if app
        .try_state::<tauri_plugin_notification::Notification<R>>()
        .is_none()
    {
        return;
    }
    let sent = app
        .notification()
        .builder()
        .title(&notice.title)
        .body(&notice.body)
        .show();
    if let Err(e) = sent {
        if !TOLD.swap(true, Ordering::SeqCst) {
            eprintln!("brownout: desktop notifications cannot be shown: {e}");
        }
    }
}
