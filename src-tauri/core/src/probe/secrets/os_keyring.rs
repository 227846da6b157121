//! Keyring entries through the `keyring` crate, one entry per `keyring:SERVICE/ACCOUNT`
//! reference, its failures turned into [`CredentialError`]s a person can act on.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use keyring::credential::CredentialBuilder;
use keyring::{Entry, Error};

use crate::probe::request::CredentialError;

/// How long a probe waits for a key: a locked keyring may be showing an unlock prompt that
/// nobody answers, and the probes of a sweep must not wait on it.
pub const READ_WAIT: Duration = Duration::from_secs(5);
/// How long storing a key waits: the operator is at the window and may be answering a prompt.
pub const STORE_WAIT: Duration = Duration::from_secs(120);

/// A credential store: the platform's (see [`OsKeyring::platform`]) or any other the `keyring`
/// crate can build entries in, such as its mock store in tests.
pub struct OsKeyring {
    store: Box<CredentialBuilder>,
    /// One entry per service and account, made on first use and kept: an entry is a handle
    /// (the platform store is asked again on every read), and the mock store keeps a secret in
    /// its entry only.
    entries: Mutex<HashMap<(String, String), Slot>>,
    read_wait: Duration,
}

/// An entry, and whether a request to it is still waiting for the store.
#[derive(Clone)]
struct Slot {
    entry: Arc<Entry>,
    busy: Arc<AtomicBool>,
}

impl OsKeyring {
    /// The platform's store: the Secret Service (over D-Bus) on Linux and the BSDs, the Keychain
    /// on macOS, the Credential Manager on Windows.
    pub fn platform() -> Self {
        Self::with_store(keyring::default::default_credential_builder())
    }

    /// Entries built by `store`, e.g. `keyring::mock::default_credential_builder()`.
    pub fn with_store(store: Box<CredentialBuilder>) -> Self {
        Self {
            store,
            entries: Mutex::new(HashMap::new()),
            read_wait: READ_WAIT,
        }
    }

    /// The same, with reads that give up after `wait` instead of [`READ_WAIT`].
    pub fn reads_waiting(mut self, wait: Duration) -> Self {
        self.read_wait = wait;
        self
    }

    /// The secret stored for `service`/`account`.
    pub fn read(&self, service: &str, account: &str) -> Result<String, CredentialError> {
        let slot = self.slot(service, account)?;
        bounded(&slot, self.read_wait, |entry| entry.get_password())
            .map_err(|e| e.words(service, account, None))
    }

    /// Stores `secret` for `service`/`account`, replacing any secret stored before.
    pub fn store(&self, service: &str, account: &str, secret: &str) -> Result<(), CredentialError> {
        let slot = self.slot(service, account)?;
        let owned = secret.to_owned();
        bounded(&slot, STORE_WAIT, move |entry| entry.set_password(&owned))
            .map_err(|e| e.words(service, account, Some(secret)))
    }

    /// The entry for `service`/`account`: the one made before, or a new one.
    pub fn entry(&self, service: &str, account: &str) -> Result<Arc<Entry>, CredentialError> {
        Ok(self.slot(service, account)?.entry)
    }

    fn slot(&self, service: &str, account: &str) -> Result<Slot, CredentialError> {
        let key = (service.to_owned(), account.to_owned());
        let mut entries = self
            .entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(slot) = entries.get(&key) {
            return Ok(slot.clone());
        }
        let credential = self
            .store
            .build(None, service, account)
            .map_err(|e| Failure::Store(e).words(service, account, None))?;
        let slot = Slot {
            entry: Arc::new(Entry::new_with_credential(credential)),
            busy: Arc::default(),
        };
        entries.insert(key, slot.clone());
        Ok(slot)
    }
}

/// Why a request to the store gave no answer.
enum Failure {
    Store(Error),
    /// No answer within this many seconds (the request goes on, on its own thread).
    NoAnswer(u64),
    /// The previous request to the entry still has no answer.
    StillWaiting,
}

/// Runs `request` on its own thread and waits for it at most `wait`. A request that does not
/// come back in time is left to finish on its own, and the entry takes no new request until
/// it has, so an unanswered unlock prompt holds one thread, not one per probe.
fn bounded<T: Send + 'static>(
    slot: &Slot,
    wait: Duration,
    request: impl FnOnce(&Entry) -> keyring::Result<T> + Send + 'static,
) -> Result<T, Failure> {
    if slot.busy.swap(true, Ordering::AcqRel) {
        return Err(Failure::StillWaiting);
    }
    let (answer, answered) = mpsc::channel();
    let (entry, busy) = (slot.entry.clone(), slot.busy.clone());
    std::thread::spawn(move || {
        let result = request(&entry);
        busy.store(false, Ordering::Release);
        let _ = answer.send(result);
    });
    match answered.recv_timeout(wait) {
        Ok(result) => result.map_err(Failure::Store),
        Err(_) => Err(Failure::NoAnswer(wait.as_secs())),
    }
}

impl Failure {
    fn words(self, service: &str, account: &str, secret: Option<&str>) -> CredentialError {
        let waiting = |why: String| CredentialError::KeyringLocked {
            reference: format!("keyring:{service}/{account}"),
            why,
        };
        match self {
            Failure::Store(e) => failure(e, service, account, secret),
            Failure::NoAnswer(s) => waiting(format!(
                "no answer within {s} s; it may be waiting to be unlocked"
            )),
            Failure::StillWaiting => waiting(
                "an earlier request has no answer yet; it may be waiting to be unlocked".into(),
            ),
        }
    }
}

/// `e` in words. A failure to reach the store at all (no D-Bus session, no Secret Service) is
/// "no OS keyring"; a locked store or a refused prompt is access refused. `secret`, when the
/// failed request carried one, is removed from whatever the platform said.
fn failure(e: Error, service: &str, account: &str, secret: Option<&str>) -> CredentialError {
    let reference = format!("keyring:{service}/{account}");
    let words = |source: &dyn std::error::Error| {
        let text = source.to_string();
        match secret.filter(|s| !s.is_empty()) {
            Some(secret) => text.replace(secret, "[redacted]"),
            None => text,
        }
    };
    match e {
        Error::NoEntry => CredentialError::NoKeyringEntry { reference },
        Error::PlatformFailure(source) => CredentialError::KeyringUnavailable {
            why: words(source.as_ref()),
        },
        Error::NoStorageAccess(source) => CredentialError::KeyringLocked {
            reference,
            why: words(source.as_ref()),
        },
        // Its value is the stored bytes: never put them in words.
        Error::BadEncoding(_) => CredentialError::KeyringFailed {
            reference,
            why: "the stored secret is not UTF-8 text; store the key again".to_owned(),
        },
        Error::Ambiguous(found) => CredentialError::KeyringFailed {
            reference,
            why: format!(
                "{} entries match it; remove all but one with your keyring tool",
                found.len()
            ),
        },
        other => CredentialError::KeyringFailed {
            reference,
            why: words(&other),
        },
    }
}

#[cfg(test)]
mod tests;
