//! Live health in the real window, on the seeded demo (a simulated workspace): breaking a vendor
//! in the Drill panel shows its endpoints degraded, then down, on the health board with the
//! reason in words and the Retry-After; the affected workflows move to their next healthy
//! fallback; a conditional runbook step stops applying; restoring the vendor brings it all back.

use std::time::Duration;

use brownout_e2e::{app_binary, App, TestResult};
use fantoccini::elements::Element;
use fantoccini::Locator;

const WAIT: Duration = Duration::from_secs(15);

/// Runs `steps` in a freshly launched app and ends the session (a screenshot on failure).
async fn in_app(name: &str, steps: impl AsyncFnOnce(&App) -> TestResult) {
    let app = App::launch(name).await;
    let result = steps(&app).await;
    app.finish(result).await;
}

fn endpoint_row(id: &str) -> String {
    format!("[data-testid=health-endpoint][data-endpoint='{id}']")
}

/// Presses "Probe now" on `endpoint`'s row of the health board and waits until it is done.
async fn probe(app: &App, endpoint: &str) -> TestResult {
    let button = format!(
        "{} [data-testid=probe-now]:not([disabled])",
        endpoint_row(endpoint)
    );
    app.wait_for(&button, WAIT).await?.click().await?;
    app.wait_for(&button, WAIT).await?;
    Ok(())
}

/// Waits until `endpoint`'s row shows `health`, and returns the row.
async fn row_in(app: &App, endpoint: &str, health: &str) -> Result<Element, String> {
    let css = format!("{}[data-health={health}]", endpoint_row(endpoint));
    app.eventually(&format!("{endpoint} to show {health}"), WAIT, || async {
        app.client.find(Locator::Css(&css)).await.ok()
    })
    .await
}

/// The text of the element `testid` inside `row`.
async fn text_in(row: &Element, testid: &str) -> Result<String, fantoccini::error::CmdError> {
    row.find(Locator::Css(&format!("[data-testid={testid}]")))
        .await?
        .text()
        .await
}

/// Probes `endpoint` until its row shows `health` (at most `tries` probes), and returns the row.
async fn probe_until(
    app: &App,
    endpoint: &str,
    health: &str,
    tries: u32,
) -> Result<Element, Box<dyn std::error::Error>> {
    for _ in 0..tries {
        probe(app, endpoint).await?;
        if let Ok(row) = app
            .client
            .find(Locator::Css(&format!(
                "{}[data-health={health}]",
                endpoint_row(endpoint)
            )))
            .await
        {
            return Ok(row);
        }
    }
    Err(format!("{endpoint} never showed {health} after {tries} probes").into())
}

/// Waits until `workflow`'s chain on the current view uses link `in_use` (its index), and
/// returns the chain's summary sentence.
async fn chain_using(app: &App, workflow: &str, in_use: &str) -> Result<String, String> {
    let css = format!(
        "[data-testid=chain-health][data-workflow='{workflow}'][data-in-use='{in_use}'] [data-testid=chain-summary]"
    );
    app.eventually(
        &format!("{workflow} to use link {in_use}"),
        WAIT,
        || async {
            app.client
                .find(Locator::Css(&css))
                .await
                .ok()?
                .text()
                .await
                .ok()
        },
    )
    .await
}

/// The applicability of step `step` of the walk through the runbook in `file` titled `title`.
async fn step_applicability(
    app: &App,
    file: &str,
    step: &str,
) -> Result<String, Box<dyn std::error::Error>> {
    app.click("nav-runbooks").await?;
    app.wait_for(
        &format!("[data-testid=runbook-row][data-file='{file}']"),
        WAIT,
    )
    .await?
    .click()
    .await?;
    app.wait_for("[data-testid=walk-runbook]:not([disabled])", WAIT)
        .await?
        .click()
        .await?;
    let el = app
        .wait_for(
            &format!("[data-testid=walk-step][data-step-id='{step}']"),
            WAIT,
        )
        .await?;
    Ok(el.attr("data-applicability").await?.unwrap_or_default())
}

#[tokio::test]
async fn breaking_a_vendor_in_the_drill_degrades_it_then_restoring_brings_it_back() {
    in_app("health_drill", async |app| {
        // The seeded demo is a simulated workspace: the board says so, and every probed
        // endpoint answers from the embedded simulator.
        app.click("nav-health").await?;
        app.testid("simulated-banner").await?;
        app.testid("probe-spend").await?;
        for endpoint in ["openai-gpt-4o", "openai-gpt-4o-mini", "google-gemini-flash"] {
            probe_until(app, endpoint, "healthy", 3).await?;
        }
        app.click("nav-dashboard").await?;
        chain_using(app, "support-chat", "0").await?;
        assert_eq!(
            step_applicability(app, "google-gemini.md", "shift-ticket-search").await?,
            "applicable"
        );

        // Throttle OpenAI: its endpoints show degraded, rate limited, with the Retry-After.
        set_fault(app, "openai", "throttle").await?;
        app.click("nav-health").await?;
        for endpoint in ["openai-gpt-4o", "openai-gpt-4o-mini"] {
            let row = probe_until(app, endpoint, "degraded", 2).await?;
            assert_eq!(row.attr("data-reason").await?.as_deref(), Some("throttled"));
            assert_eq!(text_in(&row, "health-reason").await?, "Rate limited (429)");
            let retry = text_in(&row, "health-retry").await?;
            assert!(retry.starts_with("Retry after "), "{retry}");
        }

        // The command line sees the same drill: throttled, exit 1, with the Retry-After.
        let (code, state, reason, retry_after) = cli_probe(app, "openai-gpt-4o")?;
        assert_eq!(
            (code, state.as_str(), reason.as_str()),
            (1, "degraded", "throttled")
        );
        assert!(retry_after.is_some_and(|s| s <= 600), "{retry_after:?}");

        // The critical support chat moves to its next healthy fallback, Gemini Flash.
        app.click("nav-dashboard").await?;
        let summary = chain_using(app, "support-chat", "2").await?;
        assert_eq!(
            summary,
            "Primary openai-gpt-4o is degraded: uses fallback google-gemini-flash."
        );
        app.click("nav-workflows").await?;
        chain_using(app, "support-chat", "2").await?;

        // The fallback in use is healthy on the board and for the command line alike.
        app.click("nav-health").await?;
        row_in(app, "google-gemini-flash", "healthy").await?;
        let (code, state, ..) = cli_probe(app, "google-gemini-flash")?;
        assert_eq!((code, state.as_str()), (0, "healthy"));

        // The Gemini runbook's "shift ticket-search to GPT-4o mini" no longer applies.
        assert_eq!(
            step_applicability(app, "google-gemini.md", "shift-ticket-search").await?,
            "not_applicable"
        );

        // An outage: degraded at the first failure, down only after failures_to_down (3) failed
        // probes in a row (a scheduled probe may count among them, never fewer than 3).
        set_fault(app, "openai", "outage").await?;
        app.click("nav-health").await?;
        probe(app, "openai-gpt-4o").await?;
        let row = row_in(app, "openai-gpt-4o", "degraded").await?;
        assert_eq!(text_in(&row, "health-reason").await?, "Server error (5xx)");
        let row = probe_until(app, "openai-gpt-4o", "down", 2).await?;
        assert_eq!(text_in(&row, "health-reason").await?, "Server error (5xx)");
        let excerpt = row
            .find(Locator::Css("[data-testid=health-error]"))
            .await?
            .prop("textContent")
            .await?
            .unwrap_or_default();
        assert!(!excerpt.trim().is_empty(), "{excerpt:?}");
        let (code, state, reason, _) = cli_probe(app, "openai-gpt-4o")?;
        assert_eq!(
            (code, state.as_str(), reason.as_str()),
            (1, "down", "server_error")
        );

        // Restored: healthy again after successes_to_up (2) probes, and everything follows.
        set_fault(app, "openai", "none").await?;
        app.click("nav-health").await?;
        for endpoint in ["openai-gpt-4o", "openai-gpt-4o-mini"] {
            probe_until(app, endpoint, "healthy", 3).await?;
        }
        app.click("nav-dashboard").await?;
        let summary = chain_using(app, "support-chat", "0").await?;
        assert_eq!(summary, "Uses its primary openai-gpt-4o.");
        assert_eq!(
            step_applicability(app, "google-gemini.md", "shift-ticket-search").await?,
            "applicable"
        );

        // The command line reports the same state for it, and exits 0 for a healthy endpoint.
        app.click("nav-health").await?;
        row_in(app, "openai-gpt-4o", "healthy").await?;
        assert_eq!(
            cli_probe(app, "openai-gpt-4o")?,
            (0, "healthy".to_owned(), "ok".to_owned(), None)
        );
        Ok(())
    })
    .await;
}

/// Exit code, state, reason and Retry-After of one endpoint's sample from the command line.
type CliSample = (i32, String, String, Option<u64>);

/// `brownout probe run --json --endpoint ID` on the app's workspace: its exit code and the
/// sample's state, reason and Retry-After. The CLI sweeps through a simulator of its own,
/// which starts with the faults the window's drill keeps in the workspace.
fn cli_probe(app: &App, endpoint: &str) -> Result<CliSample, Box<dyn std::error::Error>> {
    let out = std::process::Command::new(app_binary())
        .arg("--db")
        .arg(app.db())
        .args(["probe", "run", "--json", "--endpoint", endpoint])
        .env("HOME", app.dir.path().join("home"))
        .output()?;
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&out.stderr)))?;
    let row = &rows[0];
    assert_eq!(row["endpoint"], endpoint, "{rows}");
    Ok((
        out.status.code().unwrap_or(-1),
        row["state"].as_str().unwrap_or_default().to_owned(),
        row["reason"].as_str().unwrap_or_default().to_owned(),
        row["retry_after_s"].as_u64(),
    ))
}

/// Switches `vendor` into `fault` (`none` restores it) in the Drill view, as an operator would.
async fn set_fault(app: &App, vendor: &str, fault: &str) -> TestResult {
    app.click("nav-drill").await?;
    let row = format!("[data-testid=drill-row][data-vendor='{vendor}']");
    let el = app.wait_for(&row, WAIT).await?;
    if fault == "none" {
        el.find(Locator::Css("[data-testid=drill-restore]"))
            .await?
            .click()
            .await?;
    } else {
        el.find(Locator::Css("[name=fault]"))
            .await?
            .select_by_value(fault)
            .await?;
        el.find(Locator::Css("[data-testid=drill-break]"))
            .await?
            .click()
            .await?;
    }
    app.wait_for(&format!("{row}[data-fault={fault}]"), WAIT)
        .await?;
    Ok(())
}

#[tokio::test]
async fn a_vendors_peak_hours_open_from_the_keyboard_and_switch_metric() {
    in_app("health_heatmap", async |app| {
        app.click("nav-health").await?;
        let toggle = app
            .wait_for(
                "[data-testid=health-vendor][data-vendor=openai] [data-testid=toggle-heatmap]",
                WAIT,
            )
            .await?;
        assert_eq!(
            toggle.attr("aria-expanded").await?.as_deref(),
            Some("false")
        );
        // A button: Enter opens it as a click would.
        toggle.send_keys("\u{E007}").await?;
        let heat = app.testid("heatmap").await?;
        assert_eq!(heat.attr("data-metric").await?.as_deref(), Some("latency"));
        assert_eq!(toggle.attr("aria-expanded").await?.as_deref(), Some("true"));
        app.click("heat-metric-throttle").await?;
        app.wait_for("[data-testid=heatmap][data-metric=throttle]", WAIT)
            .await?;
        let pressed = app
            .testid("heat-metric-throttle")
            .await?
            .attr("aria-pressed")
            .await?;
        assert_eq!(pressed.as_deref(), Some("true"));
        Ok(())
    })
    .await;
}
