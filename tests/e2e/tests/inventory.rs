//! The inventory screens in the real window: seeded dashboard, creating a workflow, validation
//! that keeps the input, the audit's single-vendor finding, and the editing and deleting every
//! list shares (vendors, endpoints, workflows, rotations).

use std::time::Duration;

use brownout_e2e::{App, TestResult};
use fantoccini::Locator;

const WAIT: Duration = Duration::from_secs(10);

/// Runs `steps` in a freshly launched app and ends the session (a screenshot on failure).
async fn in_app(name: &str, steps: impl AsyncFnOnce(&App) -> TestResult) {
    let app = App::launch(name).await;
    let result = steps(&app).await;
    app.finish(result).await;
}

/// The first column of the first row `sql` returns, from the app's database.
fn scalar<T: rusqlite::types::FromSql>(app: &App, sql: &str) -> rusqlite::Result<T> {
    app.read_db().query_row(sql, [], |r| r.get(0))
}

fn row(kind: &str, id: &str) -> String {
    format!("[data-testid={kind}-row][data-id={id}]")
}

/// The current value of a form control.
async fn value(app: &App, path: &str) -> Result<Option<String>, fantoccini::error::CmdError> {
    app.field(path).await?.prop("value").await
}

/// Clicks one of a row's buttons (`edit-vendor`, `delete-workflow`, …).
async fn row_action(app: &App, kind: &str, id: &str, action: &str) -> TestResult {
    let row = app.wait_for(&row(kind, id), WAIT).await?;
    let button = format!("[data-testid={action}-{kind}]");
    row.find(Locator::Css(&button)).await?.click().await?;
    Ok(())
}

#[tokio::test]
async fn fresh_start_shows_the_seeded_workflows_critical_first() {
    in_app("fresh_start", async |app| {
        app.testid("dashboard-workflow").await?;
        let mut ids = Vec::new();
        for card in app.all("[data-testid=dashboard-workflow]").await? {
            ids.push(card.attr("data-id").await?.unwrap_or_default());
        }
        assert_eq!(ids.len(), 5, "seeded workflows on the dashboard: {ids:?}");
        let mut first_two = ids[..2].to_vec();
        first_two.sort();
        assert_eq!(
            first_two,
            ["support-chat", "ticket-search"],
            "critical first: {ids:?}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn creating_a_workflow_through_the_form_persists_it() {
    in_app("create_workflow", async |app| {
        app.click("nav-workflows").await?;
        app.click("new-workflow").await?;
        app.testid("workflow-form").await?;
        app.fill("name", "Invoice explanations").await?;
        app.fill("id", "invoice-explanations").await?;
        app.fill("description", "Explains invoice lines in plain words.").await?;
        app.select("criticality", "high").await?;
        app.select("owner", "support-ai").await?;
        app.select("primary", "anthropic-haiku").await?;
        app.click("add-fallback-endpoint").await?;
        app.select("fallbacks[0].endpoint", "openai-gpt-4o-mini").await?;
        app.click("add-fallback-strategy").await?;
        app.fill("fallbacks[1].strategy", "show the raw invoice lines").await?;
        // Reorder: the strategy goes first, then back down.
        let ups = app.all("[data-testid=fallback-up]").await?;
        ups[1].click().await?;
        let downs = app.all("[data-testid=fallback-down]").await?;
        downs[0].click().await?;
        for mode in ["throttled", "unavailable", "slow"] {
            for (field, text) in [
                ("customer_impact", "Explanations arrive late."),
                ("degradation", "Falls back to the smaller model."),
                ("customer_message", "Explanations are delayed; totals are correct."),
            ] {
                app.fill(&format!("failure_modes.{mode}.{field}"), text).await?;
            }
        }
        app.click("save-workflow").await?;
        app.wait_for(&row("workflow", "invoice-explanations"), WAIT).await?;

        let db = app.read_db();
        let stored: (String, String, String, String) = db.query_row(
            "SELECT name, criticality, owner_rotation_id, primary_endpoint_id FROM workflows WHERE id = 'invoice-explanations'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        assert_eq!(
            stored,
            ("Invoice explanations".into(), "high".into(), "support-ai".into(), "anthropic-haiku".into())
        );
        let chain: Vec<(Option<String>, Option<String>)> = db
            .prepare("SELECT endpoint_id, strategy FROM workflow_fallbacks WHERE workflow_id = 'invoice-explanations' ORDER BY position")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        assert_eq!(
            chain,
            [
                (Some("openai-gpt-4o-mini".to_string()), None),
                (None, Some("show the raw invoice lines".to_string()))
            ]
        );
        let slow: String = scalar(
            app,
            "SELECT customer_message FROM workflow_failure_modes WHERE workflow_id = 'invoice-explanations' AND mode = 'slow'",
        )?;
        assert_eq!(slow, "Explanations are delayed; totals are correct.");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn an_invalid_form_shows_the_error_beside_the_field_and_keeps_the_input() {
    in_app("invalid_form", async |app| {
        app.click("nav-workflows").await?;
        app.click("new-workflow").await?;
        app.fill("name", "Broken one").await?;
        app.fill("id", "has spaces in it").await?;
        app.fill("description", "Typed text that must survive a failed save.")
            .await?;
        app.fill("failure_modes.slow.degradation", "Queue it.")
            .await?;
        app.click("save-workflow").await?;
        let err = app
            .wait_for("[data-testid=field-error][data-field=id]", WAIT)
            .await?;
        assert!(err.is_displayed().await?);
        assert!(!err.text().await?.is_empty());
        for (path, typed) in [
            ("description", "Typed text that must survive a failed save."),
            ("failure_modes.slow.degradation", "Queue it."),
            ("id", "has spaces in it"),
        ] {
            assert_eq!(value(app, path).await?.as_deref(), Some(typed), "{path}");
        }
        let stored: i64 = scalar(
            app,
            "SELECT count(*) FROM workflows WHERE name = 'Broken one'",
        )?;
        assert_eq!(stored, 0);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_audit_view_lists_the_single_vendor_finding() {
    in_app("audit_view", async |app| {
        app.click("nav-audit").await?;
        let finding = app
            .wait_for(
                "[data-testid=finding][data-kind=single_vendor_chain][data-workflow=doc-summaries]",
                WAIT,
            )
            .await?;
        let text = finding.text().await?;
        assert!(text.contains("openai"), "{text}");
        // Opening the finding takes the operator to the workflow's form.
        finding.click().await?;
        app.testid("workflow-form").await?;
        assert_eq!(value(app, "id").await?.as_deref(), Some("doc-summaries"));
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn deleting_asks_first_and_removes_the_workflow() {
    in_app("delete_workflow", async |app| {
        app.click("nav-workflows").await?;
        row_action(app, "workflow", "doc-summaries", "delete").await?;
        app.click("confirm-delete").await?;
        app.eventually("the row to go", WAIT, || async {
            let rows = app.all(&row("workflow", "doc-summaries")).await.ok()?;
            rows.is_empty().then_some(())
        })
        .await?;
        let left: i64 = scalar(
            app,
            "SELECT count(*) FROM workflows WHERE id = 'doc-summaries'",
        )?;
        assert_eq!(left, 0);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_new_vendor_takes_its_id_from_its_name_by_the_core_slug_rule() {
    in_app("new_vendor", async |app| {
        app.click("nav-vendors").await?;
        app.click("new-vendor").await?;
        app.testid("vendor-form").await?;
        // Only ASCII letters and digits make words, as runbook step ids do: "é" separates.
        app.fill("name", "Mistral Café").await?;
        assert_eq!(value(app, "id").await?.as_deref(), Some("mistral-caf"));
        app.fill("status_page", "https://status.mistral.ai").await?;
        app.click("save-vendor").await?;
        app.wait_for(&row("vendor", "mistral-caf"), WAIT).await?;
        let name: String = scalar(app, "SELECT name FROM vendors WHERE id = 'mistral-caf'")?;
        assert_eq!(name, "Mistral Café");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_refused_delete_says_why_and_a_stored_id_never_follows_the_name() {
    in_app("vendor_in_use", async |app| {
        app.click("nav-vendors").await?;
        row_action(app, "vendor", "openai", "delete").await?;
        app.click("confirm-delete").await?;
        let notice = app.testid("delete-error").await?.text().await?;
        assert!(notice.contains("endpoint openai-gpt-4o"), "{notice}");
        let kept: i64 = scalar(app, "SELECT count(*) FROM vendors WHERE id = 'openai'")?;
        assert_eq!(kept, 1);

        app.click("nav-rotations").await?;
        row_action(app, "rotation", "support-ai", "edit").await?;
        app.testid("rotation-form").await?;
        app.fill("name", "Support AI (EU)").await?;
        assert_eq!(value(app, "id").await?.as_deref(), Some("support-ai"));
        app.click("save-rotation").await?;
        app.wait_for(&row("rotation", "support-ai"), WAIT).await?;
        let name: String = scalar(app, "SELECT name FROM rotations WHERE id = 'support-ai'")?;
        assert_eq!(name, "Support AI (EU)");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn an_endpoint_gains_a_probe_block_with_errors_beside_its_fields() {
    in_app("endpoint_probe", async |app| {
        app.click("nav-vendors").await?;
        row_action(app, "endpoint", "self-hosted-llama", "edit").await?;
        app.field("probe").await?.click().await?;
        // The block opens at the documented defaults.
        assert_eq!(value(app, "probe.interval_s").await?.as_deref(), Some("60"));
        assert_eq!(
            value(app, "probe.connect_timeout_ms").await?.as_deref(),
            Some("3000")
        );
        app.fill("probe.interval_s", "5").await?;
        app.click("save-endpoint").await?;
        let err = app
            .wait_for(
                "[data-testid=field-error][data-field='probe.interval_s']",
                WAIT,
            )
            .await?;
        assert!(err.text().await?.contains("at least 10"));
        let probed: Option<String> = scalar(
            app,
            "SELECT probe FROM endpoints WHERE id = 'self-hosted-llama'",
        )?;
        assert_eq!(probed, None, "a refused save stores nothing");
        app.fill("probe.interval_s", "30").await?;
        app.click("save-endpoint").await?;
        app.wait_for(&row("endpoint", "self-hosted-llama"), WAIT)
            .await?;
        let probe: String = scalar(
            app,
            "SELECT probe FROM endpoints WHERE id = 'self-hosted-llama'",
        )?;
        let probe: serde_json::Value = serde_json::from_str(&probe)?;
        assert_eq!(probe["interval_s"], 30);
        assert_eq!(probe["failures_to_down"], 3);
        Ok(())
    })
    .await;
}
