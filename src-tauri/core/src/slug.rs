//! Stable string ids ("slugs") that items use to refer to each other in files and IPC.

/// A slug is 1–64 chars of `a-z`, `0-9` and `-`, starting with a letter or digit.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}

/// Why `s` is not a slug, in one sentence.
pub const SLUG_RULE: &str =
    "must be 1–64 characters of lowercase letters, digits and '-', not starting with '-'";

/// Makes a slug from free text (headings, step text): lower-case words joined by `-`, at most
/// `max_words` words and 64 characters. May be empty when the text has no letters or digits.
pub fn slugify_words(text: &str, max_words: usize) -> String {
    let lower = text.to_lowercase();
    let words = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(max_words);
    let mut out = String::new();
    for w in words {
        if out.len() + w.len() + 1 > 64 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(w);
    }
    out
}

/// [`slugify_words`] without a word limit.
pub fn slugify(text: &str) -> String {
    slugify_words(text, usize::MAX)
}

#[cfg(test)]
mod tests;
