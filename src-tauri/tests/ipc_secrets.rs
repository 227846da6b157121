//! Storing a key from the UI: `credential_store` writes a `keyring:` reference's secret to the
//! OS keyring (here the keyring crate's mock store) and never sends it back, not even in an
//! error.

mod support {
    pub mod ipc_harness;
}

use std::sync::Arc;

use brownout_core::probe::request::SecretResolver;
use brownout_core::probe::secrets::{OsKeyring, SystemSecrets};
use brownout_shell::commands::list::name;
use keyring::mock::MockCredential;
use serde_json::{json, Value};
use support::ipc_harness::*;

const CANARY: &str = "canary-ipc-key-0d5e7b";

fn mock_secrets() -> Arc<SystemSecrets> {
    Arc::new(SystemSecrets::new(
        |_| None,
        OsKeyring::with_store(keyring::mock::default_credential_builder()),
    ))
}

fn store(h: &Harness, reference: &str, secret: &str) -> Result<Value, Value> {
    h.invoke(
        name::credential_store,
        json!({"reference": reference, "secret": secret}),
    )
}

fn assert_no_canary(value: &Value) {
    assert!(!value.to_string().contains(CANARY), "{value}");
}

#[test]
fn a_stored_key_reaches_the_keyring_and_is_not_echoed() {
    let secrets = mock_secrets();
    let h = Harness::with_secrets(secrets.clone());
    let reply = store(&h, "keyring:brownout/openai", CANARY).unwrap();
    assert_eq!(reply, Value::Null);
    assert_eq!(secrets.secret("keyring:brownout/openai").unwrap(), CANARY);
    assert_no_canary(&h.inventory());
}

#[test]
fn refusals_name_the_field_and_never_the_key() {
    let h = Harness::with_secrets(mock_secrets());
    for reference in ["env:OPENAI_API_KEY", "keyring:no-account", CANARY] {
        let e = store(&h, reference, CANARY).unwrap_err();
        assert_eq!(e["code"], "invalid", "{e}");
        assert_eq!(field_names(&e), ["credential"], "{e}");
        assert_no_canary(&e);
    }
    let e = store(&h, "keyring:brownout/openai", " \n").unwrap_err();
    assert_eq!(e["code"], "invalid");
    assert_eq!(field_names(&e), ["secret"]);
    assert_eq!(e["message"], "the key to store is empty");
}

#[test]
fn without_a_keyring_the_reply_says_so_in_words() {
    let secrets = mock_secrets();
    let entry = secrets.keyring().entry("brownout", "openai").unwrap();
    let mock: &MockCredential = entry.get_credential().downcast_ref().unwrap();
    mock.set_error(keyring::Error::PlatformFailure(
        format!("no secret service provider or dbus session found for {CANARY}").into(),
    ));
    let h = Harness::with_secrets(secrets);
    let e = h.refused(
        name::credential_store,
        json!({"reference": "keyring:brownout/openai", "secret": CANARY}),
        "keyring",
    );
    let message = e["message"].as_str().unwrap();
    assert!(
        message.starts_with("no OS keyring is available on this machine (")
            && message.ends_with("; use an env: reference"),
        "{message}"
    );
    assert_no_canary(&e);
}
