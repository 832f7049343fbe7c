//! What the HTTP adapter reports to operators.
//!
//! A port of this adapter: it names what it measures and leaves how to the
//! implementation the server wires in (Prometheus), so the HTTP crate
//! depends on no metrics library and no other adapter.

use actix_web::web;

/// Recording must never fail or block: it runs on every request.
pub trait HttpTelemetry: Send + Sync + 'static {
    /// A request was answered. `route` is the matched route pattern (or a
    /// fixed placeholder), never a raw path, so label values stay bounded.
    fn request_served(&self, method: &str, route: &str, status: u16, seconds: f64);
    /// A live connection opened (`delta` 1) or closed (-1) on `channel`
    /// (`audience`, `presenter` or `events`).
    fn live_connection(&self, channel: &'static str, delta: i64);
    /// A message went out on a live connection of `channel`.
    fn live_message_sent(&self, channel: &'static str);
    /// A live connection was dropped by the server, and why (`slow`,
    /// `idle`).
    fn live_dropped(&self, reason: &'static str);
    /// The exposition served at `/metrics` (Prometheus text format).
    fn render(&self) -> String;
}

/// How handlers receive the telemetry: the app data the server registers,
/// `web::Data::from(Arc<dyn HttpTelemetry>)`.
pub type Telemetry = web::Data<dyn HttpTelemetry>;

/// Records nothing: for tests and tools that serve without an operator
/// watching.
#[derive(Clone, Copy, Debug, Default)]
pub struct Unobserved;

impl HttpTelemetry for Unobserved {
    fn request_served(&self, _: &str, _: &str, _: u16, _: f64) {}
    fn live_connection(&self, _: &'static str, _: i64) {}
    fn live_message_sent(&self, _: &'static str) {}
    fn live_dropped(&self, _: &'static str) {}
    fn render(&self) -> String {
        String::new()
    }
}
