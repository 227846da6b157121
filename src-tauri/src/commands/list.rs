// The whole IPC surface, declared once: every command with its argument names and types and its
// result type, and every event with its payload type. This one list is expanded three ways:
// the Tauri handler and typed command wrappers (`commands.rs`), the generated TypeScript client
// and types (`bindings.rs`), and the `allow-<command>` permissions (`build.rs`).
//
// A command is `module::name[context](arg: Type, …) -> Output;`: `module` is the file in
// `commands/` holding `pub async fn name(context…, arg: Type, …) -> Result<Output, IpcError>`
// (a plain function: the wrapper made from this line is the `#[tauri::command]`), and
// `context` is what Tauri injects before the arguments: `[state]` or `[app, state]`.
// An event is `Payload = "event-name";` with `Payload` a struct in `events.rs`; send it with
// `Payload { … }.emit(&app)`, listen in the UI with `events.eventName(handler)`.
// Types named here must be in scope in `ipc_surface!` (the `use` lines in `commands.rs`).
// After any change: `UPDATE_BINDINGS=1 cargo test -p brownout --test bindings`, and commit the
// regenerated files.
ipc_surface! {
    commands {
        app::app_info[state]() -> AppInfo;
        inventory::inventory_get[state]() -> Inventory;
        inventory::vendor_save[state](original_id: Option<String>, vendor: Vendor) -> Vendor;
        inventory::vendor_delete[state](id: String) -> ();
        inventory::endpoint_save[state](original_id: Option<String>, endpoint: Endpoint) -> Endpoint;
        inventory::endpoint_delete[state](id: String) -> ();
        inventory::workflow_save[state](original_id: Option<String>, workflow: Workflow) -> Workflow;
        inventory::workflow_delete[state](id: String) -> ();
        inventory::rotation_save[state](original_id: Option<String>, rotation: Rotation) -> Rotation;
        inventory::rotation_delete[state](id: String) -> ();
        rotations::rotation_calendar[state](id: String, from: String, days: u32) -> RotationCalendar;
        rotations::rotation_override_add[state](id: String, value: Override) -> Rotation;
        rotations::rotation_override_remove[state](id: String, index: u32) -> Rotation;
        rotations::oncall_now[state]() -> Vec<OnCallNow>;
        audit::audit_run[state]() -> AuditReport;
        settings::settings_get[state]() -> Settings;
        settings::settings_save[app, state](settings: Settings) -> Settings;
        drill::drill_get[state]() -> DrillState;
        drill::drill_set[state](vendor: String, fault: Fault) -> DrillState;
        runbooks::runbook_list[state](query: RunbookQuery) -> Vec<RunbookSummary>;
        runbooks::runbook_open[state](file: String) -> RunbookView;
        runbooks::runbook_preview[state](file: String, content: String) -> RunbookPreview;
        runbooks::runbook_save[state](file: String, content: String, base_version: Option<String>) -> Document;
        runbooks::runbook_create[state](title: String, vendor: String) -> Document;
        runbooks::walkthrough_get[state](runbook_id: String, incident_id: Option<i64>) -> Walkthrough;
        runbooks::walkthrough_mark[state](mark: StepMark) -> Walkthrough;
        runbooks::walkthrough_reset[state](runbook_id: String, incident_id: Option<i64>) -> Walkthrough;
        runbooks::timeline_list[state](incident_id: Option<i64>) -> Vec<TimelineEvent>;
        health::health_board[state]() -> HealthBoard;
        health::probe_now[app, state](endpoint: String) -> EndpointLive;
        health::health_heatmap[state](vendor: String) -> Vec<HeatCell>;
        secrets::credential_store[state](reference: String, secret: String) -> ();
    }
    events {
        RunbooksChanged = "runbooks-changed";
        HealthChanged = "health-changed";
    }
}
