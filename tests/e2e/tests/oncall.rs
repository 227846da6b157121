//! On-call schedules in the real window: an override made from the calendar in two clicks
//! shows in the final schedule, in SQLite and as "on call now" on the dashboard, and the
//! keyboard removes it again; the rotation
//! editor shows a layer's errors beside its fields and stores the layer.

use std::time::Duration;

use brownout_e2e::{App, TestResult};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::Locator;

const WAIT: Duration = Duration::from_secs(10);

async fn attr(el: &Element, name: &str) -> Result<String, fantoccini::error::CmdError> {
    Ok(el.attr(name).await?.unwrap_or_default())
}

/// The first rotation by id, the one the calendar opens on.
const ROTATION: &str = "platform-ml";

async fn override_the_current_slot(app: &App) -> TestResult {
    app.click("nav-rotations").await?;
    app.wait_for(
        &format!("[data-testid=calendar][data-rotation={ROTATION}]"),
        WAIT,
    )
    .await?;
    let now_ms = app.js("return Date.now()").await?.as_i64().unwrap();
    // The slot running now: the seeded rotation always has someone on call.
    let mut current = None;
    for slot in app.all("[data-testid=final-slot]").await? {
        let start = app
            .js(&format!(
                "return Date.parse('{}')",
                attr(&slot, "data-start").await?
            ))
            .await?
            .as_i64()
            .unwrap();
        let end = app
            .js(&format!(
                "return Date.parse('{}')",
                attr(&slot, "data-end").await?
            ))
            .await?
            .as_i64()
            .unwrap();
        if start <= now_ms && now_ms < end {
            current = Some(slot);
        }
    }
    let slot = current.ok_or("no final-schedule slot holds the present instant")?;
    let was = attr(&slot, "data-person").await?;
    let end = attr(&slot, "data-end").await?;
    assert!(!was.is_empty(), "someone is on call now");

    // Click one: the slot opens the override form, filled in with someone else.
    slot.click().await?;
    app.testid("override-dialog").await?;
    let picked = app
        .field("person")
        .await?
        .prop("value")
        .await?
        .unwrap_or_default();
    assert!(
        !picked.is_empty() && picked != was,
        "prefilled with another person: {picked:?} (was {was:?})"
    );
    // Click two: save.
    app.click("save-override").await?;

    // The final schedule now has the override until the slot's end.
    let selector = format!("[data-testid=final-slot].from-override[data-end='{end}']");
    let taken = app.wait_for(&selector, WAIT).await?;
    assert_eq!(attr(&taken, "data-person").await?, picked);
    let from = attr(&taken, "data-start").await?;
    assert!(
        app.all("[data-testid=override-bar]").await?.len() == 1,
        "the overrides row shows it"
    );

    let stored: (String, String, String) = app.read_db().query_row(
        "SELECT name, starts_at, ends_at FROM rotation_overrides WHERE rotation_id = ?",
        [ROTATION],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    assert_eq!(stored, (picked.clone(), from, end));

    // The dashboard says who is on call now: the override's person.
    app.click("nav-dashboard").await?;
    let person = format!(
        "[data-testid=oncall-entry][data-rotation={ROTATION}] [data-testid=oncall-person][data-person='{picked}']"
    );
    let entry = app.wait_for(&person, WAIT).await?;
    assert!(entry.text().await?.contains("until"));
    // And so does each workflow the rotation owns.
    let card = app
        .wait_for(
            "[data-testid=dashboard-workflow][data-id=doc-summaries]",
            WAIT,
        )
        .await?;
    let line = card
        .find(Locator::Css("[data-testid=workflow-oncall]"))
        .await?
        .text()
        .await?;
    assert!(line.contains(&picked), "{line}");

    // Back in the calendar, the keyboard removes it: Enter on its bar, Enter on the confirmation.
    app.click("nav-rotations").await?;
    let bar = app.testid("override-bar").await?;
    bar.send_keys(&Key::Enter.to_string()).await?;
    app.testid("confirm-delete")
        .await?
        .send_keys(&Key::Enter.to_string())
        .await?;
    app.eventually("the override to go", WAIT, || async {
        let bars = app.all("[data-testid=override-bar]").await.ok()?;
        bars.is_empty().then_some(())
    })
    .await?;
    let left: i64 = app.read_db().query_row(
        "SELECT count(*) FROM rotation_overrides WHERE rotation_id = ?",
        [ROTATION],
        |r| r.get(0),
    )?;
    assert_eq!(left, 0);
    Ok(())
}

#[tokio::test]
async fn an_override_made_in_the_calendar_shows_in_the_final_schedule_sqlite_and_the_dashboard() {
    let app = App::launch("oncall_override").await;
    let result = override_the_current_slot(&app).await;
    app.finish(result).await;
}

async fn add_a_layer(app: &App) -> TestResult {
    app.click("nav-rotations").await?;
    let row = app
        .wait_for("[data-testid=rotation-row][data-id=support-ai]", WAIT)
        .await?;
    row.find(Locator::Css("[data-testid=edit-rotation]"))
        .await?
        .click()
        .await?;
    app.testid("rotation-form").await?;
    app.click("add-layer").await?;
    app.fill("layers[0].name", "APAC nights").await?;
    app.fill("layers[0].time_zone", "Asia/Kolkatta").await?;
    app.fill("layers[0].handoff", "08:00").await?;
    // The layer's own window: every night from 20:00 to 08:00 the next day.
    let layer = app.wait_for("[data-testid=layer]", WAIT).await?;
    layer
        .find(Locator::Css("[data-testid=add-restriction]"))
        .await?
        .click()
        .await?;
    for day in ["sat", "sun"] {
        app.field(&format!("layers[0].restrictions[0].days.{day}"))
            .await?
            .click()
            .await?;
    }
    app.fill("layers[0].restrictions[0].from", "20:00").await?;
    app.fill("layers[0].restrictions[0].to", "08:00").await?;
    layer
        .find(Locator::Css("[data-testid=add-member]"))
        .await?
        .click()
        .await?;
    app.fill("layers[0].members[0].name", "Ravi Iyer").await?;
    app.click("save-rotation").await?;

    let err = app
        .wait_for(
            "[data-testid=field-error][data-field='layers[0].time_zone']",
            WAIT,
        )
        .await?;
    assert!(err.text().await?.contains("Asia/Kolkatta"));
    let layers: String = app.read_db().query_row(
        "SELECT layers FROM rotations WHERE id = 'support-ai'",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(layers, "[]", "a refused save stores nothing");

    app.fill("layers[0].time_zone", "Asia/Kolkata").await?;
    app.click("save-rotation").await?;
    app.wait_for("[data-testid=rotation-row][data-id=support-ai]", WAIT)
        .await?;
    let layers: String = app.read_db().query_row(
        "SELECT layers FROM rotations WHERE id = 'support-ai'",
        [],
        |r| r.get(0),
    )?;
    let layers: serde_json::Value = serde_json::from_str(&layers)?;
    assert_eq!(layers[0]["name"], "APAC nights");
    assert_eq!(layers[0]["time_zone"], "Asia/Kolkata");
    assert_eq!(layers[0]["members"][0]["name"], "Ravi Iyer");
    assert_eq!(
        layers[0]["restrictions"],
        serde_json::json!([{"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "from": "20:00", "to": "08:00"}])
    );

    // The rotation's name in the dashboard's on-call list opens its calendar, with the layer's row.
    app.click("nav-dashboard").await?;
    app.wait_for(
        "[data-testid=oncall-entry][data-rotation=support-ai] [data-testid=oncall-calendar]",
        WAIT,
    )
    .await?
    .click()
    .await?;
    app.wait_for("[data-testid=calendar][data-rotation=support-ai] [data-testid=calendar-row][data-row=layer-0]", WAIT)
        .await?;
    Ok(())
}

#[tokio::test]
async fn a_layer_added_in_the_editor_shows_its_errors_beside_its_fields_then_is_stored() {
    let app = App::launch("oncall_layer").await;
    let result = add_a_layer(&app).await;
    app.finish(result).await;
}
