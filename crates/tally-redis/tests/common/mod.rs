//! What the Redis adapter's test binaries share.

use std::time::Duration;
use tally_redis::{Redis, RedisSettings};
use tally_testkit::redis::RedisServer;

/// A connection of its own to `server`, failing commands after `timeout`.
pub fn connect(server: &RedisServer, timeout: Duration) -> Redis {
    Redis::connect(&RedisSettings {
        url: server.url(),
        response_timeout: timeout,
        connection_timeout: timeout,
    })
    .expect("a valid Redis URL")
}
