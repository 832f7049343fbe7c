//! The metrics contract against the Prometheus exporter, read back from
//! its text exposition (what Prometheus itself scrapes).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::HashMap;
use tally_domain::ports::{IntakePath, RejectReason};
use tally_prometheus::Metrics;
use tally_testkit::contract::metrics::{Metered, Reading};

struct Exported(Metrics);

/// The value of the series `name{labels}` (`labels` as exposed, or empty).
fn series(text: &str, name: &str, labels: &str) -> Option<f64> {
    let wanted = if labels.is_empty() {
        name.to_owned()
    } else {
        format!("{name}{{{labels}}}")
    };
    text.lines().find_map(|line| {
        let (series, value) = line.rsplit_once(' ')?;
        (series == wanted).then(|| value.parse().unwrap())
    })
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // counts
fn count(text: &str, name: &str, labels: &str) -> u64 {
    series(text, name, labels).unwrap_or(0.0) as u64
}

fn label(path: IntakePath) -> &'static str {
    match path {
        IntakePath::Fast => "redis",
        IntakePath::Direct => "postgres",
    }
}

impl Metered for Exported {
    type Metrics = Metrics;
    fn metrics(&self) -> &Metrics {
        &self.0
    }
    fn read(&self) -> Reading {
        let text = self.0.render();
        let paths = [IntakePath::Fast, IntakePath::Direct];
        let by_path = |name: &str, key: &str| -> HashMap<IntakePath, u64> {
            paths
                .into_iter()
                .map(|p| (p, count(&text, name, &format!("{key}=\"{}\"", label(p)))))
                .filter(|(_, n)| *n > 0)
                .collect()
        };
        Reading {
            counted: count(&text, "tally_votes_accepted_total", "outcome=\"counted\""),
            repeats: count(&text, "tally_votes_accepted_total", "outcome=\"repeat\""),
            changes: count(&text, "tally_votes_accepted_total", "outcome=\"changed\"")
                + count(&text, "tally_votes_accepted_total", "outcome=\"retracted\""),
            rejected: RejectReason::ALL
                .into_iter()
                .map(|r| {
                    let labels = format!("reason=\"{}\"", r.as_label());
                    (r, count(&text, "tally_votes_rejected_total", &labels))
                })
                .filter(|(_, n)| *n > 0)
                .collect(),
            votes_by_path: by_path("tally_intake_duration_seconds_count", "path"),
            path: paths.into_iter().find(|p| {
                count(
                    &text,
                    "tally_intake_path",
                    &format!("path=\"{}\"", label(*p)),
                ) == 1
            }),
            switches: by_path("tally_intake_switches_total", "to").values().sum(),
            flushed_votes: count(&text, "tally_flush_batch_size_sum", ""),
            flushed_inserted: count(&text, "tally_flush_rows_total", ""),
            flush_failures: count(&text, "tally_flush_errors_total", ""),
            backlog: series(&text, "tally_flush_backlog", "").map(|v| v as u64),
        }
    }
}

tally_testkit::metrics_contract_tests!(Exported(Metrics::new().unwrap()));
