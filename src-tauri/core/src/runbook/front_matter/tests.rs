use super::*;

#[test]
fn splits_yaml_and_body_with_lines() {
    let s = split("---\nid: x\ntitle: T\n---\n# Body\n");
    assert_eq!(s.yaml, Some("id: x\ntitle: T\n"));
    assert_eq!(s.yaml_line, 2);
    assert_eq!(s.body, "# Body\n");
    assert_eq!(s.body_line, 5);
}

#[test]
fn handles_crlf_bom_and_dots() {
    let s = split("\u{feff}---\r\nid: x\r\n...\r\nbody");
    assert_eq!(s.yaml, Some("id: x\r\n"));
    assert_eq!(s.body, "body");
    assert_eq!(s.body_line, 4);
}

#[test]
fn no_front_matter_is_all_body() {
    let s = split("# Just markdown\n---\n");
    assert_eq!(s.yaml, None);
    assert!(!s.unterminated);
    assert_eq!(s.body, "# Just markdown\n---\n");
}

#[test]
fn closing_line_at_end_of_file_and_empty_yaml() {
    let s = split("---\nid: x\n---");
    assert_eq!(s.yaml, Some("id: x\n"));
    assert_eq!((s.body, s.body_line), ("", 4));
    let s = split("---\n---\nbody\n");
    assert_eq!(s.yaml, Some(""));
    assert_eq!((s.body, s.body_line), ("body\n", 3));
}

#[test]
fn fences_must_be_whole_lines() {
    // `----` or `--- x` is a thematic break or text, not front matter.
    assert_eq!(split("----\nid: x\n---\n").yaml, None);
    let s = split("---\nid: x\n--- not a fence\n...  \nbody");
    assert_eq!(s.yaml, Some("id: x\n--- not a fence\n"));
    assert_eq!((s.body, s.body_line), ("body", 5));
}

#[test]
fn unclosed_front_matter_is_reported() {
    let s = split("---\nid: x\n# never closed\n");
    assert_eq!(s.yaml, None);
    assert!(s.unterminated);
}
