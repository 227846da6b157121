//! Tauri commands: thin adapters that take ids and validated values, call the core, and map
//! errors to [`IpcError`](crate::error::IpcError).

pub mod app;
pub mod audit;
pub mod inventory;
pub mod runbooks;
pub mod settings;
