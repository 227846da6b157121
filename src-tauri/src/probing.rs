//! The choices probes depend on, each made in one place for the window and the command line:
//! where a workspace's probes go and how credentials are resolved.

use std::sync::Arc;

use brownout_core::probe::request::{EnvSecrets, SecretResolver};
use brownout_core::probe::targets::Routing;
use brownout_core::Workspace;

use crate::state::AppState;

/// Where `ws`'s probes go (`None`: a team's inventory file, outside any workspace). Every
/// workspace probes its real endpoints for now.
pub fn routing_of(_ws: Option<&Workspace>) -> Routing {
    Routing::Real
}

/// Where the app's probes go.
pub fn routing_for(state: &AppState) -> Routing {
    routing_of(Some(&state.workspace))
}

/// How real credentials are resolved: `env:NAME` from the process environment.
pub fn secret_resolver() -> Arc<dyn SecretResolver> {
    Arc::new(EnvSecrets::process())
}
