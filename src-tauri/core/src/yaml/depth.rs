//! A linear pre-scan that estimates how deeply a YAML text nests, without parsing it.
//!
//! It follows just enough of YAML's lexical rules to tell structure from content: quoted
//! scalars (which may span lines), comments, block scalars (`|`, `>`), flow collections
//! (`[`, `{`) and block nesting by indentation and by compact `- ` entries. The estimate is
//! within a small factor of the real depth, which is all a bound needs; every byte is looked at
//! a constant number of times.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Quote {
    None,
    Single,
    Double,
}

/// The deepest nesting found in `text`.
pub fn nesting_depth(text: &str) -> usize {
    let mut deepest = 0;
    scan(text, |depth, _| {
        deepest = deepest.max(depth);
        false
    });
    deepest
}

/// The 1-based line where the nesting first goes deeper than `max`, if it does.
pub fn first_line_deeper_than(text: &str, max: usize) -> Option<usize> {
    let mut found = None;
    scan(text, |depth, line| {
        if depth > max {
            found = Some(line);
            true
        } else {
            false
        }
    });
    found
}

/// Calls `seen(depth, line)` as the depth grows; stops when it returns true.
fn scan(text: &str, mut seen: impl FnMut(usize, usize) -> bool) {
    // Indentation of the open block levels.
    let mut indents: Vec<usize> = Vec::new();
    let mut flow = 0usize;
    let mut quote = Quote::None;
    // Lines more indented than this belong to a block scalar.
    let mut block_scalar_parent: Option<usize> = None;
    // A plain scalar open at the end of the previous line, and the indentation of the line it
    // began on: a following line may continue it, and then a quote there is just a character.
    let mut plain_open = false;
    let mut plain_parent = 0usize;

    for (n, line) in text.split('\n').enumerate() {
        let line_no = n + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        let bytes = line.as_bytes();
        let indent = bytes.iter().take_while(|&&b| b == b' ').count();
        let blank = indent == bytes.len();
        let comment = !blank && bytes[indent] == b'#' && quote == Quote::None;

        if let Some(parent) = block_scalar_parent {
            if blank || comment || indent > parent {
                continue;
            }
            block_scalar_parent = None;
        }
        if blank && quote == Quote::None {
            continue;
        }
        if comment {
            // A comment ends a plain scalar.
            plain_open = false;
            continue;
        }
        let continuation =
            quote == Quote::None && plain_open && (flow > 0 || indent > plain_parent);
        if quote == Quote::None && flow == 0 && !continuation {
            if indent == 0 && (line.starts_with("---") || line.starts_with("...")) {
                indents.clear();
            }
            if indent == 0 && line.starts_with('%') {
                continue;
            }
            while indents.last().is_some_and(|&i| i >= indent) {
                indents.pop();
            }
            indents.push(indent);
        }

        let mut i = if quote == Quote::None { indent } else { 0 };
        let mut node_start = quote == Quote::None && !continuation;
        let mut ended_by_comment = false;
        let mut depth = indents.len() + flow;
        if seen(depth, line_no) {
            return;
        }
        while i < bytes.len() {
            let b = bytes[i];
            match quote {
                Quote::Single => {
                    if b == b'\'' {
                        if bytes.get(i + 1) == Some(&b'\'') {
                            i += 1;
                        } else {
                            quote = Quote::None;
                        }
                    }
                    i += 1;
                    continue;
                }
                Quote::Double => {
                    if b == b'\\' {
                        i += 1;
                    } else if b == b'"' {
                        quote = Quote::None;
                    }
                    i += 1;
                    continue;
                }
                Quote::None => {}
            }
            let next = bytes.get(i + 1).copied();
            let ends_token = |c: Option<u8>| matches!(c, None | Some(b' ' | b'\t'));
            match b {
                b' ' | b'\t' => {}
                b'#' if i == 0 || matches!(bytes[i - 1], b' ' | b'\t') => {
                    ended_by_comment = true;
                    break;
                }
                b'\'' if node_start => quote = Quote::Single,
                b'"' if node_start => quote = Quote::Double,
                b'[' | b'{' if node_start || flow > 0 => {
                    flow += 1;
                    depth += 1;
                    node_start = true;
                    if seen(depth, line_no) {
                        return;
                    }
                }
                b']' | b'}' if flow > 0 => {
                    flow -= 1;
                    depth = depth.saturating_sub(1);
                    node_start = false;
                }
                b',' if flow > 0 => node_start = true,
                b'-' | b'?' if node_start && flow == 0 && ends_token(next) => {
                    depth += 1;
                    if seen(depth, line_no) {
                        return;
                    }
                }
                b':' if ends_token(next)
                    || (flow > 0 && matches!(next, Some(b',' | b']' | b'}'))) =>
                {
                    node_start = true;
                }
                b'|' | b'>' if node_start && flow == 0 => {
                    block_scalar_parent = Some(indent);
                    break;
                }
                // Anchors and tags precede a node without being one.
                b'&' | b'!' if node_start => {
                    while i + 1 < bytes.len() && !matches!(bytes[i + 1], b' ' | b'\t') {
                        i += 1;
                    }
                }
                _ => node_start = false,
            }
            i += 1;
        }
        let now_plain = quote == Quote::None
            && !node_start
            && !ended_by_comment
            && block_scalar_parent.is_none();
        if now_plain && !continuation {
            plain_parent = indent;
        }
        plain_open = now_plain;
    }
}
