// Every app command gets an `allow-<command>` permission; capabilities/default.json grants
// exactly these to the main window and nothing else.
const COMMANDS: &[&str] = &[
    "app_info",
    "inventory_get",
    "vendor_save",
    "vendor_delete",
    "endpoint_save",
    "endpoint_delete",
    "workflow_save",
    "workflow_delete",
    "rotation_save",
    "rotation_delete",
    "audit_run",
    "settings_get",
    "settings_save",
    "runbook_list",
    "runbook_open",
    "runbook_preview",
    "runbook_save",
    "runbook_create",
    "walkthrough_get",
    "walkthrough_mark",
    "walkthrough_reset",
    "timeline_list",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script failed");
}
