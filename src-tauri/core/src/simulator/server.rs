//! The simulator's HTTP server: each request is routed by its path suffix ([`route`]), its
//! vendor's current fault decides the plan ([`plan`]), and the plan is sent: at once, after a
//! delay, in timed pieces, cut off, or never. Requests under [`control::CONTROL_PATH`] go to
//! the control API.
//!
//! [`route`]: super::route
//! [`control::CONTROL_PATH`]: super::control::CONTROL_PATH

use std::convert::Infallible;
use std::net::SocketAddr;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full, Limited, StreamBody};
use hyper::body::{Frame, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinSet;

use super::answer::{Answer, Body};
use super::fault::{Fault, FaultKind, Faults};
use super::route::{self, Call, Route, Style};
use super::{anthropic, bedrock, control, gemini, openai, status_page};

/// The most of a request body the simulator reads (probes send a few hundred bytes).
pub(crate) const REQUEST_CAP: usize = 1024 * 1024;
/// The pace of a truncated stream: quick, so its tokens arrive before the cut.
const TRUNCATED_GAP: Duration = Duration::from_millis(20);

pub(crate) type SimBody = BoxBody<Bytes, std::io::Error>;

/// What the simulator does with one request.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Plan {
    Reply {
        delay: Duration,
        answer: Answer,
    },
    /// Keeps the connection open and never answers.
    Never,
}

/// Serves `listener` until `stop` fires (or its sender is dropped). Dropping the connection
/// set on the way out ends every connection, hanging ones included.
pub(crate) async fn serve(listener: TcpListener, faults: Faults, mut stop: oneshot::Receiver<()>) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => {
                let Ok((stream, peer)) = accepted else {
                    // Out of file descriptors, say: let connections end before accepting more.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                };
                let faults = faults.clone();
                connections.spawn(async move {
                    let service = service_fn(move |request| handle(request, peer, faults.clone()));
                    // A client that goes away mid-reply is no error of the simulator's.
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

async fn handle(
    request: Request<Incoming>,
    peer: SocketAddr,
    faults: Faults,
) -> Result<Response<SimBody>, Infallible> {
    let path = request.uri().path().to_owned();
    if control::is_control(&path) {
        return Ok(respond(control::handle(request, peer, &faults).await));
    }
    let query = request.uri().query().unwrap_or_default().to_owned();
    let headers: Vec<(String, String)> = request
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let body = read_body(request.into_body()).await;
    let json = body.and_then(|b| serde_json::from_slice::<Value>(&b).ok());
    let Some(call) = route::read(&path, &query, &headers, json.as_ref()) else {
        return Ok(respond(not_found(&path)));
    };
    match plan(&call, &faults.get(&call.vendor)) {
        Plan::Reply { delay, answer } => {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            Ok(respond(answer))
        }
        Plan::Never => std::future::pending().await,
    }
}

/// The request body, if it fits under [`REQUEST_CAP`].
pub(crate) async fn read_body(body: Incoming) -> Option<Bytes> {
    Limited::new(body, REQUEST_CAP)
        .collect()
        .await
        .ok()
        .map(|collected| collected.to_bytes())
}

fn not_found(path: &str) -> Answer {
    let message = format!(
        "the simulator serves no {path:?}: paths are /VENDOR/… ending in chat/completions, models, messages, models/MODEL:generateContent, model/ID/converse or api/v2/summary.json"
    );
    Answer::json(
        404,
        &json!({ "error": { "message": message, "type": "not_found" } }),
    )
}

/// What to send for `call` while its vendor has `fault`.
pub(crate) fn plan(call: &Call, fault: &Fault) -> Plan {
    let now = |answer| Plan::Reply {
        delay: Duration::ZERO,
        answer,
    };
    let style = match &call.route {
        // A status page is another host: the API's faults show only in what it says.
        Route::StatusPage => return now(status_page::summary(&call.vendor, fault)),
        Route::Unknown => return now(not_found(&format!("/{}/…", call.vendor))),
        Route::Chat(style) | Route::Models(style) => *style,
    };
    if fault.kind == FaultKind::Hang {
        return Plan::Never;
    }
    if let Some(answer) = failure(style, fault, call) {
        return now(answer);
    }
    let gap = Duration::from_millis(u64::from(fault.latency_ms()));
    match fault.kind {
        FaultKind::Latency => Plan::Reply {
            delay: gap,
            answer: normal(call, style),
        },
        FaultKind::SlowStream => now(streamed(call, style, gap, false)),
        FaultKind::Truncated => now(streamed(call, style, TRUNCATED_GAP, true)),
        _ => now(normal(call, style)),
    }
}

fn failure(style: Style, fault: &Fault, call: &Call) -> Option<Answer> {
    match style {
        Style::Openai => openai::failure(fault, call, false),
        Style::Azure => openai::failure(fault, call, true),
        Style::Anthropic => anthropic::failure(fault, call),
        Style::Gemini => gemini::failure(fault, call),
        Style::Bedrock => bedrock::failure(fault, call),
    }
}

/// The answer of a good day.
fn normal(call: &Call, style: Style) -> Answer {
    match (&call.route, style) {
        (Route::Models(_), Style::Openai | Style::Azure | Style::Bedrock) => openai::models(call),
        (Route::Models(_), Style::Anthropic) => anthropic::models(call),
        (Route::Models(_), Style::Gemini) => gemini::models(call),
        (_, Style::Openai | Style::Azure) => openai::chat(call),
        (_, Style::Anthropic) => anthropic::chat(call),
        (_, Style::Gemini) => gemini::chat(call),
        (_, Style::Bedrock) => bedrock::chat(call),
    }
}

/// A chat reply as a server-sent-event stream, whatever the request asked (so a probe that
/// does not stream sees the stream trickle or break too); model lists and Bedrock send their
/// JSON in pieces instead.
fn streamed(call: &Call, style: Style, gap: Duration, cut: bool) -> Answer {
    let events = match (&call.route, style) {
        (Route::Chat(_), Style::Openai | Style::Azure) => Some(openai::stream(call)),
        (Route::Chat(_), Style::Anthropic) => Some(anthropic::stream(call)),
        (Route::Chat(_), Style::Gemini) => Some(gemini::stream(call)),
        _ => None,
    };
    match events {
        Some(events) => events.answer(gap, cut),
        None => normal(call, style).paced(gap, cut),
    }
}

/// An answer as a hyper response.
pub(crate) fn respond(answer: Answer) -> Response<SimBody> {
    let (content_type, body) = match answer.body {
        Body::Whole {
            content_type,
            bytes,
        } => (
            content_type,
            Full::new(Bytes::from(bytes))
                .map_err(|never| match never {})
                .boxed(),
        ),
        Body::Pieces {
            content_type,
            pieces,
            gap,
            cut,
        } => (content_type, paced_body(pieces, gap, cut)),
    };
    let mut response = Response::builder()
        .status(answer.status)
        .header("content-type", content_type);
    for (name, value) in answer.headers {
        response = response.header(name, value);
    }
    response.body(body).unwrap_or_else(|_| {
        // Only a header value with a line break could get here; none of ours has one.
        let mut fallback = Response::new(
            Full::new(Bytes::new())
                .map_err(|never| match never {})
                .boxed(),
        );
        *fallback.status_mut() = hyper::StatusCode::INTERNAL_SERVER_ERROR;
        fallback
    })
}

/// Sends `pieces` `gap` apart (the first at once); `cut` then fails the body, which breaks the
/// connection before the body's end.
fn paced_body(pieces: Vec<Vec<u8>>, gap: Duration, cut: bool) -> SimBody {
    let state = (pieces.into_iter(), true, cut);
    let frames = futures_util::stream::unfold(state, move |(mut pieces, first, cut)| async move {
        match pieces.next() {
            Some(piece) => {
                if !first && !gap.is_zero() {
                    tokio::time::sleep(gap).await;
                }
                let frame = Ok(Frame::data(Bytes::from(piece)));
                Some((frame, (pieces, false, cut)))
            }
            None if cut => {
                if !gap.is_zero() {
                    tokio::time::sleep(gap).await;
                }
                let error =
                    std::io::Error::new(std::io::ErrorKind::ConnectionAborted, "stream cut");
                Some((Err(error), (pieces, false, false)))
            }
            None => None,
        }
    });
    BodyExt::boxed(StreamBody::new(frames))
}
