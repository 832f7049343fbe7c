//! Fixed-rate (open-loop) load: requests are sent on a schedule, whatever
//! the answers do, and each latency runs from the request's *scheduled*
//! send time. A closed loop measures at saturation and hides queueing (a
//! slow answer delays the next request, so the stall is counted once);
//! here a stall shows in every request scheduled behind it, as a user would
//! see it.

use crate::conn::{source, Conn};
use crate::scenarios::{create, deck, print_summary, summary, vote_body};
use crate::stats::{now_ms, Outcomes};
use anyhow::{ensure, Context as _};
use hyper::{Method, StatusCode};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;
use uuid::Uuid;

/// One GET, repeated on the schedule.
struct Read {
    name: &'static str,
    path: String,
    token: Option<String>,
}

/// `rps` requests per second for `seconds`, spread over `connections`
/// keep-alive connections: request n is due at `n / rps` s and goes on
/// connection `n % connections`, which sends it when it is due or, if it
/// is still busy, as soon as it is free (the wait counts in the latency).
async fn open_loop(
    target: SocketAddr,
    sources: usize,
    rps: u64,
    seconds: u64,
    connections: usize,
    read: Arc<Read>,
) -> anyhow::Result<Outcomes> {
    let total = rps * seconds;
    let connections = connections.max(1);
    let period = Duration::from_secs_f64(1.0 / rps.max(1) as f64);
    // Every connection is open before the clock starts.
    let mut conns = Vec::with_capacity(connections);
    for c in 0..connections {
        conns.push(Conn::open(target, source(c, sources)).await?);
    }
    let start = Instant::now() + Duration::from_millis(100);
    let start_ms = now_ms() + 100;
    let mut tasks = Vec::new();
    for (c, mut conn) in conns.into_iter().enumerate() {
        let read = read.clone();
        tasks.push(tokio::spawn(async move {
            let mut out = Outcomes {
                first_send_ms: start_ms,
                ..Outcomes::default()
            };
            let mut n = c as u64;
            while n < total {
                let due = start + period.mul_f64(n as f64);
                tokio::time::sleep_until(due).await;
                let answer = conn
                    .request(Method::GET, &read.path, None, read.token.as_deref())
                    .await;
                match answer {
                    Ok((status, _)) => {
                        out.latencies_us
                            .push(u64::try_from(due.elapsed().as_micros()).unwrap_or(u64::MAX));
                        *out.statuses.entry(status.as_u16()).or_default() += 1;
                        out.last_answer_ms = now_ms();
                    }
                    Err(_) => {
                        out.transport_errors += 1;
                        match Conn::open(target, source(c, sources)).await {
                            Ok(fresh) => conn = fresh,
                            Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
                        }
                    }
                }
                n += connections as u64;
            }
            out
        }));
    }
    let mut outcomes = Outcomes::default();
    for t in tasks {
        outcomes.merge(t.await?);
    }
    Ok(outcomes)
}

/// Every read endpoint, one after the other, each at `rps` for `seconds`:
/// the ping baseline, the audience's reads, the vote list, and the
/// presenter's results and presentation list. The presentation has 10
/// polls and `votes` votes on the one on screen, so that the lists and
/// results are not empty.
#[allow(clippy::too_many_arguments)]
pub async fn fixed_rate(
    target: SocketAddr,
    sources: usize,
    rps: u64,
    seconds: u64,
    connections: usize,
    votes: usize,
    prefix: &str,
    only: Option<&str>,
) -> anyhow::Result<()> {
    let mut conn = Conn::open(target, source(0, 1)).await?;
    let created = create(&mut conn, &deck(10)).await?;
    let poll = created.polls.first().context("a poll")?.clone();
    let vote_path = format!("/presentations/{}/polls/current/votes", created.id);
    for i in 0..votes {
        let (status, _) = conn
            .send(
                Method::POST,
                &vote_path,
                Some(vote_body(&poll, Uuid::new_v4(), i)),
            )
            .await?;
        ensure!(status == StatusCode::NO_CONTENT, "seeding a vote: {status}");
    }
    let id = &created.id;
    let reads = [
        ("ping", "/ping".to_owned(), false),
        ("presentation", format!("/presentations/{id}"), false),
        (
            "current",
            format!("/presentations/{id}/polls/current"),
            false,
        ),
        ("join", format!("/join/{}", created.join_code), false),
        (
            "votes",
            format!("/presentations/{id}/polls/{poll}/votes"),
            false,
        ),
        (
            "results",
            format!("/presentations/{id}/polls/{poll}/results"),
            true,
        ),
        (
            "presenter-list",
            "/presenter/presentations".to_owned(),
            true,
        ),
    ];
    for (name, path, presenter) in reads {
        if only.is_some_and(|only| only != name) {
            continue;
        }
        let read = Arc::new(Read {
            name,
            path,
            token: presenter.then(|| created.token.clone()),
        });
        let outcomes = open_loop(target, sources, rps, seconds, connections, read.clone()).await?;
        print_summary(&summary(
            &format!("{prefix}rate-{}", read.name),
            &outcomes,
            200,
            None,
        ))?;
    }
    Ok(())
}
