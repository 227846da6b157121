use super::*;
use crate::inventory::{ApiStyle, FallbackStep, Workflow};
use crate::probe::ProbeConfig;

fn store() -> Store {
    Store::open_in_memory().unwrap().0
}

fn now() -> DateTime<Utc> {
    "2026-11-24T10:30:00Z".parse().unwrap()
}

fn sample(endpoint: &str, at: &str, reason: Reason, latency_ms: u32) -> Sample {
    Sample {
        endpoint: endpoint.into(),
        at: at.into(),
        reason,
        http_status: Some(200),
        latency_ms,
        first_token_ms: None,
        rate_limit: Default::default(),
        retry_after_s: None,
        error_excerpt: None,
    }
}

fn vendor(id: &str, name: &str, status_api: Option<&str>) -> Vendor {
    Vendor {
        id: id.into(),
        name: name.into(),
        status_page: None,
        status_api: status_api.map(str::to_owned),
        status_components: vec![],
    }
}

fn endpoint(id: &str, vendor: &str, probe: Option<ProbeConfig>) -> Endpoint {
    Endpoint {
        id: id.into(),
        vendor: vendor.into(),
        name: id.to_uppercase(),
        model: "m".into(),
        base_url: "https://example.com/v1".into(),
        api_style: ApiStyle::Openai,
        credential: None,
        latency_slo_ms: 1000,
        probe,
    }
}

fn inventory() -> Inventory {
    Inventory {
        vendors: vec![
            vendor("zz", "Zed", None),
            vendor(
                "aa",
                "Alpha",
                Some("https://status.example.com/api/v2/summary.json"),
            ),
        ],
        endpoints: vec![
            endpoint("gpt", "aa", Some(ProbeConfig::default())),
            endpoint("claude", "zz", None),
            endpoint("bert", "aa", None),
        ],
        workflows: vec![Workflow {
            id: "w".into(),
            name: "W".into(),
            description: String::new(),
            criticality: Criticality::Critical,
            customer_facing: true,
            owner: None,
            primary: "gpt".into(),
            fallbacks: vec![FallbackStep::endpoint("claude")],
            failure_modes: Default::default(),
        }],
        rotations: vec![],
    }
}

fn live(entries: &[(&str, Health, Reason)]) -> LiveView {
    entries
        .iter()
        .map(|(id, health, reason)| {
            let entry = LiveEntry {
                health: *health,
                reason: *reason,
                changed_at: Some("2026-11-24T10:00:00Z".into()),
                last_sample: None,
            };
            (id.to_string(), entry)
        })
        .collect()
}

#[test]
fn without_live_states_every_endpoint_is_unknown_and_not_probed() {
    let board = build(&store(), &inventory(), &LiveView::new(), false, now()).unwrap();
    let names: Vec<_> = board.vendors.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["Alpha", "Zed"]);
    let alpha: Vec<_> = board.vendors[0]
        .endpoints
        .iter()
        .map(|e| (e.endpoint.as_str(), e.probed, e.health, e.reason))
        .collect();
    assert_eq!(
        alpha,
        [
            ("bert", false, Health::Unknown, Reason::NotProbed),
            ("gpt", true, Health::Unknown, Reason::NotProbed),
        ]
    );
    let page = board.vendors[0].status_page.as_ref().unwrap();
    assert_eq!(page.endpoint, "status:aa");
    assert!(board.vendors[1].status_page.is_none());
    assert_eq!(board.spend.probes_per_day, 1_440);
    assert!(!board.chains[0].has_healthy_endpoint);
}

#[test]
fn live_states_reach_endpoints_and_chains() {
    let live = live(&[
        ("gpt", Health::Down, Reason::ServerError),
        ("claude", Health::Healthy, Reason::Ok),
        ("status:aa", Health::Degraded, Reason::StatusPageDegraded),
    ]);
    let board = build(&store(), &inventory(), &live, true, now()).unwrap();
    assert!(board.simulated);
    let gpt = &board.vendors[0].endpoints[1];
    assert_eq!(
        (gpt.health, gpt.reason),
        (Health::Down, Reason::ServerError)
    );
    assert_eq!(gpt.changed_at.as_deref(), Some("2026-11-24T10:00:00Z"));
    let page = board.vendors[0].status_page.as_ref().unwrap();
    assert_eq!(page.reason, Reason::StatusPageDegraded);
    assert_eq!(board.chains[0].in_use, Some(1));
    assert!(board.chains[0].has_healthy_endpoint);
}

#[test]
fn the_last_recorded_sample_and_the_last_hour_of_latency_come_from_the_history() {
    let store = store();
    let samples = [
        // Older than an hour: in no sparkline point, but it is not the last sample either.
        sample("gpt", "2026-11-24T09:00:00Z", Reason::Ok, 999),
        sample("gpt", "2026-11-24T10:01:00Z", Reason::Ok, 100),
        sample("gpt", "2026-11-24T10:02:00Z", Reason::Ok, 300),
        sample("gpt", "2026-11-24T10:12:00Z", Reason::Throttled, 50),
    ];
    history::record_samples(&store, &samples).unwrap();
    let board = build(&store, &inventory(), &LiveView::new(), false, now()).unwrap();
    let gpt = &board.vendors[0].endpoints[1];
    assert_eq!(gpt.last_sample.as_ref().unwrap().reason, Reason::Throttled);
    let points: Vec<_> = gpt
        .latency
        .iter()
        .map(|p| (p.at.as_str(), p.p50_ms, p.p95_ms))
        .collect();
    assert_eq!(
        points,
        [
            ("2026-11-24T10:00:00Z", 100, 300),
            ("2026-11-24T10:10:00Z", 50, 50)
        ]
    );
}

#[test]
fn the_live_lookup_knows_inventory_endpoints_only() {
    let inv = inventory();
    let live = live(&[("gpt", Health::Healthy, Reason::Ok)]);
    let lookup = LiveLookup {
        inventory: &inv,
        live: &live,
    };
    assert_eq!(lookup.health("gpt"), Some(Health::Healthy));
    assert_eq!(lookup.health("claude"), Some(Health::Unknown));
    assert_eq!(lookup.health("nope"), None);
}

#[test]
fn a_vendor_heatmap_folds_its_endpoints_rollups_in_the_zone_given() {
    let store = store();
    // Monday 2026-11-23 22:10 UTC is Tuesday 07:10 in Tokyo.
    let samples = [
        sample("gpt", "2026-11-23T22:10:00Z", Reason::Throttled, 100),
        sample("bert", "2026-11-23T22:20:00Z", Reason::Ok, 100),
        sample("claude", "2026-11-23T22:20:00Z", Reason::Ok, 100),
    ];
    history::record_samples(&store, &samples).unwrap();
    history::prune(&store, now()).unwrap();
    let cells = vendor_heatmap(&store, &inventory(), "aa", "Asia/Tokyo", now())
        .unwrap()
        .unwrap();
    let cells: Vec<_> = cells
        .iter()
        .map(|c| (c.weekday, c.hour, c.samples, c.throttled))
        .collect();
    assert_eq!(cells, [(1, 7, 2, 1)]);
    assert!(vendor_heatmap(&store, &inventory(), "nope", "UTC", now())
        .unwrap()
        .is_none());
}
