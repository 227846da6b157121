//! Tauri commands: thin adapters that take ids and validated values, call the core, and map
//! errors to [`IpcError`](crate::error::IpcError).
//!
//! The surface is declared once, in [`list`] (see the comment there). From that declaration
//! this module makes, per command, a `#[tauri::command]` wrapper whose argument names are the
//! declared ones and which calls the function in the command's module (so the compiler checks
//! the declared types against it), plus [`list::handler`] for `invoke_handler`, the names in
//! [`list::name`], and the descriptions [`list::commands`] / [`list::events`] the TypeScript
//! client is generated from.

pub mod app;
pub mod audit;
pub mod drill;
pub mod health;
pub mod inventory;
pub mod rotations;
pub mod runbooks;
pub mod secrets;
pub mod settings;

use std::any::TypeId;

use crate::bindings::TypeCollector;

/// One declared command, as the TypeScript generator sees it.
pub struct CommandDecl {
    pub name: &'static str,
    pub args: Vec<ArgDecl>,
    pub result: TypeDecl,
}

pub struct ArgDecl {
    pub name: &'static str,
    pub ty: TypeDecl,
}

/// One declared event: its name on the wire and its payload.
pub struct EventDecl {
    pub name: &'static str,
    pub payload: TypeDecl,
}

/// A Rust type that crosses the boundary: its TypeScript name and how to reach its declaration
/// and every type it depends on.
pub struct TypeDecl {
    pub ts_name: String,
    pub is_unit: bool,
    pub visit: fn(&mut TypeCollector),
}

impl TypeDecl {
    pub fn of<T: ts_rs::TS + 'static>() -> Self {
        Self {
            ts_name: T::name(&crate::bindings::config()),
            is_unit: TypeId::of::<T>() == TypeId::of::<()>(),
            visit: TypeCollector::root::<T>,
        }
    }
}

/// An event the shell sends to the UI; its name and payload come from the declaration.
pub trait Event: serde::Serialize + Clone {
    const NAME: &'static str;

    fn emit<R: tauri::Runtime>(&self, app: &tauri::AppHandle<R>) -> tauri::Result<()> {
        tauri::Emitter::emit(app, Self::NAME, self.clone())
    }
}

macro_rules! ipc_surface {
    (
        commands {
            $( $module:ident :: $name:ident [ $($ctx:ident),* ] ( $($arg:ident : $ty:ty),* ) -> $ret:ty ; )*
        }
        events {
            $( $payload:ident = $event:literal ; )*
        }
    ) => {
        #[allow(unused_imports)]
        use brownout_core::audit::AuditReport;
        #[allow(unused_imports)]
        use brownout_core::incident::TimelineEvent;
        #[allow(unused_imports)]
        use brownout_core::inventory::{Endpoint, Inventory, Rotation, Vendor, Workflow};
        #[allow(unused_imports)]
        use brownout_core::probe::board::{EndpointLive, HealthBoard};
        #[allow(unused_imports)]
        use brownout_core::probe::history::HeatCell;
        use brownout_core::rotation::Override;
        #[allow(unused_imports)]
        use crate::commands::rotations::{OnCallNow, RotationCalendar};
        #[allow(unused_imports)]
        use brownout_core::runbook::service::{RunbookPreview, RunbookView};
        #[allow(unused_imports)]
        use brownout_core::runbook::walkthrough::{StepMark, Walkthrough};
        #[allow(unused_imports)]
        use brownout_core::runbook::{Document, RunbookQuery, RunbookSummary};
        #[allow(unused_imports)]
        use brownout_core::settings::Settings;
        #[allow(unused_imports)]
        use brownout_core::simulator::{DrillState, Fault};
        #[allow(unused_imports)]
        use crate::commands::app::AppInfo;
        #[allow(unused_imports)]
        use crate::events::*;
        use crate::error::IpcError;
        use crate::state::AppState;

        $( ipc_surface!(@wrapper $module $name [$($ctx),*] ($($arg : $ty),*) $ret); )*

        /// Every command, for `Builder::invoke_handler`.
        pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }

        /// The command names as the UI sends them.
        #[allow(non_upper_case_globals)]
        pub mod name {
            $( pub const $name: &str = stringify!($name); )*
        }

        /// Every command, in declaration order.
        pub fn commands() -> Vec<super::CommandDecl> {
            vec![$(super::CommandDecl {
                name: stringify!($name),
                args: vec![$(super::ArgDecl { name: stringify!($arg), ty: super::TypeDecl::of::<$ty>() }),*],
                result: super::TypeDecl::of::<$ret>(),
            }),*]
        }

        /// Every event, in declaration order.
        pub fn events() -> Vec<super::EventDecl> {
            vec![$(super::EventDecl { name: $event, payload: super::TypeDecl::of::<$payload>() }),*]
        }

        $( impl super::Event for $payload { const NAME: &'static str = $event; } )*
    };

    (@wrapper $module:ident $name:ident [state] ($($arg:ident : $ty:ty),*) $ret:ty) => {
        #[tauri::command]
        async fn $name(state: tauri::State<'_, AppState> $(, $arg: $ty)*) -> Result<$ret, IpcError> {
            super::$module::$name(state $(, $arg)*).await
        }
    };
    (@wrapper $module:ident $name:ident [app, state] ($($arg:ident : $ty:ty),*) $ret:ty) => {
        #[tauri::command]
        async fn $name<R: tauri::Runtime>(
            app: tauri::AppHandle<R>,
            state: tauri::State<'_, AppState>
            $(, $arg: $ty)*
        ) -> Result<$ret, IpcError> {
            super::$module::$name(app, state $(, $arg)*).await
        }
    };
}

pub mod list;
