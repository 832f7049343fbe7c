//! Prometheus metrics for Tally.
//!
//! Label values are bounded: HTTP routes are the matched *pattern*
//! (`/presentations/{presentation_id}`), never a concrete path, and vote
//! rejections are one of [`RejectReason::ALL`]. No id ever becomes a label.

mod registrar;

use prometheus::{
    Encoder as _, Gauge, Histogram, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec,
    Registry, TextEncoder,
};
use registrar::Registrar;
use std::sync::Arc;
use tally_domain::ports::{
    FlushMetrics, FlushStage, FlushedBatch, IntakeMetrics, IntakePath, RejectReason, VoteMetrics,
};
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

/// Buckets for the time from acceptance to durable in Postgres, seconds.
const LAG_BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0,
];
/// Buckets for flush batch sizes, votes.
const BATCH_BUCKETS: &[f64] = &[1.0, 10.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2000.0, 5000.0];

#[derive(Debug)]
struct Inner {
    registry: Registry,
    http_requests: IntCounterVec,
    http_duration: HistogramVec,
    votes_accepted: IntCounterVec,
    votes_rejected: IntCounterVec,
    intake_duration: HistogramVec,
    intake_path: IntGaugeVec,
    fallbacks: IntCounterVec,
    backlog: IntGauge,
    flush_batch: Histogram,
    flush_duration: Histogram,
    flush_rows: IntCounter,
    flush_rate: Gauge,
    flush_errors: IntCounter,
    durable_lag: Histogram,
    live_connections: IntGaugeVec,
    live_messages: IntCounterVec,
    live_dropped: IntCounterVec,
    db_pool: IntGaugeVec,
    redis_duration: HistogramVec,
    redis_unanswered: IntCounterVec,
    live_presentations: IntGauge,
    vote_admission: IntGaugeVec,
}

impl Metrics {
    /// Creates and registers the metrics.
    ///
    /// # Errors
    /// Only on a programming error (a duplicate or malformed metric).
    pub fn new() -> anyhow::Result<Self> {
        let r = Registrar {
            registry: Registry::new(),
        };
        r.gauges(
            "tally_build_info",
            "Always 1; the labels describe the build.",
            &["version"],
        )?
        .with_label_values(&[env!("CARGO_PKG_VERSION")])
        .set(1);
        let inner = Inner {
            http_requests: r.counters(
                "tally_http_requests_total",
                "HTTP requests served.",
                &["method", "route", "status"],
            )?,
            http_duration: r.histograms(
                "tally_http_request_duration_seconds",
                "Time from request received to response ready.",
                HTTP_BUCKETS,
                &["method", "route"],
            )?,
            votes_accepted: r.counters(
                "tally_votes_accepted_total",
                "Votes acknowledged; `outcome` tells new votes from identical retries.",
                &["outcome"],
            )?,
            votes_rejected: r.counters(
                "tally_votes_rejected_total",
                "Votes refused, by reason.",
                &["reason"],
            )?,
            intake_duration: r.histograms(
                "tally_intake_duration_seconds",
                "Time to accept or refuse a vote, by intake path (for redis: the vote script's round trip).",
                HTTP_BUCKETS,
                &["path"],
            )?,
            intake_path: r.gauges(
                "tally_intake_path",
                "1 for the intake path this process uses now.",
                &["path"],
            )?,
            fallbacks: r.counters(
                "tally_intake_switches_total",
                "Switches of the intake path, by the path switched to.",
                &["to"],
            )?,
            backlog: r.gauge(
                "tally_flush_backlog",
                "Accepted votes not yet durable in Postgres.",
            )?,
            flush_batch: r.histogram(
                "tally_flush_batch_size",
                "Votes per flush transaction.",
                BATCH_BUCKETS,
            )?,
            flush_duration: r.histogram(
                "tally_flush_duration_seconds",
                "Time to store one batch in Postgres.",
                HTTP_BUCKETS,
            )?,
            flush_rows: r.counter("tally_flush_rows_total", "Vote rows inserted by flushes.")?,
            flush_rate: r.add(Gauge::new(
                "tally_flush_rows_per_second",
                "Rows per second of the last flush transaction.",
            ))?,
            flush_errors: r.counter(
                "tally_flush_errors_total",
                "Failed flush attempts (retried).",
            )?,
            durable_lag: r.histogram(
                "tally_vote_durable_lag_seconds",
                "Time from a vote's acceptance to its commit in Postgres.",
                LAG_BUCKETS,
            )?,
            live_connections: r.gauges(
                "tally_live_connections",
                "Open live connections, by channel.",
                &["channel"],
            )?,
            live_messages: r.counters(
                "tally_live_messages_sent_total",
                "Messages sent on live channels.",
                &["channel"],
            )?,
            live_dropped: r.counters(
                "tally_live_dropped_total",
                "Live connections closed by the server: too slow to take a message, or silent too long.",
                &["reason"],
            )?,
            db_pool: r.gauges(
                "tally_db_pool_connections",
                "Postgres pool: max size, open, idle, and requests waiting.",
                &["state"],
            )?,
            redis_duration: r.histograms(
                "tally_redis_command_duration_seconds",
                "Round trip of each Redis command, by command (`script:<name>` for the Lua scripts, `pipeline` for pipelines).",
                HTTP_BUCKETS,
                &["command"],
            )?,
            redis_unanswered: r.counters(
                "tally_redis_command_failures_total",
                "Redis commands that got no answer (timeout or connection lost), by command.",
                &["command"],
            )?,
            live_presentations: r.gauge(
                "tally_live_presentations",
                "Presentations with live listeners on this process (their channels are released when the last one leaves).",
            )?,
            vote_admission: r.gauges(
                "tally_vote_admission",
                "Votes waiting for an in-flight place (waiting) and sent and not yet answered (in_flight), per process.",
                &["state"],
            )?,
            registry: r.registry,
        };
        // Pre-create every label value so dashboards see zeros, not gaps.
        for command in ["script:vote", "pipeline"] {
            inner.redis_duration.with_label_values(&[command]);
            inner.redis_unanswered.with_label_values(&[command]);
        }
        for channel in ["audience", "presenter", "events"] {
            inner.live_connections.with_label_values(&[channel]);
            inner.live_messages.with_label_values(&[channel]);
        }
        for reason in ["slow", "idle"] {
            inner.live_dropped.with_label_values(&[reason]);
        }
        for path in ["redis", "postgres"] {
            inner.intake_path.with_label_values(&[path]);
            inner.fallbacks.with_label_values(&[path]);
        }
        for outcome in ["counted", "repeat", "changed", "retracted"] {
            inner.votes_accepted.with_label_values(&[outcome]);
        }
        for reason in RejectReason::ALL {
            inner.votes_rejected.with_label_values(&[reason.as_label()]);
        }
        Ok(Self {
            inner: Arc::new(inner),
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

    /// A live connection opened (+1) or closed (-1) on `channel`.
    pub fn live_connection(&self, channel: &'static str, delta: i64) {
        self.inner
            .live_connections
            .with_label_values(&[channel])
            .add(delta);
    }

    pub fn live_message_sent(&self, channel: &'static str) {
        self.inner.live_messages.with_label_values(&[channel]).inc();
    }

    /// The server closed a live connection: `slow` or `idle`.
    pub fn live_dropped(&self, reason: &'static str) {
        self.inner.live_dropped.with_label_values(&[reason]).inc();
    }

    /// One Redis command's round trip. `command` must come from a bounded
    /// set (the Redis adapter's labels).
    pub fn observe_redis_command(&self, command: &str, seconds: f64, answered: bool) {
        self.inner
            .redis_duration
            .with_label_values(&[command])
            .observe(seconds);
        if !answered {
            self.inner
                .redis_unanswered
                .with_label_values(&[command])
                .inc();
        }
    }

    /// Presentations with live channels on this process, sampled.
    pub fn set_live_presentations(&self, n: usize) {
        self.inner
            .live_presentations
            .set(i64::try_from(n).unwrap_or(i64::MAX));
    }

    /// The vote admission's state, sampled.
    pub fn set_vote_admission(&self, waiting: usize, in_flight: usize) {
        for (state, n) in [("waiting", waiting), ("in_flight", in_flight)] {
            self.inner
                .vote_admission
                .with_label_values(&[state])
                .set(i64::try_from(n).unwrap_or(i64::MAX));
        }
    }

    /// The Postgres pool's state, sampled.
    pub fn set_db_pool(&self, max: usize, open: usize, idle: usize, waiting: usize) {
        for (state, n) in [
            ("max", max),
            ("open", open),
            ("idle", idle),
            ("waiting", waiting),
        ] {
            self.inner
                .db_pool
                .with_label_values(&[state])
                .set(i64::try_from(n).unwrap_or(i64::MAX));
        }
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
            VoteReceipt::Changed => "changed",
            VoteReceipt::Retracted => "retracted",
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

/// The label of each path on the dashboard.
fn path_label(path: IntakePath) -> &'static str {
    match path {
        IntakePath::Fast => "redis",
        IntakePath::Direct => "postgres",
    }
}

impl IntakeMetrics for Metrics {
    fn vote_took(&self, path: IntakePath, seconds: f64) {
        self.inner
            .intake_duration
            .with_label_values(&[path_label(path)])
            .observe(seconds);
    }

    fn path_in_use(&self, path: IntakePath, switched: bool) {
        let label = path_label(path);
        for p in ["redis", "postgres"] {
            self.inner
                .intake_path
                .with_label_values(&[p])
                .set(i64::from(p == label));
        }
        if switched {
            self.inner.fallbacks.with_label_values(&[label]).inc();
        }
    }
}

impl FlushMetrics for Metrics {
    fn flushed(&self, batch: &FlushedBatch, seconds: f64, now_ms: u64) {
        self.inner.flush_batch.observe(batch.votes as f64);
        self.inner.flush_duration.observe(seconds);
        self.inner.flush_rows.inc_by(batch.inserted);
        if seconds > 0.0 {
            self.inner.flush_rate.set(batch.inserted as f64 / seconds);
        }
        for accepted in &batch.accepted_at_ms {
            self.inner
                .durable_lag
                .observe(now_ms.saturating_sub(*accepted) as f64 / 1000.0);
        }
    }

    fn flush_failed(&self, _stage: FlushStage) {
        self.inner.flush_errors.inc();
    }

    fn backlog(&self, votes: u64) {
        self.inner
            .backlog
            .set(i64::try_from(votes).unwrap_or(i64::MAX));
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
