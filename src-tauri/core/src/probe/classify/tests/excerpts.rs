//! The error excerpt: short, one line, no secrets.

use super::*;

const CANARY: &str = "canary-7f3a9c1e5b2d4806-secret";

#[test]
fn the_probes_own_credential_never_reaches_the_excerpt() {
    let body = format!(
        r#"{{"error":{{"message":"Incorrect API key provided: {CANARY}. Header was Authorization: Bearer {CANARY}","type":"invalid_request_error","code":"invalid_api_key"}}}}"#
    );
    let header_value = format!("AccessDeniedException:{CANARY}");
    let outcomes = [
        (Openai, Outcome::Reply(reply(401, JSON, &body))),
        (Openai, Outcome::Reply(reply(200, JSON, &body))),
        (
            Plain,
            Outcome::Reply(reply(500, &[], &format!("<pre>key={CANARY}</pre>"))),
        ),
        (
            Bedrock,
            Outcome::Reply(reply(
                403,
                &[("x-amzn-errortype", header_value.as_str())],
                "{}",
            )),
        ),
        (
            Openai,
            Outcome::Failed {
                failure: TransportFailure::Tls,
                detail: format!("handshake failed for {CANARY}"),
                latency_ms: 5,
            },
        ),
    ];
    for (shape, outcome) in outcomes {
        let got = run_with(shape, Chat, &outcome, &ProbeConfig::default(), Some(CANARY));
        let text = got.error_excerpt.expect("an excerpt");
        assert!(!text.contains(CANARY), "{text}");
        assert!(!text.contains("7f3a9c1e5b2d"), "{text}");
        // Where the credential was quoted, the reader sees that something was removed.
        if !text.starts_with("HTTP 403") {
            assert!(text.contains(excerpt::REDACTED), "{text}");
        }
    }
}

#[test]
fn a_credential_cut_by_the_body_cap_is_removed_too() {
    let cut = &CANARY[..14];
    let got = excerpt::excerpt(&format!("echo: {cut}"), Some(CANARY)).unwrap();
    assert_eq!(got, format!("echo: {}", excerpt::REDACTED));
    // Short common tails are not mistaken for the credential.
    let got = excerpt::excerpt("ends with ca", Some(CANARY)).unwrap();
    assert_eq!(got, "ends with ca");
}

#[test]
fn key_lookalikes_are_cut_short_even_without_the_credential() {
    let key = "sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    let got = excerpt::excerpt(&format!("bad key {key} given"), None).unwrap();
    assert!(!got.contains("AbCdEfGh"), "{got}");
    assert!(got.starts_with("bad key sk-"), "{got}");
}

#[test]
fn excerpts_are_one_line_without_control_characters() {
    let got = excerpt::excerpt(
        "line one\r\n\tline two\u{1b}[31m red \u{202e}rtl\u{7}",
        None,
    )
    .unwrap();
    assert_eq!(got, "line one line two\\u{1b}[31m red \\u{202e}rtl\\u{7}");
    assert!(!got.chars().any(char::is_control));
    assert_eq!(excerpt::excerpt(" \n\t ", None), None);
}

#[test]
fn excerpts_are_at_most_300_characters() {
    let long = "é".repeat(1_000);
    let got = excerpt::excerpt(&long, None).unwrap();
    assert_eq!(got.chars().count(), MAX_EXCERPT_CHARS);
    assert!(got.ends_with('…'));
    let exact = "x".repeat(MAX_EXCERPT_CHARS);
    assert_eq!(excerpt::excerpt(&exact, None).unwrap(), exact);
    // Through classification too, from a huge error page.
    let page = HTML_PAGE.repeat(200);
    let got = run(Openai, Chat, &Outcome::Reply(reply(502, &[], &page)));
    assert!(got.error_excerpt.unwrap().chars().count() <= MAX_EXCERPT_CHARS);
}

#[test]
fn excerpts_quote_the_vendors_error() {
    let quote = |shape, status, headers, body| replied(shape, Chat, status, headers, body);
    assert_eq!(
        quote(Anthropic, 529, JSON, ANTHROPIC_OVERLOADED)
            .error_excerpt
            .as_deref(),
        Some("HTTP 529: overloaded_error: Overloaded")
    );
    let throttled = quote(Bedrock, 429, BEDROCK_THROTTLE_HEADERS, BEDROCK_THROTTLED);
    assert_eq!(
        throttled.error_excerpt.as_deref(),
        Some("HTTP 429: ThrottlingException: Too many requests, please wait before trying again.")
    );
    let unavailable = quote(Gemini, 503, JSON, GEMINI_UNAVAILABLE).error_excerpt;
    assert_eq!(
        unavailable.as_deref(),
        Some("HTTP 503: UNAVAILABLE: The model is overloaded. Please try again later.")
    );
    let got = replied(Openai, Chat, 200, &[], HTML_PAGE);
    let text = got.error_excerpt.unwrap();
    assert!(
        text.starts_with("not JSON: <!DOCTYPE html> <html>"),
        "{text}"
    );
}
