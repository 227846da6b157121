//! Vendor status pages in the Statuspage format (`/api/v2/summary.json`): the page's overall
//! indicator and its components' statuses become `status_page_degraded`,
//! `status_page_outage` or `ok`.
//!
//! A vendor may name the components it watches (`status_components`); then only those count,
//! and the page-wide indicator, which may be about other products, is ignored.

use serde::Deserialize;

use super::classify::{classify_shape, of_reply, Classified, ProbeContext, ReplyShape};
use super::model::{Outcome, ProbeKind, Reason};

#[derive(Debug, Deserialize)]
struct Summary {
    status: Option<PageStatus>,
    #[serde(default)]
    components: Vec<Component>,
}

#[derive(Debug, Deserialize)]
struct PageStatus {
    indicator: String,
    #[serde(default)]
    description: String,
}

#[derive(Debug, Deserialize)]
struct Component {
    name: String,
    status: String,
}

/// A status page's words for each level of trouble: 0 fine, 1 degraded, 2 outage.
type Levels = [&'static [&'static str]; 3];

const INDICATOR_LEVELS: Levels = [&["none"], &["minor", "major", "maintenance"], &["critical"]];

const COMPONENT_LEVELS: Levels = [
    &["operational"],
    &[
        "degraded_performance",
        "partial_outage",
        "under_maintenance",
    ],
    &["major_outage"],
];

/// How bad one status is, by `levels`; `None` for a word the page is not known to use.
fn severity(status: &str, levels: &Levels) -> Option<u8> {
    let level = levels.iter().position(|words| words.contains(&status))?;
    u8::try_from(level).ok()
}

fn reason_of(severity: u8) -> Reason {
    match severity {
        0 => Reason::Ok,
        1 => Reason::StatusPageDegraded,
        _ => Reason::StatusPageOutage,
    }
}

/// The reason a `summary.json` body gives, and what its excerpt says. `watched` names the
/// components that count (compared without regard to case); `None` or empty: all of them.
pub fn summary_reason(body: &[u8], watched: Option<&[String]>) -> (Reason, Option<String>) {
    let summary: Summary = match serde_json::from_slice(body) {
        Ok(s) => s,
        Err(e) => {
            let text = format!("not a Statuspage summary ({e})");
            return (Reason::InvalidResponse, Some(text));
        }
    };
    let watched = watched.filter(|w| !w.is_empty());
    let mut worst = 0;
    let mut notes = Vec::new();
    if watched.is_none() {
        let Some(page) = &summary.status else {
            return invalid("has no `status.indicator`".to_owned());
        };
        let Some(severity) = severity(&page.indicator, &INDICATOR_LEVELS) else {
            return invalid(format!("has an unknown indicator `{}`", page.indicator));
        };
        worst = severity;
        if severity > 0 && !page.description.is_empty() {
            notes.push(page.description.clone());
        }
    }
    if let Some(names) = watched {
        if let Some(missing) = names.iter().find(|n| {
            !summary
                .components
                .iter()
                .any(|c| c.name.trim().eq_ignore_ascii_case(n.trim()))
        }) {
            return invalid(format!("has no component named `{missing}`"));
        }
    }
    for component in &summary.components {
        let counts = watched.is_none_or(|names| {
            names
                .iter()
                .any(|n| n.trim().eq_ignore_ascii_case(component.name.trim()))
        });
        if !counts {
            continue;
        }
        let Some(severity) = severity(&component.status, &COMPONENT_LEVELS) else {
            return invalid(format!(
                "gives component `{}` the unknown status `{}`",
                component.name, component.status
            ));
        };
        if severity > 0 {
            notes.push(format!("{}: {}", component.name, component.status));
        }
        worst = worst.max(severity);
    }
    let reason = reason_of(worst);
    let text = (reason != Reason::Ok).then(|| notes.join("; "));
    (reason, text)
}

fn invalid(what: String) -> (Reason, Option<String>) {
    (
        Reason::InvalidResponse,
        Some(format!("the status page {what}")),
    )
}

/// Classifies the fetch of a vendor's status page: a transport failure or an error status as
/// any probe's, otherwise the summary's verdict.
pub fn classify_status_page(
    outcome: &Outcome,
    watched: Option<&[String]>,
    ctx: &ProbeContext<'_>,
) -> Classified {
    let reply = match outcome {
        Outcome::Reply(reply) if (200..300).contains(&reply.status) => reply,
        // Transport failures and error statuses mean the same as for an endpoint.
        other => return classify_shape(ReplyShape::Plain, ProbeKind::Models, other, 0, ctx),
    };
    let (reason, text) = if reply.body_cut {
        (
            Reason::Oversized,
            Some("the status page is larger than the probe reads".to_owned()),
        )
    } else if reply.ended_early {
        (
            Reason::Truncated,
            Some("the status page ended before it was complete".to_owned()),
        )
    } else {
        summary_reason(&reply.body, watched)
    };
    of_reply(reply, reason, text, ctx)
}

#[cfg(test)]
mod tests;
