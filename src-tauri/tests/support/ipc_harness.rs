//! The IPC test harness: the real command dispatch and capability file on Tauri's mock
//! runtime, over a fresh workspace with the shipped runbooks installed.
// Each test crate uses only part of this file.
#![allow(dead_code)]

use brownout_core::probe::secrets::SystemSecrets;
use brownout_core::workspace::WorkspaceLocation;
use brownout_core::Workspace;
use brownout_shell::commands::list::name;
use brownout_shell::{build_app, AppState};
use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

pub struct Harness {
    window: WebviewWindow<tauri::test::MockRuntime>,
    pub _app: tauri::App<tauri::test::MockRuntime>,
    _dir: tempfile::TempDir,
}

impl Harness {
    pub fn new() -> Self {
        Self::with_state(AppState::new)
    }

    /// A harness whose credentials come from `secrets` (e.g. the keyring crate's mock store).
    pub fn with_secrets(secrets: std::sync::Arc<SystemSecrets>) -> Self {
        Self::with_state(|ws| AppState::new(ws).with_secrets(secrets))
    }

    fn with_state(state: impl FnOnce(Workspace) -> AppState) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::open(&WorkspaceLocation {
            db: Some(dir.path().join("ipc.db")),
        })
        .unwrap();
        // What the app does at start-up: the shipped runbooks installed and indexed.
        brownout_core::runbook::service::prepare(&ws).unwrap();
        let app = build_app(mock_builder(), state(ws))
            .build(tauri::generate_context!())
            .unwrap();
        let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Self {
            window,
            _app: app,
            _dir: dir,
        }
    }

    pub fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: tauri::ipc::CallbackFn(0),
                error: tauri::ipc::CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: tauri::ipc::InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|b| b.deserialize::<Value>().unwrap())
    }

    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        self.invoke(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    pub fn err(&self, cmd: &str, args: Value) -> Value {
        let e = self
            .invoke(cmd, args)
            .expect_err(&format!("{cmd} should fail"));
        assert!(e["code"].is_string() && e["message"].is_string(), "{e}");
        assert!(e["fields"].is_array(), "{e}");
        e
    }

    /// Fails with `code`; the error, for further checks.
    pub fn refused(&self, cmd: &str, args: Value, code: &str) -> Value {
        let e = self.err(cmd, args);
        assert_eq!(e["code"], code, "{cmd}: {e}");
        e
    }

    pub fn inventory(&self) -> Value {
        self.ok(name::inventory_get, json!({}))
    }
}

/// The fields an `invalid` error names, in its order.
pub fn field_names(e: &Value) -> Vec<&str> {
    e["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect()
}

pub fn find<'a>(list: &'a Value, id: &str) -> Option<&'a Value> {
    list.as_array().unwrap().iter().find(|v| v["id"] == id)
}

impl Harness {
    /// Starts the runbooks folder watcher as the app does, and hands over each
    /// `runbooks-changed` payload.
    pub fn watch_runbooks(&self) -> std::sync::mpsc::Receiver<Value> {
        use tauri::Listener;
        let (tx, rx) = std::sync::mpsc::channel();
        self._app.listen_any(
            <brownout_shell::events::RunbooksChanged as brownout_shell::commands::Event>::NAME,
            move |e| {
                let _ = tx.send(serde_json::from_str(e.payload()).unwrap());
            },
        );
        brownout_shell::runbook_watch::restart(self._app.handle());
        rx
    }
}

pub fn runbooks_dir(h: &Harness) -> std::path::PathBuf {
    h.ok(name::settings_get, json!({}))["runbooks_dir"]
        .as_str()
        .unwrap()
        .into()
}
