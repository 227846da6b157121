//! Each vendor's replies, as documented, and the reason each one gets.

use super::*;

/// (shape, what, kind, status, headers, body, expected reason)
type Case = (
    ReplyShape,
    &'static str,
    ProbeKind,
    u16,
    &'static [(&'static str, &'static str)],
    &'static str,
    Reason,
);

// Named so that every row of the table reads alike.
const NO_HEADERS: &[(&str, &str)] = &[];
const TO_LOGIN: &[(&str, &str)] = &[("location", "/login")];
const OTHER_JSON: &str = r#"{"hello":"world"}"#;
const EMPTY: &str = "";

use ProbeKind::{Chat, Models};
use Reason as R;

#[rustfmt::skip]
const REPLIES: &[Case] = &[
    // OpenAI
    (Openai,      "chat ok",                      Chat,   200, JSON, OPENAI_OK, R::Ok),
    (Openai,      "cut by max_completion_tokens", Chat,   200, JSON, OPENAI_LENGTH, R::Ok),
    (Openai,      "stream ok",                    Chat,   200, SSE, OPENAI_STREAM, R::Ok),
    (Openai,      "stream without end",           Chat,   200, SSE, OPENAI_STREAM_CUT, R::Truncated),
    (Openai,      "rate limit",                   Chat,   429, JSON, OPENAI_RATE_LIMIT, R::Throttled),
    (Openai,      "quota",                        Chat,   429, JSON, OPENAI_QUOTA, R::QuotaExhausted),
    (Openai,      "spend limit",                  Chat,   429, JSON, OPENAI_SPEND_LIMIT, R::QuotaExhausted),
    (Openai,      "bad key",                      Chat,   401, JSON, OPENAI_BAD_KEY, R::Auth),
    (Openai,      "forbidden region",             Chat,   403, JSON, OPENAI_REGION, R::Auth),
    (Openai,      "no such model",                Chat,   404, JSON, OPENAI_NO_MODEL, R::ModelNotFound),
    (Openai,      "vLLM: no such model",          Chat,   404, JSON, VLLM_NO_MODEL, R::ModelNotFound),
    (Openai,      "Ollama: no such model",        Chat,   404, JSON, OLLAMA_NO_MODEL, R::ModelNotFound),
    (Openai,      "comments before the stream",   Chat,   200, NO_HEADERS, OPENROUTER_STREAM, R::Ok),
    (Openai,      "wrong path",                   Chat,   404, JSON, OPENAI_NO_ROUTE, R::BadRequest),
    (Openai,      "bad param",                    Chat,   400, JSON, OPENAI_BAD_PARAM, R::BadRequest),
    (Openai,      "unprocessable",                Chat,   422, JSON, OPENAI_BAD_PARAM, R::BadRequest),
    (Openai,      "engine overloaded",            Chat,   503, JSON, OPENAI_OVERLOADED, R::Overloaded),
    (Openai,      "server error",                 Chat,   500, JSON, OPENAI_SERVER_ERROR, R::ServerError),
    (Openai,      "bad gateway page",             Chat,   502, NO_HEADERS, HTML_PAGE, R::ServerError),
    (Openai,      "quota code on a 500",          Chat,   500, JSON, OPENAI_QUOTA, R::ServerError),
    (Openai,      "HTML with 200",                Chat,   200, NO_HEADERS, HTML_PAGE, R::InvalidResponse),
    (Openai,      "error inside a 200",           Chat,   200, JSON, OPENAI_QUOTA, R::QuotaExhausted),
    (Openai,      "models ok",                    Models, 200, JSON, OPENAI_MODELS, R::Ok),
    (Openai,      "models not a list",            Models, 200, JSON, OPENAI_OK, R::InvalidResponse),
    (Openai,      "models HTML",                  Models, 200, NO_HEADERS, HTML_PAGE, R::InvalidResponse),
    (Openai,      "models bad key",               Models, 401, JSON, OPENAI_BAD_KEY, R::Auth),
    (Openai,      "other JSON with 200",          Chat,   200, JSON, OTHER_JSON, R::InvalidResponse),
    (Openai,      "empty 200",                    Chat,   200, JSON, EMPTY, R::InvalidResponse),
    (Openai,      "redirect status",              Chat,   302, TO_LOGIN, EMPTY, R::InvalidResponse),
    // Azure OpenAI
    (AzureOpenai, "chat ok",                 Chat,   200, JSON, OPENAI_OK, R::Ok),
    (AzureOpenai, "filtered, still a reply", Chat,   200, JSON, AZURE_FILTERED, R::Ok),
    (AzureOpenai, "no deployment",           Chat,   404, JSON, AZURE_NO_DEPLOYMENT, R::ModelNotFound),
    (AzureOpenai, "bad key",                 Chat,   401, JSON, AZURE_BAD_KEY, R::Auth),
    (AzureOpenai, "token rate",              Chat,   429, AZURE_429_HEADERS, AZURE_RATE_LIMIT, R::Throttled),
    (AzureOpenai, "quota",                   Chat,   429, JSON, AZURE_QUOTA, R::QuotaExhausted),
    (AzureOpenai, "wrong api-version",       Chat,   404, JSON, AZURE_NO_ROUTE, R::BadRequest),
    (AzureOpenai, "models ok",               Models, 200, JSON, OPENAI_MODELS, R::Ok),
    // Anthropic
    (Anthropic,   "message ok",                  Chat,   200, JSON, ANTHROPIC_OK, R::Ok),
    (Anthropic,   "cut by max_tokens",           Chat,   200, JSON, ANTHROPIC_MAX_TOKENS, R::Ok),
    (Anthropic,   "stream ok",                   Chat,   200, SSE, ANTHROPIC_STREAM, R::Ok),
    (Anthropic,   "stream without message_stop", Chat,   200, SSE, ANTHROPIC_STREAM_CUT, R::Truncated),
    (Anthropic,   "overloaded mid-stream",       Chat,   200, SSE, ANTHROPIC_STREAM_OVERLOADED, R::Overloaded),
    (Anthropic,   "overloaded",                  Chat,   529, JSON, ANTHROPIC_OVERLOADED, R::Overloaded),
    (Anthropic,   "rate limit",                  Chat,   429, JSON, ANTHROPIC_RATE_LIMIT, R::Throttled),
    (Anthropic,   "bad key",                     Chat,   401, JSON, ANTHROPIC_BAD_KEY, R::Auth),
    (Anthropic,   "permission",                  Chat,   403, JSON, ANTHROPIC_PERMISSION, R::Auth),
    (Anthropic,   "no such model",               Chat,   404, JSON, ANTHROPIC_NO_MODEL, R::ModelNotFound),
    (Anthropic,   "wrong path",                  Chat,   404, JSON, ANTHROPIC_NO_ROUTE, R::BadRequest),
    (Anthropic,   "bad request",                 Chat,   400, JSON, ANTHROPIC_BAD_REQUEST, R::BadRequest),
    (Anthropic,   "no credit",                   Chat,   400, JSON, ANTHROPIC_NO_CREDIT, R::QuotaExhausted),
    (Anthropic,   "billing",                     Chat,   402, JSON, ANTHROPIC_BILLING, R::QuotaExhausted),
    (Anthropic,   "api error",                   Chat,   500, JSON, ANTHROPIC_API_ERROR, R::ServerError),
    (Anthropic,   "HTML with 200",               Chat,   200, NO_HEADERS, HTML_PAGE, R::InvalidResponse),
    (Anthropic,   "OpenAI shape with 200",       Chat,   200, JSON, OPENAI_OK, R::InvalidResponse),
    (Anthropic,   "models ok",                   Models, 200, JSON, ANTHROPIC_MODELS, R::Ok),
    // Gemini
    (Gemini,      "content ok",                    Chat,   200, JSON, GEMINI_OK, R::Ok),
    (Gemini,      "cut by MAX_TOKENS",             Chat,   200, JSON, GEMINI_MAX_TOKENS, R::Ok),
    (Gemini,      "prompt blocked, still a reply", Chat,   200, JSON, GEMINI_BLOCKED, R::Ok),
    (Gemini,      "stream ok",                     Chat,   200, SSE, GEMINI_STREAM, R::Ok),
    (Gemini,      "stream without finishReason",   Chat,   200, SSE, GEMINI_STREAM_CUT, R::Truncated),
    (Gemini,      "unavailable",                   Chat,   503, JSON, GEMINI_UNAVAILABLE, R::Overloaded),
    (Gemini,      "unavailable on a 500",          Chat,   500, JSON, GEMINI_UNAVAILABLE, R::Overloaded),
    (Gemini,      "resource exhausted",            Chat,   429, JSON, GEMINI_EXHAUSTED, R::Throttled),
    (Gemini,      "prepayment credits spent",      Chat,   429, JSON, GEMINI_NO_CREDITS, R::QuotaExhausted),
    (Gemini,      "bad key is a 400",              Chat,   400, JSON, GEMINI_BAD_KEY, R::Auth),
    (Gemini,      "permission",                    Chat,   403, JSON, GEMINI_PERMISSION, R::Auth),
    (Gemini,      "no such model",                 Chat,   404, JSON, GEMINI_NO_MODEL, R::ModelNotFound),
    (Gemini,      "bad argument",                  Chat,   400, JSON, GEMINI_BAD_ARGUMENT, R::BadRequest),
    (Gemini,      "internal",                      Chat,   500, JSON, GEMINI_INTERNAL, R::ServerError),
    (Gemini,      "HTML with 200",                 Chat,   200, NO_HEADERS, HTML_PAGE, R::InvalidResponse),
    (Gemini,      "models ok",                     Models, 200, JSON, GEMINI_MODELS, R::Ok),
    (Gemini,      "models not a list",             Models, 200, JSON, OPENAI_MODELS, R::InvalidResponse),
    // Bedrock
    (Bedrock,     "converse ok",       Chat,   200, JSON, BEDROCK_OK, R::Ok),
    (Bedrock,     "cut by max_tokens", Chat,   200, JSON, BEDROCK_MAX_TOKENS, R::Ok),
    (Bedrock,     "throttled",         Chat,   429, BEDROCK_THROTTLE_HEADERS, BEDROCK_THROTTLED, R::Throttled),
    (Bedrock,     "unavailable",       Chat,   503, BEDROCK_UNAVAILABLE_HEADERS, BEDROCK_UNAVAILABLE, R::Overloaded),
    (Bedrock,     "model not ready",   Chat,   429, JSON, BEDROCK_NOT_READY, R::Overloaded),
    (Bedrock,     "quota",             Chat,   400, JSON, BEDROCK_QUOTA, R::QuotaExhausted),
    (Bedrock,     "bad model id",      Chat,   400, JSON, BEDROCK_BAD_MODEL, R::ModelNotFound),
    (Bedrock,     "no resource",       Chat,   404, JSON, BEDROCK_NOT_FOUND, R::ModelNotFound),
    (Bedrock,     "other validation",  Chat,   400, JSON, BEDROCK_VALIDATION, R::BadRequest),
    (Bedrock,     "access denied",     Chat,   403, JSON, BEDROCK_ACCESS_DENIED, R::Auth),
    (Bedrock,     "bad token",         Chat,   403, JSON, BEDROCK_BAD_TOKEN, R::Auth),
    (Bedrock,     "model timeout",     Chat,   408, JSON, BEDROCK_MODEL_TIMEOUT, R::Timeout),
    (Bedrock,     "internal",          Chat,   500, JSON, BEDROCK_INTERNAL, R::ServerError),
    (Bedrock,     "HTML with 200",     Chat,   200, NO_HEADERS, HTML_PAGE, R::InvalidResponse),
    (Bedrock,     "models ok",         Models, 200, JSON, BEDROCK_MODELS, R::Ok),
];

#[test]
fn each_vendors_replies_get_their_reasons() {
    for (shape, what, kind, status, headers, body, expected) in REPLIES {
        let got = run(
            *shape,
            *kind,
            &Outcome::Reply(reply(*status, headers, body)),
        );
        assert_eq!(got.reason, *expected, "{shape:?} {what}: {got:?}");
        assert_eq!(got.http_status, Some(*status), "{shape:?} {what}");
        match expected {
            R::Ok => assert_eq!(got.error_excerpt, None, "{shape:?} {what}"),
            _ => assert!(
                got.error_excerpt.is_some(),
                "{shape:?} {what} has no excerpt"
            ),
        }
    }
}
