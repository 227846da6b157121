//! Keeping secrets out of the inventory: an endpoint's credential is a reference to where the
//! secret lives (an environment variable or an OS keyring entry), and no field may hold a
//! pasted key or a URL that carries one. Messages never repeat the offending value.

use std::borrow::Cow;
use std::fmt;

use crate::slug::is_valid_slug;

/// Beginnings of widely used API keys and tokens (OpenAI, Anthropic and Stripe `sk-`/`sk_`,
/// Google `AIza`, AWS `AKIA`, GitHub `ghp_`, Slack `xox`).
pub const KEY_PREFIXES: &[&str] = &["sk-", "sk_", "AIza", "AKIA", "ghp_", "xox"];

/// Query parameters that carry a secret, compared without regard to case.
pub const SECRET_PARAMS: &[&str] = &[
    "key",
    "api_key",
    "apikey",
    "token",
    "access_token",
    "secret",
    "password",
    "sig",
    "signature",
];

/// Longest environment variable name, keyring service or keyring account.
pub const MAX_REFERENCE_PART: usize = 64;

/// A key embedded in longer text is recognised from this length on, so that short words such
/// as `xoxo` stay allowed.
const MIN_EMBEDDED_KEY: usize = 20;

/// Where an endpoint's secret lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credential<'a> {
    /// `env:NAME`
    Env(&'a str),
    /// `keyring:SERVICE/ACCOUNT`
    Keyring { service: &'a str, account: &'a str },
}

/// Why a value may not be stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretProblem {
    /// The value is, or contains, something that starts like an API key.
    KeyPrefix(&'static str),
    /// A URL with `user@` or `user:password@`.
    UrlUserinfo,
    /// A URL with a query parameter that carries a secret.
    UrlSecretParam(&'static str),
    /// A credential that is not an `env:` or `keyring:` reference.
    NotAReference,
}

const KEEP_SECRETS_ELSEWHERE: &str =
    "keep secrets in the OS keyring or an environment variable and name them in an endpoint's `credential`";

impl fmt::Display for SecretProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SecretProblem::KeyPrefix(p) => write!(
                f,
                "looks like a secret key (it starts with `{p}`), so it is not stored; {KEEP_SECRETS_ELSEWHERE}"
            ),
            SecretProblem::UrlUserinfo => write!(
                f,
                "a URL here must not carry a user name or password (`user:password@`); {KEEP_SECRETS_ELSEWHERE}"
            ),
            SecretProblem::UrlSecretParam(p) => write!(
                f,
                "a URL here must not carry the query parameter `{p}`, which holds a secret; {KEEP_SECRETS_ELSEWHERE}"
            ),
            SecretProblem::NotAReference => write!(
                f,
                "must be a reference, never the secret itself: env:NAME (NAME of A-Z, 0-9 and _, not starting with a digit, at most {MAX_REFERENCE_PART}) or keyring:SERVICE/ACCOUNT (each at most {MAX_REFERENCE_PART} letters, digits or . _ @ -), e.g. env:OPENAI_API_KEY or keyring:brownout/openai"
            ),
        }
    }
}

/// Parses a credential reference.
pub fn parse_credential(value: &str) -> Result<Credential<'_>, SecretProblem> {
    let part_ok = |s: &str, allowed: fn(char) -> bool| {
        !s.is_empty() && s.len() <= MAX_REFERENCE_PART && s.chars().all(allowed)
    };
    let credential = if let Some(name) = value.strip_prefix("env:") {
        let env_char = |c: char| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_';
        if !part_ok(name, env_char) || name.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(SecretProblem::NotAReference);
        }
        Credential::Env(name)
    } else if let Some(entry) = value.strip_prefix("keyring:") {
        let keyring_char = |c: char| c.is_ascii_alphanumeric() || "._@-".contains(c);
        match entry.split_once('/') {
            Some((service, account))
                if part_ok(service, keyring_char) && part_ok(account, keyring_char) =>
            {
                Credential::Keyring { service, account }
            }
            _ => return Err(SecretProblem::NotAReference),
        }
    } else {
        return Err(SecretProblem::NotAReference);
    };
    let parts = match credential {
        Credential::Env(name) => [name, ""],
        Credential::Keyring { service, account } => [service, account],
    };
    match parts.iter().find_map(|p| key_prefix_at_start(p)) {
        Some(prefix) => Err(SecretProblem::KeyPrefix(prefix)),
        None => Ok(credential),
    }
}

fn key_prefix_at_start(value: &str) -> Option<&'static str> {
    KEY_PREFIXES
        .iter()
        .copied()
        .find(|p| value.trim_start().starts_with(p))
}

/// A key prefix at the start of `value` (when `at_start`) or at the start of any long enough
/// word inside it.
pub fn key_prefix(value: &str, at_start: bool) -> Option<&'static str> {
    if at_start {
        if let Some(p) = key_prefix_at_start(value) {
            return Some(p);
        }
    }
    value
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .filter(|word| word.len() >= MIN_EMBEDDED_KEY)
        .find_map(key_prefix_at_start)
}

/// `text` with every word that looks like a key cut to its prefix (`sk-…`), for messages that
/// quote a value. A valid id such as `sk-telecom` stays readable.
pub fn redact(text: &str) -> Cow<'_, str> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let looks_like_key = |w: &str| {
        key_prefix_at_start(w)
            .filter(|p| w.len() > p.len() && (w.len() >= MIN_EMBEDDED_KEY || !is_valid_slug(w)))
    };
    if !text
        .split(|c: char| !is_word(c))
        .any(|w| looks_like_key(w).is_some())
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let word_len = rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
        if word_len == 0 {
            let c = rest.chars().next().unwrap_or_default();
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let word = &rest[..word_len];
        match looks_like_key(word) {
            Some(prefix) => {
                out.push_str(prefix);
                out.push('…');
            }
            None => out.push_str(word),
        }
        rest = &rest[word_len..];
    }
    Cow::Owned(out)
}

/// The first secret carried by an `http(s)://` URL anywhere in `value`.
pub fn url_problem(value: &str) -> Option<SecretProblem> {
    let lower = value.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find("http") {
        let start = from + found;
        from = start + 4;
        let rest = &lower[start..];
        let Some(after_scheme) = rest
            .strip_prefix("https://")
            .or_else(|| rest.strip_prefix("http://"))
        else {
            continue;
        };
        let url_start = value.len() - after_scheme.len();
        let url = &value[url_start..];
        let url = &url[..url
            .find(|c: char| c.is_whitespace() || "\"'<>`".contains(c))
            .unwrap_or(url.len())];
        if let Some(problem) = problem_of_url(url) {
            return Some(problem);
        }
    }
    None
}

/// `url` is what follows `scheme://`.
fn problem_of_url(url: &str) -> Option<SecretProblem> {
    let authority = &url[..url.find(['/', '?', '#']).unwrap_or(url.len())];
    if authority.contains('@') {
        return Some(SecretProblem::UrlUserinfo);
    }
    let params = url
        .find(['?', '#'])
        .map_or("", |i| &url[i + 1..])
        .split(['&', ';', '#', '?']);
    for param in params {
        let name = param.split('=').next().unwrap_or_default();
        let name = percent_encoding::percent_decode_str(name).decode_utf8_lossy();
        if let Some(secret) = SECRET_PARAMS
            .iter()
            .find(|s| s.eq_ignore_ascii_case(name.trim()))
        {
            return Some(SecretProblem::UrlSecretParam(secret));
        }
    }
    None
}

#[cfg(test)]
mod tests;
