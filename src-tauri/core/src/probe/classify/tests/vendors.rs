//! Each vendor's replies, as documented, and the reason each one gets.

use super::*;

/// (what, kind, status, headers, body, expected reason)
type Case = (
    &'static str,
    ProbeKind,
    u16,
    &'static [(&'static str, &'static str)],
    &'static str,
    Reason,
);

fn check(shape: ReplyShape, cases: &[Case]) {
    for (what, kind, status, headers, body, expected) in cases {
        let got = run(shape, *kind, &Outcome::Reply(reply(*status, headers, body)));
        assert_eq!(got.reason, *expected, "{shape:?} {what}: {got:?}");
        assert_eq!(got.http_status, Some(*status), "{what}");
        match expected {
            R::Ok => assert_eq!(got.error_excerpt, None, "{what}"),
            _ => assert!(got.error_excerpt.is_some(), "{what} has no excerpt"),
        }
    }
}

use ProbeKind::{Chat, Models};
use Reason as R;

#[rustfmt::skip]
const OPENAI: &[Case] = &[
    ("chat ok",                      Chat,   200, JSON, OPENAI_OK, R::Ok),
    ("cut by max_completion_tokens", Chat,   200, JSON, OPENAI_LENGTH, R::Ok),
    ("stream ok",                    Chat,   200, SSE, OPENAI_STREAM, R::Ok),
    ("stream without end",           Chat,   200, SSE, OPENAI_STREAM_CUT, R::Truncated),
    ("rate limit",                   Chat,   429, JSON, OPENAI_RATE_LIMIT, R::Throttled),
    ("quota",                        Chat,   429, JSON, OPENAI_QUOTA, R::QuotaExhausted),
    ("spend limit",                  Chat,   429, JSON, OPENAI_SPEND_LIMIT, R::QuotaExhausted),
    ("bad key",                      Chat,   401, JSON, OPENAI_BAD_KEY, R::Auth),
    ("forbidden region",             Chat,   403, JSON, OPENAI_REGION, R::Auth),
    ("no such model",                Chat,   404, JSON, OPENAI_NO_MODEL, R::ModelNotFound),
    ("vLLM: no such model",          Chat,   404, JSON, VLLM_NO_MODEL, R::ModelNotFound),
    ("Ollama: no such model",        Chat,   404, JSON, OLLAMA_NO_MODEL, R::ModelNotFound),
    ("comments before the stream",   Chat,   200, &[], OPENROUTER_STREAM, R::Ok),
    ("wrong path",                   Chat,   404, JSON, OPENAI_NO_ROUTE, R::BadRequest),
    ("bad param",                    Chat,   400, JSON, OPENAI_BAD_PARAM, R::BadRequest),
    ("unprocessable",                Chat,   422, JSON, OPENAI_BAD_PARAM, R::BadRequest),
    ("engine overloaded",            Chat,   503, JSON, OPENAI_OVERLOADED, R::Overloaded),
    ("server error",                 Chat,   500, JSON, OPENAI_SERVER_ERROR, R::ServerError),
    ("bad gateway page",             Chat,   502, &[], HTML_PAGE, R::ServerError),
    ("quota code on a 500",          Chat,   500, JSON, OPENAI_QUOTA, R::ServerError),
    ("HTML with 200",                Chat,   200, &[], HTML_PAGE, R::InvalidResponse),
    ("error inside a 200",           Chat,   200, JSON, OPENAI_QUOTA, R::QuotaExhausted),
    ("models ok",                    Models, 200, JSON, OPENAI_MODELS, R::Ok),
    ("models not a list",            Models, 200, JSON, OPENAI_OK, R::InvalidResponse),
    ("models HTML",                  Models, 200, &[], HTML_PAGE, R::InvalidResponse),
    ("models bad key",               Models, 401, JSON, OPENAI_BAD_KEY, R::Auth),
    ("other JSON with 200",          Chat,   200, JSON, r#"{"hello":"world"}"#, R::InvalidResponse),
    ("empty 200",                    Chat,   200, JSON, "", R::InvalidResponse),
    ("redirect status",              Chat,   302, &[("location", "/login")], "", R::InvalidResponse),
];

#[test]
fn openai_replies() {
    check(Openai, OPENAI);
}

#[rustfmt::skip]
const AZURE_OPENAI: &[Case] = &[
    ("chat ok",                 Chat,   200, JSON, OPENAI_OK, R::Ok),
    ("filtered, still a reply", Chat,   200, JSON, AZURE_FILTERED, R::Ok),
    ("no deployment",           Chat,   404, JSON, AZURE_NO_DEPLOYMENT, R::ModelNotFound),
    ("bad key",                 Chat,   401, JSON, AZURE_BAD_KEY, R::Auth),
    ("token rate",              Chat,   429, AZURE_429_HEADERS, AZURE_RATE_LIMIT, R::Throttled),
    ("quota",                   Chat,   429, JSON, AZURE_QUOTA, R::QuotaExhausted),
    ("wrong api-version",       Chat,   404, JSON, AZURE_NO_ROUTE, R::BadRequest),
    ("models ok",               Models, 200, JSON, OPENAI_MODELS, R::Ok),
];

#[test]
fn azure_openai_replies() {
    check(AzureOpenai, AZURE_OPENAI);
}

#[rustfmt::skip]
const ANTHROPIC: &[Case] = &[
    ("message ok",                  Chat,   200, JSON, ANTHROPIC_OK, R::Ok),
    ("cut by max_tokens",           Chat,   200, JSON, ANTHROPIC_MAX_TOKENS, R::Ok),
    ("stream ok",                   Chat,   200, SSE, ANTHROPIC_STREAM, R::Ok),
    ("stream without message_stop", Chat,   200, SSE, ANTHROPIC_STREAM_CUT, R::Truncated),
    ("overloaded mid-stream",       Chat,   200, SSE, ANTHROPIC_STREAM_OVERLOADED, R::Overloaded),
    ("overloaded",                  Chat,   529, JSON, ANTHROPIC_OVERLOADED, R::Overloaded),
    ("rate limit",                  Chat,   429, JSON, ANTHROPIC_RATE_LIMIT, R::Throttled),
    ("bad key",                     Chat,   401, JSON, ANTHROPIC_BAD_KEY, R::Auth),
    ("permission",                  Chat,   403, JSON, ANTHROPIC_PERMISSION, R::Auth),
    ("no such model",               Chat,   404, JSON, ANTHROPIC_NO_MODEL, R::ModelNotFound),
    ("wrong path",                  Chat,   404, JSON, ANTHROPIC_NO_ROUTE, R::BadRequest),
    ("bad request",                 Chat,   400, JSON, ANTHROPIC_BAD_REQUEST, R::BadRequest),
    ("no credit",                   Chat,   400, JSON, ANTHROPIC_NO_CREDIT, R::QuotaExhausted),
    ("billing",                     Chat,   402, JSON, ANTHROPIC_BILLING, R::QuotaExhausted),
    ("api error",                   Chat,   500, JSON, ANTHROPIC_API_ERROR, R::ServerError),
    ("HTML with 200",               Chat,   200, &[], HTML_PAGE, R::InvalidResponse),
    ("OpenAI shape with 200",       Chat,   200, JSON, OPENAI_OK, R::InvalidResponse),
    ("models ok",                   Models, 200, JSON, ANTHROPIC_MODELS, R::Ok),
];

#[test]
fn anthropic_replies() {
    check(Anthropic, ANTHROPIC);
}

#[rustfmt::skip]
const GEMINI: &[Case] = &[
    ("content ok",                    Chat,   200, JSON, GEMINI_OK, R::Ok),
    ("cut by MAX_TOKENS",             Chat,   200, JSON, GEMINI_MAX_TOKENS, R::Ok),
    ("prompt blocked, still a reply", Chat,   200, JSON, GEMINI_BLOCKED, R::Ok),
    ("stream ok",                     Chat,   200, SSE, GEMINI_STREAM, R::Ok),
    ("stream without finishReason",   Chat,   200, SSE, GEMINI_STREAM_CUT, R::Truncated),
    ("unavailable",                   Chat,   503, JSON, GEMINI_UNAVAILABLE, R::Overloaded),
    ("unavailable on a 500",          Chat,   500, JSON, GEMINI_UNAVAILABLE, R::Overloaded),
    ("resource exhausted",            Chat,   429, JSON, GEMINI_EXHAUSTED, R::Throttled),
    ("prepayment credits spent",      Chat,   429, JSON, GEMINI_NO_CREDITS, R::QuotaExhausted),
    ("bad key is a 400",              Chat,   400, JSON, GEMINI_BAD_KEY, R::Auth),
    ("permission",                    Chat,   403, JSON, GEMINI_PERMISSION, R::Auth),
    ("no such model",                 Chat,   404, JSON, GEMINI_NO_MODEL, R::ModelNotFound),
    ("bad argument",                  Chat,   400, JSON, GEMINI_BAD_ARGUMENT, R::BadRequest),
    ("internal",                      Chat,   500, JSON, GEMINI_INTERNAL, R::ServerError),
    ("HTML with 200",                 Chat,   200, &[], HTML_PAGE, R::InvalidResponse),
    ("models ok",                     Models, 200, JSON, GEMINI_MODELS, R::Ok),
    ("models not a list",             Models, 200, JSON, OPENAI_MODELS, R::InvalidResponse),
];

#[test]
fn gemini_replies() {
    check(Gemini, GEMINI);
}

#[rustfmt::skip]
const BEDROCK: &[Case] = &[
    ("converse ok",       Chat,   200, JSON, BEDROCK_OK, R::Ok),
    ("cut by max_tokens", Chat,   200, JSON, BEDROCK_MAX_TOKENS, R::Ok),
    ("throttled",         Chat,   429, BEDROCK_THROTTLE_HEADERS, BEDROCK_THROTTLED, R::Throttled),
    ("unavailable",       Chat,   503, BEDROCK_UNAVAILABLE_HEADERS, BEDROCK_UNAVAILABLE, R::Overloaded),
    ("model not ready",   Chat,   429, JSON, BEDROCK_NOT_READY, R::Overloaded),
    ("quota",             Chat,   400, JSON, BEDROCK_QUOTA, R::QuotaExhausted),
    ("bad model id",      Chat,   400, JSON, BEDROCK_BAD_MODEL, R::ModelNotFound),
    ("no resource",       Chat,   404, JSON, BEDROCK_NOT_FOUND, R::ModelNotFound),
    ("other validation",  Chat,   400, JSON, BEDROCK_VALIDATION, R::BadRequest),
    ("access denied",     Chat,   403, JSON, BEDROCK_ACCESS_DENIED, R::Auth),
    ("bad token",         Chat,   403, JSON, BEDROCK_BAD_TOKEN, R::Auth),
    ("model timeout",     Chat,   408, JSON, BEDROCK_MODEL_TIMEOUT, R::Timeout),
    ("internal",          Chat,   500, JSON, BEDROCK_INTERNAL, R::ServerError),
    ("HTML with 200",     Chat,   200, &[], HTML_PAGE, R::InvalidResponse),
    ("models ok",         Models, 200, JSON, BEDROCK_MODELS, R::Ok),
];

#[test]
fn bedrock_replies() {
    check(Bedrock, BEDROCK);
}
