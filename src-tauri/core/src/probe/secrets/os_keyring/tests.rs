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

/// A store whose reads wait until the test lets one through, like an unlock prompt nobody
/// answers.
struct Gate(Arc<Mutex<mpsc::Receiver<()>>>);

impl keyring::credential::CredentialApi for Gate {
    fn set_secret(&self, _: &[u8]) -> keyring::Result<()> {
        Ok(())
    }
    fn get_secret(&self) -> keyring::Result<Vec<u8>> {
        let _ = self.0.lock().unwrap().recv();
        Ok(b"key-after-unlock".to_vec())
    }
    fn delete_credential(&self) -> keyring::Result<()> {
        Ok(())
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

struct GateStore(Arc<Mutex<mpsc::Receiver<()>>>);

impl keyring::credential::CredentialBuilderApi for GateStore {
    fn build(
        &self,
        _: Option<&str>,
        _: &str,
        _: &str,
    ) -> keyring::Result<Box<keyring::credential::Credential>> {
        Ok(Box::new(Gate(self.0.clone())))
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

#[test]
fn a_keyring_that_does_not_answer_holds_up_no_probe() {
    let (unlock, gate) = mpsc::channel();
    let keyring = OsKeyring::with_store(Box::new(GateStore(Arc::new(Mutex::new(gate)))))
        .reads_waiting(Duration::from_millis(50));
    let e = keyring.read("brownout", "openai").unwrap_err();
    assert!(
        e.to_string().starts_with(
            "credential keyring:brownout/openai: the OS keyring refused access (no answer within"
        ),
        "{e}"
    );
    // While that request waits, the next one is not sent at all.
    let e = keyring.read("brownout", "openai").unwrap_err();
    assert!(
        e.to_string()
            .contains("an earlier request has no answer yet"),
        "{e}"
    );
    // Once the keyring answers, the entry takes requests again.
    for _ in 0..1000 {
        unlock.send(()).unwrap();
    }
    let mut answer = None;
    for _ in 0..500 {
        if let Ok(key) = keyring.read("brownout", "openai") {
            answer = Some(key);
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(answer.as_deref(), Some("key-after-unlock"));
}
