//! Where a probe may connect: the addresses it may reach and how names become addresses.
//!
//! Every address a probe connects to passes the [`AddressPolicy`] first: names through the
//! resolver wrapper, address literals (a redirect to `169.254.169.254`) before the request is
//! sent. So a refused address is never connected to.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// Which addresses a probe may connect to.
#[derive(Clone)]
pub struct AddressPolicy(Arc<dyn Fn(IpAddr) -> bool + Send + Sync>);

impl AddressPolicy {
    pub fn new(allows: impl Fn(IpAddr) -> bool + Send + Sync + 'static) -> Self {
        Self(Arc::new(allows))
    }

    /// Everything a model server can live on (public, private, loopback), but never link-local
    /// (cloud metadata services answer there), unspecified or multicast addresses.
    pub fn standard() -> Self {
        Self::new(|ip| match ip.to_canonical() {
            IpAddr::V4(v4) => {
                !(v4.is_link_local()
                    || v4.is_unspecified()
                    || v4.is_multicast()
                    || v4.is_broadcast())
            }
            IpAddr::V6(v6) => {
                let link_local = (v6.segments()[0] & 0xffc0) == 0xfe80;
                // fd00:ec2::254 is a cloud metadata address too.
                let metadata = v6.segments()[..2] == [0xfd00, 0x0ec2];
                !(link_local || metadata || v6.is_unspecified() || v6.is_multicast())
            }
        })
    }

    /// Loopback only (127.0.0.0/8, ::1): what tests and the simulator use.
    pub fn loopback_only() -> Self {
        Self::new(|ip| ip.to_canonical().is_loopback())
    }

    pub fn allows(&self, ip: IpAddr) -> bool {
        (self.0)(ip)
    }
}

/// A name resolved only to addresses the policy refuses.
#[derive(Debug, thiserror::Error)]
#[error("{name} resolves only to addresses probes may not reach ({addresses})")]
pub struct AddressRefused {
    pub name: String,
    pub addresses: String,
}

/// A name that does not resolve.
#[derive(Debug, thiserror::Error)]
#[error("{name} does not resolve{why}")]
pub struct NoSuchName {
    pub name: String,
    pub why: String,
}

/// The system resolver (getaddrinfo on a blocking thread, through tokio).
pub struct SystemResolver;

impl Resolve for SystemResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let lookup = tokio::net::lookup_host((host.clone(), 0)).await;
            match lookup {
                Ok(addrs) => {
                    let addrs: Vec<SocketAddr> = addrs.collect();
                    Ok(Box::new(addrs.into_iter()) as Addrs)
                }
                Err(e) => Err(Box::new(NoSuchName {
                    name: host,
                    why: format!(": {e}"),
                }) as _),
            }
        })
    }
}

/// Wraps a resolver so only allowed addresses come out of it.
pub(super) struct PolicyResolver {
    pub inner: Arc<dyn Resolve>,
    pub policy: AddressPolicy,
}

impl Resolve for PolicyResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_owned();
        let lookup = self.inner.resolve(name);
        let policy = self.policy.clone();
        Box::pin(async move {
            let all: Vec<SocketAddr> = lookup.await?.collect();
            let allowed: Vec<SocketAddr> = all
                .iter()
                .copied()
                .filter(|a| policy.allows(a.ip()))
                .collect();
            if allowed.is_empty() && !all.is_empty() {
                let addresses = all
                    .iter()
                    .map(|a| a.ip().to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(Box::new(AddressRefused {
                    name: host,
                    addresses,
                }) as _);
            }
            if allowed.is_empty() {
                return Err(Box::new(NoSuchName {
                    name: host,
                    why: String::new(),
                }) as _);
            }
            Ok(Box::new(allowed.into_iter()) as Addrs)
        })
    }
}

/// How a probe reaches the network: the resolver and the addresses it may connect to.
#[derive(Clone)]
pub struct Network {
    pub resolver: Arc<dyn Resolve>,
    pub policy: AddressPolicy,
}

impl Network {
    /// The system resolver with the standard policy.
    pub fn system() -> Self {
        Self {
            resolver: Arc::new(SystemResolver),
            policy: AddressPolicy::standard(),
        }
    }
}
