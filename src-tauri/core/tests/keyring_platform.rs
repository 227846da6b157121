//! The platform keyring on a Linux machine without a Secret Service (a headless server, CI):
//! keyring references fail saying so in words, and env references still work. The session
//! bus is pointed at a socket that does not exist, so the answer does not depend on the
//! machine. One test in its own binary: it sets the process environment.

#![cfg(target_os = "linux")]

use brownout_core::error::{Code, Coded};
use brownout_core::probe::request::SecretResolver;
use brownout_core::probe::secrets::SystemSecrets;

#[test]
fn without_a_secret_service_keyring_references_fail_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let bus = dir.path().join("no-bus");
    std::env::set_var(
        "DBUS_SESSION_BUS_ADDRESS",
        format!("unix:path={}", bus.display()),
    );
    std::env::set_var("BROWNOUT_TEST_PROBE_KEY", "sk-env-canary-5678");
    let secrets = SystemSecrets::os();

    let e = secrets.secret("keyring:brownout/openai").unwrap_err();
    assert_eq!(e.code(), Code::Keyring);
    let message = e.to_string();
    assert!(
        message.starts_with("no OS keyring is available on this machine (")
            && message.ends_with("); use an env: reference"),
        "{message}"
    );
    let e = secrets
        .store("keyring:brownout/openai", "canary-key-never-stored")
        .unwrap_err();
    assert_eq!(e.code(), Code::Keyring);
    assert!(!e.to_string().contains("canary-key-never-stored"), "{e}");

    assert_eq!(
        secrets.secret("env:BROWNOUT_TEST_PROBE_KEY").unwrap(),
        "sk-env-canary-5678"
    );
}
