//! Prometheus metrics for Tally.
//!
//! Label values are bounded: HTTP routes are the matched *pattern*
//! (`/presentations/{presentation_id}`), never a concrete path, and vote
//! rejections are one of [`RejectReason::ALL`]. No id ever becomes a label.

use prometheus::{
    Encoder as _, HistogramOpts, HistogramVec, IntCounterVec, IntGaugeVec, Opts, Registry,
    TextEncoder,
};
use std::sync::Arc;
use tally_domain::ports::{RejectReason, VoteMetrics};
use tally_domain::VoteReceipt;

/// Latency buckets for HTTP requests, in seconds: fine-grained below 250 ms,
/// where the spike targets are.
const HTTP_BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// Every metric Tally exports, registered in one registry.
#[derive(Clone, Debug)]
pub struct Metrics {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    registry: Registry,
    http_requests: IntCounterVec,
    http_duration: HistogramVec,
    votes_accepted: IntCounterVec,
    votes_rejected: IntCounterVec,
}

impl Metrics {
    /// Creates and registers the metrics.
    ///
    /// # Errors
    /// Only on a programming error (a duplicate or malformed metric).
    pub fn new() -> anyhow::Result<Self> {
        let registry = Registry::new();
        let http_requests = IntCounterVec::new(
            Opts::new("tally_http_requests_total", "HTTP requests served."),
            &["method", "route", "status"],
        )?;
        let http_duration = HistogramVec::new(
            HistogramOpts::new(
                "tally_http_request_duration_seconds",
                "Time from request received to response ready.",
            )
            .buckets(HTTP_BUCKETS.to_vec()),
            &["method", "route"],
        )?;
        let votes_accepted = IntCounterVec::new(
            Opts::new(
                "tally_votes_accepted_total",
                "Votes acknowledged; `outcome` tells new votes from identical retries.",
            ),
            &["outcome"],
        )?;
        let votes_rejected = IntCounterVec::new(
            Opts::new("tally_votes_rejected_total", "Votes refused, by reason."),
            &["reason"],
        )?;
        let build_info = IntGaugeVec::new(
            Opts::new(
                "tally_build_info",
                "Always 1; the labels describe the build.",
            ),
            &["version"],
        )?;
        build_info
            .with_label_values(&[env!("CARGO_PKG_VERSION")])
            .set(1);
        // Pre-create every label value so dashboards see zeros, not gaps.
        for outcome in ["counted", "repeat"] {
            votes_accepted.with_label_values(&[outcome]);
        }
        for reason in RejectReason::ALL {
            votes_rejected.with_label_values(&[reason.as_label()]);
        }
        registry.register(Box::new(http_requests.clone()))?;
        registry.register(Box::new(http_duration.clone()))?;
        registry.register(Box::new(votes_accepted.clone()))?;
        registry.register(Box::new(votes_rejected.clone()))?;
        registry.register(Box::new(build_info))?;
        Ok(Self {
            inner: Arc::new(Inner {
                registry,
                http_requests,
                http_duration,
                votes_accepted,
                votes_rejected,
            }),
        })
    }

    /// Records one HTTP request. `route` must be a route pattern or a fixed
    /// placeholder, never a raw path.
    pub fn observe_http(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let status = status.to_string();
        self.inner
            .http_requests
            .with_label_values(&[method, route, &status])
            .inc();
        self.inner
            .http_duration
            .with_label_values(&[method, route])
            .observe(seconds);
    }

    /// The registry, for other adapters to add their metrics to.
    pub fn registry(&self) -> &Registry {
        &self.inner.registry
    }

    /// The text exposition format served at `/metrics`.
    pub fn render(&self) -> String {
        let mut buffer = Vec::new();
        // Encoding into a Vec cannot fail for well-formed metrics.
        let _ = TextEncoder::new().encode(&self.inner.registry.gather(), &mut buffer);
        String::from_utf8(buffer).unwrap_or_default()
    }
}

impl VoteMetrics for Metrics {
    fn vote_accepted(&self, receipt: VoteReceipt) {
        let outcome = match receipt {
            VoteReceipt::Counted => "counted",
            VoteReceipt::AlreadyCounted => "repeat",
        };
        self.inner
            .votes_accepted
            .with_label_values(&[outcome])
            .inc();
    }

    fn vote_rejected(&self, reason: RejectReason) {
        self.inner
            .votes_rejected
            .with_label_values(&[reason.as_label()])
            .inc();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes_and_requests_show_up_in_the_exposition() {
        let metrics = Metrics::new().unwrap();
        metrics.vote_accepted(VoteReceipt::Counted);
        metrics.vote_rejected(RejectReason::PollNotCurrent);
        metrics.observe_http("POST", "/presentations", 201, 0.003);
        let text = metrics.render();
        assert!(text.contains("tally_votes_accepted_total{outcome=\"counted\"} 1"));
        assert!(text.contains("tally_votes_rejected_total{reason=\"poll_not_current\"} 1"));
        assert!(text.contains("tally_votes_rejected_total{reason=\"voting_closed\"} 0"));
        assert!(text.contains(
            "tally_http_requests_total{method=\"POST\",route=\"/presentations\",status=\"201\"} 1"
        ));
        assert!(text.contains("tally_build_info{version="));
    }
}
