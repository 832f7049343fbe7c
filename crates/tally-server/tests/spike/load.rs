//! Voters that behave like phones: each votes once, and retries the same
//! vote when the connection fails (the server may have died), or when the
//! answer asks for a retry (429, 503, 504, after the `retry_after_ms` the
//! body gives). That is safe because a repeat is a no-op.

use reqwest::StatusCode;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use uuid::Uuid;

#[derive(Debug, Default)]
pub struct Outcomes {
    /// Participant -> key, for every vote answered 204.
    pub acknowledged: HashMap<Uuid, String>,
    /// Participant -> when its 204 arrived.
    pub acknowledged_at: HashMap<Uuid, std::time::Instant>,
    /// Final statuses of the others (0: never answered).
    pub refused: HashMap<u16, usize>,
    /// Every answer, retried ones included, by status: what a phone saw,
    /// where `refused` only has what it finally gave up on.
    pub answers: HashMap<u16, usize>,
}

impl Outcomes {
    /// Fails a test whose burst was too small to prove anything (a test
    /// that passes with no vote acknowledged proves nothing).
    pub fn assert_burst(&self, at_least: usize) {
        assert!(
            self.acknowledged.len() >= at_least,
            "only {} votes acknowledged (answers {:?}): the burst was too small to prove anything",
            self.acknowledged.len(),
            self.answers
        );
    }

    /// Answers with a server-error status (5xx), retried ones included.
    pub fn server_errors(&self) -> usize {
        self.answers
            .iter()
            .filter(|(status, _)| **status >= 500)
            .map(|(_, n)| n)
            .sum()
    }
}

pub struct Load {
    stop: Arc<AtomicBool>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
    outcomes: Arc<Mutex<Outcomes>>,
    pub sent: Arc<AtomicUsize>,
}

impl Load {
    /// `workers` concurrent voters, each casting a vote then pausing
    /// `pause`, until stopped.
    pub fn start(
        base: &str,
        presentation: &str,
        poll: &str,
        workers: usize,
        pause: Duration,
    ) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let outcomes = Arc::new(Mutex::new(Outcomes::default()));
        let sent = Arc::new(AtomicUsize::new(0));
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .pool_max_idle_per_host(4)
            .build()
            .unwrap();
        let url = format!("{base}/presentations/{presentation}/polls/current/votes");
        let tasks = (0..workers)
            .map(|w| {
                let (stop, outcomes, sent, client, url, poll) = (
                    stop.clone(),
                    outcomes.clone(),
                    sent.clone(),
                    client.clone(),
                    url.clone(),
                    poll.to_owned(),
                );
                tokio::spawn(async move {
                    let mut i = 0;
                    while !stop.load(Ordering::Relaxed) {
                        let voter = Uuid::new_v4();
                        let key = ["A", "B", "C"][(w + i) % 3];
                        i += 1;
                        sent.fetch_add(1, Ordering::Relaxed);
                        let (status, answers) = vote(&client, &url, voter, key, &poll).await;
                        {
                            let mut o = outcomes.lock().unwrap();
                            for answer in answers {
                                *o.answers.entry(answer).or_default() += 1;
                            }
                            if status == Some(StatusCode::NO_CONTENT) {
                                o.acknowledged.insert(voter, key.to_owned());
                                o.acknowledged_at.insert(voter, std::time::Instant::now());
                            } else {
                                *o.refused
                                    .entry(status.map_or(0, |s| s.as_u16()))
                                    .or_default() += 1;
                            }
                        }
                        tokio::time::sleep(pause).await;
                    }
                })
            })
            .collect();
        Self {
            stop,
            tasks,
            outcomes,
            sent,
        }
    }

    /// Votes acknowledged so far.
    pub fn acknowledged(&self) -> usize {
        self.outcomes.lock().unwrap().acknowledged.len()
    }

    /// Waits until `more` votes beyond those acknowledged now are
    /// acknowledged: the voters are getting through. Panics after `within`.
    pub async fn acknowledges(&self, more: usize, within: Duration) {
        let target = self.acknowledged() + more;
        let deadline = std::time::Instant::now() + within;
        while self.acknowledged() < target {
            assert!(
                std::time::Instant::now() < deadline,
                "{} of {target} votes acknowledged after {within:?} (answers {:?})",
                self.acknowledged(),
                self.outcomes.lock().unwrap().answers
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    pub async fn finish(self) -> Outcomes {
        self.stop.store(true, Ordering::Relaxed);
        for t in self.tasks {
            t.await.unwrap();
        }
        Arc::try_unwrap(self.outcomes)
            .unwrap()
            .into_inner()
            .unwrap()
    }
}

/// Whether a status asks the client to send the same vote again.
pub fn asks_for_retry(status: StatusCode) -> bool {
    matches!(
        status,
        StatusCode::TOO_MANY_REQUESTS
            | StatusCode::SERVICE_UNAVAILABLE
            | StatusCode::GATEWAY_TIMEOUT
    )
}

/// The retry hint of an answer: the body's `retry_after_ms`, else the
/// `Retry-After` header's seconds.
pub async fn retry_after(response: reqwest::Response) -> Option<Duration> {
    let header = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
        .map(Duration::from_secs);
    let body: Option<serde_json::Value> = response.json().await.ok();
    body.and_then(|b| b["retry_after_ms"].as_u64())
        .map(Duration::from_millis)
        .or(header)
}

/// One vote, retried on transport errors, and after the hint on answers
/// that ask for a retry, for up to ~10 s. Returns the final status (None:
/// never settled) and every status answered on the way.
async fn vote(
    client: &reqwest::Client,
    url: &str,
    voter: Uuid,
    key: &str,
    poll: &str,
) -> (Option<StatusCode>, Vec<u16>) {
    let body = serde_json::json!({"key": key, "client_id": voter, "poll_id": poll});
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let mut answers = Vec::new();
    while std::time::Instant::now() < deadline {
        match client.post(url).json(&body).send().await {
            Ok(r) if asks_for_retry(r.status()) => {
                answers.push(r.status().as_u16());
                let wait = retry_after(r).await.unwrap_or(Duration::from_millis(100));
                tokio::time::sleep(wait.min(Duration::from_secs(1))).await;
            }
            Ok(r) => {
                answers.push(r.status().as_u16());
                return (Some(r.status()), answers);
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    (None, answers)
}
