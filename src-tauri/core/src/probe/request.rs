//! The request a probe sends, shaped by the endpoint's API style and the probe's kind.
//!
//! Base URLs carry the API version path, as vendors document them: `https://api.openai.com/v1`,
//! `https://api.anthropic.com/v1`, `https://generativelanguage.googleapis.com/v1beta`. Paths
//! are appended to them.

use std::fmt;

use serde_json::json;

use crate::error::{Code, Coded};
use crate::inventory::{ApiStyle, Endpoint};
use crate::probe::{ProbeConfig, ProbeKind};

/// The Anthropic API version the probe speaks.
pub const ANTHROPIC_VERSION: &str = "2023-06-01";
/// The prompt of a chat probe: tiny, so a probe spends a handful of tokens.
const PROMPT: &str = "ping";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

/// One probe request. Its `Debug` output hides header values that carry the secret.
#[derive(Clone, PartialEq, Eq)]
pub struct ProbeRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    /// A JSON body, for POST.
    pub body: Option<serde_json::Value>,
    /// The secret this request carries, if any: such a request never follows a redirect, and
    /// the secret is removed from anything the probe reports.
    secret: Option<String>,
}

impl ProbeRequest {
    fn new(method: Method, url: String) -> Self {
        Self {
            method,
            url,
            headers: Vec::new(),
            body: None,
            secret: None,
        }
    }

    fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    fn secret_header(mut self, name: &str, value: String, secret: &str) -> Self {
        self.secret = Some(secret.to_owned());
        self.headers.push((name.to_owned(), value));
        self
    }

    fn json(mut self, body: serde_json::Value) -> Self {
        self.body = Some(body);
        self.header("content-type", "application/json")
    }

    pub fn carries_credential(&self) -> bool {
        self.secret.is_some()
    }

    /// `text` with the secret this request carries replaced by `[redacted]`.
    pub fn redact(&self, text: &str) -> String {
        match &self.secret {
            Some(secret) if !secret.is_empty() => text.replace(secret.as_str(), "[redacted]"),
            _ => text.to_owned(),
        }
    }

    /// A reply `body` with the secret this request carries replaced by `[redacted]`, and, when
    /// the body was `cut` at the cap, the start of the secret it ends with. Done as the reply
    /// arrives, with the very secret sent: the classification that reads the body later may
    /// find another key, or none, where this one came from.
    pub fn redact_body(&self, body: Vec<u8>, cut: bool) -> Vec<u8> {
        match &self.secret {
            // A short secret is not searched for: it would garble the body and protects nothing.
            Some(secret) if secret.len() >= MIN_REDACTED_SECRET_BYTES => {
                redact_bytes(body, secret.as_bytes(), cut)
            }
            _ => body,
        }
    }
}

impl fmt::Debug for ProbeRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, String)> = self
            .headers
            .iter()
            .map(|(name, value)| (name.as_str(), self.redact(value)))
            .collect();
        f.debug_struct("ProbeRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &headers)
            .field("body", &self.body)
            .field("carries_credential", &self.carries_credential())
            .finish()
    }
}

/// The shortest secret removed from reply bodies.
const MIN_REDACTED_SECRET_BYTES: usize = 8;

/// `body` with every `secret` replaced by `[redacted]`; when `cut`, also a start of `secret`
/// (of at least [`MIN_REDACTED_SECRET_BYTES`]) that the body ends with.
fn redact_bytes(body: Vec<u8>, secret: &[u8], cut: bool) -> Vec<u8> {
    let redacted = b"[redacted]";
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body.as_slice();
    while !rest.is_empty() {
        if rest.starts_with(secret) {
            out.extend_from_slice(redacted);
            rest = &rest[secret.len()..];
        } else {
            out.push(rest[0]);
            rest = &rest[1..];
        }
    }
    if cut {
        let tail = (MIN_REDACTED_SECRET_BYTES..secret.len())
            .rev()
            .find(|&n| out.ends_with(&secret[..n]));
        if let Some(n) = tail {
            out.truncate(out.len() - n);
            out.extend_from_slice(redacted);
        }
    }
    out
}

/// Why a credential reference gives no secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CredentialError {
    #[error("environment variable {name} is not set")]
    UnsetVariable { name: String },
    #[error(
        "credential {reference}: keyring references are not supported by probes yet; use env:NAME"
    )]
    KeyringUnsupported { reference: String },
    #[error("credential {reference:?} is neither env:NAME nor keyring:SERVICE/ACCOUNT")]
    Malformed { reference: String },
    #[error(
        "credential {reference}: the OS keyring has no such entry; store the key with \"Store key in OS keyring\" in the endpoint's form"
    )]
    NoKeyringEntry { reference: String },
    #[error("no OS keyring is available on this machine ({why}); use an env: reference")]
    KeyringUnavailable { why: String },
    #[error("credential {reference}: the OS keyring refused access ({why}); unlock it, or use an env: reference")]
    KeyringLocked { reference: String, why: String },
    #[error("credential {reference}: the OS keyring failed: {why}")]
    KeyringFailed { reference: String, why: String },
    /// The reference is not echoed: a caller that mixed up its arguments may have put the key
    /// there.
    #[error(
        "only a keyring:SERVICE/ACCOUNT reference can be stored in the OS keyring (an env: reference is a variable set where Brownout runs)"
    )]
    NotStorable,
    #[error("the key to store {problem}")]
    BadSecret { problem: &'static str },
}

impl Coded for CredentialError {
    fn code(&self) -> Code {
        match self {
            CredentialError::UnsetVariable { .. } | CredentialError::NoKeyringEntry { .. } => {
                Code::NotFound
            }
            CredentialError::KeyringUnsupported { .. }
            | CredentialError::Malformed { .. }
            | CredentialError::NotStorable
            | CredentialError::BadSecret { .. } => Code::Invalid,
            CredentialError::KeyringUnavailable { .. }
            | CredentialError::KeyringLocked { .. }
            | CredentialError::KeyringFailed { .. } => Code::Keyring,
        }
    }
}

/// Turns a credential reference into its secret.
pub trait SecretResolver: Send + Sync {
    fn secret(&self, reference: &str) -> Result<String, CredentialError>;
}

/// Resolves `env:NAME` from a variable lookup, and nothing else. The app and the CLI resolve
/// both kinds of reference with [`SystemSecrets::os`](crate::probe::secrets::SystemSecrets::os).
pub struct EnvSecrets<F = fn(&str) -> Option<String>> {
    lookup: F,
}

impl EnvSecrets {
    /// Reads the process environment.
    pub fn process() -> Self {
        Self {
            lookup: |name| std::env::var(name).ok(),
        }
    }
}

impl<F: Fn(&str) -> Option<String> + Send + Sync> EnvSecrets<F> {
    pub fn with_lookup(lookup: F) -> Self {
        Self { lookup }
    }
}

impl<F: Fn(&str) -> Option<String> + Send + Sync> SecretResolver for EnvSecrets<F> {
    fn secret(&self, reference: &str) -> Result<String, CredentialError> {
        if let Some(name) = reference.strip_prefix("env:") {
            return match (self.lookup)(name) {
                // An empty variable is as good as none: the vendor would reject it anyway.
                Some(value) if !value.is_empty() => Ok(value),
                _ => Err(CredentialError::UnsetVariable {
                    name: name.to_owned(),
                }),
            };
        }
        if reference.starts_with("keyring:") {
            return Err(CredentialError::KeyringUnsupported {
                reference: reference.to_owned(),
            });
        }
        Err(CredentialError::Malformed {
            reference: reference.to_owned(),
        })
    }
}

/// OpenAI reasoning models reject `max_tokens` and take `max_completion_tokens`.
pub fn is_reasoning_model(model: &str) -> bool {
    let model = model
        .rsplit('/')
        .next()
        .unwrap_or(model)
        .to_ascii_lowercase();
    ["o1", "o3", "o4", "gpt-5"].iter().any(|family| {
        model == *family
            || model
                .strip_prefix(family)
                .is_some_and(|rest| rest.starts_with('-') || rest.starts_with('.'))
    })
}

fn join(base: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

/// The kind a probe makes when its block names none.
pub fn effective_kind(style: ApiStyle, config: &ProbeConfig) -> ProbeKind {
    config.kind.unwrap_or(match style {
        ApiStyle::Http => ProbeKind::Http,
        _ => ProbeKind::Chat,
    })
}

/// The Azure OpenAI data-plane API version probes ask for (a generally available one).
pub const AZURE_API_VERSION: &str = "2024-10-21";

/// The request probing `endpoint` sends, or `None` for the kind `none`. A missing secret is an
/// error only for the styles that need one.
pub fn build(
    endpoint: &Endpoint,
    config: &ProbeConfig,
    secrets: &dyn SecretResolver,
) -> Result<Option<ProbeRequest>, CredentialError> {
    let kind = effective_kind(endpoint.api_style, config);
    if kind == ProbeKind::None {
        return Ok(None);
    }
    if kind == ProbeKind::Http || endpoint.api_style == ApiStyle::Http {
        return Ok(Some(http_get(endpoint, secrets)?));
    }
    let secret = match &endpoint.credential {
        Some(reference) => Some(secrets.secret(reference)?),
        None => None,
    };
    let secret = secret.as_deref();
    let base = endpoint.base_url.as_str();
    let model = endpoint.model.as_str();
    let chat = kind == ProbeKind::Chat;
    Ok(Some(match endpoint.api_style {
        ApiStyle::Openai if chat => openai_chat(base, model, config.max_tokens, secret),
        ApiStyle::Openai => openai_models(base, secret),
        ApiStyle::Anthropic if chat => anthropic_messages(base, model, config.max_tokens, secret),
        ApiStyle::Anthropic => anthropic_models(base, secret),
        ApiStyle::Gemini if chat => gemini_generate(base, model, config.max_tokens, secret),
        ApiStyle::Gemini => gemini_models(base, secret),
        // The endpoint's model is the Azure deployment's name.
        ApiStyle::AzureOpenai if chat => {
            azure_openai_chat(base, model, AZURE_API_VERSION, config.max_tokens, secret)
        }
        ApiStyle::AzureOpenai => azure_openai_models(base, AZURE_API_VERSION, secret),
        // Bedrock's runtime has no model list: both kinds ask the model itself.
        ApiStyle::Bedrock => bedrock_converse(base, model, config.max_tokens, secret),
        ApiStyle::Http => unreachable!("handled above"),
    }))
}

/// `GET base_url`, with the credential as a bearer token when the endpoint names one.
fn http_get(
    endpoint: &Endpoint,
    secrets: &dyn SecretResolver,
) -> Result<ProbeRequest, CredentialError> {
    let request = ProbeRequest::new(Method::Get, endpoint.base_url.clone());
    Ok(match &endpoint.credential {
        Some(reference) => {
            let secret = secrets.secret(reference)?;
            request.secret_header("authorization", format!("Bearer {secret}"), &secret)
        }
        None => request,
    })
}

fn bearer(request: ProbeRequest, secret: Option<&str>) -> ProbeRequest {
    match secret {
        Some(secret) => request.secret_header("authorization", format!("Bearer {secret}"), secret),
        None => request,
    }
}

fn keyed(request: ProbeRequest, header: &str, secret: Option<&str>) -> ProbeRequest {
    match secret {
        Some(secret) => request.secret_header(header, secret.to_owned(), secret),
        None => request,
    }
}

/// `POST {base}/chat/completions`; reasoning models get `max_completion_tokens`.
pub fn openai_chat(base: &str, model: &str, max_tokens: u32, secret: Option<&str>) -> ProbeRequest {
    let limit = if is_reasoning_model(model) {
        "max_completion_tokens"
    } else {
        "max_tokens"
    };
    let mut body = json!({ "model": model, "messages": [{ "role": "user", "content": PROMPT }] });
    body[limit] = json!(max_tokens);
    bearer(
        ProbeRequest::new(Method::Post, join(base, "chat/completions")),
        secret,
    )
    .json(body)
}

pub fn openai_models(base: &str, secret: Option<&str>) -> ProbeRequest {
    bearer(ProbeRequest::new(Method::Get, join(base, "models")), secret)
}

/// `POST {base}/messages` with `x-api-key` and `anthropic-version`.
pub fn anthropic_messages(
    base: &str,
    model: &str,
    max_tokens: u32,
    secret: Option<&str>,
) -> ProbeRequest {
    let body = json!({
        "model": model,
        "max_tokens": max_tokens,
        "messages": [{ "role": "user", "content": PROMPT }],
    });
    keyed(
        ProbeRequest::new(Method::Post, join(base, "messages")),
        "x-api-key",
        secret,
    )
    .header("anthropic-version", ANTHROPIC_VERSION)
    .json(body)
}

pub fn anthropic_models(base: &str, secret: Option<&str>) -> ProbeRequest {
    keyed(
        ProbeRequest::new(Method::Get, join(base, "models")),
        "x-api-key",
        secret,
    )
    .header("anthropic-version", ANTHROPIC_VERSION)
}

/// `POST {base}/models/{model}:generateContent`, the key in `x-goog-api-key` (never in the
/// query, where it would end up in logs and error messages).
pub fn gemini_generate(
    base: &str,
    model: &str,
    max_tokens: u32,
    secret: Option<&str>,
) -> ProbeRequest {
    let model = model.strip_prefix("models/").unwrap_or(model);
    let body = json!({
        "contents": [{ "role": "user", "parts": [{ "text": PROMPT }] }],
        "generationConfig": { "maxOutputTokens": max_tokens },
    });
    let url = join(base, &format!("models/{model}:generateContent"));
    keyed(
        ProbeRequest::new(Method::Post, url),
        "x-goog-api-key",
        secret,
    )
    .json(body)
}

pub fn gemini_models(base: &str, secret: Option<&str>) -> ProbeRequest {
    keyed(
        ProbeRequest::new(Method::Get, join(base, "models")),
        "x-goog-api-key",
        secret,
    )
}

/// Azure OpenAI: `POST {base}/openai/deployments/{deployment}/chat/completions?api-version=…`
/// with the key in `api-key`. `base` is the resource URL (`https://NAME.openai.azure.com`).
pub fn azure_openai_chat(
    base: &str,
    deployment: &str,
    api_version: &str,
    max_tokens: u32,
    secret: Option<&str>,
) -> ProbeRequest {
    let path = format!("openai/deployments/{deployment}/chat/completions");
    let url = format!(
        "{}?api-version={}",
        join(base, &path),
        query_value(api_version)
    );
    let limit = if is_reasoning_model(deployment) {
        "max_completion_tokens"
    } else {
        "max_tokens"
    };
    let mut body = json!({ "messages": [{ "role": "user", "content": PROMPT }] });
    body[limit] = json!(max_tokens);
    keyed(ProbeRequest::new(Method::Post, url), "api-key", secret).json(body)
}

/// Azure OpenAI: `GET {base}/openai/models?api-version=…`.
pub fn azure_openai_models(base: &str, api_version: &str, secret: Option<&str>) -> ProbeRequest {
    let url = format!(
        "{}?api-version={}",
        join(base, "openai/models"),
        query_value(api_version)
    );
    keyed(ProbeRequest::new(Method::Get, url), "api-key", secret)
}

/// Bedrock Converse: `POST {base}/model/{model_id}/converse` with a bearer token (a Bedrock
/// API key). `base` is the runtime URL (`https://bedrock-runtime.REGION.amazonaws.com`).
pub fn bedrock_converse(
    base: &str,
    model_id: &str,
    max_tokens: u32,
    secret: Option<&str>,
) -> ProbeRequest {
    let path = format!("model/{}/converse", path_segment(model_id));
    let body = json!({
        "messages": [{ "role": "user", "content": [{ "text": PROMPT }] }],
        "inferenceConfig": { "maxTokens": max_tokens },
    });
    bearer(ProbeRequest::new(Method::Post, join(base, &path)), secret).json(body)
}

/// Everything but the characters RFC 3986 leaves unreserved.
const UNRESERVED_KEPT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn query_value(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, UNRESERVED_KEPT).to_string()
}

/// Bedrock model ids and ARNs hold `:` and `/`, which must not split the path.
fn path_segment(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, UNRESERVED_KEPT).to_string()
}

#[cfg(test)]
mod tests;
