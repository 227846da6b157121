use super::*;

fn mock() -> OsKeyring {
    OsKeyring::with_store(keyring::mock::default_credential_builder())
}

#[test]
fn one_entry_per_service_and_account() {
    let keyring = mock();
    let first = keyring.entry("brownout", "openai").unwrap();
    let again = keyring.entry("brownout", "openai").unwrap();
    assert!(Arc::ptr_eq(&first, &again));
    let other = keyring.entry("brownout", "gemini").unwrap();
    assert!(!Arc::ptr_eq(&first, &other));
}

#[test]
fn store_then_read_and_an_absent_entry() {
    let keyring = mock();
    assert_eq!(
        keyring.read("brownout", "openai"),
        Err(CredentialError::NoKeyringEntry {
            reference: "keyring:brownout/openai".into()
        })
    );
    keyring.store("brownout", "openai", "key-1").unwrap();
    assert_eq!(keyring.read("brownout", "openai").unwrap(), "key-1");
}

#[test]
fn failures_in_words() {
    let platform = |text: &str| Error::PlatformFailure(text.to_owned().into());
    assert_eq!(
        failure(platform("no D-Bus session"), "s", "a", None).to_string(),
        "no OS keyring is available on this machine (no D-Bus session); use an env: reference"
    );
    let e = failure(platform("echoed key-123456"), "s", "a", Some("key-123456"));
    assert_eq!(
        e.to_string(),
        "no OS keyring is available on this machine (echoed [redacted]); use an env: reference"
    );
    let e = failure(Error::TooLong("service".into(), 32), "s", "a", None);
    assert!(
        e.to_string()
            .starts_with("credential keyring:s/a: the OS keyring failed: "),
        "{e}"
    );
}
