use super::*;
use crate::inventory::{ApiStyle, Endpoint};
use crate::probe::ProbeConfig;

fn endpoint(style: ApiStyle, probe: Option<ProbeConfig>) -> Endpoint {
    Endpoint {
        id: "e".into(),
        vendor: "v".into(),
        name: "E".into(),
        model: "m".into(),
        base_url: "https://example.com/v1".into(),
        api_style: style,
        credential: None,
        latency_slo_ms: 1000,
        probe,
    }
}

fn probe(kind: Option<ProbeKind>, interval_s: u32, max_tokens: u32) -> Option<ProbeConfig> {
    Some(ProbeConfig {
        kind,
        interval_s,
        max_tokens,
        ..ProbeConfig::default()
    })
}

fn spend_of(endpoints: Vec<Endpoint>) -> (u64, u64) {
    let s = daily_spend(&Inventory {
        endpoints,
        ..Default::default()
    });
    (s.probes_per_day, s.tokens_per_day)
}

#[test]
fn a_chat_probe_spends_its_prompt_and_max_tokens_per_probe() {
    // Every 60 s: 1,440 probes a day of (10 + 16) tokens.
    assert_eq!(
        spend_of(vec![endpoint(ApiStyle::Openai, probe(None, 60, 16))]),
        (1_440, 1_440 * 26)
    );
}

#[test]
fn models_and_http_probes_count_as_probes_without_tokens() {
    let endpoints = vec![
        endpoint(ApiStyle::Openai, probe(Some(ProbeKind::Models), 60, 16)),
        endpoint(ApiStyle::Http, probe(None, 120, 16)),
    ];
    assert_eq!(spend_of(endpoints), (1_440 + 720, 0));
}

#[test]
fn bedrock_models_probes_ask_the_model_and_spend_tokens() {
    let endpoints = vec![endpoint(
        ApiStyle::Bedrock,
        probe(Some(ProbeKind::Models), 600, 5),
    )];
    assert_eq!(spend_of(endpoints), (144, 144 * 15));
}

#[test]
fn unprobed_endpoints_cost_nothing_and_intervals_have_a_floor() {
    let endpoints = vec![
        endpoint(ApiStyle::Openai, None),
        endpoint(ApiStyle::Openai, probe(Some(ProbeKind::None), 60, 16)),
        // Below the 10 s minimum: counted at 10 s.
        endpoint(ApiStyle::Anthropic, probe(None, 1, 0)),
    ];
    assert_eq!(spend_of(endpoints), (8_640, 8_640 * 10));
}
