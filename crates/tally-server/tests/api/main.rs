//! HTTP integration tests against a real Postgres, one database per test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../common/mod.rs"]
mod common;

mod acknowledged;
mod admission;
mod authorisation;
mod bad_input;
mod binary;
mod browser;
mod console;
mod content;
mod contests;
mod deck;
mod deck_files;
mod delegates;
mod extensions;
mod helpers;
mod images;
mod link_sockets;
mod links;
mod live;
mod live_protocol;
mod logo;
mod look;
mod ops;
mod publication;
mod qa;
mod races;
mod redis_path;
mod revision;
mod schemathesis;
mod timer_end;
mod types;
mod v4_client;
mod v4_flow;
