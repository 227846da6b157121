//! The main window, with guards so nothing rendered inside it (a runbook link, say) can
//! navigate the app away from its own pages or open another window. External http(s) and
//! mailto links open in the system browser instead.

use tauri::webview::NewWindowResponse;
use tauri::{AppHandle, Runtime, Url, WebviewUrl, WebviewWindowBuilder};

/// What to do with a navigation request.
#[derive(Debug, PartialEq, Eq)]
pub enum Navigation {
    /// The app's own pages.
    Allow,
    /// Hand to the system browser / mail client; the app window stays put.
    External,
    Deny,
}

pub fn classify(url: &Url) -> Navigation {
    let own = match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        "about" => url.path() == "blank",
        _ => false,
    };
    if own {
        Navigation::Allow
    } else if matches!(url.scheme(), "http" | "https" | "mailto") {
        Navigation::External
    } else {
        Navigation::Deny
    }
}

fn open_externally(url: &Url) -> bool {
    if classify(url) == Navigation::External {
        // A failure here (no browser installed) must not take the app down.
        let _ = tauri_plugin_opener::open_url(url.as_str(), None::<&str>);
    }
    false
}

pub fn create_main_window<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    WebviewWindowBuilder::new(app, "main", WebviewUrl::default())
        .title("Brownout")
        .inner_size(1280.0, 820.0)
        .min_inner_size(900.0, 600.0)
        .on_navigation(|url| match classify(url) {
            Navigation::Allow => true,
            _ => open_externally(url),
        })
        .on_new_window(|url, _| {
            open_externally(&url);
            NewWindowResponse::Deny
        })
        .build()?;
    Ok(())
}

#[cfg(test)]
mod tests;
