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
mod tests;
