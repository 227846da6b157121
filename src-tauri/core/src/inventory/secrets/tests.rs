use super::*;

#[test]
fn references_follow_the_documented_grammar() {
    assert_eq!(
        parse_credential("env:OPENAI_API_KEY"),
        Ok(Credential::Env("OPENAI_API_KEY"))
    );
    assert_eq!(parse_credential("env:_X1"), Ok(Credential::Env("_X1")));
    assert_eq!(
        parse_credential("keyring:brownout/azure-openai"),
        Ok(Credential::Keyring {
            service: "brownout",
            account: "azure-openai"
        })
    );
    assert!(parse_credential("keyring:a.b_c@d-e/F.9").is_ok());
    let max = "A".repeat(64);
    assert!(parse_credential(&format!("env:{max}")).is_ok());
    assert!(parse_credential(&format!("keyring:{}/{}", "a".repeat(64), "b".repeat(64))).is_ok());
    for bad in [
        "",
        "OPENAI_API_KEY",
        "env:",
        "env:lower_case",
        "env:1ABC",
        "env:A-B",
        "env:A B",
        "keyring:",
        "keyring:service",
        "keyring:/account",
        "keyring:service/",
        "keyring:a/b/c",
        "keyring:a b/c",
        "keyring:a/b:c",
        "vault:secret/x",
        &format!("env:{max}A"),
        &format!("keyring:{}/b", "a".repeat(65)),
        &format!("keyring:a/{}", "b".repeat(65)),
    ] {
        assert_eq!(
            parse_credential(bad),
            Err(SecretProblem::NotAReference),
            "{bad}"
        );
    }
}

#[test]
fn pasted_keys_are_refused_even_inside_references() {
    assert_eq!(
        parse_credential("keyring:sk-ant-api03-AbCdEf/x"),
        Err(SecretProblem::KeyPrefix("sk-"))
    );
    assert_eq!(
        parse_credential("keyring:brownout/sk-ant-api03-AbCdEf"),
        Err(SecretProblem::KeyPrefix("sk-"))
    );
    assert_eq!(
        parse_credential("env:AKIAIOSFODNN7EXAMPLE"),
        Err(SecretProblem::KeyPrefix("AKIA"))
    );
    // `env:sk_live_…` is not even a variable name.
    assert_eq!(
        parse_credential("env:sk_live_51Habc"),
        Err(SecretProblem::NotAReference)
    );
    for (value, prefix) in [
        ("sk-proj-abc", "sk-"),
        ("sk_live_abc", "sk_"),
        ("AIzaSyA", "AIza"),
        ("AKIA123", "AKIA"),
        ("ghp_abc", "ghp_"),
        ("xoxb-123", "xox"),
        ("  sk-x", "sk-"),
    ] {
        assert_eq!(key_prefix(value, true), Some(prefix), "{value}");
    }
    assert_eq!(
        key_prefix("use sk-proj-AbCdEfGhIjKlMnOpQrSt here", false),
        Some("sk-")
    );
    assert_eq!(key_prefix("xoxo, the sk-learn team", false), None);
    assert_eq!(key_prefix("xoxo, the sk-learn team", true), Some("xox"));
    assert_eq!(key_prefix("Skim the AKIA docs", true), None);
}

#[test]
fn urls_carry_no_credentials() {
    for url in [
        "https://user:pw@api.example.com/v1",
        "http://token@api.example.com",
    ] {
        assert_eq!(url_problem(url), Some(SecretProblem::UrlUserinfo), "{url}");
    }
    for (url, param) in [
        ("https://x.example/v1?key=AIzaSyA", "key"),
        ("HTTPS://x.example/?a=1&API_KEY=z", "api_key"),
        ("https://x.example/?ApiKey=z", "apikey"),
        ("https://x.example/?Token", "token"),
        ("https://x.example/#access_token=abc", "access_token"),
        ("https://x.example/?%73ig=abc", "sig"),
        (
            "see https://x.example/a?x=1;Signature=abc for details",
            "signature",
        ),
        ("https://x.example/?secret=1", "secret"),
        ("https://x.example/?password=1", "password"),
    ] {
        let want = SecretProblem::UrlSecretParam(param);
        assert_eq!(url_problem(url), Some(want), "{url}");
    }
    for fine in [
        "https://api.openai.com/v1",
        "https://x.example/v1?api-version=2024-06-01&keys=1&monkey=2",
        "https://x.example/path/@scope/pkg",
        "mailto:oncall@example.com",
        "no url at all: http is a word",
    ] {
        assert_eq!(url_problem(fine), None, "{fine}");
    }
}

#[test]
fn messages_name_the_rule_not_the_value() {
    let text = SecretProblem::KeyPrefix("sk-").to_string();
    assert!(
        text.starts_with("looks like a secret key (it starts with `sk-`)"),
        "{text}"
    );
    assert!(SecretProblem::NotAReference
        .to_string()
        .contains("env:OPENAI_API_KEY"));
}

#[test]
fn redact_cuts_keys_short_and_keeps_ids() {
    assert_eq!(
        redact("invalid type: string \"sk-proj-AbCdEf\", expected u32"),
        "invalid type: string \"sk-…\", expected u32"
    );
    assert_eq!(
        redact("unknown field `AKIAIOSFODNN7EXAMPLE`, xoxb-12-Ab and ghp_x"),
        "unknown field `AKIA…`, xox… and ghp_…"
    );
    assert_eq!(
        redact("vendor 'sk-telecom' is fine, sk- too"),
        "vendor 'sk-telecom' is fine, sk- too"
    );
    assert!(matches!(redact("nothing here"), Cow::Borrowed(_)));
}
