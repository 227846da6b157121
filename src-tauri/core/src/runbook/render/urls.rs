//! Which link and image destinations a runbook may use.

/// What a link destination becomes.
#[derive(Debug, PartialEq, Eq)]
pub enum LinkTarget {
    /// `http`, `https` or `mailto`: opened in the system browser.
    External(String),
    /// `#section`: a heading in the same runbook (ids carry the `h-` prefix).
    InPage(String),
}

/// Removes what browsers ignore inside a URL (ASCII control characters and whitespace), so
/// `java\tscript:` cannot pass as something else.
fn compact(url: &str) -> String {
    url.chars()
        .filter(|c| !c.is_ascii_control() && !c.is_whitespace() && *c != '\u{feff}')
        .collect()
}

/// The scheme of `url`, lower-cased, after percent-decoding (`java%73cript:` is `javascript`).
fn scheme(url: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(url).decode_utf8_lossy();
    let decoded = compact(&decoded);
    let end = decoded.find(':')?;
    let head = &decoded[..end];
    if head.contains(['/', '?', '#']) {
        return None;
    }
    Some(head.to_ascii_lowercase())
}

/// The longest link address kept: far beyond any real one, and short enough that escaping it
/// stays cheap (the HTML serializer's work grows with the square of one attribute's length).
pub const MAX_URL_BYTES: usize = 2048;

/// Classifies a link destination (pulldown-cmark has already decoded entities); `None` means
/// the link becomes plain text.
pub fn link_target(dest: &str) -> Option<LinkTarget> {
    if dest.len() > MAX_URL_BYTES {
        return None;
    }
    let url = compact(dest);
    if url.is_empty() {
        return None;
    }
    match scheme(&url).as_deref() {
        Some("http" | "https" | "mailto") => {
            // Whatever follows must not smuggle a second scheme through `:` tricks.
            let (_, rest) = url.split_once(':')?;
            (!rest.is_empty()).then_some(LinkTarget::External(url))
        }
        Some(_) => None,
        None => {
            let frag = url.strip_prefix('#')?;
            let frag = percent_encoding::percent_decode_str(frag).decode_utf8_lossy();
            let id = crate::slug::slugify(&frag);
            (!id.is_empty()).then(|| LinkTarget::InPage(format!("#h-{id}")))
        }
    }
}

/// Maps a relative image path inside the runbook's folder to the `runbook-asset` URL that
/// serves it; anything else (any scheme, absolute paths, `..`) is refused.
pub fn image_src(dest: &str, folder: Option<&str>) -> Option<String> {
    let folder = folder?;
    if dest.len() > MAX_URL_BYTES {
        return None;
    }
    let url = compact(dest);
    if url.is_empty() || scheme(&url).is_some() || url.starts_with(['/', '\\']) {
        return None;
    }
    let path = url.split(['?', '#']).next()?;
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    // An image is a file: `#`, `./` or `sub/` name a folder, never served as an image.
    if matches!(decoded.rsplit('/').next(), Some("" | ".")) {
        return None;
    }
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p if p.contains('\\') => return None,
            p => parts.push(p),
        }
    }
    if parts.is_empty() {
        return None;
    }
    let encoded: Vec<String> = parts
        .iter()
        .map(|p| percent_encoding::utf8_percent_encode(p, SEGMENT).to_string())
        .collect();
    Some(format!("runbook-asset://localhost/{}", encoded.join("/")))
}

const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

#[cfg(test)]
mod tests;
