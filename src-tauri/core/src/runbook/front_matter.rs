//! Splits a runbook into its YAML front matter and its markdown body.

/// A source split at its front matter. Lines are 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines; `None` when there is none or it is never closed.
    pub yaml: Option<&'a str>,
    /// Line of the first YAML line.
    pub yaml_line: usize,
    /// The markdown after the closing line (the whole source without front matter).
    pub body: &'a str,
    /// Line the body starts on.
    pub body_line: usize,
    /// True when an opening `---` has no closing line.
    pub unterminated: bool,
}

fn is_fence(line: &str, closing: bool) -> bool {
    let l = line.trim_end_matches(['\r', '\n']).trim_end();
    l == "---" || (closing && l == "...")
}

/// Splits `source` (with or without a leading BOM, LF or CRLF line ends). Front matter opens
/// with a first line `---` and closes with a later `---` or `...` line.
pub fn split(source: &str) -> Split<'_> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let none = Split {
        yaml: None,
        yaml_line: 1,
        body: source,
        body_line: 1,
        unterminated: false,
    };
    let mut lines = source.split_inclusive('\n');
    match lines.next() {
        Some(first) if is_fence(first, false) => {
            let yaml_start = first.len();
            let mut offset = yaml_start;
            for (i, line) in lines.enumerate() {
                if is_fence(line, true) {
                    return Split {
                        yaml: Some(&source[yaml_start..offset]),
                        yaml_line: 2,
                        body: &source[offset + line.len()..],
                        body_line: i + 3,
                        unterminated: false,
                    };
                }
                offset += line.len();
            }
            Split {
                unterminated: true,
                ..none
            }
        }
        _ => none,
    }
}

#[cfg(test)]
mod tests {
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
}
