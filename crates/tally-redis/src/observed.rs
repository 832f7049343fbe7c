//! Timing every command sent to Redis, for the command latency metrics.
//!
//! The connection every adapter in this crate uses wraps the reconnecting
//! connection and reports each command's round trip to a
//! [`CommandObserver`], so no call site can forget to time itself.

use crate::scripts;
use redis::aio::{ConnectionLike, ConnectionManager};
use redis::{Arg, Cmd, Pipeline, RedisFuture, Value};
use std::sync::Arc;
use std::time::Instant;

/// Told how long each Redis command took. Implementations must not block:
/// this runs on every command, votes included.
pub trait CommandObserver: Send + Sync + 'static {
    /// `command` is one of a bounded set of labels: a command name in lower
    /// case (`hgetall`, `xreadgroup`, ...), `script:<name>` for the Lua
    /// scripts (`script:vote`, ...), `pipeline` for a pipeline, or `other`.
    /// `answered` is false when no answer came: a timeout or a lost
    /// connection (an error reply is still an answer).
    fn observe(&self, command: &'static str, seconds: f64, answered: bool);
}

/// The connection the adapters use: one thread's reconnecting connection,
/// timed when an observer is installed.
#[derive(Clone)]
pub(crate) struct Connection {
    pub(crate) inner: ConnectionManager,
    pub(crate) observer: Option<Arc<dyn CommandObserver>>,
}

impl ConnectionLike for Connection {
    fn req_packed_command<'a>(&'a mut self, cmd: &'a Cmd) -> RedisFuture<'a, Value> {
        Box::pin(async move {
            let Some(observer) = &self.observer else {
                return self.inner.send_packed_command(cmd).await;
            };
            let started = Instant::now();
            let answer = self.inner.send_packed_command(cmd).await;
            observer.observe(label(cmd), started.elapsed().as_secs_f64(), answer.is_ok());
            answer
        })
    }

    fn req_packed_commands<'a>(
        &'a mut self,
        pipeline: &'a Pipeline,
        offset: usize,
        count: usize,
    ) -> RedisFuture<'a, Vec<Value>> {
        Box::pin(async move {
            let Some(observer) = &self.observer else {
                return self
                    .inner
                    .send_packed_commands(pipeline, offset, count)
                    .await;
            };
            let started = Instant::now();
            let answer = self
                .inner
                .send_packed_commands(pipeline, offset, count)
                .await;
            observer.observe(
                pipeline_label(pipeline),
                started.elapsed().as_secs_f64(),
                answer.is_ok(),
            );
            answer
        })
    }

    fn get_db(&self) -> i64 {
        self.inner.get_db()
    }
}

/// A pipeline's label: `xreadgroup` when it carries the flusher's
/// blocking read (its time is that read's wait, which would swamp the
/// other pipelines' times), else `pipeline`.
fn pipeline_label(pipeline: &Pipeline) -> &'static str {
    if pipeline.cmd_iter().any(|cmd| label(cmd) == "xreadgroup") {
        "xreadgroup"
    } else {
        "pipeline"
    }
}

/// The commands this crate sends, as labels. Anything else is `other`, so
/// the label set stays bounded whatever a future change sends.
const COMMANDS: &[&str] = &[
    "del",
    "evalsha",
    "eval",
    "exists",
    "get",
    "hget",
    "hgetall",
    "hlen",
    "incr",
    "ping",
    "publish",
    "sadd",
    "script",
    "set",
    "smembers",
    "srem",
    "xack",
    "xautoclaim",
    "xdel",
    "xgroup",
    "xlen",
    "xrange",
    "xreadgroup",
    "xrevrange",
];

/// The metric label of a command.
pub(crate) fn label(cmd: &Cmd) -> &'static str {
    let mut args = cmd.args_iter();
    let Some(Arg::Simple(name)) = args.next() else {
        return "other";
    };
    if name.eq_ignore_ascii_case(b"EVALSHA") {
        if let Some(Arg::Simple(sha)) = args.next() {
            return scripts::label_of(sha);
        }
    }
    COMMANDS
        .iter()
        .find(|known| name.eq_ignore_ascii_case(known.as_bytes()))
        .copied()
        .unwrap_or("other")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_labelled_by_name_in_lower_case() {
        assert_eq!(label(&redis::cmd("HGETALL")), "hgetall");
        assert_eq!(label(redis::cmd("XREADGROUP").arg("GROUP")), "xreadgroup");
        // The reads that wait for the flush, and the flushers' wake-up.
        for name in ["XRANGE", "XREVRANGE", "INCR"] {
            assert_eq!(label(&redis::cmd(name)), name.to_lowercase());
        }
        let mut read = redis::pipe();
        read.cmd("GET").arg("k").cmd("XREADGROUP").arg("GROUP");
        assert_eq!(pipeline_label(&read), "xreadgroup");
        let mut acks = redis::pipe();
        acks.cmd("XACK").arg("s").cmd("XDEL").arg("s");
        assert_eq!(pipeline_label(&acks), "pipeline");
        assert_eq!(label(&redis::cmd("FLUSHALL")), "other");
    }

    #[test]
    fn scripts_are_labelled_by_their_name() {
        let vote = redis::cmd("EVALSHA")
            .arg(crate::intake::VOTE.get_hash())
            .arg(0)
            .clone();
        assert_eq!(label(&vote), "script:vote");
        let unknown = redis::cmd("EVALSHA").arg("0".repeat(40)).clone();
        assert_eq!(label(&unknown), "evalsha");
    }
}
