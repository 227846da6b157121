//! Drives the real Brownout window through tauri-driver and WebKitWebDriver. Each test gets its
//! own database, runbooks folder, HOME and XDG directories, and its own driver ports.
//!
//! Prerequisites are checked, never skipped: a missing display, driver or app binary fails the
//! test with a message saying what to install or build.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Map, Value};

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Repo root, from this crate's manifest dir.
fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The built `brownout` binary the tests drive (also as a CLI).
pub fn app_binary() -> PathBuf {
    let bin = std::env::var_os("BROWNOUT_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/debug/brownout"));
    assert!(
        bin.is_file(),
        "the app binary {} does not exist: build it with `npm --prefix ui run build && cargo build -p brownout` (or set BROWNOUT_BIN)",
        bin.display()
    );
    bin
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

fn check_prerequisites() {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "DISPLAY is not set: run the real-window suite under X (e.g. `Xvfb :99 & export DISPLAY=:99`; scripts/test.sh does this)"
    );
    assert!(
        on_path("tauri-driver"),
        "tauri-driver is not on PATH: install it with `cargo install tauri-driver --locked` (scripts/setup.sh does this)"
    );
    assert!(
        on_path("WebKitWebDriver"),
        "WebKitWebDriver is not on PATH: install Debian's `webkit2gtk-driver` package (scripts/setup.sh does this)"
    );
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free local port")
}

/// One running app window, its private workspace, and the driver behind it.
pub struct App {
    pub client: Client,
    pub dir: tempfile::TempDir,
    name: String,
    /// tauri-driver, until it is stopped.
    driver: Option<Child>,
}

impl App {
    /// The test's database file.
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("brownout.db")
    }

    /// The test's runbooks folder (the app's default: beside the database).
    pub fn runbooks_dir(&self) -> PathBuf {
        self.dir.path().join("runbooks")
    }

    /// Starts the app on a fresh workspace and waits until its first data load finished.
    pub async fn launch(name: &str) -> App {
        Self::launch_with(name, |_| {}).await
    }

    /// Like `launch`, after `prepare` has had the workspace folder (to write files into it).
    pub async fn launch_with(name: &str, prepare: impl FnOnce(&Path)) -> App {
        Self::start(name, prepare, false).await
    }

    /// Like `launch`, with the D-Bus session bus pointed at a socket that does not exist: the
    /// app finds no OS keyring, whatever the machine has, and never touches its keyring.
    pub async fn launch_without_keyring(name: &str) -> App {
        Self::start(name, |_| {}, true).await
    }

    async fn start(name: &str, prepare: impl FnOnce(&Path), no_keyring: bool) -> App {
        check_prerequisites();
        let bin = app_binary();
        let dir = tempfile::tempdir().expect("temp dir");
        prepare(dir.path());
        let home = dir.path().join("home");
        for sub in ["", ".local/share", ".config", ".cache"] {
            std::fs::create_dir_all(home.join(sub)).expect("home dirs");
        }
        let (port, native_port) = (free_port(), free_port());
        let mut driver = Command::new("tauri-driver");
        if no_keyring {
            let bus = dir.path().join("no-session-bus");
            driver.env(
                "DBUS_SESSION_BUS_ADDRESS",
                format!("unix:path={}", bus.display()),
            );
        }
        let driver = driver
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env("USER", "e2e-operator")
            .env_remove("BROWNOUT_DB")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Own process group: WebKitWebDriver and the app it starts join it, so one signal
            // ends all three even if the session could not be closed.
            .process_group(0)
            .spawn()
            .expect("cannot start tauri-driver");
        let db = dir.path().join("brownout.db");
        let mut caps = Map::new();
        caps.insert(
            "tauri:options".into(),
            json!({ "application": bin, "args": ["--db", db] }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(30);
        let client = loop {
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() > deadline => {
                    panic!("could not start a WebDriver session via tauri-driver on {url}: {e}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(250)).await,
            }
        };
        let app = App {
            client,
            dir,
            name: name.into(),
            driver: Some(driver),
        };
        match app
            .wait_for(
                "[data-testid=app][data-ready=true]",
                Duration::from_secs(30),
            )
            .await
        {
            Ok(_) => app,
            Err(e) => {
                app.finish(Err(format!("the app never became ready: {e}").into()))
                    .await;
                unreachable!("finish panics on an error")
            }
        }
    }

    /// Ends the session and the driver; on failure, keeps a screenshot and fails the test.
    pub async fn finish(mut self, result: TestResult) {
        if let Err(e) = &result {
            let out = repo_root().join("target/e2e-failures");
            let _ = std::fs::create_dir_all(&out);
            if let Ok(png) = self.client.screenshot().await {
                let _ = std::fs::write(out.join(format!("{}.png", self.name)), png);
            }
            eprintln!("{}: {e}", self.name);
        }
        let _ = self.client.clone().close().await;
        stop_driver(self.driver.take());
        if let Err(e) = result {
            panic!(
                "{} failed: {e} (screenshot in target/e2e-failures/)",
                self.name
            );
        }
    }

    pub async fn wait_for(
        &self,
        css: &str,
        timeout: Duration,
    ) -> Result<Element, fantoccini::error::CmdError> {
        self.client
            .wait()
            .at_most(timeout)
            .for_element(Locator::Css(css))
            .await
    }

    /// The element with `data-testid`, waiting up to 10 s for it.
    pub async fn testid(&self, id: &str) -> Result<Element, fantoccini::error::CmdError> {
        self.wait_for(&format!("[data-testid='{id}']"), Duration::from_secs(10))
            .await
    }

    pub async fn click(&self, id: &str) -> TestResult {
        self.testid(id).await?.click().await?;
        Ok(())
    }

    pub async fn all(&self, css: &str) -> Result<Vec<Element>, fantoccini::error::CmdError> {
        self.client.find_all(Locator::Css(css)).await
    }

    /// The form control whose `name` is `path`.
    pub async fn field(&self, path: &str) -> Result<Element, fantoccini::error::CmdError> {
        self.wait_for(&format!("[name='{path}']"), Duration::from_secs(10))
            .await
    }

    /// Replaces the text of an input or textarea.
    pub async fn fill(&self, path: &str, text: &str) -> TestResult {
        let el = self.field(path).await?;
        el.clear().await?;
        el.send_keys(text).await?;
        Ok(())
    }

    pub async fn select(&self, path: &str, value: &str) -> TestResult {
        self.field(path).await?.select_by_value(value).await?;
        Ok(())
    }

    /// Runs script in the page and returns its JSON result.
    pub async fn js(&self, script: &str) -> Result<Value, fantoccini::error::CmdError> {
        self.client.execute(script, vec![]).await
    }

    /// Polls `check` until it yields `Some`, for up to `timeout`.
    pub async fn eventually<T, F, Fut>(
        &self,
        what: &str,
        timeout: Duration,
        mut check: F,
    ) -> Result<T, String>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Option<T>>,
    {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(v) = check().await {
                return Ok(v);
            }
            if Instant::now() > deadline {
                return Err(format!("timed out waiting for {what}"));
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// A read-only connection to the test's database, to check what the app persisted.
    pub fn read_db(&self) -> rusqlite::Connection {
        rusqlite::Connection::open_with_flags(self.db(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open the test database")
    }
}

impl Drop for App {
    fn drop(&mut self) {
        stop_driver(self.driver.take());
    }
}

/// Kills tauri-driver's whole process group (the driver, WebKitWebDriver, the app) and reaps it.
fn stop_driver(driver: Option<Child>) {
    let Some(mut driver) = driver else { return };
    if let Ok(pgid) = i32::try_from(driver.id()) {
        // SAFETY: kill(2) with a negative pid only signals that process group; no memory involved.
        unsafe {
            libc::kill(-pgid, libc::SIGKILL);
        }
    }
    let _ = driver.wait();
}
