//! Building metrics and registering them in one step.

use prometheus::core::Collector;
use prometheus::{
    Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts,
    Registry,
};

/// Builds each metric and registers it in the same step, so that a metric
/// is named once: where its field is set.
pub(crate) struct Registrar {
    pub(crate) registry: Registry,
}

impl Registrar {
    pub(crate) fn add<M: Collector + Clone + 'static>(
        &self,
        metric: Result<M, prometheus::Error>,
    ) -> anyhow::Result<M> {
        let metric = metric?;
        self.registry.register(Box::new(metric.clone()))?;
        Ok(metric)
    }

    pub(crate) fn counter(&self, name: &str, help: &str) -> anyhow::Result<IntCounter> {
        self.add(IntCounter::new(name, help))
    }

    pub(crate) fn counters(
        &self,
        name: &str,
        help: &str,
        labels: &[&str],
    ) -> anyhow::Result<IntCounterVec> {
        self.add(IntCounterVec::new(Opts::new(name, help), labels))
    }

    pub(crate) fn gauge(&self, name: &str, help: &str) -> anyhow::Result<IntGauge> {
        self.add(IntGauge::new(name, help))
    }

    pub(crate) fn gauges(
        &self,
        name: &str,
        help: &str,
        labels: &[&str],
    ) -> anyhow::Result<IntGaugeVec> {
        self.add(IntGaugeVec::new(Opts::new(name, help), labels))
    }

    pub(crate) fn histogram(
        &self,
        name: &str,
        help: &str,
        buckets: &[f64],
    ) -> anyhow::Result<Histogram> {
        self.add(Histogram::with_opts(
            HistogramOpts::new(name, help).buckets(buckets.to_vec()),
        ))
    }

    pub(crate) fn histograms(
        &self,
        name: &str,
        help: &str,
        buckets: &[f64],
        labels: &[&str],
    ) -> anyhow::Result<HistogramVec> {
        self.add(HistogramVec::new(
            HistogramOpts::new(name, help).buckets(buckets.to_vec()),
            labels,
        ))
    }
}
