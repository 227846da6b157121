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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_rejects() {
        assert!(is_valid_slug("openai-gpt-4o"));
        assert!(is_valid_slug("a1"));
        assert!(!is_valid_slug(""));
        assert!(!is_valid_slug("-x"));
        assert!(!is_valid_slug("Upper"));
        assert!(!is_valid_slug("has space"));
        assert!(!is_valid_slug(&"a".repeat(65)));
    }
}
