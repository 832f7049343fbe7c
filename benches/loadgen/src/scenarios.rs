//! The scenarios.

use crate::conn::{source, Conn};
use crate::phone::phone_votes;
use crate::stats::{now_ms, quantiles_ms, EditSummary, Outcomes, SpikeSummary, Summary};
use anyhow::{bail, Context as _};
use bytes::Bytes;
use hyper::{Method, StatusCode};
use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;
use uuid::Uuid;

/// Longest any scenario waits for votes to become durable.
const DURABLE_WAIT: Duration = Duration::from_secs(120);

pub(crate) fn print_summary(summary: &Summary) -> anyhow::Result<()> {
    println!(
        "{}: {} ok, {:.0}/s, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms, errors {:?}, durable after {:?} ms, lost {:?}",
        summary.scenario, summary.requests_ok, summary.rate_per_s, summary.p50_ms, summary.p99_ms,
        summary.max_ms, summary.errors, summary.durable_after_ms, summary.lost
    );
    println!("RESULT {}", serde_json::to_string(summary)?);
    Ok(())
}

/// A presentation the load generator created.
pub struct Created {
    pub id: String,
    pub token: String,
    pub join_code: String,
    /// Poll ids in slide order.
    pub polls: Vec<String>,
}

/// A deck of `polls` polls of 4 options (A to D), the size of a typical
/// slide deck.
pub fn deck(polls: usize) -> serde_json::Value {
    serde_json::json!({"polls": (0..polls).map(|i| serde_json::json!({
        "question": format!("Question {i}: which of these do you prefer?"),
        "options": [{"key": "A", "value": "Alpha"}, {"key": "B", "value": "Bravo"},
                    {"key": "C", "value": "Charlie"}, {"key": "D", "value": "Delta"}]
    })).collect::<Vec<_>>()})
}

/// Creates a presentation from `body` and reads back its poll ids.
pub async fn create(conn: &mut Conn, body: &serde_json::Value) -> anyhow::Result<Created> {
    let (status, created) = conn
        .send(
            Method::POST,
            "/presentations",
            Some(Bytes::from(body.to_string())),
        )
        .await?;
    if status != StatusCode::CREATED {
        bail!("creating the presentation: {status}");
    }
    let created: serde_json::Value = serde_json::from_slice(&created)?;
    let field = |name: &str| -> anyhow::Result<String> {
        Ok(created[name].as_str().context(name.to_owned())?.to_owned())
    };
    let (id, token) = (field("presentation_id")?, field("presenter_token")?);
    let join_code = field("join_code")?;
    let (_, shown) = conn
        .send(Method::GET, &format!("/presentations/{id}"), None)
        .await?;
    let shown: serde_json::Value = serde_json::from_slice(&shown)?;
    let polls = shown["polls"]
        .as_array()
        .context("polls")?
        .iter()
        .map(|p| p["poll_id"].as_str().map(str::to_owned).context("poll_id"))
        .collect::<anyhow::Result<_>>()?;
    Ok(Created {
        id,
        token,
        join_code,
        polls,
    })
}

/// The poll a scenario votes on: its type (`poll-types.md`) and timer.
#[derive(Clone, Debug)]
pub struct TypedPoll {
    pub kind: String,
    pub time_limit_secs: Option<u64>,
}

impl Default for TypedPoll {
    fn default() -> Self {
        Self {
            kind: "single".to_owned(),
            time_limit_secs: None,
        }
    }
}

/// Creates a one-poll presentation of a poll type (`poll-types.md`), three
/// options where the type has options; returns (presentation id, poll id).
async fn typed_presentation(
    target: SocketAddr,
    typed: &TypedPoll,
) -> anyhow::Result<(String, String)> {
    let created = typed_created(target, typed).await?;
    let poll = created.polls.into_iter().next().context("no poll")?;
    Ok((created.id, poll))
}

/// A presentation of one poll of `typed`'s type, with its presenter token.
async fn typed_created(target: SocketAddr, typed: &TypedPoll) -> anyhow::Result<Created> {
    let kind = typed.kind.as_str();
    let mut conn = Conn::open(target, source(0, 1)).await?;
    let options = serde_json::json!([
        {"key": "A", "value": "a"}, {"key": "B", "value": "b"}, {"key": "C", "value": "c"}]);
    let mut poll = serde_json::json!({"question": "Benchmark?", "options": options});
    match kind {
        "single" => {}
        "wordcloud" | "open" => {
            poll = serde_json::json!({"question": "Benchmark?", "type": kind});
        }
        "quiz" => {
            poll["type"] = kind.into();
            poll["correct"] = serde_json::json!(["B"]);
        }
        _ => poll["type"] = kind.into(),
    }
    if let Some(secs) = typed.time_limit_secs {
        poll["time_limit_secs"] = secs.into();
    }
    create(&mut conn, &serde_json::json!({ "polls": [poll] })).await
}

/// Text edits of the single-choice poll being voted on, `per_sec` a second
/// for `seconds`, each a `PUT …/deck` from the revision the last one made
/// (a presenter fixing the question while the room votes).
async fn edit_burst(
    target: SocketAddr,
    created: &Created,
    per_sec: u32,
    seconds: u64,
) -> anyhow::Result<EditSummary> {
    let mut conn = Conn::open(target, source(0, 1)).await?;
    let poll = created.polls.first().context("no poll")?;
    let path = format!("/presentations/{}/deck", created.id);
    let mut ticker =
        tokio::time::interval(Duration::from_secs_f64(1.0 / f64::from(per_sec.max(1))));
    let end = tokio::time::Instant::now() + Duration::from_secs(seconds);
    let (mut revision, mut refused, mut took_us) = (1u64, 0u64, Vec::new());
    while tokio::time::Instant::now() < end {
        ticker.tick().await;
        let deck = serde_json::json!({"polls": [{"poll_id": poll,
            "question": format!("Benchmark? (edit {revision})"),
            "options": [{"key": "A", "value": "a"}, {"key": "B", "value": "b"}, {"key": "C", "value": "c"}]}]});
        let tag = format!("\"{revision}\"");
        let sent = std::time::Instant::now();
        let (status, _) = conn
            .request_with(
                Method::PUT,
                &path,
                Some(Bytes::from(deck.to_string())),
                Some(&created.token),
                &[("if-match", &tag)],
            )
            .await?;
        took_us.push(u64::try_from(sent.elapsed().as_micros()).unwrap_or(u64::MAX));
        if status == StatusCode::OK {
            revision += 1;
        } else {
            refused += 1;
        }
    }
    let (p50_ms, p99_ms, _) = quantiles_ms(&took_us);
    Ok(EditSummary {
        per_sec,
        saved: revision - 1,
        refused,
        p50_ms,
        p99_ms,
    })
}

/// A vote of a poll type, the i-th of a run: the choices vary with i so
/// that counters of every kind move (word clouds: three words of fifty).
pub(crate) fn typed_vote_body(kind: &str, poll: &str, participant: Uuid, i: usize) -> Bytes {
    let keys = ["A", "B", "C"];
    let field = match kind {
        "multiple" => format!(r#""keys":["{}","{}"]"#, keys[i % 3], keys[(i + 1) % 3]),
        "scale" => format!(
            r#""ratings":{{"A":{},"B":{},"C":{}}}"#,
            1 + i % 5,
            1 + (i / 5) % 5,
            1 + (i / 25) % 5
        ),
        "ranking" => {
            let first = i % 3;
            format!(
                r#""ranking":["{}","{}","{}"]"#,
                keys[first],
                keys[(first + 1 + i / 3 % 2) % 3],
                keys[(first + 2 - i / 3 % 2) % 3]
            )
        }
        "points" => format!(r#""points":{{"A":{},"B":{},"C":10}}"#, i % 50, 40 - i % 30),
        "wordcloud" => format!(
            r#""words":["word{}","Word{}!","wörd {}"]"#,
            i % 50,
            (i / 7) % 50,
            (i / 13) % 50
        ),
        "open" => format!(r#""text":"Comment number {} from the audience""#, i % 1000),
        _ => format!(r#""key":"{}""#, keys[i % 3]),
    };
    Bytes::from(format!(
        r#"{{{field},"client_id":"{participant}","poll_id":"{poll}"}}"#
    ))
}

pub(crate) fn vote_body(poll: &str, participant: Uuid, i: usize) -> Bytes {
    let key = ["A", "B", "C"][i % 3];
    Bytes::from(format!(
        r#"{{"key":"{key}","client_id":"{participant}","poll_id":"{poll}"}}"#
    ))
}

/// Waits until Postgres holds every accepted vote, then compares the sets.
/// Returns (ms after the last acknowledgement, lost, stored but not acknowledged).
async fn durability(
    database_url: &str,
    poll: &str,
    outcomes: &Outcomes,
) -> anyhow::Result<(u64, u64, u64)> {
    let (client, connection) = tokio_postgres::connect(database_url, tokio_postgres::NoTls).await?;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    let poll = Uuid::parse_str(poll)?;
    let expected = i64::try_from(outcomes.accepted.len())?;
    let deadline = Instant::now() + DURABLE_WAIT;
    let durable_at = loop {
        let n: i64 = client
            .query_one("SELECT count(*) FROM votes WHERE poll_id = $1", &[&poll])
            .await?
            .get(0);
        if n >= expected || Instant::now() > deadline {
            break now_ms();
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    };
    let rows = client
        .query(
            "SELECT participant_id FROM votes WHERE poll_id = $1",
            &[&poll],
        )
        .await?;
    let stored: HashSet<Uuid> = rows.iter().map(|r| r.get(0)).collect();
    let accepted: HashSet<Uuid> = outcomes.accepted.iter().copied().collect();
    let lost = accepted.difference(&stored).count() as u64;
    let extra = stored.difference(&accepted).count() as u64;
    Ok((
        durable_at.saturating_sub(outcomes.last_answer_ms),
        lost,
        extra,
    ))
}

pub(crate) fn summary(
    scenario: &str,
    outcomes: &Outcomes,
    ok: u16,
    durable: Option<(u64, u64, u64)>,
) -> Summary {
    let (p50, p99, max) = outcomes.latency_ms();
    Summary {
        scenario: scenario.to_owned(),
        requests_ok: outcomes.statuses.get(&ok).copied().unwrap_or(0),
        rate_per_s: outcomes.rate(ok),
        p50_ms: p50,
        p99_ms: p99,
        max_ms: max,
        errors: outcomes.errors(ok),
        durable_after_ms: durable
            .filter(|_| !outcomes.accepted.is_empty())
            .map(|d| d.0),
        lost: durable.map(|d| d.1),
        unacknowledged_stored: durable.map(|d| d.2),
        spike: None,
        edits: None,
    }
}

/// Keep-alive connections sending requests back to back until `seconds`
/// pass. `request(i)` gives the i-th request of a connection.
pub(crate) async fn closed_loop<F>(
    target: SocketAddr,
    sources: usize,
    connections: usize,
    seconds: u64,
    request: F,
) -> anyhow::Result<Outcomes>
where
    F: Fn(usize, usize) -> (Method, String, Option<Bytes>, Option<Uuid>) + Send + Sync + 'static,
{
    let request = Arc::new(request);
    let total = Arc::new(Mutex::new(Outcomes::default()));
    let start = now_ms();
    let stop_at = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for c in 0..connections {
        let (request, total) = (request.clone(), total.clone());
        tasks.push(tokio::spawn(async move {
            let mut out = Outcomes {
                first_send_ms: start,
                ..Outcomes::default()
            };
            let mut conn = match Conn::open(target, source(c, sources)).await {
                Ok(conn) => conn,
                Err(_) => {
                    out.transport_errors += 1;
                    total.lock().await.merge(out);
                    return;
                }
            };
            let mut i = 0;
            while Instant::now() < stop_at {
                let (method, path, body, participant) = request(c, i);
                i += 1;
                let sent = Instant::now();
                match conn.send(method, &path, body).await {
                    Ok((status, _)) => {
                        out.latencies_us
                            .push(u64::try_from(sent.elapsed().as_micros()).unwrap_or(u64::MAX));
                        *out.statuses.entry(status.as_u16()).or_default() += 1;
                        out.last_answer_ms = now_ms();
                        if status == StatusCode::NO_CONTENT {
                            out.accepted.extend(participant);
                        }
                    }
                    Err(_) => {
                        out.transport_errors += 1;
                        match Conn::open(target, source(c, sources)).await {
                            Ok(fresh) => conn = fresh,
                            Err(_) => break,
                        }
                    }
                }
            }
            total.lock().await.merge(out);
        }));
    }
    for t in tasks {
        t.await?;
    }
    Ok(Arc::try_unwrap(total)
        .map_err(|_| anyhow::anyhow!("tasks still hold results"))?
        .into_inner())
}

pub async fn ping(
    target: SocketAddr,
    sources: usize,
    connections: usize,
    seconds: u64,
) -> anyhow::Result<()> {
    let outcomes = closed_loop(target, sources, connections, seconds, |_, _| {
        (Method::GET, "/ping".to_owned(), None, None)
    })
    .await?;
    print_summary(&summary("ping", &outcomes, 200, None))
}

#[allow(clippy::too_many_arguments)]
pub async fn sustained(
    target: SocketAddr,
    sources: usize,
    connections: usize,
    seconds: u64,
    database_url: &str,
    label: &str,
    kind: &str,
    edits_per_sec: u32,
) -> anyhow::Result<()> {
    let typed = TypedPoll {
        kind: kind.to_owned(),
        time_limit_secs: None,
    };
    let created = typed_created(target, &typed).await?;
    let (presentation, poll) = (
        created.id.clone(),
        created.polls.first().context("no poll")?.clone(),
    );
    let kind = kind.to_owned();
    let path = format!("/presentations/{presentation}/polls/current/votes");
    let poll_for_requests = poll.clone();
    let votes = closed_loop(target, sources, connections, seconds, move |c, i| {
        let participant = Uuid::new_v4();
        (
            Method::POST,
            path.clone(),
            Some(typed_vote_body(
                &kind,
                &poll_for_requests,
                participant,
                c + i,
            )),
            Some(participant),
        )
    });
    let (outcomes, edits) = if edits_per_sec > 0 {
        let (outcomes, edits) =
            tokio::join!(votes, edit_burst(target, &created, edits_per_sec, seconds));
        (outcomes?, Some(edits?))
    } else {
        (votes.await?, None)
    };
    let durable = durability(database_url, &poll, &outcomes).await?;
    let mut summary = summary(label, &outcomes, 204, Some(durable));
    summary.edits = edits;
    print_summary(&summary)
}

#[allow(clippy::too_many_arguments)]
pub async fn spike(
    target: SocketAddr,
    sources: usize,
    voters: usize,
    window_ms: u64,
    processes: usize,
    database_url: &str,
    retry_deadline: Duration,
    typed: &TypedPoll,
    label: &str,
) -> anyhow::Result<()> {
    let (presentation, poll) = typed_presentation(target, typed).await?;
    // Every shard first opens its connections; the votes start together.
    let start_at_ms = now_ms() + 3_000 + u64::try_from(voters / 10).unwrap_or(0);
    let exe = std::env::current_exe()?;
    let per_shard = voters.div_ceil(processes.max(1));
    let mut children = Vec::new();
    for shard in 0..processes.max(1) {
        let n = per_shard.min(voters.saturating_sub(shard * per_shard));
        children.push(
            tokio::process::Command::new(&exe)
                .args([
                    "--target",
                    &target.to_string(),
                    "--sources",
                    &sources.to_string(),
                ])
                .arg("spike-shard")
                .args(["--shard", &shard.to_string(), "--voters", &n.to_string()])
                .args(["--presentation", &presentation, "--poll", &poll])
                .args([
                    "--start-at-ms",
                    &start_at_ms.to_string(),
                    "--window-ms",
                    &window_ms.to_string(),
                    "--retry-deadline-ms",
                    &retry_deadline.as_millis().to_string(),
                    "--kind",
                    &typed.kind,
                ])
                .stdout(std::process::Stdio::piped())
                .spawn()?,
        );
    }
    let mut outcomes = Outcomes::default();
    for child in children {
        let out = child.wait_with_output().await?;
        if !out.status.success() {
            bail!("a spike shard failed");
        }
        outcomes.merge(serde_json::from_slice(&out.stdout).context("shard output")?);
    }
    let durable = durability(database_url, &poll, &outcomes).await?;
    let mut summary = summary(label, &outcomes, 204, Some(durable));
    let (first_p50, first_p99, _) = quantiles_ms(&outcomes.first_try_us);
    let (final_p50, final_p99, final_max) = quantiles_ms(&outcomes.final_ack_us);
    let spike = SpikeSummary {
        voters: voters as u64,
        accepted_first_try: outcomes.first_try_statuses.get(&204).copied().unwrap_or(0),
        accepted_final: outcomes.accepted.len() as u64,
        refused_for_good: outcomes.refused_for_good,
        retries: outcomes.retries,
        first_try_statuses: outcomes.first_try_statuses.clone(),
        first_try_p50_ms: first_p50,
        first_try_p99_ms: first_p99,
        final_p50_ms: final_p50,
        final_p99_ms: final_p99,
        final_max_ms: final_max,
        all_acknowledged_after_ms: outcomes
            .last_answer_ms
            .saturating_sub(outcomes.first_send_ms),
    };
    println!(
        "spike: {} of {} acknowledged at the first try, {} in the end, {} refused for good, {} retries; \
         first try p50 {:.0} / p99 {:.0} ms; final p50 {:.0} / p99 {:.0} / max {:.0} ms; all acknowledged {} ms after the first send",
        spike.accepted_first_try, spike.voters, spike.accepted_final, spike.refused_for_good, spike.retries,
        spike.first_try_p50_ms, spike.first_try_p99_ms, spike.final_p50_ms, spike.final_p99_ms,
        spike.final_max_ms, spike.all_acknowledged_after_ms
    );
    summary.spike = Some(spike);
    print_summary(&summary)
}

#[allow(clippy::too_many_arguments)]
pub async fn spike_shard(
    target: SocketAddr,
    sources: usize,
    shard: usize,
    voters: usize,
    presentation: &str,
    poll: &str,
    start_at_ms: u64,
    window_ms: u64,
    retry_deadline: Duration,
    kind: &str,
) -> anyhow::Result<()> {
    let path = Arc::new(format!("/presentations/{presentation}/polls/current/votes"));
    let poll = Arc::new(poll.to_owned());
    let kind = Arc::new(kind.to_owned());
    let total = Arc::new(Mutex::new(Outcomes::default()));
    // Open every connection first, a few hundred at a time.
    let opening = Arc::new(tokio::sync::Semaphore::new(256));
    let mut tasks = Vec::with_capacity(voters);
    for v in 0..voters {
        let (path, poll, total, opening, kind) = (
            path.clone(),
            poll.clone(),
            total.clone(),
            opening.clone(),
            kind.clone(),
        );
        // Spread sends evenly over the window.
        let send_at = start_at_ms
            + window_ms * u64::try_from(v).unwrap_or(0) / u64::try_from(voters.max(1)).unwrap_or(1);
        tasks.push(tokio::spawn(async move {
            let mut out = Outcomes::default();
            let permit = opening.acquire().await;
            let source = source(shard * 7919 + v, sources);
            let conn = Conn::open(target, source).await;
            drop(permit);
            let Ok(conn) = conn else {
                out.transport_errors += 1;
                total.lock().await.merge(out);
                return;
            };
            let wait = send_at.saturating_sub(now_ms());
            tokio::time::sleep(Duration::from_millis(wait)).await;
            let participant = Uuid::new_v4();
            let body = typed_vote_body(&kind, &poll, participant, v);
            out.first_send_ms = now_ms();
            phone_votes(conn, target, source, &path, body, retry_deadline, &mut out).await;
            if out.final_ack_us.is_empty() {
                out.refused_for_good += 1;
            } else {
                out.accepted.push(participant);
            }
            total.lock().await.merge(out);
            // Hold the socket until every voter has voted, as phones would.
            tokio::time::sleep(Duration::from_millis(window_ms)).await;
        }));
    }
    for t in tasks {
        t.await?;
    }
    let total = Arc::try_unwrap(total)
        .map_err(|_| anyhow::anyhow!("tasks still hold results"))?
        .into_inner();
    println!("{}", serde_json::to_string(&total)?);
    Ok(())
}
