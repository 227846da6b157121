use keyring::mock::MockCredential;

use super::*;
use crate::error::{Code, Coded};

const CANARY: &str = "canary-secret-7f3a9c2e";

fn secrets() -> SystemSecrets {
    SystemSecrets::new(
        |name| (name == "PROBE_KEY").then(|| "sk-env-canary-1234".to_owned()),
        OsKeyring::with_store(keyring::mock::default_credential_builder()),
    )
}

/// Makes the next request to the mock entry for `service`/`account` fail with `error`.
fn fail_next(secrets: &SystemSecrets, service: &str, account: &str, error: keyring::Error) {
    let entry = secrets.keyring.entry(service, account).unwrap();
    let mock: &MockCredential = entry.get_credential().downcast_ref().unwrap();
    mock.set_error(error);
}

fn boxed(text: &str) -> Box<dyn std::error::Error + Send + Sync> {
    text.to_owned().into()
}

#[test]
fn an_env_reference_reads_the_variable() {
    let secrets = secrets();
    assert_eq!(
        secrets.secret("env:PROBE_KEY").unwrap(),
        "sk-env-canary-1234"
    );
    assert_eq!(
        secrets.secret("env:OTHER_KEY"),
        Err(CredentialError::UnsetVariable {
            name: "OTHER_KEY".into()
        })
    );
}

#[test]
fn a_stored_key_is_read_back_by_its_reference() {
    let secrets = secrets();
    // A pasted key often ends in a line break.
    secrets
        .store("keyring:brownout/openai", &format!("  {CANARY}\n"))
        .unwrap();
    assert_eq!(secrets.secret("keyring:brownout/openai").unwrap(), CANARY);
    // Another account is another entry.
    assert!(secrets.secret("keyring:brownout/anthropic").is_err());
    secrets
        .store("keyring:brownout/openai", "replaced-key")
        .unwrap();
    assert_eq!(
        secrets.secret("keyring:brownout/openai").unwrap(),
        "replaced-key"
    );
}

#[test]
fn a_missing_entry_says_how_to_store_one() {
    let e = secrets().secret("keyring:brownout/openai").unwrap_err();
    assert_eq!(
        e,
        CredentialError::NoKeyringEntry {
            reference: "keyring:brownout/openai".into()
        }
    );
    assert_eq!(e.code(), Code::NotFound);
    assert!(e.to_string().contains("Store key in OS keyring"), "{e}");
}

#[test]
fn without_a_keyring_the_error_says_so_and_env_references_still_work() {
    let secrets = secrets();
    let why = "org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided";
    fail_next(
        &secrets,
        "brownout",
        "openai",
        keyring::Error::PlatformFailure(boxed(why)),
    );
    let e = secrets.secret("keyring:brownout/openai").unwrap_err();
    assert_eq!(e.code(), Code::Keyring);
    assert_eq!(
        e.to_string(),
        format!("no OS keyring is available on this machine ({why}); use an env: reference")
    );
    assert_eq!(
        secrets.secret("env:PROBE_KEY").unwrap(),
        "sk-env-canary-1234"
    );

    fail_next(
        &secrets,
        "brownout",
        "openai",
        keyring::Error::PlatformFailure(boxed(why)),
    );
    let e = secrets
        .store("keyring:brownout/openai", CANARY)
        .unwrap_err();
    assert!(
        e.to_string().starts_with("no OS keyring is available"),
        "{e}"
    );
}

#[test]
fn a_locked_keyring_is_access_refused() {
    let secrets = secrets();
    fail_next(
        &secrets,
        "brownout",
        "openai",
        keyring::Error::NoStorageAccess(boxed("the collection is locked")),
    );
    let e = secrets.secret("keyring:brownout/openai").unwrap_err();
    assert_eq!(e.code(), Code::Keyring);
    assert_eq!(
        e.to_string(),
        "credential keyring:brownout/openai: the OS keyring refused access (the collection is locked); unlock it, or use an env: reference"
    );
}

#[test]
fn a_failed_store_never_repeats_the_key() {
    let secrets = secrets();
    // A platform that quotes what it was given.
    fail_next(
        &secrets,
        "brownout",
        "openai",
        keyring::Error::Invalid("password".into(), format!("cannot hold {CANARY}")),
    );
    let e = secrets
        .store("keyring:brownout/openai", CANARY)
        .unwrap_err();
    assert_eq!(e.code(), Code::Keyring);
    assert!(!e.to_string().contains(CANARY), "{e}");
    assert!(!format!("{e:?}").contains(CANARY), "{e:?}");
    assert!(e.to_string().contains("[redacted]"), "{e}");

    let entry = secrets.keyring.entry("brownout", "bytes").unwrap();
    let mock: &MockCredential = entry.get_credential().downcast_ref().unwrap();
    mock.set_error(keyring::Error::BadEncoding(CANARY.as_bytes().to_vec()));
    let e = secrets.secret("keyring:brownout/bytes").unwrap_err();
    assert!(!format!("{e} {e:?}").contains(CANARY), "{e:?}");
    assert!(e.to_string().contains("not UTF-8"), "{e}");
}

#[test]
fn only_keyring_references_and_plain_keys_are_stored() {
    let secrets = secrets();
    for reference in ["env:OPENAI_API_KEY", "keyring:brownout", "", CANARY] {
        let e = secrets.store(reference, CANARY).unwrap_err();
        assert_eq!(e, CredentialError::NotStorable, "{reference}");
        assert_eq!(e.code(), Code::Invalid);
        assert!(!e.to_string().contains(CANARY), "{e}");
    }
    let long = "k".repeat(MAX_SECRET_CHARS + 1);
    for (secret, problem) in [
        ("   ", "is empty"),
        ("two\nlines", "holds line breaks"),
        ("tab\tinside", "holds line breaks or control characters"),
        (long.as_str(), "is longer than 8,192"),
    ] {
        let e = secrets
            .store("keyring:brownout/openai", secret)
            .unwrap_err();
        assert_eq!(e.code(), Code::Invalid, "{secret:?}");
        assert!(e.to_string().contains(problem), "{e}");
    }
    // Nothing was stored by the refused attempts.
    assert!(matches!(
        secrets.secret("keyring:brownout/openai"),
        Err(CredentialError::NoKeyringEntry { .. })
    ));
}

#[test]
fn a_malformed_reference_is_named_but_a_pasted_key_is_cut_short() {
    let secrets = secrets();
    let e = secrets.secret("vault:openai").unwrap_err();
    assert_eq!(
        e.to_string(),
        "credential \"vault:openai\" is neither env:NAME nor keyring:SERVICE/ACCOUNT"
    );
    let e = secrets
        .secret("sk-proj-abcdefghijklmnopqrstuvwxyz")
        .unwrap_err();
    assert!(!e.to_string().contains("abcdefghijklmnop"), "{e}");
}
