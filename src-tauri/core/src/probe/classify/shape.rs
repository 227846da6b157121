//! How each API style shapes its replies: the JSON of a success (whole or streamed), of a model
//! list, and of an error, and what a vendor's error codes mean as a [`Reason`].

use serde_json::Value;

use crate::inventory::ApiStyle;
use crate::probe::headers::header;
use crate::probe::model::Reason;

/// The reply format of an API style. Several styles may share one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyShape {
    /// OpenAI chat completions and OpenAI-compatible servers.
    Openai,
    /// Azure OpenAI: OpenAI's success shape, Azure's error codes.
    AzureOpenai,
    /// Anthropic Messages.
    Anthropic,
    /// Gemini `generateContent`.
    Gemini,
    /// Bedrock Converse: error type in `x-amzn-errortype` or `__type`.
    Bedrock,
    /// Any HTTP server: no vendor format.
    Plain,
}

impl ReplyShape {
    pub fn of(style: ApiStyle) -> Self {
        match style {
            ApiStyle::Openai => Self::Openai,
            ApiStyle::Anthropic => Self::Anthropic,
            ApiStyle::Gemini => Self::Gemini,
            ApiStyle::AzureOpenai => Self::AzureOpenai,
            ApiStyle::Bedrock => Self::Bedrock,
            ApiStyle::Http => Self::Plain,
        }
    }
}

/// What a vendor's error reply says: its codes (type, code, status, detail reasons) and message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VendorError {
    pub codes: Vec<String>,
    pub message: Option<String>,
}

impl VendorError {
    fn has(&self, code: &str) -> bool {
        self.codes.iter().any(|c| c.eq_ignore_ascii_case(code))
    }

    fn says(&self, words: &str) -> bool {
        self.message
            .as_deref()
            .is_some_and(|m| m.to_ascii_lowercase().contains(words))
    }

    /// `code: message`, for the excerpt.
    pub fn text(&self) -> Option<String> {
        match (self.codes.first(), &self.message) {
            (Some(code), Some(message)) => Some(format!("{code}: {message}")),
            (Some(code), None) => Some(code.clone()),
            (None, Some(message)) => Some(message.clone()),
            (None, None) => None,
        }
    }
}

fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The error a reply describes, from its headers and parsed body, if it describes one.
pub fn vendor_error(
    shape: ReplyShape,
    headers: &[(String, String)],
    json: Option<&Value>,
) -> Option<VendorError> {
    let mut found = VendorError::default();
    if shape == ReplyShape::Bedrock {
        // `ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/`
        if let Some(kind) = header(headers, "x-amzn-errortype") {
            found
                .codes
                .push(kind.split(':').next().unwrap_or(kind).to_owned());
        }
    }
    // Gemini streams (without SSE) as a JSON array; an error comes as its element.
    let json = match json {
        Some(Value::Array(items)) => items.iter().find(|i| i.get("error").is_some()),
        other => other,
    };
    if let Some(json) = json {
        // Most vendors wrap it in `error`; Bedrock and vLLM put it at the top level.
        let body = json.get("error").filter(|e| e.is_object()).unwrap_or(json);
        for key in ["type", "code", "status", "__type"] {
            if let Some(code) = body.get(key).and_then(text_of) {
                // `com.amazon.coral.service#ThrottlingException`
                let code = code.rsplit('#').next().unwrap_or(&code).to_owned();
                // Anthropic's outer `"type": "error"` and Gemini's and Azure's numeric codes
                // (the HTTP status again) say nothing more.
                let says_more = code != "error" && !code.chars().all(|c| c.is_ascii_digit());
                if says_more && !found.codes.contains(&code) {
                    found.codes.push(code);
                }
            }
        }
        if let Some(details) = body.get("details").and_then(Value::as_array) {
            let reasons = details
                .iter()
                .filter_map(|d| d.get("reason"))
                .filter_map(text_of);
            found.codes.extend(reasons);
        }
        found.message = ["message", "Message"]
            .iter()
            .find_map(|k| body.get(*k).and_then(text_of));
    }
    (!found.codes.is_empty() || found.message.is_some()).then_some(found)
}

/// The reason a vendor's error codes give, where they say more than the HTTP status.
pub fn vendor_reason(shape: ReplyShape, status: u16, error: &VendorError) -> Option<Reason> {
    use ReplyShape::*;
    let e = error;
    let reason = match shape {
        Openai | AzureOpenai => {
            if e.has("insufficient_quota")
                || e.has("billing_hard_limit_reached")
                || e.has("billing_not_active")
                || e.has("InsufficientQuota")
            {
                Reason::QuotaExhausted
            } else if e.has("model_not_found")
                || e.has("DeploymentNotFound")
                // Self-hosted OpenAI-compatible servers (vLLM, Ollama) say it in words.
                || (status == 404
                    && e.says("model")
                    && (e.says("not found") || e.says("does not exist")))
            {
                Reason::ModelNotFound
            } else if e.has("invalid_api_key") {
                Reason::Auth
            } else {
                return None;
            }
        }
        Anthropic => {
            if e.has("billing_error")
                || (e.has("invalid_request_error") && e.says("credit balance"))
            {
                Reason::QuotaExhausted
            } else if e.has("overloaded_error") {
                Reason::Overloaded
            } else if e.has("rate_limit_error") {
                Reason::Throttled
            } else if e.has("authentication_error") || e.has("permission_error") {
                Reason::Auth
            } else if e.has("not_found_error") && e.says("model") {
                Reason::ModelNotFound
            } else if e.has("api_error") {
                Reason::ServerError
            } else {
                return None;
            }
        }
        Gemini => {
            if e.has("UNAVAILABLE") {
                Reason::Overloaded
            } else if e.has("RESOURCE_EXHAUSTED") && e.says("prepayment credits") {
                // Its rate limits say "quota" too; only spent credits are not retried.
                Reason::QuotaExhausted
            } else if e.has("RESOURCE_EXHAUSTED") {
                Reason::Throttled
            } else if e.has("API_KEY_INVALID")
                || e.has("UNAUTHENTICATED")
                || e.has("PERMISSION_DENIED")
            {
                Reason::Auth
            } else if e.has("NOT_FOUND") && e.says("model") {
                Reason::ModelNotFound
            } else if e.has("INTERNAL") {
                Reason::ServerError
            } else {
                return None;
            }
        }
        Bedrock => {
            if e.has("ThrottlingException") || e.has("TooManyRequestsException") {
                Reason::Throttled
            } else if e.has("ServiceUnavailableException") || e.has("ModelNotReadyException") {
                Reason::Overloaded
            } else if e.has("ServiceQuotaExceededException") {
                Reason::QuotaExhausted
            } else if e.has("ResourceNotFoundException")
                || (e.has("ValidationException") && e.says("model identifier is invalid"))
            {
                Reason::ModelNotFound
            } else if e.has("AccessDeniedException")
                || e.has("UnrecognizedClientException")
                || e.has("ExpiredTokenException")
            {
                Reason::Auth
            } else if e.has("ModelTimeoutException") {
                Reason::Timeout
            } else if e.has("InternalServerException") || e.has("ModelErrorException") {
                Reason::ServerError
            } else {
                return None;
            }
        }
        Plain => return None,
    };
    // A quota or model error only means that on a client error status; a vendor's 5xx stays
    // the server's fault, whatever its body claims.
    match reason {
        Reason::QuotaExhausted | Reason::ModelNotFound | Reason::Auth
            if !(400..500).contains(&status) && status != 0 =>
        {
            None
        }
        r => Some(r),
    }
}

/// Where a successful reply's body is not what the shape promises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyVerdict {
    Ok,
    /// Not the shape's format; the text says what was expected.
    Invalid(String),
    /// A stream that stopped before its end marker.
    Truncated,
    /// An error sent in the body of a success status (e.g. mid-stream).
    Error(Reason, VendorError),
}

/// Whether `body` is a whole chat reply of `shape`, plain JSON or a server-sent-event stream.
/// A reply cut by the token limit is whole: the probe asks for very few tokens.
pub fn check_chat(shape: ReplyShape, headers: &[(String, String)], body: &[u8]) -> BodyVerdict {
    let text = String::from_utf8_lossy(body);
    let is_stream = header(headers, "content-type")
        .is_some_and(|t| t.to_ascii_lowercase().starts_with("text/event-stream"))
        || ["data:", "event:", ":"]
            .iter()
            .any(|p| text.trim_start().starts_with(p));
    if is_stream {
        return check_stream(shape, headers, &text);
    }
    let Ok(json) = serde_json::from_slice::<Value>(body) else {
        return BodyVerdict::Invalid(format!("not JSON: {}", snippet(&text)));
    };
    if let Some(verdict) = in_band_error(shape, headers, &json) {
        return verdict;
    }
    let whole = match shape {
        ReplyShape::Openai | ReplyShape::AzureOpenai => {
            json.get("choices").is_some_and(Value::is_array)
        }
        ReplyShape::Anthropic => {
            json.get("type").and_then(Value::as_str) == Some("message")
                && json.get("content").is_some_and(Value::is_array)
        }
        ReplyShape::Gemini => {
            let one = |j: &Value| {
                j.get("candidates").is_some_and(Value::is_array)
                    || j.get("promptFeedback").is_some_and(Value::is_object)
            };
            match &json {
                Value::Array(items) => !items.is_empty() && items.iter().all(one),
                other => one(other),
            }
        }
        ReplyShape::Bedrock => json
            .pointer("/output/message")
            .is_some_and(Value::is_object),
        ReplyShape::Plain => true,
    };
    if whole {
        BodyVerdict::Ok
    } else {
        BodyVerdict::Invalid(format!("not a chat reply: {}", snippet(&text)))
    }
}

fn in_band_error(
    shape: ReplyShape,
    headers: &[(String, String)],
    json: &Value,
) -> Option<BodyVerdict> {
    let carries_error = match json {
        Value::Array(items) => items.iter().any(|i| i.get("error").is_some()),
        other => {
            other.get("error").is_some_and(Value::is_object)
                || other.get("type").and_then(Value::as_str) == Some("error")
        }
    };
    if !carries_error {
        return None;
    }
    let error = vendor_error(shape, headers, Some(json)).unwrap_or_default();
    let reason = vendor_reason(shape, 0, &error).unwrap_or(Reason::ServerError);
    Some(BodyVerdict::Error(reason, error))
}

/// A server-sent-event stream: every event's data is JSON (or OpenAI's `[DONE]`), and the
/// stream reached the shape's end marker.
fn check_stream(shape: ReplyShape, headers: &[(String, String)], text: &str) -> BodyVerdict {
    let mut events = 0;
    let mut ended = false;
    for block in text.split("\n\n").flat_map(|b| b.split("\r\n\r\n")) {
        let data: Vec<&str> = block
            .lines()
            .filter_map(|l| l.strip_prefix("data:"))
            .map(str::trim)
            .collect();
        if data.is_empty() {
            continue;
        }
        let data = data.join("\n");
        events += 1;
        if data == "[DONE]" {
            ended = true;
            continue;
        }
        let Ok(json) = serde_json::from_str::<Value>(&data) else {
            return BodyVerdict::Invalid(format!("an event that is not JSON: {}", snippet(&data)));
        };
        if let Some(verdict) = in_band_error(shape, headers, &json) {
            return verdict;
        }
        ended |= match shape {
            ReplyShape::Openai | ReplyShape::AzureOpenai => json
                .get("choices")
                .and_then(Value::as_array)
                .is_some_and(|cs| {
                    cs.iter()
                        .any(|c| c.get("finish_reason").is_some_and(Value::is_string))
                }),
            ReplyShape::Anthropic => {
                json.get("type").and_then(Value::as_str) == Some("message_stop")
            }
            ReplyShape::Gemini => json
                .get("candidates")
                .and_then(Value::as_array)
                .is_some_and(|cs| {
                    cs.iter()
                        .any(|c| c.get("finishReason").is_some_and(Value::is_string))
                }),
            ReplyShape::Bedrock | ReplyShape::Plain => true,
        };
    }
    match (events, ended) {
        (0, _) => BodyVerdict::Invalid(format!("an event stream without data: {}", snippet(text))),
        (_, true) => BodyVerdict::Ok,
        (_, false) => BodyVerdict::Truncated,
    }
}

/// Whether `body` is the shape's list of models.
pub fn check_models(shape: ReplyShape, body: &[u8]) -> BodyVerdict {
    let text = String::from_utf8_lossy(body);
    let Ok(json) = serde_json::from_slice::<Value>(body) else {
        return BodyVerdict::Invalid(format!("not JSON: {}", snippet(&text)));
    };
    let key = match shape {
        ReplyShape::Openai | ReplyShape::AzureOpenai | ReplyShape::Anthropic => "data",
        ReplyShape::Gemini => "models",
        ReplyShape::Bedrock => "modelSummaries",
        ReplyShape::Plain => return BodyVerdict::Ok,
    };
    if json.get(key).is_some_and(Value::is_array) {
        BodyVerdict::Ok
    } else {
        BodyVerdict::Invalid(format!(
            "not a list of models (no `{key}` list): {}",
            snippet(&text)
        ))
    }
}

/// The start of a body, for a message (the excerpt cuts and cleans it further).
pub fn snippet(text: &str) -> String {
    text.chars().take(400).collect()
}
