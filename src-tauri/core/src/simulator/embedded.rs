//! The simulator a simulated workspace probes: started on a free loopback port the first time
//! it is needed, then kept for the life of the process.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};

use super::{Faults, Simulator, SimulatorError, SimulatorHandle};
use crate::settings::{self, SettingsError};
use crate::Workspace;

/// Why the workspace's simulator could not be reached.
#[derive(Debug, thiserror::Error)]
pub enum EmbeddedError {
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error("the built-in vendor simulator did not start: {0}")]
    Start(#[from] SimulatorError),
}

impl crate::error::Coded for EmbeddedError {
    fn code(&self) -> crate::error::Code {
        match self {
            EmbeddedError::Settings(e) => e.code(),
            EmbeddedError::Start(e) => e.code(),
        }
    }
}

/// The process's embedded simulator, not started until asked for. Cheap to clone: clones
/// share it.
#[derive(Debug, Clone, Default)]
pub struct EmbeddedSimulator(Arc<Mutex<Option<SimulatorHandle>>>);

impl EmbeddedSimulator {
    fn slot(&self) -> MutexGuard<'_, Option<SimulatorHandle>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The running simulator's base URL, starting it on `127.0.0.1:0` if it is not running.
    pub fn start(&self) -> Result<String, SimulatorError> {
        let mut slot = self.slot();
        if let Some(handle) = slot.as_ref() {
            return Ok(handle.base_url());
        }
        let handle = Simulator::start(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))?;
        let url = handle.base_url();
        *slot = Some(handle);
        Ok(url)
    }

    /// The base URL while it runs; `None` before it was first started.
    pub fn base_url(&self) -> Option<String> {
        self.slot().as_ref().map(SimulatorHandle::base_url)
    }

    /// Its fault table, once it runs.
    pub fn faults(&self) -> Option<Faults> {
        self.slot().as_ref().map(|h| h.faults().clone())
    }

    /// Where `workspace`'s probes go: the simulator's base URL (started if need be) when the
    /// workspace is simulated, `None` when it probes the real vendors. A workspace that is not
    /// simulated never starts the simulator.
    pub fn for_workspace(&self, workspace: &Workspace) -> Result<Option<String>, EmbeddedError> {
        let settings = settings::load(&workspace.store, workspace.dir())?;
        if !settings.simulated {
            return Ok(None);
        }
        let fresh = self.base_url().is_none();
        let url = self.start()?;
        if fresh {
            // A drill outlives the process that started it: the app after a restart and
            // `brownout probe run` break the same vendors the Drill panel broke.
            if let Some(faults) = self.faults() {
                for (vendor, fault) in super::drill::stored_faults(workspace)? {
                    // Stored faults were checked when set; one that no longer is valid is skipped.
                    let _ = faults.set(&vendor, fault);
                }
            }
        }
        Ok(Some(url))
    }
}
