//! Which transport failure a reqwest error is, read from its chain of causes.

use std::error::Error as StdError;
use std::io;

use super::network::{AddressRefused, NoSuchName};
use crate::probe::TransportFailure;

/// The failure and a one-line description (all the causes, outermost first).
pub(super) fn of(error: &reqwest::Error, redirected: bool) -> (TransportFailure, String) {
    let causes = causes(error);
    let detail = causes
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(": ");
    let any = |test: &dyn Fn(&(dyn StdError + 'static)) -> bool| causes.iter().any(|c| test(*c));
    let failure = if any(&|c| c.is::<AddressRefused>()) {
        if redirected {
            TransportFailure::Redirect
        } else {
            TransportFailure::Dns
        }
    } else if any(&|c| c.is::<NoSuchName>()) || error.is_dns() {
        TransportFailure::Dns
    } else if error.is_timeout() {
        if error.is_connect() {
            TransportFailure::ConnectTimeout
        } else {
            TransportFailure::Timeout
        }
    } else if any(&|c| c.is::<rustls::Error>()) {
        TransportFailure::Tls
    } else if error.is_redirect() {
        TransportFailure::Redirect
    } else {
        // Refused, reset, closed before a reply: the connection did not carry one.
        TransportFailure::ConnectionReset
    };
    (failure, detail)
}

/// The error and its causes. An `io::Error` hides the error it wraps from `source()`, so that
/// one is looked into as well.
fn causes<'a>(error: &'a (dyn StdError + 'static)) -> Vec<&'a (dyn StdError + 'static)> {
    let mut out = Vec::new();
    let mut next = Some(error);
    while let Some(cause) = next {
        out.push(cause);
        next = match cause
            .downcast_ref::<io::Error>()
            .and_then(|io| io.get_ref())
        {
            Some(inner) => Some(inner as &(dyn StdError + 'static)),
            None => cause.source(),
        };
    }
    out
}
