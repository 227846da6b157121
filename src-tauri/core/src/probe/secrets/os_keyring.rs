//! Keyring entries through the `keyring` crate, one entry per `keyring:SERVICE/ACCOUNT`
//! reference, its failures turned into [`CredentialError`]s a person can act on.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use keyring::credential::CredentialBuilder;
use keyring::{Entry, Error};

use crate::probe::request::CredentialError;

/// A credential store: the platform's (see [`OsKeyring::platform`]) or any other the `keyring`
/// crate can build entries in, such as its mock store in tests.
pub struct OsKeyring {
    store: Box<CredentialBuilder>,
    /// One entry per service and account, made on first use and kept: an entry is a handle
    /// (the platform store is asked again on every read), and the mock store keeps a secret in
    /// its entry only.
    entries: Mutex<HashMap<(String, String), Arc<Entry>>>,
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
        }
    }

    /// The secret stored for `service`/`account`.
    pub fn read(&self, service: &str, account: &str) -> Result<String, CredentialError> {
        let entry = self.entry(service, account)?;
        entry
            .get_password()
            .map_err(|e| failure(e, service, account, None))
    }

    /// Stores `secret` for `service`/`account`, replacing any secret stored before.
    pub fn store(&self, service: &str, account: &str, secret: &str) -> Result<(), CredentialError> {
        let entry = self.entry(service, account)?;
        entry
            .set_password(secret)
            .map_err(|e| failure(e, service, account, Some(secret)))
    }

    /// The entry for `service`/`account`: the one made before, or a new one.
    pub fn entry(&self, service: &str, account: &str) -> Result<Arc<Entry>, CredentialError> {
        let key = (service.to_owned(), account.to_owned());
        let mut entries = self
            .entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(entry) = entries.get(&key) {
            return Ok(entry.clone());
        }
        let credential = self
            .store
            .build(None, service, account)
            .map_err(|e| failure(e, service, account, None))?;
        let entry = Arc::new(Entry::new_with_credential(credential));
        entries.insert(key, entry.clone());
        Ok(entry)
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
