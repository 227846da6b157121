use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

use super::fault::check_vendor_key;
use super::route::{Call, Route, Style};
use super::server::{plan, Plan};
use super::*;

fn loopback() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 0))
}

/// One raw HTTP/1.1 exchange, for what a well-behaved client would not send.
fn raw(port: u16, request: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    reply
}

#[test]
fn only_loopback_addresses_are_served() {
    let err = Simulator::start("0.0.0.0:0".parse().unwrap()).unwrap_err();
    assert!(matches!(err, SimulatorError::NotLoopback { .. }), "{err}");
    assert!(err.to_string().contains("0.0.0.0"));
}

#[test]
fn a_dropped_simulator_frees_its_port() {
    let sim = Simulator::start(loopback()).unwrap();
    let addr = sim.addr();
    assert_eq!(sim.base_url(), format!("http://127.0.0.1:{}", addr.port()));
    drop(sim);
    let again = Simulator::start(addr).expect("the port is free again");
    assert_eq!(again.port(), addr.port());
}

#[test]
fn the_control_api_sets_and_lists_faults_over_loopback() {
    let sim = Simulator::start(loopback()).unwrap();
    let remote = Remote::new(sim.port());
    assert!(remote.faults().unwrap().is_empty());
    let throttle = Fault {
        kind: FaultKind::Throttle,
        retry_after_s: Some(12),
        latency_ms: None,
    };
    let table = remote.set("openai", &throttle).unwrap();
    assert_eq!(table.get("openai"), Some(&throttle));
    // The in-process handle sees what the control API set, and the other way round.
    assert_eq!(sim.fault("openai"), throttle);
    sim.set_fault("google", Fault::of(FaultKind::Hang)).unwrap();
    assert_eq!(remote.faults().unwrap().len(), 2);
    let table = remote.set("openai", &Fault::none()).unwrap();
    assert_eq!(table.keys().collect::<Vec<_>>(), ["google"]);
}

#[test]
fn the_control_api_refuses_bad_faults_saying_why() {
    let sim = Simulator::start(loopback()).unwrap();
    // Sent as is, past the client's own checks.
    let body = r#"{"kind":"quota","latency_ms":5}"#;
    let reply = raw(
        sim.port(),
        &format!(
            "PUT /_simulator/faults/openai HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        ),
    );
    assert!(reply.starts_with("HTTP/1.1 400"), "{reply}");
    assert!(
        reply.contains("latency_ms applies to latency and slow_stream only"),
        "{reply}"
    );
    let body = r#"{"kind":"meltdown"}"#;
    let reply = raw(
        sim.port(),
        &format!(
            "PUT /_simulator/faults/openai HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        ),
    );
    assert!(
        reply.starts_with("HTTP/1.1 400") && reply.contains("meltdown"),
        "{reply}"
    );
    assert!(sim.all_faults().is_empty());
}

#[test]
fn the_control_api_refuses_a_host_that_is_not_loopback() {
    let sim = Simulator::start(loopback()).unwrap();
    let reply = raw(
        sim.port(),
        "GET /_simulator/faults HTTP/1.1\r\nhost: attacker.example:8642\r\nconnection: close\r\n\r\n",
    );
    assert!(reply.starts_with("HTTP/1.1 403"), "{reply}");
    let reply = raw(
        sim.port(),
        "GET /_simulator/faults HTTP/1.1\r\nhost: localhost:8642\r\nconnection: close\r\n\r\n",
    );
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
}

#[test]
fn the_client_names_the_port_when_nothing_listens() {
    let port = {
        let sim = Simulator::start(loopback()).unwrap();
        sim.port()
    };
    let err = Remote::new(port).faults().unwrap_err();
    assert!(matches!(err, ControlError::NotListening { .. }), "{err}");
    assert!(
        err.to_string().contains(&format!("127.0.0.1:{port}")),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains(&format!("brownout simulate --port {port}")),
        "{err}"
    );
}

#[test]
fn the_client_checks_vendor_keys_and_options_before_sending() {
    let remote = Remote::new(1);
    let err = remote.set("../etc", &Fault::none()).unwrap_err();
    assert!(err.to_string().contains("\"../etc\""), "{err}");
    let err = remote
        .set(
            "openai",
            &Fault {
                kind: FaultKind::Hang,
                retry_after_s: Some(5),
                latency_ms: None,
            },
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "fault hang: retry_after_s applies to throttle only"
    );
    assert!(check_vendor_key("_simulator").is_err());
    assert!(check_vendor_key("aws-bedrock").is_ok());
}

#[test]
fn fault_kinds_read_as_their_serde_names() {
    assert_eq!(
        "slow_stream".parse::<FaultKind>().unwrap(),
        FaultKind::SlowStream
    );
    assert_eq!(FaultKind::Overloaded.to_string(), "overloaded");
    assert!("meltdown".parse::<FaultKind>().is_err());
    let json = serde_json::to_string(&Fault::of(FaultKind::Quota)).unwrap();
    assert_eq!(json, r#"{"kind":"quota"}"#);
}

fn chat(vendor: &str, style: Style) -> Call {
    Call {
        vendor: vendor.into(),
        route: Route::Chat(style),
        model: "m".into(),
        stream: false,
        json_array: false,
    }
}

#[test]
fn a_hanging_vendor_never_answers_but_its_status_page_does() {
    let hang = Fault::of(FaultKind::Hang);
    assert_eq!(plan(&chat("openai", Style::Openai), &hang), Plan::Never);
    let page = Call {
        route: Route::StatusPage,
        ..chat("openai", Style::Openai)
    };
    assert!(matches!(plan(&page, &hang), Plan::Reply { .. }));
}

#[test]
fn latency_delays_the_whole_answer_by_its_option() {
    let fault = Fault {
        kind: FaultKind::Latency,
        retry_after_s: None,
        latency_ms: Some(1234),
    };
    let Plan::Reply { delay, answer } = plan(&chat("anthropic", Style::Anthropic), &fault) else {
        panic!("latency answers")
    };
    assert_eq!(delay.as_millis(), 1234);
    assert_eq!(answer.status, 200);
}

/// The headers and body an answer sends, its pieces joined, and whether it breaks off.
fn sent(answer: &answer::Answer) -> (Vec<(String, String)>, Vec<u8>, bool) {
    let (content_type, body, cut) = match &answer.body {
        answer::Body::Whole {
            content_type,
            bytes,
        } => (content_type, bytes.clone(), false),
        answer::Body::Pieces {
            content_type,
            pieces,
            cut,
            ..
        } => (content_type, pieces.concat(), *cut),
    };
    let mut headers: Vec<(String, String)> = answer
        .headers
        .iter()
        .map(|(n, v)| ((*n).to_owned(), v.clone()))
        .collect();
    headers.push(("content-type".into(), (*content_type).to_owned()));
    (headers, body, cut)
}

/// Streamed requests get a whole event stream in each vendor's format; a truncated fault
/// sends the same stream without its end, then breaks off.
#[test]
fn streams_are_whole_in_each_format_and_truncated_ones_lack_their_end() {
    use crate::probe::classify::shape::{check_chat, BodyVerdict, ReplyShape};
    let styles = [
        (Style::Openai, ReplyShape::Openai),
        (Style::Anthropic, ReplyShape::Anthropic),
        (Style::Gemini, ReplyShape::Gemini),
    ];
    for (style, shape) in styles {
        let call = Call {
            stream: true,
            ..chat("v", style)
        };
        let Plan::Reply { answer, .. } = plan(&call, &Fault::none()) else {
            panic!("answers")
        };
        let (headers, body, cut) = sent(&answer);
        assert!(!cut);
        assert_eq!(
            check_chat(shape, &headers, &body),
            BodyVerdict::Ok,
            "{style:?}"
        );
        let Plan::Reply { answer, .. } = plan(&call, &Fault::of(FaultKind::Truncated)) else {
            panic!("answers")
        };
        let (headers, body, cut) = sent(&answer);
        assert!(cut, "{style:?} breaks off");
        assert_eq!(
            check_chat(shape, &headers, &body),
            BodyVerdict::Truncated,
            "{style:?}"
        );
    }
    // Gemini's stream without `alt=sse` is one JSON array.
    let call = Call {
        stream: true,
        json_array: true,
        ..chat("google", Style::Gemini)
    };
    let Plan::Reply { answer, .. } = plan(&call, &Fault::none()) else {
        panic!("answers")
    };
    let (headers, body, _) = sent(&answer);
    assert!(body.starts_with(b"["));
    assert_eq!(
        check_chat(ReplyShape::Gemini, &headers, &body),
        BodyVerdict::Ok
    );
}
