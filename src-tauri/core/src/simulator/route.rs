//! Which vendor API a request is for, read from its path suffix whatever the prefix, and which
//! vendor key its faults are looked up by (the first path segment).

use serde_json::Value;

/// The API family whose shapes answer a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Openai,
    /// OpenAI's shapes with Azure's error codes (`api-version` query or `api-key` header).
    Azure,
    Anthropic,
    Gemini,
    Bedrock,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Route {
    Chat(Style),
    Models(Style),
    StatusPage,
    /// A path no vendor API has.
    Unknown,
}

/// One request as the vendor shapes need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Call {
    pub vendor: String,
    pub route: Route,
    /// The model asked for (from the body or the path), `model` when none is named.
    pub model: String,
    /// The request asked for a streamed reply.
    pub stream: bool,
    /// Gemini streams without SSE (`alt=sse` absent) as one JSON array.
    pub json_array: bool,
}

fn has_header(headers: &[(String, String)], name: &str) -> bool {
    headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name))
}

fn query_has(query: &str, key: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == key).then(|| v.to_owned())
    })
}

/// Reads `path` (without its query), `query`, the header names and the JSON body (if any).
/// `None` when the path has no vendor key.
pub(crate) fn read(
    path: &str,
    query: &str,
    headers: &[(String, String)],
    body: Option<&Value>,
) -> Option<Call> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let vendor = (*segments.first()?).to_owned();
    let last = segments.last().copied().unwrap_or_default();
    let body_model = body
        .and_then(|b| b.get("model"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let body_stream = body
        .and_then(|b| b.get("stream"))
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let azure = query_has(query, "api-version").is_some() || has_header(headers, "api-key");
    let ends_with = |suffix: &[&str]| {
        segments.len() > suffix.len() && segments[segments.len() - suffix.len()..] == *suffix
    };
    let mut call = Call {
        vendor,
        route: Route::Unknown,
        model: body_model.clone().unwrap_or_else(|| "model".into()),
        stream: body_stream,
        json_array: false,
    };
    if ends_with(&["api", "v2", "summary.json"]) {
        call.route = Route::StatusPage;
    } else if let Some((model, method)) = last
        .split_once(':')
        .filter(|_| segments.len() > 2 && segments[segments.len() - 2] == "models")
    {
        if method == "generateContent" || method == "streamGenerateContent" {
            call.route = Route::Chat(Style::Gemini);
            call.model = model.to_owned();
            call.stream = method == "streamGenerateContent";
            call.json_array = call.stream && query_has(query, "alt").as_deref() != Some("sse");
        }
    } else if (last == "converse" || last == "converse-stream")
        && segments.len() > 3
        && segments[segments.len() - 3] == "model"
    {
        call.route = Route::Chat(Style::Bedrock);
        call.model = percent_encoding::percent_decode_str(segments[segments.len() - 2])
            .decode_utf8_lossy()
            .into_owned();
    } else if ends_with(&["chat", "completions"]) {
        let style = if azure { Style::Azure } else { Style::Openai };
        call.route = Route::Chat(style);
        if body_model.is_none() {
            // Azure names the deployment in the path.
            if let Some(i) = segments.iter().position(|s| *s == "deployments") {
                if let Some(name) = segments.get(i + 1) {
                    call.model = (*name).to_owned();
                }
            }
        }
    } else if ends_with(&["messages"]) {
        call.route = Route::Chat(Style::Anthropic);
    } else if ends_with(&["models"]) {
        let style = if has_header(headers, "anthropic-version") || has_header(headers, "x-api-key")
        {
            Style::Anthropic
        } else if has_header(headers, "x-goog-api-key") || query_has(query, "key").is_some() {
            Style::Gemini
        } else if azure {
            Style::Azure
        } else {
            Style::Openai
        };
        call.route = Route::Models(style);
    }
    Some(call)
}

#[cfg(test)]
mod tests;
