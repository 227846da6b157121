//! Notices runbook files changed on disk by another editor or a `git pull`, so the app picks
//! them up without a restart.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use super::check::is_runbook_file;
use super::files::TEMP_PREFIX;
use super::RunbookError;

/// Changes arriving within this window are reported together (a save is several events).
const SETTLE: Duration = Duration::from_millis(200);

/// Watches while alive; dropping it stops the watching.
pub struct RunbookWatcher {
    _watcher: RecommendedWatcher,
}

/// A runbook file the library would index: not a save's temporary file, nothing hidden
/// (such as `.git/`) on the way to it.
fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let hidden = rel
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    !hidden && !name.starts_with(TEMP_PREFIX) && is_runbook_file(path)
}

/// Calls `on_change` with the changed runbook files (relative, `/`-separated, sorted) after
/// each burst of changes under `dir`.
pub fn watch(
    dir: &Path,
    on_change: impl Fn(Vec<String>) + Send + 'static,
) -> Result<RunbookWatcher, RunbookError> {
    let root = dir.canonicalize().map_err(|e| RunbookError::io(dir, e))?;
    let (tx, rx) = mpsc::channel::<PathBuf>();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(event) = res {
            for p in event.paths {
                let _ = tx.send(p);
            }
        }
    })
    .map_err(|e| RunbookError::Watch(e.to_string()))?;
    watcher
        .watch(&root, RecursiveMode::Recursive)
        .map_err(|e| RunbookError::Watch(e.to_string()))?;
    std::thread::Builder::new()
        .name("runbook-watch".into())
        .spawn(move || {
            // Ends when the watcher (and with it the sender) is dropped.
            while let Ok(first) = rx.recv() {
                let mut paths = vec![first];
                while let Ok(p) = rx.recv_timeout(SETTLE) {
                    paths.push(p);
                }
                let mut files: Vec<String> = paths
                    .iter()
                    .filter(|p| relevant(&root, p))
                    .filter_map(|p| p.strip_prefix(&root).ok())
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
                    .collect();
                files.sort();
                files.dedup();
                if !files.is_empty() {
                    on_change(files);
                }
            }
        })
        .map_err(|e| RunbookError::Watch(e.to_string()))?;
    Ok(RunbookWatcher { _watcher: watcher })
}

#[cfg(test)]
mod tests;
