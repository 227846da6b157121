use serde_json::json;

use super::*;

fn call(path: &str, query: &str, headers: &[(&str, &str)], body: Option<Value>) -> Call {
    let headers: Vec<(String, String)> = headers
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    read(path, query, &headers, body.as_ref()).expect("a vendor key")
}

#[test]
fn the_first_segment_is_the_vendor_and_the_suffix_the_api() {
    let c = call(
        "/openai/v1/chat/completions",
        "",
        &[],
        Some(json!({ "model": "gpt-4o", "stream": true })),
    );
    assert_eq!(c.vendor, "openai");
    assert_eq!(c.route, Route::Chat(Style::Openai));
    assert_eq!(c.model, "gpt-4o");
    assert!(c.stream);

    let c = call(
        "/anthropic/v1/messages",
        "",
        &[],
        Some(json!({ "model": "claude" })),
    );
    assert_eq!(
        (c.vendor.as_str(), c.route),
        ("anthropic", Route::Chat(Style::Anthropic))
    );

    let c = call(
        "/google/v1beta/models/gemini-2.0-flash:streamGenerateContent",
        "alt=sse",
        &[],
        None,
    );
    assert_eq!(c.route, Route::Chat(Style::Gemini));
    assert_eq!(c.model, "gemini-2.0-flash");
    assert!(c.stream && !c.json_array);

    let c = call(
        "/aws-bedrock/model/anthropic.claude%3A0/converse",
        "",
        &[],
        None,
    );
    assert_eq!(c.route, Route::Chat(Style::Bedrock));
    assert_eq!(c.model, "anthropic.claude:0");

    let c = call("/openai/api/v2/summary.json", "", &[], None);
    assert_eq!(c.route, Route::StatusPage);
}

#[test]
fn azure_is_told_by_its_query_or_key_header_and_names_the_deployment_in_the_path() {
    let c = call(
        "/azure-openai/openai/deployments/gpt-4o/chat/completions",
        "api-version=2024-10-21",
        &[],
        Some(json!({ "messages": [] })),
    );
    assert_eq!(c.route, Route::Chat(Style::Azure));
    assert_eq!(c.model, "gpt-4o");
    let c = call("/azure-openai/openai/models", "", &[("api-key", "k")], None);
    assert_eq!(c.route, Route::Models(Style::Azure));
}

#[test]
fn model_lists_are_told_apart_by_the_key_header() {
    let route = |headers: &[(&str, &str)]| call("/v/v1/models", "", headers, None).route;
    assert_eq!(
        route(&[("authorization", "Bearer k")]),
        Route::Models(Style::Openai)
    );
    assert_eq!(
        route(&[("x-api-key", "k"), ("anthropic-version", "2023-06-01")]),
        Route::Models(Style::Anthropic)
    );
    assert_eq!(
        route(&[("x-goog-api-key", "k")]),
        Route::Models(Style::Gemini)
    );
}

#[test]
fn a_path_without_a_known_suffix_is_unknown_and_the_root_has_no_vendor() {
    assert_eq!(
        call("/openai/v1/embeddings", "", &[], None).route,
        Route::Unknown
    );
    // The vendor segment alone is not an API path.
    assert_eq!(call("/models", "", &[], None).route, Route::Unknown);
    assert!(read("/", "", &[], None).is_none());
}
