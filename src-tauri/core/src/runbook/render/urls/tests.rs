use super::*;

#[test]
fn only_web_and_mail_links_survive() {
    assert_eq!(
        link_target("https://status.openai.com"),
        Some(LinkTarget::External("https://status.openai.com".into()))
    );
    assert!(matches!(
        link_target("mailto:oncall@example.com"),
        Some(LinkTarget::External(_))
    ));
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "\u{1}javascript:alert(1)",
        "java%73cript:alert(1)",
        "vbscript:x",
        "data:text/html,x",
        "file:///etc/passwd",
        "tauri://localhost",
        "ipc://localhost",
        "runbook-asset://localhost/x.png",
        "relative/page.md",
        "/absolute",
        "//evil.example/x",
        "http:",
    ] {
        assert_eq!(link_target(bad), None, "{bad:?}");
    }
}

#[test]
fn fragments_point_at_heading_ids() {
    assert_eq!(
        link_target("#Step%20back"),
        Some(LinkTarget::InPage("#h-step-back".into()))
    );
}

#[test]
fn images_stay_inside_the_runbook_folder() {
    assert_eq!(
        image_src("img/flow%20chart.png", Some("openai")).as_deref(),
        Some("runbook-asset://localhost/openai/img/flow%20chart.png")
    );
    assert_eq!(
        image_src("./a.png", Some("")).as_deref(),
        Some("runbook-asset://localhost/a.png")
    );
    for bad in [
        "../secret.png",
        "a/../../x.png",
        "/etc/x.png",
        "https://evil.example/p.gif",
        "//evil.example/p.gif",
        "data:image/svg+xml,<svg onload=alert(1)>",
        "javascript:alert(1)",
        "%2e%2e/x.png",
        "#",
        "?x",
        "./",
        "img/",
        "img/.",
    ] {
        assert_eq!(image_src(bad, Some("rb")), None, "{bad:?}");
    }
    assert_eq!(image_src("a.png", None), None);
}
