//! A sample's error excerpt: short, on one line, and with nothing secret in it.

use crate::inventory::text_rules;

/// The longest excerpt, in characters.
pub const MAX_EXCERPT_CHARS: usize = 300;

/// What replaces the probe's own credential wherever it appears.
pub const REDACTED: &str = "[redacted]";

/// A credential shorter than this is not searched for: removing every `ab` from a message would
/// garble it and protects nothing.
const MIN_CREDENTIAL_CHARS: usize = 8;

/// `text` as an excerpt: the probe's own `credential` removed (also a tail of it, where the
/// body was cut inside it), whitespace runs folded to one space, control characters escaped,
/// anything that looks like a key cut short, and at most [`MAX_EXCERPT_CHARS`] characters.
/// `None` when nothing is left.
pub fn excerpt(text: &str, credential: Option<&str>) -> Option<String> {
    let mut text = text.to_owned();
    if let Some(secret) = credential
        .map(str::trim)
        .filter(|s| s.chars().count() >= MIN_CREDENTIAL_CHARS)
    {
        text = text.replace(secret, REDACTED);
        text = drop_partial_tail(text, secret);
    }
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Redacting before cutting: a key cut in half might no longer look like a key.
    let printable = text_rules::printable(&folded);
    let mut chars = printable.chars();
    let mut out: String = chars.by_ref().take(MAX_EXCERPT_CHARS).collect();
    if chars.next().is_some() {
        out.pop();
        out.push('…');
    }
    (!out.is_empty()).then_some(out)
}

/// A reply cut at the body cap can end inside the credential; its start is removed too.
fn drop_partial_tail(mut text: String, secret: &str) -> String {
    let cut = (MIN_CREDENTIAL_CHARS..secret.len())
        .rev()
        .filter(|&n| secret.is_char_boundary(n))
        .find(|&n| text.ends_with(&secret[..n]));
    if let Some(n) = cut {
        text.truncate(text.len() - n);
        text.push_str(REDACTED);
    }
    text
}
