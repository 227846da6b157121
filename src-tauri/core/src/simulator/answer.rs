//! What the simulator sends back, before it becomes an HTTP response: a status, headers and a
//! body that comes whole, in timed pieces (possibly cut off), or never.

use std::time::Duration;

use serde_json::Value;

/// One reply of the simulator.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Answer {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Body,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Body {
    Whole {
        content_type: &'static str,
        bytes: Vec<u8>,
    },
    /// Sent piece by piece, `gap` apart. `cut`: after the last piece the connection breaks
    /// instead of ending the body, as a dropped stream does.
    Pieces {
        content_type: &'static str,
        pieces: Vec<Vec<u8>>,
        gap: Duration,
        cut: bool,
    },
}

pub(crate) const JSON: &str = "application/json";
pub(crate) const EVENT_STREAM: &str = "text/event-stream";

impl Answer {
    pub fn json(status: u16, value: &Value) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Body::Whole {
                content_type: JSON,
                bytes: value.to_string().into_bytes(),
            },
        }
    }

    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    pub fn headers(mut self, headers: Vec<(&'static str, String)>) -> Self {
        self.headers.extend(headers);
        self
    }

    /// The same answer with its body sent in pieces `gap` apart; `cut` leaves out the last
    /// part (the stream's end marker, or the end of a JSON body) and breaks the connection.
    pub fn paced(mut self, gap: Duration, cut: bool) -> Self {
        let (content_type, pieces) = match self.body {
            Body::Whole {
                content_type,
                bytes,
            } => (content_type, split_in_three(bytes)),
            Body::Pieces {
                content_type,
                pieces,
                ..
            } => (content_type, pieces),
        };
        let mut pieces = pieces;
        if cut && pieces.len() > 1 {
            pieces.pop();
        }
        self.body = Body::Pieces {
            content_type,
            pieces,
            gap,
            cut,
        };
        self
    }
}

fn split_in_three(bytes: Vec<u8>) -> Vec<Vec<u8>> {
    let third = bytes.len().div_ceil(3).max(1);
    bytes.chunks(third).map(<[u8]>::to_vec).collect()
}

/// A server-sent-event stream: `events` are the data of each event (already JSON text), with an
/// optional `event:` name, and the last `end` of them mark the stream's end.
pub(crate) struct EventStream {
    pub events: Vec<(Option<&'static str>, String)>,
    pub end: usize,
}

impl EventStream {
    /// The stream as an answer whose pieces are its events. Cutting it removes every end
    /// event, so the reader sees tokens but never the end.
    pub fn answer(self, gap: Duration, cut: bool) -> Answer {
        let keep = if cut {
            self.events.len().saturating_sub(self.end)
        } else {
            self.events.len()
        };
        let pieces = self
            .events
            .into_iter()
            .take(keep)
            .map(|(name, data)| match name {
                Some(name) => format!("event: {name}\ndata: {data}\n\n").into_bytes(),
                None => format!("data: {data}\n\n").into_bytes(),
            })
            .collect();
        Answer {
            status: 200,
            headers: vec![("cache-control", "no-cache".into())],
            body: Body::Pieces {
                content_type: EVENT_STREAM,
                pieces,
                gap,
                cut,
            },
        }
    }
}

/// The words a simulated model streams.
pub(crate) const TOKENS: [&str; 3] = ["po", "n", "g"];
