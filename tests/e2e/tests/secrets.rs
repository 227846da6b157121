//! The key of a `keyring:` credential in the real window: the endpoint form offers a password
//! field for it only while the credential is a keyring reference, sends the key to the OS
//! keyring and nowhere else, and says in words when the machine has no keyring. The app runs
//! without a D-Bus session, so no test ever writes to a real keyring.

use std::time::Duration;

use brownout_e2e::{App, TestResult};
use fantoccini::Locator;

const WAIT: Duration = Duration::from_secs(10);
const KEY: &str = "canary-e2e-key-4c1f9a";

#[tokio::test]
async fn the_endpoint_form_stores_a_keyring_key_and_says_when_there_is_no_keyring() {
    let app = App::launch_without_keyring("keyring_store").await;
    let result = steps(&app).await;
    app.finish(result).await;
}

async fn steps(app: &App) -> TestResult {
    app.click("nav-vendors").await?;
    let row = app
        .wait_for("[data-testid=endpoint-row][data-id=azure-gpt-4o]", WAIT)
        .await?;
    row.find(Locator::Css("[data-testid=edit-endpoint]"))
        .await?
        .click()
        .await?;
    // The seeded Azure endpoint's key lives in the keyring.
    let field = app.testid("keyring-secret").await?;
    assert_eq!(field.attr("type").await?.as_deref(), Some("password"));
    field.send_keys(KEY).await?;
    app.click("keyring-store-button").await?;
    let outcome = app.testid("keyring-outcome").await?.text().await?;
    assert!(
        outcome.starts_with("no OS keyring is available on this machine")
            && outcome.ends_with("use an env: reference"),
        "{outcome}"
    );
    assert!(!outcome.contains(KEY), "{outcome}");

    // An env reference has nothing to store here.
    app.fill("credential", "env:AZURE_OPENAI_API_KEY").await?;
    let gone = app
        .eventually("the keyring field to go", WAIT, || async {
            app.all("[data-testid=keyring-store]")
                .await
                .ok()
                .filter(Vec::is_empty)
        })
        .await;
    assert!(gone.is_ok(), "{gone:?}");
    app.click("save-endpoint").await?;
    app.wait_for("[data-testid=endpoint-row][data-id=azure-gpt-4o]", WAIT)
        .await?;

    // The key is nowhere in the workspace: not the database, its WAL, nor any other file.
    for entry in walk(app.dir.path()) {
        let bytes = std::fs::read(&entry)?;
        assert!(
            !bytes.windows(KEY.len()).any(|w| w == KEY.as_bytes()),
            "the key is in {}",
            entry.display()
        );
    }
    Ok(())
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
