//! One phone's vote as a real phone sends it: retried after a refusal,
//! honouring the server's hint, with jitter.

use crate::conn::Conn;
use crate::stats::{now_ms, Outcomes};
use bytes::Bytes;
use hyper::{Method, StatusCode};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

/// One phone's vote: sent, and sent again (the same body: votes are
/// idempotent) after each 429, 503 or 504, waiting the server's hint plus up
/// to as much again of random jitter, so that refused phones do not return
/// in lockstep; after a lost connection, on a new one. Stops at the first
/// other answer or at `deadline` after the first send.
pub async fn phone_votes(
    mut conn: Conn,
    target: SocketAddr,
    source: std::net::IpAddr,
    path: &str,
    body: Bytes,
    deadline: Duration,
    out: &mut Outcomes,
) {
    let first = Instant::now();
    let mut attempt = 0u32;
    while first.elapsed() < deadline {
        attempt += 1;
        let sent = Instant::now();
        let answer = conn.send(Method::POST, path, Some(body.clone())).await;
        let micros =
            |since: Instant| u64::try_from(since.elapsed().as_micros()).unwrap_or(u64::MAX);
        let retry_in = match answer {
            Ok((status, reply)) => {
                out.latencies_us.push(micros(sent));
                *out.statuses.entry(status.as_u16()).or_default() += 1;
                out.last_answer_ms = now_ms();
                if attempt == 1 {
                    out.first_try_us.push(micros(sent));
                    *out.first_try_statuses.entry(status.as_u16()).or_default() += 1;
                }
                if status == StatusCode::NO_CONTENT {
                    out.final_ack_us.push(micros(first));
                    return;
                }
                if !matches!(status.as_u16(), 429 | 503 | 504) {
                    return;
                }
                retry_hint(&reply)
            }
            Err(_) => {
                out.transport_errors += 1;
                match Conn::open(target, source).await {
                    Ok(fresh) => conn = fresh,
                    Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
                }
                Duration::from_millis(100)
            }
        };
        let jitter = retry_in.mul_f64(rand::random::<f64>());
        tokio::time::sleep(retry_in + jitter).await;
        out.retries += 1;
    }
}

/// The wait a refusal asks for: the problem body's `retry_after_ms` (what
/// `Retry-After` says in whole seconds), else the header's 1 s minimum.
fn retry_hint(reply: &[u8]) -> Duration {
    serde_json::from_slice::<serde_json::Value>(reply)
        .ok()
        .and_then(|b| b["retry_after_ms"].as_u64())
        .map_or(Duration::from_secs(1), Duration::from_millis)
}
