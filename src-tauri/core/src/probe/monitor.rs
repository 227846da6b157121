//! The running probe service: probes every probed endpoint (and its vendor's status page) on
//! its schedule, keeps each one's live state with hysteresis, records samples and state
//! changes in the history, prunes it hourly, and tells subscribers about every sample.
//!
//! - Timing: due times come from [`Schedule`] (jittered, held back by Retry-After); "now" comes
//!   from an injectable [`Clock`], so tests step through time with [`Monitor::start_due`].
//! - A sweep's outcomes are handled as each probe ends: a hanging probe delays nothing else.
//! - [`Monitor::reload`] follows inventory changes; [`Monitor::set_routing`] a switch between
//!   real endpoints and the simulator (live states start over).
//! - [`probes`]: what is probed and how an outcome becomes a sample; [`once`]: one sweep
//!   without live state, for the command line.

pub mod once;
pub mod probes;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Duration, Utc};
use tokio::sync::{broadcast, Notify};

use crate::health::{Health, SharedHealth};
use crate::inventory::{self, Inventory, InventoryError};
use crate::probe::board::{self, EndpointLive, LiveEntry, LiveView};
use crate::probe::history::{self, HistoryError};
use crate::probe::http::Prober;
use crate::probe::live::{LiveState, StateChange};
use crate::probe::request::SecretResolver;
use crate::probe::runner::{self, Limits};
use crate::probe::schedule::Schedule;
use crate::probe::targets::Routing;
use crate::probe::{Outcome, Sample};
use crate::store::Store;
use probes::{probes, Probe};

impl crate::health::HealthLookup for Monitor {
    /// Live health of the endpoints this monitor probes; `unknown` for the inventory's other
    /// endpoints; `None` for ids the inventory does not have.
    fn health(&self, endpoint: &str) -> Option<Health> {
        let state = self.state();
        if let Some(t) = state.tracked.get(endpoint) {
            return Some(t.live.health());
        }
        let known = state.inventory.endpoints.iter().any(|e| e.id == endpoint);
        known.then_some(Health::Unknown)
    }
}

/// How often finished hours are rolled up and old history is deleted.
pub const PRUNE_EVERY_S: i64 = 3600;
/// The longest the loop sleeps before looking again (a changed clock, a missed wake).
const MAX_SLEEP_S: i64 = 60;
/// How often the running loop reads the inventory again on its own, for changes made by
/// another process (`brownout inventory import`).
pub const RELOAD_EVERY_S: i64 = 60;

/// Where "now" comes from.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The system clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MonitorError {
    #[error("there is no endpoint '{0}'")]
    UnknownEndpoint(String),
    #[error("endpoint '{0}' has no probe: block (or its kind is none), so it is never probed; add one to probe it")]
    NotProbed(String),
    #[error(transparent)]
    History(#[from] HistoryError),
    #[error(transparent)]
    Inventory(#[from] InventoryError),
}

impl crate::error::Coded for MonitorError {
    fn code(&self) -> crate::error::Code {
        use crate::error::Code;
        match self {
            MonitorError::UnknownEndpoint(_) => Code::NotFound,
            MonitorError::NotProbed(_) => Code::Invalid,
            MonitorError::History(e) => e.code(),
            MonitorError::Inventory(e) => e.code(),
        }
    }
}

/// One sample taken, and the change of live state it caused, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    pub sample: Sample,
    pub change: Option<StateChange>,
}

/// How a monitor is set up.
pub struct MonitorOptions {
    pub routing: Routing,
    /// Resolves credentials for real routing (the simulator's key is fixed).
    pub secrets: Arc<dyn SecretResolver>,
    pub limits: Limits,
    pub clock: Arc<dyn Clock>,
    /// The jitter's seed: the same seed, the same schedule.
    pub seed: u64,
    /// Where the live health is published for runbooks and walk-throughs.
    pub health: SharedHealth,
}

struct Tracked {
    live: LiveState,
    changed_at: Option<String>,
    last_sample: Option<Sample>,
}

struct State {
    routing: Routing,
    inventory: Inventory,
    prober: Arc<Prober>,
    secrets: Arc<dyn SecretResolver>,
    probes: HashMap<String, Probe>,
    tracked: HashMap<String, Tracked>,
    schedule: Schedule,
    /// Bumped when the routing changes: outcomes of older probes are dropped.
    generation: u64,
    last_prune: Option<DateTime<Utc>>,
}

struct Inner {
    store: Store,
    clock: Arc<dyn Clock>,
    real_secrets: Arc<dyn SecretResolver>,
    limits: Limits,
    health: SharedHealth,
    state: Mutex<State>,
    wake: Notify,
    stopped: AtomicBool,
    updates: broadcast::Sender<Update>,
}

/// The probe service of one workspace. Cheap to clone.
#[derive(Clone)]
pub struct Monitor {
    inner: Arc<Inner>,
}

impl Monitor {
    /// A monitor of the inventory in `store`, not yet running (see [`Monitor::run`]).
    pub fn new(store: Store, options: MonitorOptions) -> Result<Self, MonitorError> {
        let secrets = options.routing.secrets(options.secrets.clone());
        let state = State {
            prober: Arc::new(Prober::new(options.routing.network())),
            routing: options.routing,
            inventory: Inventory::default(),
            secrets,
            probes: HashMap::new(),
            tracked: HashMap::new(),
            schedule: Schedule::seeded(options.seed),
            generation: 0,
            last_prune: None,
        };
        let (updates, _) = broadcast::channel(1024);
        let monitor = Self {
            inner: Arc::new(Inner {
                store,
                clock: options.clock,
                real_secrets: options.secrets,
                limits: options.limits,
                health: options.health,
                state: Mutex::new(state),
                wake: Notify::new(),
                stopped: AtomicBool::new(false),
                updates,
            }),
        };
        monitor.reload()?;
        Ok(monitor)
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.inner.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Every sample from now on, with the change it caused.
    pub fn subscribe(&self) -> broadcast::Receiver<Update> {
        self.inner.updates.subscribe()
    }

    pub fn routing(&self) -> Routing {
        self.state().routing.clone()
    }

    /// Reads the inventory again: new probes are scheduled, removed ones dropped, edited ones
    /// take their new interval and thresholds and keep their live state.
    pub fn reload(&self) -> Result<(), MonitorError> {
        let inv = inventory::load(&self.inner.store)?;
        let now = self.inner.clock.now();
        {
            let mut guard = self.state();
            let state = &mut *guard;
            let wanted: HashMap<String, Probe> = probes(&inv, &state.routing)
                .into_iter()
                .map(|p| (p.id().to_owned(), p))
                .collect();
            let gone: Vec<String> = state
                .probes
                .keys()
                .filter(|id| !wanted.contains_key(*id))
                .cloned()
                .collect();
            for id in gone {
                state.schedule.remove(&id);
                state.tracked.remove(&id);
            }
            for (id, probe) in &wanted {
                let config = &probe.target().config;
                state.schedule.insert(id, config.interval_s, now);
                match state.tracked.get_mut(id) {
                    Some(t) => t.live.reconfigure(config),
                    None => {
                        let tracked = Tracked {
                            live: LiveState::new(config),
                            changed_at: None,
                            last_sample: None,
                        };
                        state.tracked.insert(id.clone(), tracked);
                    }
                }
            }
            state.probes = wanted;
            state.inventory = inv;
            self.publish_health(state);
        }
        self.inner.wake.notify_one();
        Ok(())
    }

    /// Switches between real endpoints and the simulator. Every live state starts over: the
    /// old samples were of other servers.
    pub fn set_routing(&self, routing: Routing) -> Result<(), MonitorError> {
        {
            let mut state = self.state();
            if state.routing == routing {
                return Ok(());
            }
            state.secrets = routing.secrets(self.inner.real_secrets.clone());
            state.prober = Arc::new(Prober::new(routing.network()));
            state.routing = routing;
            state.generation += 1;
            let ids: Vec<String> = state.probes.keys().cloned().collect();
            for id in ids {
                state.schedule.remove(&id);
            }
            state.probes.clear();
            state.tracked.clear();
        }
        self.reload()
    }

    /// The live state of every probe, for the board.
    pub fn live_view(&self) -> LiveView {
        let state = self.state();
        state
            .tracked
            .iter()
            .map(|(id, t)| {
                let entry = LiveEntry {
                    health: t.live.health(),
                    reason: t.live.reason(),
                    changed_at: t.changed_at.clone(),
                    last_sample: t.last_sample.clone(),
                };
                (id.clone(), entry)
            })
            .collect()
    }

    /// When `endpoint` is probed next (`None`: not scheduled, or its probe is running).
    pub fn due_at(&self, endpoint: &str) -> Option<DateTime<Utc>> {
        self.state().schedule.due_at(endpoint)
    }

    /// The board entry of an endpoint or status page this monitor probes (or an endpoint of
    /// the inventory it does not).
    pub fn endpoint_live(&self, id: &str) -> Result<EndpointLive, MonitorError> {
        let inv = self.state().inventory.clone();
        let live = self.live_view();
        let now = self.inner.clock.now();
        if let Some(e) = inv.endpoints.iter().find(|e| e.id == id) {
            return Ok(board::endpoint_live(&self.inner.store, e, &live, now)?);
        }
        let board = board::build(&self.inner.store, &inv, &live, false, now)?;
        board
            .vendors
            .into_iter()
            .filter_map(|v| v.status_page)
            .find(|p| p.endpoint == id)
            .ok_or_else(|| MonitorError::UnknownEndpoint(id.to_owned()))
    }

    fn publish_health(&self, state: &State) {
        let health = state
            .tracked
            .iter()
            .map(|(id, t)| (id.clone(), t.live.health()))
            .collect();
        self.inner.health.replace(health);
    }

    /// Starts the probes due now, each handled as it ends. The returned task ends when all of
    /// them have.
    pub fn start_due(&self) -> tokio::task::JoinHandle<()> {
        let now = self.inner.clock.now();
        self.prune_if_due(now);
        let (prober, secrets, due, generation) = {
            let mut state = self.state();
            let due: Vec<Probe> = state
                .schedule
                .take_due(now)
                .into_iter()
                .filter_map(|id| state.probes.get(&id).cloned())
                .collect();
            (
                state.prober.clone(),
                state.secrets.clone(),
                due,
                state.generation,
            )
        };
        let by_id: HashMap<String, Probe> =
            due.iter().map(|p| (p.id().to_owned(), p.clone())).collect();
        let targets = due.iter().map(|p| p.target().clone()).collect();
        let mut arrivals = runner::sweep_as_done(prober, secrets, targets, self.inner.limits);
        let monitor = self.clone();
        tokio::spawn(async move {
            while let Some((id, outcome)) = arrivals.recv().await {
                if let Some(probe) = by_id.get(&id) {
                    let _ = monitor.complete(probe, &outcome, now, generation);
                }
            }
        })
    }

    /// Probes `endpoint` at once (whatever its schedule) and returns its sample, taken into
    /// its live state and the history like any other.
    pub async fn probe_now(&self, endpoint: &str) -> Result<Sample, MonitorError> {
        let (probe, prober, secrets, generation) = {
            let state = self.state();
            let Some(probe) = state.probes.get(endpoint).cloned() else {
                let known = state.inventory.endpoints.iter().any(|e| e.id == endpoint);
                return Err(if known {
                    MonitorError::NotProbed(endpoint.to_owned())
                } else {
                    MonitorError::UnknownEndpoint(endpoint.to_owned())
                });
            };
            (
                probe,
                state.prober.clone(),
                state.secrets.clone(),
                state.generation,
            )
        };
        let started = self.inner.clock.now();
        let target = probe.target().clone();
        let outcome = runner::sweep(prober, secrets, vec![target], self.inner.limits)
            .await
            .pop()
            .map(|(_, o)| o);
        let outcome = outcome.ok_or_else(|| MonitorError::NotProbed(endpoint.to_owned()))?;
        let update = self.complete(&probe, &outcome, started, generation)?;
        Ok(update.sample)
    }

    /// Takes one probe's outcome: its sample into the history and the live state, the next
    /// probe scheduled, subscribers told.
    fn complete(
        &self,
        probe: &Probe,
        outcome: &Outcome,
        started: DateTime<Utc>,
        generation: u64,
    ) -> Result<Update, MonitorError> {
        let sample = probe.sample(outcome, started, self.inner.clock.now());
        let change = {
            let mut state = self.state();
            if state.generation != generation {
                return Ok(Update {
                    sample,
                    change: None,
                });
            }
            state
                .schedule
                .completed(probe.id(), started, sample.retry_after_s);
            let Some(tracked) = state.tracked.get_mut(probe.id()) else {
                // Removed from the inventory while it ran.
                return Ok(Update {
                    sample,
                    change: None,
                });
            };
            let change = tracked.live.observe(&sample);
            tracked.last_sample = Some(sample.clone());
            if let Some(c) = &change {
                tracked.changed_at = Some(c.at.clone());
                self.inner.health.set(&c.endpoint, c.to);
            }
            change
        };
        history::record_sample(&self.inner.store, &sample)?;
        if let Some(c) = &change {
            history::record_change(&self.inner.store, c)?;
        }
        let update = Update { sample, change };
        let _ = self.inner.updates.send(update.clone());
        Ok(update)
    }

    /// Rolls up and prunes the history when an hour has passed since the last time.
    fn prune_if_due(&self, now: DateTime<Utc>) {
        {
            let mut state = self.state();
            let due = state
                .last_prune
                .is_none_or(|last| now - last >= Duration::seconds(PRUNE_EVERY_S));
            if !due {
                return;
            }
            state.last_prune = Some(now);
        }
        if let Err(e) = history::prune(&self.inner.store, now) {
            eprintln!("brownout: cannot prune the probe history: {e}");
        }
    }

    /// Probes on schedule until [`Monitor::stop`].
    pub async fn run(self) {
        let mut last_reload = self.inner.clock.now();
        while !self.inner.stopped.load(Ordering::SeqCst) {
            let now = self.inner.clock.now();
            if now - last_reload >= Duration::seconds(RELOAD_EVERY_S) {
                last_reload = now;
                if let Err(e) = self.reload() {
                    eprintln!("brownout: cannot read the inventory for probes: {e}");
                }
            }
            drop(self.start_due());
            let now = self.inner.clock.now();
            let next = self.state().schedule.next_due();
            let wait = next
                .map_or(Duration::seconds(MAX_SLEEP_S), |at| at - now)
                .clamp(Duration::zero(), Duration::seconds(MAX_SLEEP_S));
            let wait = wait.to_std().unwrap_or_default();
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = self.inner.wake.notified() => {}
            }
        }
    }

    /// Ends [`Monitor::run`]; probes already running finish on their own.
    pub fn stop(&self) {
        self.inner.stopped.store(true, Ordering::SeqCst);
        self.inner.wake.notify_one();
    }
}
