//! `loadgen`: drives a running Tally on loopback and reports throughput,
//! latency, errors, and how fast accepted votes become durable.
//!
//! Scenarios:
//! - `ping`: keep-alive connections hitting `/ping`: the plaintext ceiling;
//! - `reads`: the same for the audience's reads (poll on screen, join
//!   code, presentation), against the `ping` ceiling;
//! - `sustained`: keep-alive connections voting back to back (each vote a
//!   new participant) for a fixed time: maximum vote throughput;
//! - `spike`: N participants, each on a connection of its own opened
//!   beforehand, all voting inside a short window; spread over several
//!   processes, because one process may hold at most 20,000 sockets here.
//!   Like phones, each retries after 429/503/504, waiting the server's hint
//!   plus jitter, until a deadline; the report tells first tries from final
//!   outcomes.
//!
//! - `rate`: every read endpoint at a fixed rate (open loop), latency from
//!   each request's scheduled send time;
//! - `join`: the join burst: N phones, each resolving the join code, reading
//!   the poll on screen and opening the audience WebSocket, from cold, all
//!   starting within a window; then the freshness of a slide change.
//!
//! Every run is bounded in time and requests, and only loopback targets are
//! accepted.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod conn;
mod join;
mod phone;
mod rate;
mod reads;
mod scenarios;
mod servers;
mod stats;
mod ws;

use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::time::Duration;

#[derive(Parser, Debug)]
#[command(name = "loadgen")]
struct Cli {
    /// The Tally address (loopback only).
    #[arg(long, default_value = "127.0.0.1:8080", global = true)]
    target: SocketAddr,
    /// Source addresses to spread connections over (127.0.0.2 onwards).
    #[arg(long, default_value_t = 8, global = true)]
    sources: usize,
    #[command(subcommand)]
    scenario: Scenario,
}

#[derive(Subcommand, Debug)]
enum Scenario {
    Ping {
        #[arg(long, default_value_t = 256)]
        connections: usize,
        #[arg(long, default_value_t = 10)]
        seconds: u64,
    },
    /// The audience's reads (poll on screen, join code, presentation),
    /// one after the other, each like `ping`.
    Reads {
        #[arg(long, default_value_t = 256)]
        connections: usize,
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Put before each scenario's name in the report.
        #[arg(long, default_value = "")]
        prefix: String,
    },
    Sustained {
        #[arg(long, default_value_t = 256)]
        connections: usize,
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Postgres URL, to measure durability and check what was stored.
        #[arg(long)]
        database_url: String,
        #[arg(long, default_value = "sustained")]
        label: String,
        /// The poll type voted on (poll-types.md): single, multiple, scale,
        /// ranking, points, wordcloud, open or quiz.
        #[arg(long, default_value = "single")]
        kind: String,
        /// Live deck edits a second beside the votes (issue 26): text edits
        /// of the poll voted on, each a `PUT …/deck` with `If-Match`.
        #[arg(long, default_value_t = 0)]
        edits_per_sec: u32,
    },
    Spike {
        #[arg(long, default_value_t = 30_000)]
        voters: usize,
        /// All votes are sent within this window.
        #[arg(long, default_value_t = 1_000)]
        window_ms: u64,
        /// Load generator processes (each holds voters/processes sockets).
        #[arg(long, default_value_t = 2)]
        processes: usize,
        #[arg(long)]
        database_url: String,
        /// A phone stops retrying this long after its first send.
        #[arg(long, default_value_t = 30_000)]
        retry_deadline_ms: u64,
        /// The poll type voted on (poll-types.md), as for `sustained`;
        /// word clouds get three words per phone.
        #[arg(long, default_value = "single")]
        kind: String,
        /// The poll's `time_limit_secs` (the timer starts when the poll
        /// is created, on screen).
        #[arg(long)]
        time_limit_secs: Option<u64>,
        /// The scenario's name in the report (default `spike-<voters>`).
        #[arg(long)]
        label: Option<String>,
    },
    /// Every read endpoint at a fixed rate, one after the other.
    Rate {
        /// Requests per second, per endpoint.
        #[arg(long, default_value_t = 1_000)]
        rps: u64,
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        #[arg(long, default_value_t = 64)]
        connections: usize,
        /// Votes on the poll on screen before the reads (the vote list and
        /// results are not empty).
        #[arg(long, default_value_t = 100)]
        votes: usize,
        /// Put before each scenario's name in the report.
        #[arg(long, default_value = "")]
        prefix: String,
        /// Only this endpoint (ping, presentation, current, join, votes,
        /// results, presenter-list).
        #[arg(long)]
        only: Option<String>,
    },
    /// The join burst.
    Join {
        #[arg(long, default_value_t = 30_000)]
        phones: usize,
        /// Every phone starts within this window.
        #[arg(long, default_value_t = 1_000)]
        window_ms: u64,
        /// Load generator processes. Each phone holds up to two sockets
        /// for a moment, and a process at most 20,000.
        #[arg(long, default_value_t = 4)]
        processes: usize,
        #[arg(long, default_value = "join-burst")]
        label: String,
    },
    /// One process's share of `join` (started by `join`).
    #[command(hide = true)]
    JoinShard {
        #[arg(long)]
        shard: usize,
        #[arg(long)]
        shards: usize,
        #[arg(long)]
        phones: usize,
        #[arg(long)]
        code: String,
        #[arg(long)]
        presentation: String,
        #[arg(long)]
        start_at_ms: u64,
        #[arg(long)]
        window_ms: u64,
        #[arg(long)]
        hold_until_ms: u64,
    },
    /// Audience WebSockets following a slide change; vote-to-presenter
    /// latency; server memory per idle socket.
    Ws {
        #[arg(long, default_value_t = 30_000)]
        sockets: usize,
        #[arg(long, default_value_t = 2)]
        processes: usize,
        /// What the sockets follow: `slide` (the next slide) or `edit` (a
        /// live edit of the poll on screen).
        #[arg(long, default_value = "slide")]
        change: String,
    },
    /// One process's share of `ws` (started by `ws`).
    #[command(hide = true)]
    WsShard {
        #[arg(long)]
        shard: usize,
        #[arg(long)]
        sockets: usize,
        #[arg(long)]
        presentation: String,
        #[arg(long, default_value = "slide")]
        change: String,
    },
    /// One process's share of a spike (started by `spike`).
    #[command(hide = true)]
    SpikeShard {
        #[arg(long)]
        shard: usize,
        #[arg(long)]
        voters: usize,
        #[arg(long)]
        presentation: String,
        #[arg(long)]
        poll: String,
        #[arg(long)]
        start_at_ms: u64,
        #[arg(long)]
        window_ms: u64,
        #[arg(long)]
        retry_deadline_ms: u64,
        #[arg(long, default_value = "single")]
        kind: String,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    // A shard stands in for thousands of separate phones and shares the
    // machine with the servers it measures: one thread each keeps its own
    // cost (and its work-stealing between threads) out of the figures.
    let runtime = match cli.scenario {
        Scenario::WsShard { .. } | Scenario::SpikeShard { .. } | Scenario::JoinShard { .. } => {
            tokio::runtime::Builder::new_current_thread()
        }
        _ => tokio::runtime::Builder::new_multi_thread(),
    }
    .enable_all()
    .build()?;
    runtime.block_on(run(cli))
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    conn::check_target(cli.target)?;
    let (target, sources) = (cli.target, cli.sources);
    match cli.scenario {
        Scenario::Ping {
            connections,
            seconds,
        } => scenarios::ping(target, sources, connections, seconds).await,
        Scenario::Reads {
            connections,
            seconds,
            prefix,
        } => reads::reads(target, sources, connections, seconds, &prefix).await,
        Scenario::Sustained {
            connections,
            seconds,
            database_url,
            label,
            kind,
            edits_per_sec,
        } => {
            scenarios::sustained(
                target,
                sources,
                connections,
                seconds,
                &database_url,
                &label,
                &kind,
                edits_per_sec,
            )
            .await
        }
        Scenario::Spike {
            voters,
            window_ms,
            processes,
            database_url,
            retry_deadline_ms,
            kind,
            time_limit_secs,
            label,
        } => {
            let poll = scenarios::TypedPoll {
                kind,
                time_limit_secs,
            };
            let label = label.unwrap_or_else(|| format!("spike-{voters}"));
            scenarios::spike(
                target,
                sources,
                voters,
                window_ms,
                processes,
                &database_url,
                Duration::from_millis(retry_deadline_ms),
                &poll,
                &label,
            )
            .await
        }
        Scenario::Rate {
            rps,
            seconds,
            connections,
            votes,
            prefix,
            only,
        } => {
            rate::fixed_rate(
                target,
                sources,
                rps,
                seconds,
                connections,
                votes,
                &prefix,
                only.as_deref(),
            )
            .await
        }
        Scenario::Join {
            phones,
            window_ms,
            processes,
            label,
        } => join::join_burst(target, sources, phones, window_ms, processes, &label).await,
        Scenario::JoinShard {
            shard,
            shards,
            phones,
            code,
            presentation,
            start_at_ms,
            window_ms,
            hold_until_ms,
        } => {
            join::join_shard(
                target,
                sources,
                shard,
                shards,
                phones,
                &code,
                &presentation,
                start_at_ms,
                window_ms,
                hold_until_ms,
            )
            .await
        }
        Scenario::Ws {
            sockets,
            processes,
            change,
        } => ws::ws(target, sources, sockets, processes, change == "edit").await,
        Scenario::WsShard {
            shard,
            sockets,
            presentation,
            change,
        } => {
            ws::ws_shard(
                target,
                sources,
                shard,
                sockets,
                &presentation,
                change == "edit",
            )
            .await
        }
        Scenario::SpikeShard {
            shard,
            voters,
            presentation,
            poll,
            start_at_ms,
            window_ms,
            retry_deadline_ms,
            kind,
        } => {
            scenarios::spike_shard(
                target,
                sources,
                shard,
                voters,
                &presentation,
                &poll,
                start_at_ms,
                window_ms,
                Duration::from_millis(retry_deadline_ms),
                &kind,
            )
            .await
        }
    }
}
