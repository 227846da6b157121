//! Runbooks in the real window: hostile markdown stays inert, editing with live preview and
//! save, changes on disk (clean reload, conflict choice), and the guided walk-through landing
//! on the timeline.

use std::path::Path;
use std::time::Duration;

use brownout_e2e::{App, TestResult};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::Locator;

const HOSTILE: &str = r#"---
id: hostile
title: Hostile runbook
vendor: any
failure_modes: [throttled]
---
# Hostile runbook

## Throttled

<script>window.__pwned = 'script'; document.title = 'pwned'</script>

<img src=x onerror="window.__pwned = 'onerror'">

<svg onload="window.__pwned = 'svg'"><circle r="5"/></svg>

<iframe srcdoc="<script>parent.__pwned = 'iframe'</script>"></iframe>

<meta http-equiv="refresh" content="0;url=https://evil.example/">

<details open ontoggle="window.__pwned = 'details'">x</details>

- [ ] Click [the console](javascript:window.__pwned='link') and [this](JaVaScRiPt:window.__pwned='case')
- [ ] And [entity](&#106;avascript:window.__pwned='entity') and <javascript:window.__pwned='auto'>
- [ ] And [data](data:text/html,<script>parent.__pwned='data'</script>) and ![pixel](https://evil.example/p.gif)

[ref]: javascript:window.__pwned='ref'

Marker text that proves the preview rendered.
"#;

fn runbook_row(file: &str) -> String {
    format!("[data-testid=runbook-row][data-file='{file}']")
}

async fn open_runbook(app: &App, file: &str) -> TestResult {
    app.click("nav-runbooks").await?;
    app.wait_for(&runbook_row(file), Duration::from_secs(10))
        .await?
        .click()
        .await?;
    Ok(())
}

/// Waits until the preview's text contains `text`.
async fn preview_shows(app: &App, text: &str) -> TestResult {
    app.eventually(
        &format!("preview to show {text:?}"),
        Duration::from_secs(10),
        || async {
            let preview = app.testid("runbook-preview").await.ok()?;
            preview.text().await.ok().filter(|t| t.contains(text))
        },
    )
    .await?;
    Ok(())
}

/// Opens `file`, waits for its preview to show `title`, and starts the walk-through.
async fn start_walk(app: &App, file: &str, title: &str) -> TestResult {
    open_runbook(app, file).await?;
    // The button is enabled once the runbook has loaded.
    preview_shows(app, title).await?;
    app.wait_for(
        "[data-testid=walk-runbook]:not([disabled])",
        Duration::from_secs(10),
    )
    .await?
    .click()
    .await?;
    Ok(())
}

/// Presses the control `testid` (step-done, step-blocked, …) of a walk step.
async fn press(step: &Element, testid: &str) -> TestResult {
    step.find(Locator::Css(&format!("[data-testid={testid}]")))
        .await?
        .click()
        .await?;
    Ok(())
}

/// The selector of walk step `id` in `state`.
fn step_in(id: &str, state: &str) -> String {
    format!("[data-testid=walk-step][data-step-id='{id}'][data-state={state}]")
}

#[tokio::test]
async fn a_hostile_runbook_runs_no_script_in_the_window() {
    let app = App::launch_with("hostile_runbook", |dir: &Path| {
        std::fs::create_dir_all(dir.join("runbooks")).unwrap();
        std::fs::write(dir.join("runbooks/hostile.md"), HOSTILE).unwrap();
    })
    .await;
    let result: TestResult = async {
        let start_url = app.client.current_url().await?;
        open_runbook(&app, "hostile.md").await?;
        preview_shows(&app, "Marker text that proves the preview rendered.").await?;
        // Click every link the preview kept, as an operator would.
        for link in app.all("[data-testid=runbook-preview] a").await? {
            let _ = link.click().await;
        }
        tokio::time::sleep(Duration::from_millis(800)).await;
        let verdict = app
            .js(
                "const p = document.querySelector('[data-testid=runbook-preview]');
                 const all = [...p.querySelectorAll('*')];
                 return {
                   pwned: window.__pwned === undefined ? null : String(window.__pwned),
                   title: document.title,
                   active: p.querySelectorAll('script,iframe,object,embed,style,form,svg,math,meta,base,link').length,
                   handlers: all.flatMap(el => [...el.attributes].map(a => a.name)).filter(n => n.startsWith('on')),
                   hrefs: [...p.querySelectorAll('a')].map(a => a.getAttribute('href')),
                   srcs: [...p.querySelectorAll('img')].map(i => i.getAttribute('src')),
                 };",
            )
            .await?;
        assert_eq!(verdict["pwned"], serde_json::Value::Null, "{verdict}");
        assert_eq!(verdict["title"], "Brownout", "{verdict}");
        assert_eq!(verdict["active"], 0, "{verdict}");
        assert_eq!(verdict["handlers"], serde_json::json!([]), "{verdict}");
        assert!(
            verdict["hrefs"].as_array().unwrap().iter().all(|h| {
                let h = h.as_str().unwrap_or("");
                h.starts_with("https://") || h.starts_with("http://") || h.starts_with('#')
            }),
            "{verdict}"
        );
        assert_eq!(verdict["srcs"], serde_json::json!([]), "no remote image: {verdict}");
        assert_eq!(app.client.current_url().await?, start_url, "the window did not navigate");
        // The raw script is visible as text, not run.
        let text = app.testid("runbook-preview").await?.text().await?;
        assert!(text.contains("<script>window.__pwned"), "{text}");
        Ok(())
    }
    .await;
    app.finish(result).await;
}

/// Sends keys to the editor as typing: to the end of the document first.
async fn type_at_end(app: &App, text: &str) -> TestResult {
    let editor = app
        .wait_for(
            "[data-testid=runbook-editor] .cm-content",
            Duration::from_secs(10),
        )
        .await?;
    editor.click().await?;
    // Control+End, as a person would press it, then type.
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down {
            value: Key::Control.into(),
        })
        .then(KeyAction::Down {
            value: Key::End.into(),
        })
        .then(KeyAction::Up {
            value: Key::End.into(),
        })
        .then(KeyAction::Up {
            value: Key::Control.into(),
        });
    app.client.perform_actions(keys).await?;
    app.client.release_actions().await?;
    // WebDriver types a new line with the Enter key code.
    editor.send_keys(&text.replace('\n', "\u{E007}")).await?;
    Ok(())
}

#[tokio::test]
async fn editing_a_runbook_previews_saves_and_respects_changes_on_disk() {
    let app = App::launch("edit_runbook").await;
    let result: TestResult = async {
        let file = app.runbooks_dir().join("openai.md");
        open_runbook(&app, "openai.md").await?;
        preview_shows(&app, "OpenAI throttled, unavailable or slow").await?;

        type_at_end(&app, "\n- [ ] Added in the editor by the operator\n").await?;
        app.testid("runbook-dirty").await?;
        preview_shows(&app, "Added in the editor by the operator").await?;
        app.click("save-runbook").await?;
        app.eventually(
            "the file on disk to have the edit",
            Duration::from_secs(10),
            || async {
                let text = std::fs::read_to_string(&file).ok()?;
                text.contains("- [ ] Added in the editor by the operator")
                    .then_some(())
            },
        )
        .await?;

        // Another editor changes the file while ours is clean: it reloads by itself.
        let disk = std::fs::read_to_string(&file)?;
        std::fs::write(
            &file,
            disk.replace("Added in the editor", "Changed by git pull"),
        )?;
        preview_shows(&app, "Changed by git pull by the operator").await?;

        // Now with unsaved edits: the change on disk is announced, and saving asks first.
        type_at_end(&app, "\nMy unsaved line.\n").await?;
        preview_shows(&app, "My unsaved line.").await?;
        let theirs =
            std::fs::read_to_string(&file)?.replace("Changed by git pull", "Changed again on disk");
        std::fs::write(&file, &theirs)?;
        app.testid("disk-changed").await?;
        app.click("save-runbook").await?;
        app.testid("conflict-dialog").await?;
        assert_eq!(
            std::fs::read_to_string(&file)?,
            theirs,
            "nothing overwritten silently"
        );
        app.click("conflict-overwrite").await?;
        app.eventually("my version on disk", Duration::from_secs(10), || async {
            let text = std::fs::read_to_string(&file).ok()?;
            text.contains("My unsaved line.").then_some(())
        })
        .await?;
        Ok(())
    }
    .await;
    app.finish(result).await;
}

#[tokio::test]
async fn walking_a_runbook_puts_every_step_change_on_the_timeline() {
    let app = App::launch("walk_runbook").await;
    let result: TestResult = async {
        start_walk(
            &app,
            "anthropic.md",
            "Anthropic throttled, overloaded or slow",
        )
        .await?;
        let progress = app.testid("walk-progress").await?;
        let before = progress.text().await?;
        assert!(before.starts_with("0/"), "{before}");

        let steps = app.all("[data-testid=walk-step]").await?;
        let first = &steps[0];
        let first_id = first.attr("data-step-id").await?.unwrap();
        first
            .find(Locator::Css("[data-testid=step-note]"))
            .await?
            .send_keys("Probes red since 09:12")
            .await?;
        press(first, "step-done").await?;
        app.wait_for(&step_in(&first_id, "done"), Duration::from_secs(10))
            .await?;
        let second = app.all("[data-testid=walk-step]").await?.remove(1);
        let second_id = second.attr("data-step-id").await?.unwrap();
        press(&second, "step-blocked").await?;
        app.wait_for(&step_in(&second_id, "blocked"), Duration::from_secs(10))
            .await?;
        let after = app.testid("walk-progress").await?.text().await?;
        assert!(
            after.starts_with("1/") && after.contains("1 blocked"),
            "{after}"
        );
        assert_eq!(app.all("[data-testid=timeline-event]").await?.len(), 2);

        let db = app.read_db();
        let rows: Vec<(String, String, String)> = db
            .prepare("SELECT kind, actor, data FROM timeline_events ORDER BY id")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        assert_eq!(rows.len(), 2, "{rows:?}");
        for (kind, actor, _) in &rows {
            assert_eq!(
                (kind.as_str(), actor.as_str()),
                ("runbook_step", "e2e-operator")
            );
        }
        let first_data: serde_json::Value = serde_json::from_str(&rows[0].2)?;
        assert_eq!(first_data["step"], first_id.as_str());
        assert_eq!(first_data["state"], "done");
        assert_eq!(first_data["note"], "Probes red since 09:12");
        let progress: String = db.query_row(
            "SELECT state FROM walk_steps WHERE runbook_id = 'anthropic-degraded' AND step_id = ?",
            [&second_id],
            |r| r.get(0),
        )?;
        assert_eq!(progress, "blocked");
        Ok(())
    }
    .await;
    app.finish(result).await;
}

#[tokio::test]
async fn a_new_runbook_from_the_template_is_one_action_away() {
    let app = App::launch("new_runbook").await;
    let result: TestResult = async {
        app.click("nav-runbooks").await?;
        app.click("new-runbook").await?;
        app.fill("title", "Gemini quota exhausted").await?;
        app.select("vendor", "google").await?;
        app.click("create-runbook").await?;
        app.wait_for(
            "[data-testid=runbook-row][data-file='gemini-quota-exhausted.md'][data-id='gemini-quota-exhausted']",
            Duration::from_secs(10),
        )
        .await?;
        preview_shows(&app, "Throttled (429s, quota)").await?;
        let on_disk = std::fs::read_to_string(app.runbooks_dir().join("gemini-quota-exhausted.md"))?;
        assert!(on_disk.contains("vendor: google"), "{on_disk}");
        assert!(
            app.all("[data-testid=runbook-problem]").await?.is_empty(),
            "the template passes the check"
        );
        Ok(())
    }
    .await;
    app.finish(result).await;
}

#[tokio::test]
async fn starting_a_walk_over_asks_first_and_lands_on_the_timeline() {
    let app = App::launch("reset_walk").await;
    let result: TestResult = async {
        start_walk(&app, "openai.md", "OpenAI throttled, unavailable or slow").await?;
        let first = app.wait_for("[data-testid=walk-step]", Duration::from_secs(10)).await?;
        let first_id = first.attr("data-step-id").await?.unwrap();
        let done = step_in(&first_id, "done");
        press(&first, "step-done").await?;
        app.wait_for(&done, Duration::from_secs(10)).await?;

        // From the keyboard: Enter on the button opens the question, Esc keeps everything.
        let reset = app
            .wait_for("[data-testid=walk-reset]:not([disabled])", Duration::from_secs(10))
            .await?;
        reset.send_keys(&Key::Enter.to_string()).await?;
        let dialog = app.wait_for("dialog[open]", Duration::from_secs(10)).await?;
        dialog.send_keys(&Key::Escape.to_string()).await?;
        app.eventually("the question to close", Duration::from_secs(10), || async {
            app.all("dialog[open]").await.ok()?.is_empty().then_some(())
        })
        .await?;
        app.wait_for(&done, Duration::from_secs(2)).await?;
        let focused = app
            .js("return document.activeElement?.dataset?.testid ?? null")
            .await?;
        assert_eq!(focused, "walk-reset", "the keyboard is back on the button");

        reset.send_keys(&Key::Enter.to_string()).await?;
        app.click("confirm-delete").await?;
        app.wait_for(&step_in(&first_id, "pending"), Duration::from_secs(10))
            .await?;
        let progress = app.testid("walk-progress").await?.text().await?;
        assert!(progress.starts_with("0/"), "{progress}");
        let kinds: Vec<String> = {
            let mut out = Vec::new();
            for e in app.all("[data-testid=timeline-event]").await? {
                out.push(e.attr("data-kind").await?.unwrap_or_default());
            }
            out
        };
        assert_eq!(kinds, ["runbook_reset", "runbook_step"], "newest first");

        let db = app.read_db();
        let cleared: i64 = db.query_row(
            "SELECT json_extract(data, '$.cleared') FROM timeline_events WHERE kind = 'runbook_reset'",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(cleared, 1);
        let left: i64 = db.query_row(
            "SELECT count(*) FROM walk_steps WHERE runbook_id = 'openai-degraded'",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(left, 0);
        Ok(())
    }
    .await;
    app.finish(result).await;
}

#[tokio::test]
async fn a_runbook_changed_on_disk_updates_the_audit_without_a_restart() {
    let app = App::launch("audit_follows_disk").await;
    let result: TestResult = async {
        let gap = "[data-testid=finding][data-kind=no_runbook][data-workflow=ticket-search]";
        app.click("nav-audit").await?;
        app.testid("audit-summary").await?;
        assert!(app.all(gap).await?.is_empty(), "covered at the start");

        // A `git pull` renames the vendor in the Gemini runbook's front matter.
        let file = app.runbooks_dir().join("google-gemini.md");
        let text = std::fs::read_to_string(&file)?;
        std::fs::write(
            &file,
            text.replace("vendor: google", "vendor: google-cloud"),
        )?;
        app.wait_for(gap, Duration::from_secs(20)).await?;

        app.click("nav-dashboard").await?;
        let summary = app.testid("audit-summary").await?.text().await?;
        assert!(
            summary.contains("A critical workflow is not ready"),
            "{summary}"
        );
        Ok(())
    }
    .await;
    app.finish(result).await;
}
