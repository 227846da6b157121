//! Where probes get their secrets: `env:NAME` from the process environment and
//! `keyring:SERVICE/ACCOUNT` from the OS keyring (the Secret Service on Linux, the Keychain on
//! macOS, the Credential Manager on Windows). A secret lives only in those places and in the
//! request that carries it: nothing here writes one to the database, a log or a message.
//!
//! - [`os_keyring`]: reading and storing keyring entries, with every failure in words.

pub mod os_keyring;

use crate::inventory::secrets::{parse_credential, Credential};
use crate::probe::request::{CredentialError, EnvSecrets, SecretResolver};
pub use os_keyring::OsKeyring;

/// The longest key the keyring accepts from the app; vendor keys are far shorter.
pub const MAX_SECRET_CHARS: usize = 8 * 1024;

type EnvLookup = Box<dyn Fn(&str) -> Option<String> + Send + Sync>;

/// Resolves both kinds of reference: `env:` from a variable lookup, `keyring:` from an
/// [`OsKeyring`]. The app, the CLI and the shell's "store key" command share one.
pub struct SystemSecrets {
    env: EnvSecrets<EnvLookup>,
    keyring: OsKeyring,
}

impl SystemSecrets {
    /// The process environment and the platform's keyring: what the app and the CLI probe
    /// with. Env references work on every machine; keyring references fail in words where the
    /// machine has no keyring (a headless server, CI).
    pub fn os() -> Self {
        Self::new(|name| std::env::var(name).ok(), OsKeyring::platform())
    }

    /// `env` looks variables up; `keyring` holds the entries.
    pub fn new(
        env: impl Fn(&str) -> Option<String> + Send + Sync + 'static,
        keyring: OsKeyring,
    ) -> Self {
        Self {
            env: EnvSecrets::with_lookup(Box::new(env)),
            keyring,
        }
    }

    /// Where `keyring:` references are read and stored.
    pub fn keyring(&self) -> &OsKeyring {
        &self.keyring
    }

    /// Stores `secret` (surrounding whitespace removed, as pasted keys often carry a line
    /// break) under a `keyring:` reference. An `env:` reference is refused: the variable is set
    /// where Brownout runs, not by it.
    pub fn store(&self, reference: &str, secret: &str) -> Result<(), CredentialError> {
        let secret = secret.trim();
        let Ok(Credential::Keyring { service, account }) = parse_credential(reference) else {
            return Err(CredentialError::NotStorable);
        };
        if secret.is_empty() {
            return Err(CredentialError::BadSecret {
                problem: "is empty",
            });
        }
        if secret.chars().count() > MAX_SECRET_CHARS {
            return Err(CredentialError::BadSecret {
                problem: "is longer than 8,192 characters; paste only the key",
            });
        }
        if secret.chars().any(char::is_control) {
            return Err(CredentialError::BadSecret {
                problem: "holds line breaks or control characters; paste only the key",
            });
        }
        self.keyring.store(service, account, secret)
    }
}

impl SecretResolver for SystemSecrets {
    fn secret(&self, reference: &str) -> Result<String, CredentialError> {
        match parse_credential(reference) {
            Ok(Credential::Env(_)) => self.env.secret(reference),
            Ok(Credential::Keyring { service, account }) => self.keyring.read(service, account),
            Err(_) => Err(malformed(reference)),
        }
    }
}

/// A reference that is neither form. It is echoed, as references are never secrets, cut short
/// where it looks like a key (someone pasted the key where the reference belongs).
fn malformed(reference: &str) -> CredentialError {
    CredentialError::Malformed {
        reference: crate::inventory::secrets::redact(reference).into_owned(),
    }
}

#[cfg(test)]
mod tests;
