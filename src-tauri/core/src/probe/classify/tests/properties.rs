//! Properties that hold for any reply, however hostile.

use proptest::prelude::*;

use super::*;

fn any_shape() -> impl Strategy<Value = ReplyShape> {
    prop_oneof![
        Just(Openai),
        Just(AzureOpenai),
        Just(Anthropic),
        Just(Gemini),
        Just(Bedrock),
        Just(Plain),
    ]
}

fn any_kind() -> impl Strategy<Value = ProbeKind> {
    prop_oneof![Just(Chat), Just(ProbeKind::Models), Just(ProbeKind::Http)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Whatever the body, status and headers, the credential the probe sent never appears in
    /// the excerpt, which stays short and on one line.
    #[test]
    fn no_reply_leaks_the_credential_or_breaks_the_excerpt(
        shape in any_shape(),
        kind in any_kind(),
        status in prop_oneof![Just(200u16), Just(401), Just(404), Just(429), Just(500), 0u16..1000],
        before in "\\PC{0,400}",
        after in "(\\PC|[\\n\\r\\t\\u{1b}]){0,400}",
        secret in "[A-Za-z0-9_-]{8,60}",
        in_header in any::<bool>(),
    ) {
        let body = format!("{before}{secret}{after}");
        let header_value = format!("{secret}:x");
        let headers: &[(&str, &str)] = if in_header {
            &[("x-amzn-errortype", header_value.as_str())]
        } else {
            &[]
        };
        let outcome = Outcome::Reply(reply(status, headers, &body));
        let got = run_with(shape, kind, &outcome, &ProbeConfig::default(), Some(&secret));
        if let Some(text) = got.error_excerpt {
            prop_assert!(!text.contains(&secret), "{text}");
            prop_assert!(text.chars().count() <= MAX_EXCERPT_CHARS);
            prop_assert!(!text.chars().any(char::is_control), "{text:?}");
        }
    }

    /// Retry-After is always within 0 to 600 seconds, or absent.
    #[test]
    fn retry_after_stays_in_range(value in "\\PC{0,40}") {
        let outcome = Outcome::Reply(reply(429, &[("retry-after", value.as_str())], ""));
        let got = run(Openai, Chat, &outcome);
        prop_assert!(got.retry_after_s.is_none_or(|s| s <= 600));
    }
}
