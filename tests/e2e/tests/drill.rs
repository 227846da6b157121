//! The Drill view in the real window: the seeded (simulated) workspace breaks a vendor in the
//! embedded simulator and restores it, refuses a bad option in words, and says how to turn
//! simulation on once it is off. The simulator is reached on loopback only.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use brownout_e2e::{App, TestResult};
use fantoccini::elements::Element;
use fantoccini::Locator;

const WAIT: Duration = Duration::from_secs(10);

async fn in_app(name: &str, steps: impl AsyncFnOnce(&App) -> TestResult) {
    let app = App::launch(name).await;
    let result = steps(&app).await;
    app.finish(result).await;
}

async fn vendor_row(app: &App, vendor: &str) -> Result<Element, fantoccini::error::CmdError> {
    app.wait_for(
        &format!("[data-testid=drill-row][data-vendor={vendor}]"),
        WAIT,
    )
    .await
}

async fn wait_for_fault(app: &App, vendor: &str, fault: &str) -> TestResult {
    let css = format!("[data-testid=drill-row][data-vendor={vendor}][data-fault={fault}]");
    app.wait_for(&css, WAIT).await?;
    Ok(())
}

/// The status line of an Anthropic message request to the simulator at `base_url`.
fn anthropic_status(base_url: &str) -> String {
    let addr = base_url.trim_start_matches("http://");
    let body = r#"{"model":"claude-haiku-4-5","max_tokens":16,"messages":[]}"#;
    let mut stream = TcpStream::connect(addr).expect("the simulator listens");
    write!(
        stream,
        "POST /anthropic/v1/messages HTTP/1.1\r\nhost: {addr}\r\nx-api-key: simulated-key\r\nanthropic-version: 2023-06-01\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    reply.lines().next().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn the_drill_breaks_and_restores_a_simulated_vendor() {
    in_app("drill_break_restore", async |app| {
        app.click("nav-drill").await?;
        let intro = app.testid("drill-on").await?.text().await?;
        assert!(intro.contains("no API key is used"), "{intro}");
        let base_url = app.testid("drill-base-url").await?.text().await?;
        assert!(base_url.starts_with("http://127.0.0.1:"), "{base_url}");
        assert_eq!(anthropic_status(&base_url), "HTTP/1.1 200 OK");

        let row = vendor_row(app, "anthropic").await?;
        row.find(Locator::Css("select[name=fault]"))
            .await?
            .select_by_value("overloaded")
            .await?;
        row.find(Locator::Css("[data-testid=drill-break]"))
            .await?
            .click()
            .await?;
        wait_for_fault(app, "anthropic", "overloaded").await?;
        let status = anthropic_status(&base_url);
        assert!(status.starts_with("HTTP/1.1 529"), "{status}");

        let row = vendor_row(app, "anthropic").await?;
        row.find(Locator::Css("[data-testid=drill-restore]"))
            .await?
            .click()
            .await?;
        wait_for_fault(app, "anthropic", "none").await?;
        assert_eq!(anthropic_status(&base_url), "HTTP/1.1 200 OK");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_bad_option_is_refused_and_simulation_off_says_how_to_turn_it_on() {
    in_app("drill_bad_option", async |app| {
        app.click("nav-drill").await?;
        let row = vendor_row(app, "openai").await?;
        row.find(Locator::Css("select[name=fault]"))
            .await?
            .select_by_value("throttle")
            .await?;
        let option = row.find(Locator::Css("input[name=option]")).await?;
        option.send_keys("soon\u{E007}").await?;
        let error = app.testid("drill-error").await?.text().await?;
        assert_eq!(error, "Retry-After must be a whole number of seconds");
        wait_for_fault(app, "openai", "none").await?;

        app.click("nav-settings").await?;
        app.click("settings-simulated").await?;
        app.click("save-settings").await?;
        app.eventually("the setting saved", WAIT, || async {
            let off: bool = app
                .read_db()
                .query_row(
                    "SELECT value = 'false' FROM settings WHERE key = 'simulated'",
                    [],
                    |r| r.get(0),
                )
                .ok()?;
            off.then_some(())
        })
        .await?;
        app.click("nav-drill").await?;
        let off = app.testid("drill-off").await?.text().await?;
        assert!(off.contains("Simulated workspace"), "{off}");
        Ok(())
    })
    .await;
}
