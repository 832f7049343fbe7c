//! The WebSocket scenario: N audience sockets across several processes
//! follow a slide change (or, with `--change edit`, a live edit of the
//! poll on screen through `PUT …/deck`); plus vote-to-presenter-screen
//! latency and server memory per idle socket.

use crate::conn::{source, Conn};
use crate::stats::now_ms;
use anyhow::{bail, Context as _};
use bytes::Bytes;
use futures_util::StreamExt as _;
use hyper::{Method, StatusCode};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt as _, BufReader};
use tokio_tungstenite::tungstenite::Message;

/// One shard's report.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct ShardReport {
    pub connected: usize,
    pub connect_errors: usize,
    /// When each socket saw the slide change, ms since the epoch.
    pub seen_ms: Vec<u64>,
    pub missed: usize,
}

async fn open(
    target: SocketAddr,
    src: std::net::IpAddr,
    path: &str,
) -> anyhow::Result<tokio_tungstenite::WebSocketStream<tokio::net::TcpStream>> {
    let stream = crate::conn::connect(target, src).await?;
    let (ws, _) = tokio_tungstenite::client_async(format!("ws://{target}{path}"), stream).await?;
    Ok(ws)
}

/// Parent: create, spawn shards, wait until connected, move, collect.
pub async fn ws(
    target: SocketAddr,
    sources: usize,
    sockets: usize,
    processes: usize,
    edit: bool,
) -> anyhow::Result<()> {
    let mut conn = Conn::open(target, source(0, 1)).await?;
    let body = serde_json::json!({"polls": [
        {"question": "One?", "options": [{"key": "A", "value": "a"}, {"key": "B", "value": "b"}]},
        {"question": "Two?", "options": [{"key": "A", "value": "a"}]}]});
    let created = crate::scenarios::create(&mut conn, &body).await?;
    let (id, token) = (created.id, created.token);
    let baseline = crate::servers::rss();

    let exe = std::env::current_exe()?;
    let per_shard = sockets.div_ceil(processes.max(1));
    let mut children = Vec::new();
    for shard in 0..processes.max(1) {
        let n = per_shard.min(sockets.saturating_sub(shard * per_shard));
        let mut child = tokio::process::Command::new(&exe)
            .args([
                "--target",
                &target.to_string(),
                "--sources",
                &sources.to_string(),
            ])
            .args([
                "ws-shard",
                "--shard",
                &shard.to_string(),
                "--sockets",
                &n.to_string(),
                "--presentation",
                &id,
                "--change",
                if edit { "edit" } else { "slide" },
            ])
            .stdout(std::process::Stdio::piped())
            .spawn()?;
        let stdout = BufReader::new(child.stdout.take().context("stdout")?);
        children.push((child, stdout.lines()));
    }
    // Wait until every shard has all its sockets connected and current.
    let mut connected = 0;
    for (_, lines) in &mut children {
        let line = lines.next_line().await?.context("shard ended early")?;
        connected += line
            .strip_prefix("ready ")
            .context("ready line")?
            .parse::<usize>()?;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let with_sockets = crate::servers::rss();
    let per_socket = with_sockets.saturating_sub(baseline) / u64::try_from(connected.max(1))?;

    // The presenter screen, on whichever process the kernel picks: its
    // audience figure must count the sockets of both processes.
    let mut presenter = open(
        target,
        source(1, sources),
        &format!("/presentations/{id}/live/presenter?token={token}"),
    )
    .await?;
    let mut presenter_audience = 0;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while presenter_audience < connected {
        let Ok(message) = tokio::time::timeout_at(deadline, presenter.next()).await else {
            break;
        };
        if let Message::Text(text) = message.context("presenter socket closed")?? {
            let v: serde_json::Value = serde_json::from_str(&text)?;
            presenter_audience = v["audience"].as_u64().map_or(0, |n| n as usize);
        }
    }

    // The slide change, or a live edit of the poll on screen (its question
    // fixed, as a typo on stage would be).
    let moved_at = now_ms();
    let status = if edit {
        let [one, two] = [&created.polls[0], &created.polls[1]];
        let deck = serde_json::json!({"polls": [
            {"poll_id": one, "question": "One, edited?", "options": [{"key": "A", "value": "a"}, {"key": "B", "value": "b"}]},
            {"poll_id": two, "question": "Two?", "options": [{"key": "A", "value": "a"}]}]});
        conn.request_with(
            Method::PUT,
            &format!("/presentations/{id}/deck"),
            Some(Bytes::from(deck.to_string())),
            Some(&token),
            &[("if-match", "\"1\"")],
        )
        .await?
        .0
    } else {
        conn.send_authorized(
            Method::PUT,
            &format!("/presentations/{id}/polls/current"),
            &token,
        )
        .await?
        .0
    };
    if status != StatusCode::OK {
        bail!("moving the slide or editing the deck: {status}");
    }
    let mut seen = Vec::new();
    let mut missed = 0;
    for (child, mut lines) in children {
        let line = lines.next_line().await?.context("shard report")?;
        let report: ShardReport = serde_json::from_str(&line)?;
        seen.extend(report.seen_ms.iter().map(|s| s.saturating_sub(moved_at)));
        missed += report.missed + report.connect_errors;
        let _ = child.wait_with_output().await;
    }
    seen.sort_unstable();
    let pct = |q: f64| {
        seen.get(((seen.len() as f64 * q) as usize).min(seen.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0)
    };

    // Vote to presenter screen: one vote at a time, time until the
    // presenter channel shows it.
    // The poll on screen now: the second after a slide change, the first
    // (edited) after an edit.
    let poll = created
        .polls
        .get(usize::from(!edit))
        .context("a second poll")?
        .clone();
    let mut lags = Vec::new();
    for n in 1..=100u64 {
        let vote = format!(
            r#"{{"key":"A","client_id":"{}","poll_id":"{poll}"}}"#,
            uuid::Uuid::new_v4()
        );
        let sent = std::time::Instant::now();
        conn.send(
            Method::POST,
            &format!("/presentations/{id}/polls/current/votes"),
            Some(Bytes::from(vote)),
        )
        .await?;
        loop {
            let message = tokio::time::timeout(Duration::from_secs(5), presenter.next())
                .await?
                .context("presenter socket closed")??;
            if let Message::Text(text) = message {
                let v: serde_json::Value = serde_json::from_str(&text)?;
                if v["total_votes"].as_u64() >= Some(n) {
                    break;
                }
            }
        }
        lags.push(sent.elapsed().as_secs_f64() * 1000.0);
    }
    lags.sort_by(f64::total_cmp);
    let summary = serde_json::json!({
        "scenario": if edit { "ws-edit" } else { "ws" },
        "sockets": connected,
        "missed": missed,
        "slide_p50_ms": pct(0.5),
        "slide_p99_ms": pct(0.99),
        "slide_max_ms": seen.last().copied().unwrap_or(0),
        "within_500ms": seen.iter().filter(|s| **s <= 500).count(),
        "vote_to_presenter_p50_ms": lags[lags.len() / 2],
        "vote_to_presenter_p99_ms": lags[(lags.len() * 99 / 100).min(lags.len() - 1)],
        "server_bytes_per_socket": per_socket,
        "presenter_audience": presenter_audience,
    });
    println!("ws: {summary}");
    println!("RESULT {summary}");
    Ok(())
}

/// The shard's report, for a moment: a plain lock, held for a push, is far
/// cheaper across 15,000 sockets than an async one that queues and wakes.
fn lock(report: &std::sync::Mutex<ShardReport>) -> std::sync::MutexGuard<'_, ShardReport> {
    report
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// One shard: open the sockets, report ready, report when each saw the move.
pub async fn ws_shard(
    target: SocketAddr,
    sources: usize,
    shard: usize,
    sockets: usize,
    presentation: &str,
    edit: bool,
) -> anyhow::Result<()> {
    // What the change looks like on a socket: the next slide, or the
    // deck's second revision (the edited question).
    let sign: &'static str = if edit {
        "\"deck_rev\":2"
    } else {
        "\"current_poll_index\":1"
    };
    let path = Arc::new(format!("/presentations/{presentation}/live"));
    let report = Arc::new(std::sync::Mutex::new(ShardReport::default()));
    let (ready_tx, mut ready_rx) = tokio::sync::mpsc::channel::<bool>(sockets.max(1));
    let opening = Arc::new(tokio::sync::Semaphore::new(256));
    let mut tasks = Vec::with_capacity(sockets);
    for s in 0..sockets {
        let (path, report, ready_tx, opening) = (
            path.clone(),
            report.clone(),
            ready_tx.clone(),
            opening.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let permit = opening.acquire().await;
            let ws = open(target, source(shard * 7919 + s, sources), &path).await;
            drop(permit);
            let Ok(mut ws) = ws else {
                let _ = ready_tx.send(false).await;
                return;
            };
            // The initial state.
            let first = tokio::time::timeout(Duration::from_secs(60), ws.next()).await;
            let _ = ready_tx.send(matches!(first, Ok(Some(Ok(_))))).await;
            let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
            loop {
                match tokio::time::timeout_at(deadline, ws.next()).await {
                    Ok(Some(Ok(Message::Text(text)))) if text.contains(sign) => {
                        // Timestamped on receipt, before taking the shared
                        // report's lock (15,000 sockets queue for it).
                        let seen = now_ms();
                        lock(&report).seen_ms.push(seen);
                        break;
                    }
                    Ok(Some(Ok(_))) => continue,
                    _ => {
                        lock(&report).missed += 1;
                        break;
                    }
                }
            }
            // Stay connected until the shard ends, like an idle phone.
            tokio::time::sleep(Duration::from_secs(1)).await;
        }));
    }
    drop(ready_tx);
    let mut connected = 0;
    let mut failed = 0;
    while let Some(ok) = ready_rx.recv().await {
        if ok {
            connected += 1
        } else {
            failed += 1
        }
        if connected + failed == sockets {
            break;
        }
    }
    println!("ready {connected}");
    for t in tasks {
        let _ = t.await;
    }
    let mut report = Arc::try_unwrap(report)
        .map_err(|_| anyhow::anyhow!("tasks hold the report"))?
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    report.connected = connected;
    report.connect_errors = failed;
    println!("{}", serde_json::to_string(&report)?);
    Ok(())
}
