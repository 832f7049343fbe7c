//! The metrics adapter, behind the telemetry ports of the other adapters.
//!
//! The HTTP and Redis adapters each declare what they report (their own
//! small traits), so neither depends on the metrics crate; this is where
//! the two meet.

use tally_prometheus::Metrics;

/// Prometheus metrics, as the HTTP and Redis adapters report to them.
#[derive(Clone, Debug)]
pub struct Observe(pub Metrics);

impl tally_http::telemetry::HttpTelemetry for Observe {
    fn request_served(&self, method: &str, route: &str, status: u16, seconds: f64) {
        self.0.observe_http(method, route, status, seconds);
    }

    fn live_connection(&self, channel: &'static str, delta: i64) {
        self.0.live_connection(channel, delta);
    }

    fn live_message_sent(&self, channel: &'static str) {
        self.0.live_message_sent(channel);
    }

    fn live_dropped(&self, reason: &'static str) {
        self.0.live_dropped(reason);
    }

    fn render(&self) -> String {
        self.0.render()
    }
}

impl tally_redis::CommandObserver for Observe {
    fn observe(&self, command: &'static str, seconds: f64, answered: bool) {
        self.0.observe_redis_command(command, seconds, answered);
    }
}
