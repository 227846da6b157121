//! The probe monitor against loopback servers, stepping through time with a manual clock:
//! live states with hysteresis, Retry-After holding a throttled endpoint back, the history it
//! writes, status pages, reloads, and a hanging endpoint that delays no other.

mod support {
    pub mod switch_server;
}

use std::sync::{Arc, Mutex};
use std::time::Duration as StdDuration;

use brownout_core::health::{Health, HealthLookup, SharedHealth};
use brownout_core::inventory::{
    self, ApiStyle, Criticality, Endpoint, Inventory, Vendor, Workflow,
};
use brownout_core::probe::history;
use brownout_core::probe::monitor::{Clock, Monitor, MonitorError, MonitorOptions, SystemClock};
use brownout_core::probe::request::EnvSecrets;
use brownout_core::probe::runner::Limits;
use brownout_core::probe::targets::Routing;
use brownout_core::probe::{ProbeConfig, ProbeKind, Reason};
use brownout_core::store::Store;
use chrono::{DateTime, Duration, Utc};
use support::switch_server::{Answer, SwitchServer};

/// A clock that moves only when told.
struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    fn new() -> Arc<Self> {
        Arc::new(Self(Mutex::new("2026-11-24T10:00:00Z".parse().unwrap())))
    }

    fn advance(&self, seconds: i64) {
        *self.0.lock().unwrap() += Duration::seconds(seconds);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}

fn probe(timeout_ms: u32) -> ProbeConfig {
    ProbeConfig {
        kind: Some(ProbeKind::Http),
        interval_s: 10,
        timeout_ms,
        connect_timeout_ms: 1000,
        failures_to_down: 3,
        successes_to_up: 2,
        ..ProbeConfig::default()
    }
}

fn endpoint(id: &str, url: String, probe: Option<ProbeConfig>) -> Endpoint {
    Endpoint {
        id: id.into(),
        vendor: "v".into(),
        name: id.to_uppercase(),
        model: "m".into(),
        base_url: url,
        api_style: ApiStyle::Http,
        credential: None,
        // Far above any loopback reply: no sample here is `slow`.
        latency_slo_ms: 60_000,
        probe,
    }
}

fn inventory(endpoints: Vec<Endpoint>, status_api: Option<String>) -> Inventory {
    Inventory {
        vendors: vec![Vendor {
            id: "v".into(),
            name: "Vendor".into(),
            status_page: None,
            status_api,
            status_components: vec![],
        }],
        workflows: vec![Workflow {
            id: "w".into(),
            name: "W".into(),
            description: String::new(),
            criticality: Criticality::Critical,
            customer_facing: true,
            owner: None,
            primary: endpoints[0].id.clone(),
            fallbacks: vec![],
            failure_modes: Default::default(),
        }],
        endpoints,
        rotations: vec![],
    }
}

fn store_with(inv: &Inventory) -> Store {
    let store = Store::open_in_memory().unwrap().0;
    inventory::replace_all(&store, inv).unwrap();
    store
}

/// A store whose inventory has one probed endpoint, "a", answered by `server`.
fn one_probed_endpoint(server: &SwitchServer) -> Store {
    store_with(&inventory(
        vec![endpoint("a", server.url("a"), Some(probe(2000)))],
        None,
    ))
}

fn monitor(store: &Store, clock: Arc<dyn Clock>, health: SharedHealth) -> Monitor {
    Monitor::new(
        store.clone(),
        MonitorOptions {
            routing: Routing::Real,
            secrets: Arc::new(EnvSecrets::with_lookup(|_| None)),
            limits: Limits::default(),
            clock,
            seed: 7,
            health,
        },
    )
    .unwrap()
}

/// Moves the clock past every due time (intervals are 10 s ± 10 %) and runs what is due.
async fn step(m: &Monitor, clock: &ManualClock) {
    clock.advance(12);
    m.start_due().await.unwrap();
}

#[tokio::test]
async fn live_state_follows_samples_with_hysteresis_and_the_history_keeps_them() {
    let server = SwitchServer::start().await;
    let store = one_probed_endpoint(&server);
    let clock = ManualClock::new();
    let shared = SharedHealth::default();
    let m = monitor(&store, clock.clone(), shared.clone());
    let mut updates = m.subscribe();
    assert_eq!(m.health("a"), Some(Health::Unknown));

    let mut seen = Vec::new();
    let plan = [
        (Answer::Ok, Health::Healthy),
        (Answer::Status(500), Health::Degraded),
        (Answer::Status(500), Health::Degraded),
        (Answer::Status(500), Health::Down),
        (Answer::Ok, Health::Down),
        (Answer::Ok, Health::Healthy),
    ];
    for (answer, _) in plan.iter().cloned() {
        server.set("a", answer.clone());
        step(&m, &clock).await;
        seen.push(m.health("a").unwrap());
        let update = updates.try_recv().unwrap();
        assert_eq!(update.sample.endpoint, "a");
        let expected_reason = if answer == Answer::Ok {
            Reason::Ok
        } else {
            Reason::ServerError
        };
        assert_eq!(update.sample.reason, expected_reason);
    }
    let want: Vec<Health> = plan.iter().map(|(_, h)| *h).collect();
    assert_eq!(seen, want);
    assert_eq!(server.hits("a"), 6);

    let known = ["a".to_string()].into();
    assert_eq!(shared.lookup(&known)["a"], Health::Healthy);
    let since = clock.now() - Duration::hours(1);
    assert_eq!(
        history::recent_samples(&store, "a", since, 100)
            .unwrap()
            .len(),
        6
    );
    let changes: Vec<_> = history::changes_since(&store, since)
        .unwrap()
        .into_iter()
        .map(|c| (c.from, c.to))
        .collect();
    use Health::*;
    assert_eq!(
        changes,
        [
            (Unknown, Healthy),
            (Healthy, Degraded),
            (Degraded, Down),
            (Down, Healthy)
        ]
    );
    let live = m.endpoint_live("a").unwrap();
    assert_eq!((live.health, live.reason), (Healthy, Reason::Ok));
    assert!(live.changed_at.is_some());

    // An hour later the finished hour is rolled up.
    clock.advance(3600);
    m.start_due().await.unwrap();
    let rollups = history::rollups(&store, &["a"], since - Duration::hours(1)).unwrap();
    assert_eq!(rollups.iter().map(|r| r.samples).sum::<u32>(), 6);
}

#[tokio::test]
async fn a_throttled_endpoint_is_not_probed_again_before_its_retry_after() {
    let server = SwitchServer::start().await;
    let store = one_probed_endpoint(&server);
    let clock = ManualClock::new();
    let m = monitor(&store, clock.clone(), SharedHealth::default());
    server.set("a", Answer::Throttle(120));
    step(&m, &clock).await;
    let live = m.endpoint_live("a").unwrap();
    assert_eq!(
        (live.health, live.reason),
        (Health::Degraded, Reason::Throttled)
    );
    assert_eq!(live.last_sample.unwrap().retry_after_s, Some(120));
    let probed_at = clock.now();
    assert!(m.due_at("a").unwrap() >= probed_at + Duration::seconds(120));
    // Several intervals pass: still held back.
    for _ in 0..5 {
        step(&m, &clock).await;
    }
    assert_eq!(server.hits("a"), 1);
    clock.advance(61);
    m.start_due().await.unwrap();
    assert_eq!(server.hits("a"), 2);
}

#[tokio::test]
async fn a_hanging_endpoint_delays_no_other() {
    let (slow, quick) = (SwitchServer::start().await, SwitchServer::start().await);
    slow.set("hang", Answer::Hang);
    let endpoints = vec![
        endpoint("hang", slow.url("hang"), Some(probe(5000))),
        endpoint("quick", quick.url("quick"), Some(probe(5000))),
    ];
    let store = store_with(&inventory(endpoints, None));
    let clock = ManualClock::new();
    let m = monitor(&store, clock.clone(), SharedHealth::default());
    let mut updates = m.subscribe();
    clock.advance(12);
    let sweep = m.start_due();
    let first = updates.recv().await.unwrap();
    assert_eq!(first.sample.endpoint, "quick");
    assert_eq!(m.health("quick"), Some(Health::Healthy));
    assert_eq!(m.health("hang"), Some(Health::Unknown));
    sweep.await.unwrap();
    let second = updates.recv().await.unwrap();
    assert_eq!(
        (second.sample.endpoint.as_str(), second.sample.reason),
        ("hang", Reason::Timeout)
    );
}

#[tokio::test]
async fn status_pages_are_probed_and_reloads_follow_the_inventory() {
    let server = SwitchServer::start().await;
    let summary =
        r#"{"status":{"indicator":"minor","description":"Elevated errors"},"components":[]}"#;
    server.set("status", Answer::Json(summary.into()));
    let mut inv = inventory(
        vec![
            endpoint("a", server.url("a"), Some(probe(2000))),
            endpoint("b", server.url("b"), None),
        ],
        Some(server.url("status")),
    );
    let store = store_with(&inv);
    let clock = ManualClock::new();
    let m = monitor(&store, clock.clone(), SharedHealth::default());
    step(&m, &clock).await;
    let page = m.endpoint_live("status:v").unwrap();
    assert_eq!(
        (page.health, page.reason),
        (Health::Degraded, Reason::StatusPageDegraded)
    );
    assert_eq!(server.hits("b"), 0);

    assert!(matches!(
        m.probe_now("b").await,
        Err(MonitorError::NotProbed(_))
    ));
    assert!(matches!(
        m.probe_now("zz").await,
        Err(MonitorError::UnknownEndpoint(_))
    ));

    // b gains a probe block, a loses its: b is probed, a (and the status page with it, as
    // b now holds the vendor's only probe) goes on.
    inv.endpoints[0].probe = None;
    inv.endpoints[1].probe = Some(probe(2000));
    inventory::replace_all(&store, &inv).unwrap();
    m.reload().unwrap();
    // No longer probed: its live state is gone.
    assert_eq!(m.health("a"), Some(Health::Unknown));
    assert!(!m.live_view().contains_key("a"));
    let sample = m.probe_now("b").await.unwrap();
    assert_eq!(sample.reason, Reason::Ok);
    assert_eq!(m.health("b"), Some(Health::Healthy));
    let since = clock.now() - Duration::hours(1);
    assert_eq!(
        history::recent_samples(&store, "b", since, 10)
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn the_running_loop_probes_on_its_own_until_stopped() {
    let server = SwitchServer::start().await;
    let store = one_probed_endpoint(&server);
    let m = monitor(&store, Arc::new(SystemClock), SharedHealth::default());
    let mut updates = m.subscribe();
    let running = tokio::spawn(m.clone().run());
    // The first probe is due within the first tenth of the 10 s interval; a minute is a bound.
    let update = tokio::time::timeout(StdDuration::from_secs(60), updates.recv())
        .await
        .expect("a probe within a minute")
        .unwrap();
    assert_eq!(update.change.unwrap().to, Health::Healthy);
    m.stop();
    tokio::time::timeout(StdDuration::from_secs(60), running)
        .await
        .expect("the loop ends")
        .unwrap();
}
