use super::*;

#[test]
fn finds_references_between_text() {
    assert_eq!(
        pieces("Shift to {{endpoint:anthropic-haiku}} {{if-healthy:a1}} now {{nope}} {{"),
        vec![
            Piece::Text("Shift to "),
            Piece::Endpoint("anthropic-haiku"),
            Piece::Text(" "),
            Piece::IfHealthy("a1"),
            Piece::Text(" now "),
            Piece::Unknown("{{nope}}"),
            Piece::Text(" {{"),
        ]
    );
    assert_eq!(
        pieces("{{endpoint:<script>}}"),
        vec![Piece::Unknown("{{endpoint:<script>}}")]
    );
}

#[test]
fn pins_are_split_off_the_end_only() {
    assert_eq!(
        split_pin("Page the owner {#page-owner}"),
        ("Page the owner", Some("page-owner"))
    );
    assert_eq!(split_pin("Use {#x} mid-text"), ("Use {#x} mid-text", None));
    assert_eq!(
        split_pin("Bad {#\"><script>}"),
        ("Bad {#\"><script>}", None)
    );
}
