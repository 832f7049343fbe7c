//! The `tally` server: configuration, telemetry and wiring. Everything with
//! a rule in it lives in `tally-domain`; everything that talks to the
//! outside lives in an adapter crate.

pub mod clock;
pub mod connections;
mod http_server;
mod listener;
mod observe;
pub mod settings;
pub mod startup;
mod tasks;
pub mod telemetry;
pub mod verify;

pub use settings::Settings;
pub use startup::{Application, PgPorts, RedisPorts};
