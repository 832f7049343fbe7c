//! The join burst: the join code goes up on the big screen and every phone,
//! within about a second, resolves it, reads the poll on screen and opens
//! the audience WebSocket. Each phone starts cold, as a phone does: a new
//! TCP connection for the reads, then another for the socket. Phones are
//! spread over several load-generator processes (a process may hold at most
//! 20,000 sockets here) and over 127.0.0.x source addresses.
//!
//! Afterwards, with every socket still open: how soon a slide change is
//! served by reads on connections to every server process (freshness).

use crate::conn::{source, Conn};
use crate::scenarios::{create, deck};
use crate::stats::{now_ms, quantiles_ms};
use anyhow::{bail, Context as _};
use futures_util::StreamExt as _;
use hyper::{Method, StatusCode};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt as _, BufReader};
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::Message;

/// How long a phone waits for any one answer before counting it failed.
const STEP_TIMEOUT: Duration = Duration::from_secs(30);
/// Read connections used to measure freshness after the burst.
const FRESHNESS_CONNECTIONS: usize = 32;

/// One shard's phones.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct JoinReport {
    pub phones: u64,
    /// Phones whose three steps all succeeded.
    pub joined: u64,
    /// "step: what went wrong" -> count.
    pub failures: BTreeMap<String, u64>,
    /// Connect + GET /join/{code}, from the phone's scheduled start, µs.
    pub resolve_us: Vec<u64>,
    /// GET the poll on screen, after the code resolved, µs.
    pub poll_us: Vec<u64>,
    /// Open the WebSocket until its first state arrives, µs.
    pub socket_us: Vec<u64>,
    /// All three, from the phone's scheduled start, µs.
    pub total_us: Vec<u64>,
    /// When the last phone finished, ms since the epoch.
    pub last_done_ms: u64,
}

impl JoinReport {
    fn merge(&mut self, other: JoinReport) {
        self.phones += other.phones;
        self.joined += other.joined;
        for (failure, n) in other.failures {
            *self.failures.entry(failure).or_default() += n;
        }
        self.resolve_us.extend(other.resolve_us);
        self.poll_us.extend(other.poll_us);
        self.socket_us.extend(other.socket_us);
        self.total_us.extend(other.total_us);
        self.last_done_ms = self.last_done_ms.max(other.last_done_ms);
    }
}

/// The burst's summary, printed as one `RESULT {json}` line.
#[derive(Debug, Serialize)]
struct JoinSummary {
    scenario: String,
    phones: u64,
    joined: u64,
    failures: BTreeMap<String, u64>,
    window_ms: u64,
    /// (p50, p99, max) ms of each step.
    resolve_ms: (f64, f64, f64),
    poll_ms: (f64, f64, f64),
    socket_ms: (f64, f64, f64),
    total_ms: (f64, f64, f64),
    /// From the first phone's scheduled start until the last phone had all
    /// three answers.
    all_joined_after_ms: u64,
    /// After a slide change's answer, until reads on every one of
    /// `FRESHNESS_CONNECTIONS` connections (both server processes) served
    /// the new poll: (p50, max) ms.
    fresh_p50_ms: f64,
    fresh_max_ms: f64,
    /// CPU time the `tally serve` processes used during the burst, s, and
    /// per joined phone, µs: what the burst costs the servers, apart from
    /// the load generator that shares the machine.
    server_cpu_s: f64,
    server_us_per_phone: f64,
}

fn micros(since: Instant) -> u64 {
    u64::try_from(since.elapsed().as_micros()).unwrap_or(u64::MAX)
}

/// Parent: create the deck, start the shards on one shared clock, collect,
/// then measure freshness.
pub async fn join_burst(
    target: SocketAddr,
    sources: usize,
    phones: usize,
    window_ms: u64,
    processes: usize,
    label: &str,
) -> anyhow::Result<()> {
    let mut conn = Conn::open(target, source(0, 1)).await?;
    let created = create(&mut conn, &deck(3)).await?;
    let start_at_ms = now_ms() + 2_000;
    // Phones hold their sockets through the freshness measurement, as
    // phones in a hall would, until their stdin closes; this bounds it.
    let hold_until_ms = start_at_ms + window_ms + STEP_TIMEOUT.as_millis() as u64;

    let exe = std::env::current_exe()?;
    let processes = processes.max(1);
    let cpu_before = crate::servers::cpu_ticks();
    let mut children = Vec::new();
    for shard in 0..processes {
        // Shard s takes phones s, s + processes, ...: each shard's phones
        // spread over the whole window.
        let n = (phones + processes - 1 - shard) / processes;
        let mut child = tokio::process::Command::new(&exe)
            .args(["--target", &target.to_string()])
            .args(["--sources", &sources.to_string()])
            .arg("join-shard")
            .args([
                "--shard",
                &shard.to_string(),
                "--shards",
                &processes.to_string(),
            ])
            .args(["--phones", &n.to_string(), "--code", &created.join_code])
            .args(["--presentation", &created.id])
            .args(["--start-at-ms", &start_at_ms.to_string()])
            .args(["--window-ms", &window_ms.to_string()])
            .args(["--hold-until-ms", &hold_until_ms.to_string()])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()?;
        let lines = BufReader::new(child.stdout.take().context("stdout")?).lines();
        children.push((child, lines));
    }
    let mut report = JoinReport::default();
    for (_, lines) in &mut children {
        let line = lines
            .next_line()
            .await?
            .context("a join shard ended early")?;
        report.merge(serde_json::from_str(&line).context("join shard output")?);
    }
    let server_cpu_s = crate::servers::cpu_ticks().saturating_sub(cpu_before) as f64 / 100.0;
    let (fresh_p50_ms, fresh_max_ms) =
        freshness(target, sources, &mut conn, &created.id, &created.token).await?;
    for (mut child, _) in children {
        drop(child.stdin.take());
        if !child.wait_with_output().await?.status.success() {
            bail!("a join shard failed");
        }
    }

    let summary = JoinSummary {
        scenario: label.to_owned(),
        phones: report.phones,
        joined: report.joined,
        failures: report.failures,
        window_ms,
        resolve_ms: quantiles_ms(&report.resolve_us),
        poll_ms: quantiles_ms(&report.poll_us),
        socket_ms: quantiles_ms(&report.socket_us),
        total_ms: quantiles_ms(&report.total_us),
        all_joined_after_ms: report.last_done_ms.saturating_sub(start_at_ms),
        fresh_p50_ms,
        fresh_max_ms,
        server_cpu_s,
        server_us_per_phone: server_cpu_s * 1e6 / report.joined.max(1) as f64,
    };
    println!(
        "{}: {} of {} phones joined, failures {:?}; p50 / p99 / max ms: resolve {:.0} / {:.0} / {:.0}, \
         poll {:.0} / {:.0} / {:.0}, socket {:.0} / {:.0} / {:.0}, all three {:.0} / {:.0} / {:.0}; \
         all joined {} ms after the first start; slide change served everywhere after p50 {:.1} / max {:.1} ms; \
         servers used {:.1} CPU s, {:.0} µs per phone",
        summary.scenario, summary.joined, summary.phones, summary.failures,
        summary.resolve_ms.0, summary.resolve_ms.1, summary.resolve_ms.2,
        summary.poll_ms.0, summary.poll_ms.1, summary.poll_ms.2,
        summary.socket_ms.0, summary.socket_ms.1, summary.socket_ms.2,
        summary.total_ms.0, summary.total_ms.1, summary.total_ms.2,
        summary.all_joined_after_ms, summary.fresh_p50_ms, summary.fresh_max_ms,
        summary.server_cpu_s, summary.server_us_per_phone
    );
    println!("RESULT {}", serde_json::to_string(&summary)?);
    Ok(())
}

/// Moves the slide, then reads the poll on screen on
/// `FRESHNESS_CONNECTIONS` connections (the kernel spreads them over both
/// server processes) until each serves the new poll. Returns (p50, max) ms
/// from the move's answer: the change committed before that answer, so
/// this is a bound on the staleness a phone could see.
async fn freshness(
    target: SocketAddr,
    sources: usize,
    presenter: &mut Conn,
    id: &str,
    token: &str,
) -> anyhow::Result<(f64, f64)> {
    let path = format!("/presentations/{id}/polls/current");
    let mut readers = Vec::with_capacity(FRESHNESS_CONNECTIONS);
    for c in 0..FRESHNESS_CONNECTIONS {
        let mut reader = Conn::open(target, source(c, sources)).await?;
        let (status, _) = reader.send(Method::GET, &path, None).await?;
        if status != StatusCode::OK {
            bail!("reading the poll on screen: {status}");
        }
        readers.push(reader);
    }
    let (status, moved) = presenter.send_authorized(Method::PUT, &path, token).await?;
    if status != StatusCode::OK {
        bail!("moving the slide: {status}");
    }
    let answered = Instant::now();
    let moved: serde_json::Value = serde_json::from_slice(&moved)?;
    let new_poll = moved["poll_id"].as_str().context("poll_id")?.to_owned();
    let mut tasks = Vec::new();
    for mut reader in readers {
        let (path, new_poll) = (path.clone(), new_poll.clone());
        tasks.push(tokio::spawn(async move {
            while answered.elapsed() < Duration::from_secs(5) {
                let (_, body) = reader.send(Method::GET, &path, None).await?;
                let body: serde_json::Value = serde_json::from_slice(&body)?;
                if body["poll_id"].as_str() == Some(&new_poll) {
                    return Ok(answered.elapsed().as_secs_f64() * 1000.0);
                }
            }
            anyhow::Ok(f64::INFINITY)
        }));
    }
    let mut lags = Vec::new();
    for t in tasks {
        lags.push(t.await??);
    }
    lags.sort_by(f64::total_cmp);
    Ok((lags[lags.len() / 2], lags.last().copied().unwrap_or(0.0)))
}

/// An audience socket that has its first state.
type Socket = tokio_tungstenite::WebSocketStream<tokio::net::TcpStream>;

/// One phone's three step durations, µs, and its open socket.
struct Joined {
    resolve: u64,
    poll: u64,
    socket: u64,
    ws: Socket,
}

/// One phone: resolve the code, read the poll, open the socket. Returns
/// the step that failed and why, or what it took.
async fn one_phone(
    target: SocketAddr,
    src: std::net::IpAddr,
    code: &str,
    presentation: &str,
    due: Instant,
) -> Result<Joined, String> {
    let step = |name: &str, e: &dyn std::fmt::Display| format!("{name}: {e}");
    // Each step gives up after STEP_TIMEOUT, as a phone would.
    async fn within<T>(
        name: &str,
        work: impl std::future::Future<Output = anyhow::Result<T>>,
    ) -> Result<T, String> {
        match tokio::time::timeout(STEP_TIMEOUT, work).await {
            Ok(Ok(done)) => Ok(done),
            Ok(Err(e)) => Err(format!("{name}: {e}")),
            Err(_) => Err(format!("{name}: timed out")),
        }
    }
    let mut conn = within("resolve", Conn::open(target, src)).await?;
    let (status, body) = within(
        "resolve",
        conn.send(Method::GET, &format!("/join/{code}"), None),
    )
    .await?;
    if status != StatusCode::OK {
        return Err(step("resolve", &status));
    }
    let resolved: serde_json::Value =
        serde_json::from_slice(&body).map_err(|e| step("resolve", &e))?;
    if resolved["presentation_id"].as_str() != Some(presentation) {
        return Err(step("resolve", &"another presentation"));
    }
    let resolve = micros(due);
    let read_at = Instant::now();
    let (status, _) = within(
        "poll",
        conn.send(
            Method::GET,
            &format!("/presentations/{presentation}/polls/current"),
            None,
        ),
    )
    .await?;
    if status != StatusCode::OK {
        return Err(step("poll", &status));
    }
    let poll = micros(read_at);
    // The reads' connection closes, as a browser's idle one would; the
    // socket is a connection of its own.
    drop(conn);
    let socket_at = Instant::now();
    let opened = async {
        let stream = crate::conn::connect(target, src).await?;
        let (mut ws, _) = tokio_tungstenite::client_async(
            format!("ws://{target}/presentations/{presentation}/live"),
            stream,
        )
        .await?;
        match ws.next().await {
            Some(Ok(Message::Text(state))) if state.contains("current_poll_index") => {
                anyhow::Ok(ws)
            }
            other => bail!("no state: {other:?}"),
        }
    };
    let ws = within("socket", opened).await?;
    Ok(Joined {
        resolve,
        poll,
        socket: micros(socket_at),
        ws,
    })
}

/// One shard of phones; prints its [`JoinReport`] as one JSON line once
/// every phone has joined or failed. Each phone keeps its socket open and
/// reads it, as a phone in the hall would, until the parent closes this
/// process's stdin (or `hold_until_ms`, at the latest).
#[allow(clippy::too_many_arguments)]
pub async fn join_shard(
    target: SocketAddr,
    sources: usize,
    shard: usize,
    shards: usize,
    phones: usize,
    code: &str,
    presentation: &str,
    start_at_ms: u64,
    window_ms: u64,
    hold_until_ms: u64,
) -> anyhow::Result<()> {
    let (code, presentation) = (Arc::<str>::from(code), Arc::<str>::from(presentation));
    let start = Instant::now() + Duration::from_millis(start_at_ms.saturating_sub(now_ms()));
    let hold_until = start + Duration::from_millis(hold_until_ms.saturating_sub(start_at_ms));
    let total_phones = (phones * shards).max(1) as f64;
    let (done_tx, mut done_rx) = tokio::sync::mpsc::unbounded_channel();
    let (release, released) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        let mut stdin = tokio::io::stdin();
        let _ = tokio::io::copy(&mut stdin, &mut tokio::io::sink()).await;
        let _ = release.send(true);
    });
    let mut tasks = Vec::with_capacity(phones);
    for p in 0..phones {
        let (code, presentation, done_tx) = (code.clone(), presentation.clone(), done_tx.clone());
        let mut released = released.clone();
        let global = p * shards + shard;
        let due = start + Duration::from_millis(window_ms).mul_f64(global as f64 / total_phones);
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep_until(due).await;
            let outcome =
                one_phone(target, source(global, sources), &code, &presentation, due).await;
            let total = micros(due);
            match outcome {
                Ok(Joined {
                    resolve,
                    poll,
                    socket,
                    mut ws,
                }) => {
                    let _ = done_tx.send(Ok((resolve, poll, socket, total, now_ms())));
                    let hold = tokio::time::sleep_until(hold_until);
                    tokio::pin!(hold);
                    loop {
                        tokio::select! {
                            message = ws.next() => if message.is_none() { break },
                            () = &mut hold => break,
                            _ = released.wait_for(|r| *r) => break,
                        }
                    }
                }
                Err(failure) => {
                    let _ = done_tx.send(Err(failure));
                }
            }
        }));
    }
    drop(done_tx);
    let mut report = JoinReport {
        phones: phones as u64,
        ..JoinReport::default()
    };
    for _ in 0..phones {
        match done_rx.recv().await.context("a phone task ended")? {
            Ok((resolve, poll, socket, total, done)) => {
                report.joined += 1;
                report.resolve_us.push(resolve);
                report.poll_us.push(poll);
                report.socket_us.push(socket);
                report.total_us.push(total);
                report.last_done_ms = report.last_done_ms.max(done);
            }
            Err(failure) => {
                // Keep the kind of failure, not every error's details.
                let kind: String = failure.chars().take(60).collect();
                *report.failures.entry(kind).or_default() += 1;
            }
        }
    }
    println!("{}", serde_json::to_string(&report)?);
    for t in tasks {
        t.await?;
    }
    Ok(())
}
