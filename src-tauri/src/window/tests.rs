use super::*;

fn c(s: &str) -> Navigation {
    classify(&Url::parse(s).unwrap())
}

#[test]
fn only_the_app_origin_navigates_the_window() {
    assert_eq!(c("tauri://localhost/"), Navigation::Allow);
    assert_eq!(c("http://tauri.localhost/index.html"), Navigation::Allow);
    assert_eq!(c("https://status.openai.com/"), Navigation::External);
    assert_eq!(c("mailto:oncall@example.com"), Navigation::External);
    assert_eq!(
        c("http://tauri.localhost.evil.example/"),
        Navigation::External
    );
    for bad in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "tauri://evil/",
        "ipc://localhost/app_info",
        "asset://localhost/etc/passwd",
        "vbscript:msgbox",
    ] {
        assert_eq!(c(bad), Navigation::Deny, "{bad}");
    }
}
