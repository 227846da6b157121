//! The choices probes depend on, each made in one place for the window and the command line:
//! where a workspace's probes go and how credentials are resolved.

use std::sync::Arc;

use brownout_core::probe::request::SecretResolver;
use brownout_core::probe::secrets::SystemSecrets;
use brownout_core::probe::targets::Routing;
use brownout_core::simulator::EmbeddedSimulator;
use brownout_core::Workspace;

use crate::state::AppState;

/// A loopback address nothing listens on: where a simulated workspace's probes go when the
/// simulator could not start, so they fail as unreachable instead of reaching a real vendor.
const NOWHERE: &str = "http://127.0.0.1:9";

/// Where `ws`'s probes go (`None`: a team's inventory file, outside any workspace): a simulated
/// workspace probes `simulator` (started if need be), any other its real endpoints.
pub fn routing_of(ws: Option<&Workspace>, simulator: &EmbeddedSimulator) -> Routing {
    let Some(ws) = ws else {
        return Routing::Real;
    };
    match simulator.for_workspace(ws) {
        Ok(Some(base_url)) => Routing::Simulated { base_url },
        Ok(None) => Routing::Real,
        Err(e) => {
            eprintln!("brownout: the vendor simulator is not available: {e}");
            Routing::Simulated {
                base_url: NOWHERE.to_owned(),
            }
        }
    }
}

/// Where the app's probes go.
pub fn routing_for(state: &AppState) -> Routing {
    routing_of(Some(&state.workspace), &state.simulator)
}

/// How the command line resolves real credentials: `env:NAME` from the process environment,
/// `keyring:SERVICE/ACCOUNT` from the OS keyring.
pub fn secret_resolver() -> Arc<dyn SecretResolver> {
    Arc::new(SystemSecrets::os())
}

/// How the app resolves them: the same sources, through the app's resolver, so a key stored
/// from the endpoint form is used by the next probe.
pub fn app_secret_resolver(state: &AppState) -> Arc<dyn SecretResolver> {
    state.secrets.clone()
}
