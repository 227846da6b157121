//! The inventory screens in the real window: seeded dashboard, creating a workflow, validation
//! that keeps the input, and the audit's single-vendor finding.

use std::time::Duration;

use brownout_e2e::{App, TestResult};
use fantoccini::Locator;

#[tokio::test]
async fn fresh_start_shows_the_seeded_workflows_critical_first() {
    let app = App::launch("fresh_start").await;
    let result: TestResult = async {
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
    }
    .await;
    app.finish(result).await;
}

#[tokio::test]
async fn creating_a_workflow_through_the_form_persists_it() {
    let app = App::launch("create_workflow").await;
    let result: TestResult = async {
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
        app.wait_for(
            "[data-testid=workflow-row][data-id=invoice-explanations]",
            Duration::from_secs(10),
        )
        .await?;

        let db = app.read_db();
        let (name, criticality, owner, primary): (String, String, String, String) = db.query_row(
            "SELECT name, criticality, owner_rotation_id, primary_endpoint_id FROM workflows WHERE id = 'invoice-explanations'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        assert_eq!(
            (name.as_str(), criticality.as_str(), owner.as_str(), primary.as_str()),
            ("Invoice explanations", "high", "support-ai", "anthropic-haiku")
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
        let slow: String = db.query_row(
            "SELECT customer_message FROM workflow_failure_modes WHERE workflow_id = 'invoice-explanations' AND mode = 'slow'",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(slow, "Explanations are delayed; totals are correct.");
        Ok(())
    }
    .await;
    app.finish(result).await;
}

#[tokio::test]
async fn an_invalid_form_shows_the_error_beside_the_field_and_keeps_the_input() {
    let app = App::launch("invalid_form").await;
    let result: TestResult = async {
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
            .wait_for(
                "[data-testid=field-error][data-field=id]",
                Duration::from_secs(10),
            )
            .await?;
        assert!(err.is_displayed().await?);
        assert!(!err.text().await?.is_empty());
        assert_eq!(
            app.field("description")
                .await?
                .prop("value")
                .await?
                .as_deref(),
            Some("Typed text that must survive a failed save.")
        );
        assert_eq!(
            app.field("failure_modes.slow.degradation")
                .await?
                .prop("value")
                .await?
                .as_deref(),
            Some("Queue it.")
        );
        assert_eq!(
            app.field("id").await?.prop("value").await?.as_deref(),
            Some("has spaces in it")
        );
        let stored: i64 = app.read_db().query_row(
            "SELECT count(*) FROM workflows WHERE name = 'Broken one'",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(stored, 0);
        Ok(())
    }
    .await;
    app.finish(result).await;
}

#[tokio::test]
async fn the_audit_view_lists_the_single_vendor_finding() {
    let app = App::launch("audit_view").await;
    let result: TestResult = async {
        app.click("nav-audit").await?;
        let finding = app
            .wait_for(
                "[data-testid=finding][data-kind=single_vendor_chain][data-workflow=doc-summaries]",
                Duration::from_secs(10),
            )
            .await?;
        assert!(
            finding.text().await?.contains("openai"),
            "{}",
            finding.text().await?
        );
        // Opening the finding takes the operator to the workflow's form.
        finding.click().await?;
        app.testid("workflow-form").await?;
        assert_eq!(
            app.field("id").await?.prop("value").await?.as_deref(),
            Some("doc-summaries")
        );
        let _ = app
            .client
            .find(Locator::Css("[data-testid=cancel-form]"))
            .await?;
        Ok(())
    }
    .await;
    app.finish(result).await;
}

#[tokio::test]
async fn deleting_asks_first_and_removes_the_workflow() {
    let app = App::launch("delete_workflow").await;
    let result: TestResult = async {
        app.click("nav-workflows").await?;
        let row = app
            .wait_for(
                "[data-testid=workflow-row][data-id=doc-summaries]",
                Duration::from_secs(10),
            )
            .await?;
        row.find(Locator::Css("[data-testid=delete-workflow]"))
            .await?
            .click()
            .await?;
        app.click("confirm-delete").await?;
        app.eventually("the row to go", Duration::from_secs(10), || async {
            app.all("[data-testid=workflow-row][data-id=doc-summaries]")
                .await
                .ok()
                .filter(|rows| rows.is_empty())
        })
        .await?;
        let left: i64 = app.read_db().query_row(
            "SELECT count(*) FROM workflows WHERE id = 'doc-summaries'",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(left, 0);
        Ok(())
    }
    .await;
    app.finish(result).await;
}
