use super::*;

fn endpoint(style: ApiStyle, model: &str, base: &str) -> Endpoint {
    Endpoint {
        id: "e".into(),
        vendor: "v".into(),
        name: "E".into(),
        model: model.into(),
        base_url: base.into(),
        api_style: style,
        credential: Some("env:PROBE_KEY".into()),
        latency_slo_ms: 3000,
        probe: None,
    }
}

fn secrets() -> EnvSecrets<impl Fn(&str) -> Option<String> + Send + Sync> {
    EnvSecrets::with_lookup(|name| (name == "PROBE_KEY").then(|| "sk-canary".to_owned()))
}

fn header<'a>(request: &'a ProbeRequest, name: &str) -> Option<&'a str> {
    request
        .headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn built(style: ApiStyle, model: &str, base: &str, kind: Option<ProbeKind>) -> ProbeRequest {
    let config = ProbeConfig {
        kind,
        ..ProbeConfig::default()
    };
    build(&endpoint(style, model, base), &config, &secrets())
        .unwrap()
        .unwrap()
}

#[test]
fn openai_chat_uses_max_tokens_and_a_bearer_token() {
    let r = built(
        ApiStyle::Openai,
        "gpt-4o-mini",
        "https://api.openai.com/v1/",
        None,
    );
    assert_eq!(r.method, Method::Post);
    assert_eq!(r.url, "https://api.openai.com/v1/chat/completions");
    assert_eq!(header(&r, "authorization"), Some("Bearer sk-canary"));
    let body = r.body.unwrap();
    assert_eq!(body["max_tokens"], 16);
    assert!(body.get("max_completion_tokens").is_none());
    assert_eq!(body["model"], "gpt-4o-mini");
}

#[test]
fn reasoning_models_take_max_completion_tokens() {
    for model in ["o1", "o3-mini", "o4-mini", "gpt-5", "gpt-5-mini", "gpt-5.1"] {
        let body = built(ApiStyle::Openai, model, "https://x/v1", None)
            .body
            .unwrap();
        assert_eq!(body["max_completion_tokens"], 16, "{model}");
        assert!(body.get("max_tokens").is_none(), "{model}");
    }
    for model in ["gpt-4o", "gpt-4.1", "o1x", "gpt-50", "omni"] {
        assert!(!is_reasoning_model(model), "{model}");
    }
}

#[test]
fn anthropic_messages_send_key_and_version() {
    let r = built(
        ApiStyle::Anthropic,
        "claude-haiku-4-5",
        "https://api.anthropic.com/v1",
        None,
    );
    assert_eq!(r.url, "https://api.anthropic.com/v1/messages");
    assert_eq!(header(&r, "x-api-key"), Some("sk-canary"));
    assert_eq!(header(&r, "anthropic-version"), Some(ANTHROPIC_VERSION));
    assert_eq!(header(&r, "authorization"), None);
    assert_eq!(r.body.unwrap()["max_tokens"], 16);
}

#[test]
fn gemini_key_goes_in_a_header_never_the_query() {
    let r = built(
        ApiStyle::Gemini,
        "gemini-2.5-flash",
        "https://g.example/v1beta",
        None,
    );
    assert_eq!(
        r.url,
        "https://g.example/v1beta/models/gemini-2.5-flash:generateContent"
    );
    assert!(!r.url.contains("key="));
    assert_eq!(header(&r, "x-goog-api-key"), Some("sk-canary"));
    assert_eq!(r.body.unwrap()["generationConfig"]["maxOutputTokens"], 16);
}

#[test]
fn models_kind_lists_models_without_a_body() {
    for (style, url) in [
        (ApiStyle::Openai, "https://x/v1/models"),
        (ApiStyle::Anthropic, "https://x/v1/models"),
        (ApiStyle::Gemini, "https://x/v1/models"),
    ] {
        let r = built(style, "m", "https://x/v1", Some(ProbeKind::Models));
        assert_eq!(
            (r.method, r.url.as_str(), r.body.is_none()),
            (Method::Get, url, true)
        );
        assert!(r.carries_credential());
    }
}

#[test]
fn http_kind_gets_the_base_url() {
    let mut e = endpoint(ApiStyle::Http, "m", "http://127.0.0.1:8080/health");
    e.credential = None;
    let r = build(&e, &ProbeConfig::default(), &secrets())
        .unwrap()
        .unwrap();
    assert_eq!(
        (r.method, r.url.as_str()),
        (Method::Get, "http://127.0.0.1:8080/health")
    );
    assert!(r.headers.is_empty() && !r.carries_credential());
    // An openai endpoint probed with the http kind is a plain GET too.
    let r = built(ApiStyle::Openai, "m", "https://x/v1", Some(ProbeKind::Http));
    assert_eq!((r.method, r.url.as_str()), (Method::Get, "https://x/v1"));
}

#[test]
fn kind_none_sends_nothing() {
    let config = ProbeConfig {
        kind: Some(ProbeKind::None),
        ..ProbeConfig::default()
    };
    let e = endpoint(ApiStyle::Openai, "m", "https://x/v1");
    assert_eq!(build(&e, &config, &secrets()).unwrap(), None);
}

#[test]
fn an_unset_variable_or_a_keyring_reference_is_no_credential() {
    let mut e = endpoint(ApiStyle::Openai, "m", "https://x/v1");
    e.credential = Some("env:NOT_SET_ANYWHERE".into());
    let err = build(&e, &ProbeConfig::default(), &secrets()).unwrap_err();
    assert_eq!(
        err,
        CredentialError::UnsetVariable {
            name: "NOT_SET_ANYWHERE".into()
        }
    );
    e.credential = Some("keyring:brownout/openai".into());
    let err = build(&e, &ProbeConfig::default(), &secrets()).unwrap_err();
    assert!(
        err.to_string()
            .contains("keyring references are not supported"),
        "{err}"
    );
    e.credential = Some("sk-pasted-secret".into());
    let err = build(&e, &ProbeConfig::default(), &secrets()).unwrap_err();
    assert!(matches!(err, CredentialError::Malformed { .. }));
}

#[test]
fn debug_output_and_redaction_hide_the_secret() {
    let r = built(ApiStyle::Openai, "m", "https://x/v1", None);
    let shown = format!("{r:?}");
    assert!(!shown.contains("sk-canary"), "{shown}");
    assert!(shown.contains("Bearer [redacted]"), "{shown}");
    assert_eq!(
        r.redact("bad key sk-canary here"),
        "bad key [redacted] here"
    );
}

#[test]
fn azure_openai_uses_api_key_header_and_api_version_query() {
    let r = azure_openai_chat(
        "https://res.openai.azure.com/",
        "gpt-4o",
        "2024-10-21",
        16,
        Some("az"),
    );
    assert_eq!(
        r.url,
        "https://res.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"
    );
    assert_eq!(header(&r, "api-key"), Some("az"));
    assert_eq!(header(&r, "authorization"), None);
    assert_eq!(r.body.unwrap()["max_tokens"], 16);
    let r = azure_openai_models("https://res.openai.azure.com", "2024-10-21", Some("az"));
    assert!(r
        .url
        .starts_with("https://res.openai.azure.com/openai/models?api-version="));
}

#[test]
fn bedrock_converse_sends_a_bearer_token_and_an_escaped_model_id() {
    let r = bedrock_converse(
        "https://bedrock-runtime.us-east-1.amazonaws.com",
        "anthropic.claude-3-haiku-20240307-v1:0",
        16,
        Some("bedrock-key"),
    );
    assert_eq!(
        r.url,
        "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse"
    );
    assert_eq!(header(&r, "authorization"), Some("Bearer bedrock-key"));
    assert_eq!(r.body.unwrap()["inferenceConfig"]["maxTokens"], 16);
}

#[test]
fn azure_openai_and_bedrock_endpoints_build_their_own_shapes() {
    let r = built(
        ApiStyle::AzureOpenai,
        "gpt-4o-prod",
        "https://acme.openai.azure.com",
        None,
    );
    assert_eq!(
        r.url,
        "https://acme.openai.azure.com/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21"
    );
    assert_eq!(header(&r, "api-key"), Some("sk-canary"));
    assert_eq!(header(&r, "authorization"), None);

    let r = built(
        ApiStyle::Bedrock,
        "anthropic.claude-3-5-sonnet-20240620-v1:0",
        "https://bedrock-runtime.us-east-1.amazonaws.com",
        Some(ProbeKind::Models),
    );
    assert_eq!(r.method, Method::Post);
    assert!(r.url.ends_with("/converse"), "{}", r.url);
    assert_eq!(header(&r, "authorization"), Some("Bearer sk-canary"));
}

#[test]
fn reply_bodies_lose_the_secret_sent_and_a_start_of_it_where_the_body_was_cut() {
    let r = built(
        ApiStyle::Openai,
        "gpt-4o",
        "https://api.openai.com/v1",
        None,
    );
    let body = br#"{"error":{"message":"bad key sk-canary, sk-canary"}}"#.to_vec();
    assert_eq!(
        r.redact_body(body, false),
        br#"{"error":{"message":"bad key [redacted], [redacted]"}}"#
    );
    // Cut at the cap inside the key: what remains of it goes too; a cut body not ending in
    // it keeps its end.
    assert_eq!(
        r.redact_body(b"key: sk-canar".to_vec(), true),
        b"key: [redacted]"
    );
    assert_eq!(
        r.redact_body(b"key: sk-canar".to_vec(), false),
        b"key: sk-canar"
    );
    assert_eq!(r.redact_body(b"sk-ca".to_vec(), true), b"sk-ca");

    // Nothing to remove: a request without a credential, or one too short to search for.
    let mut e = endpoint(ApiStyle::Http, "m", "https://status.example/health");
    e.credential = None;
    let plain = build(&e, &ProbeConfig::default(), &secrets())
        .unwrap()
        .unwrap();
    assert_eq!(plain.redact_body(b"sk-canary".to_vec(), true), b"sk-canary");
    let short = build(
        &endpoint(ApiStyle::Openai, "m", "https://api.openai.com/v1"),
        &ProbeConfig::default(),
        &EnvSecrets::with_lookup(|_| Some("ab".to_owned())),
    )
    .unwrap()
    .unwrap();
    assert_eq!(short.redact_body(b"about".to_vec(), false), b"about");
}
