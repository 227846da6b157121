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

#[test]
fn slugifies_free_text() {
    assert_eq!(slugify("Throttled (429, quota)"), "throttled-429-quota");
    assert_eq!(
        slugify_words("Check the status page now please", 3),
        "check-the-status"
    );
    assert_eq!(slugify("¡¿!"), "");
    assert!(slugify(&"word ".repeat(40)).len() <= 64);
}
