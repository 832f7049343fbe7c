//! What a run measured.

use hdrhistogram::Histogram;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::{SystemTime, UNIX_EPOCH};

pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// Raw outcomes of a run or a shard of it; shards merge.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Outcomes {
    /// Latency of every answered request, microseconds.
    pub latencies_us: Vec<u64>,
    /// Status code -> count.
    pub statuses: BTreeMap<u16, u64>,
    /// Requests that got no HTTP answer (connect or transport errors).
    pub transport_errors: u64,
    /// Participants whose vote was acknowledged (204).
    pub accepted: Vec<uuid::Uuid>,
    pub first_send_ms: u64,
    pub last_answer_ms: u64,
    /// Spike only: each voter's first answer, microseconds after its send.
    pub first_try_us: Vec<u64>,
    /// Spike only: status of each voter's first answer -> count.
    pub first_try_statuses: BTreeMap<u16, u64>,
    /// Spike only: for each acknowledged voter, microseconds from its first
    /// send to its acknowledgement (retries included).
    pub final_ack_us: Vec<u64>,
    /// Spike only: voters that gave up (deadline passed, or a final refusal).
    pub refused_for_good: u64,
    /// Spike only: retries sent after a 429/503/504.
    pub retries: u64,
}

impl Outcomes {
    pub fn merge(&mut self, other: Outcomes) {
        self.latencies_us.extend(other.latencies_us);
        for (status, n) in other.statuses {
            *self.statuses.entry(status).or_default() += n;
        }
        self.transport_errors += other.transport_errors;
        self.accepted.extend(other.accepted);
        self.first_send_ms = match (self.first_send_ms, other.first_send_ms) {
            (0, b) => b,
            (a, 0) => a,
            (a, b) => a.min(b),
        };
        self.last_answer_ms = self.last_answer_ms.max(other.last_answer_ms);
        self.first_try_us.extend(other.first_try_us);
        for (status, n) in other.first_try_statuses {
            *self.first_try_statuses.entry(status).or_default() += n;
        }
        self.final_ack_us.extend(other.final_ack_us);
        self.refused_for_good += other.refused_for_good;
        self.retries += other.retries;
    }

    /// Requests answered with `ok`, per second of the run.
    pub fn rate(&self, ok: u16) -> f64 {
        let n = self.statuses.get(&ok).copied().unwrap_or(0) as f64;
        let secs = self.last_answer_ms.saturating_sub(self.first_send_ms) as f64 / 1000.0;
        if secs > 0.0 {
            n / secs
        } else {
            0.0
        }
    }

    /// (p50, p99, max) latency in milliseconds.
    pub fn latency_ms(&self) -> (f64, f64, f64) {
        quantiles_ms(&self.latencies_us)
    }

    /// Everything not answered with `ok`: status -> count, plus "transport".
    pub fn errors(&self, ok: u16) -> BTreeMap<String, u64> {
        let mut e: BTreeMap<String, u64> = self
            .statuses
            .iter()
            .filter(|(s, _)| **s != ok)
            .map(|(s, n)| (s.to_string(), *n))
            .collect();
        if self.transport_errors > 0 {
            e.insert("transport".into(), self.transport_errors);
        }
        e
    }
}

/// (p50, p99, max) of microsecond samples, in milliseconds.
pub fn quantiles_ms(samples_us: &[u64]) -> (f64, f64, f64) {
    let Ok(mut h) = Histogram::<u64>::new(3) else {
        return (0.0, 0.0, 0.0);
    };
    for l in samples_us {
        let _ = h.record(*l);
    }
    let ms = |us: u64| us as f64 / 1000.0;
    (
        ms(h.value_at_quantile(0.5)),
        ms(h.value_at_quantile(0.99)),
        ms(h.max()),
    )
}

/// How a spike's phones fared, retries included.
#[derive(Debug, Serialize, Deserialize)]
pub struct SpikeSummary {
    pub voters: u64,
    /// Acknowledged at the first try.
    pub accepted_first_try: u64,
    /// Acknowledged in the end, retries included.
    pub accepted_final: u64,
    /// Gave up: the deadline passed, or a refusal that asks for no retry.
    pub refused_for_good: u64,
    pub retries: u64,
    /// First answers by status.
    pub first_try_statuses: BTreeMap<u16, u64>,
    pub first_try_p50_ms: f64,
    pub first_try_p99_ms: f64,
    /// From each voter's first send to its acknowledgement.
    pub final_p50_ms: f64,
    pub final_p99_ms: f64,
    pub final_max_ms: f64,
    /// From the spike's first send until every acknowledged vote was.
    pub all_acknowledged_after_ms: u64,
}

/// The summary of a scenario, printed as one `RESULT {json}` line.
#[derive(Debug, Serialize, Deserialize)]
pub struct Summary {
    pub scenario: String,
    pub requests_ok: u64,
    pub rate_per_s: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    pub errors: BTreeMap<String, u64>,
    /// Milliseconds from the last acknowledgement until Postgres held
    /// every acknowledged vote (votes only).
    pub durable_after_ms: Option<u64>,
    /// Acknowledged votes missing from Postgres (votes only; must be 0).
    pub lost: Option<u64>,
    /// Votes in Postgres that were not acknowledged (their answer was lost
    /// or refused after the fact; expected 0 here).
    pub unacknowledged_stored: Option<u64>,
    /// Spike only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spike: Option<SpikeSummary>,
    /// Sustained with `--edits-per-sec`: the deck edits sent beside the
    /// votes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edits: Option<EditSummary>,
}

/// Live deck edits sent during a sustained run (issue 26): each a `PUT
/// …/deck` with `If-Match`, a text edit of the poll being voted on.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct EditSummary {
    pub per_sec: u32,
    pub saved: u64,
    /// Answers other than 200 (a 412 would mean the revision was lost).
    pub refused: u64,
    pub p50_ms: f64,
    pub p99_ms: f64,
}
