//! `runbook-asset://localhost/<file>`: serves images from the runbooks folder, and nothing
//! else, so a runbook can show its own diagrams without reaching the rest of the disk.

use std::path::{Path, PathBuf};

use brownout_core::runbook::files::contain;

use tauri::http::{Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext};

use crate::state::AppState;

pub const SCHEME: &str = "runbook-asset";

fn content_type(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    // No SVG: it can carry script.
    Some(match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        _ => return None,
    })
}

/// The file under `root` that `request_path` names, if it is an image path that stays inside
/// `root` by the core's one containment rule (no `..`, no absolute parts, no symlink leading
/// outside) and exists.
pub fn resolve(root: &Path, request_path: &str) -> Option<(PathBuf, &'static str)> {
    let decoded = percent_decode(request_path.trim_start_matches('/'))?;
    let kind = content_type(Path::new(&decoded))?;
    let full = contain(root, &decoded).ok()?;
    full.is_file().then_some((full, kind))
}

fn percent_decode(s: &str) -> Option<String> {
    let text = percent_encoding::percent_decode_str(s).decode_utf8().ok()?;
    (!text.contains('\0')).then(|| text.into_owned())
}

pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: tauri::http::Request<Vec<u8>>,
) -> Response<Vec<u8>> {
    let state = ctx.app_handle().state::<AppState>();
    let dir = brownout_core::settings::load(state.store(), state.workspace.dir())
        .map(|s| PathBuf::from(s.runbooks_dir));
    let found = dir
        .ok()
        .and_then(|dir| resolve(&dir, request.uri().path()))
        .and_then(|(path, kind)| Some((std::fs::read(path).ok()?, kind)));
    let builder = Response::builder().header("X-Content-Type-Options", "nosniff");
    match found {
        Some((body, kind)) => builder.header("Content-Type", kind).body(body),
        None => builder.status(StatusCode::NOT_FOUND).body(Vec::new()),
    }
    .unwrap_or_default()
}

#[cfg(test)]
mod tests;
