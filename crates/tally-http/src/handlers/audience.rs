//! What phones use beyond v4: joining by code.

use super::Handled;
use crate::dto::{JoinBody, ParticipantBody, ScoreBody};
use crate::problem::Problem;
use crate::reads::ReadCache;
use actix_web::{web, HttpResponse};
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tally_domain::ports::Ports;
use tally_domain::usecases::{LeaderboardError, Tally};
use uuid::Uuid;

/// Resolve a join code to the presentation and the poll on screen.
#[utoipa::path(get, path = "/join/{join_code}", tag = "audience",
    params(("join_code" = String, Path, example = "482913")),
    responses((status = 200, body = JoinBody), (status = 404, body = Problem),
        (status = 429, body = Problem, description = "Too many codes unknown to this server are being looked up at once (a burst of wrong codes); retry after Retry-After"),
        (status = 503, body = Problem)))]
pub async fn join<P: Ports>(
    tally: web::Data<Tally<P>>,
    reads: web::Data<ReadCache>,
    code: web::Path<String>,
) -> Handled {
    let snapshot = reads.join(&tally, &code).await?;
    super::json_body(snapshot.join.as_ref())
}

/// Set the name you show as on the quiz leaderboard (`poll-types.md`):
/// 1 to 30 characters, through the profanity filter. Without one, you show
/// as a stable pseudonym.
#[utoipa::path(post, path = "/presentations/{presentation_id}/participants", tag = "poll types",
    params(("presentation_id" = Uuid, Path)),
    request_body = ParticipantBody,
    responses((status = 204, description = "Named"),
        (status = 400, body = Problem, description = "The name is refused, with one code per reason: `name_empty` (nothing but spaces), `name_too_long` (over 30 characters), `name_control_character`, `name_not_allowed` (the profanity filter); or a malformed body"),
        (status = 404, body = Problem)))]
pub async fn set_name<P: Ports>(
    tally: web::Data<Tally<P>>,
    id: web::Path<Uuid>,
    body: web::Json<ParticipantBody>,
) -> Result<HttpResponse, Problem> {
    tally
        .set_name(
            tally_domain::PresentationId::from_uuid(*id),
            tally_domain::ParticipantId::from_uuid(body.client_id),
            &body.name,
        )
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Each presentation's quiz scores, computed once for every phone that asks
/// at about the same moment: when the presenter shows a quiz's results,
/// thousands of phones ask at once, and one read of the answers serves
/// them all.
///
/// A phone shares only a computation that started after it asked, so its
/// score includes every answer acknowledged before it asked (README, "Reads
/// include every acknowledged vote"). Phones that ask while a computation
/// runs share the next one, which starts when that one ends: one
/// computation per presentation at a time, each serving the phones that
/// asked during the one before.
#[derive(Clone, Debug)]
pub struct ScoreCache(moka::future::Cache<Uuid, Arc<tokio::sync::Mutex<Option<Computed>>>>);

type Scores = HashMap<tally_domain::ParticipantId, (u64, u64)>;
type Shared = Result<Arc<Scores>, Arc<LeaderboardError>>;

/// A presentation's last computation, and when it started.
#[derive(Debug)]
struct Computed {
    started: Instant,
    scores: Shared,
}

impl ScoreCache {
    /// A presentation nobody asked about for this long is forgotten.
    const IDLE_FOR: Duration = Duration::from_secs(60);

    pub fn new() -> Self {
        Self(
            moka::future::Cache::builder()
                .max_capacity(10_000)
                .time_to_idle(Self::IDLE_FOR)
                .build(),
        )
    }

    /// The presentation's scores from a computation that started at or
    /// after `asked`: one that finished while this caller waited its turn,
    /// or `compute` run now.
    async fn scores(
        &self,
        presentation: Uuid,
        asked: Instant,
        compute: impl Future<Output = Result<Scores, LeaderboardError>>,
    ) -> Shared {
        let slot = self
            .0
            .get_with(presentation, async { Arc::default() })
            .await;
        // Held while computing: the callers that come meanwhile queue here
        // and find the next computation done.
        let mut last = slot.lock().await;
        if let Some(done) = last.as_ref().filter(|done| done.started >= asked) {
            return done.scores.clone();
        }
        let started = Instant::now();
        let scores = compute.await.map(Arc::new).map_err(Arc::new);
        *last = Some(Computed {
            started,
            scores: scores.clone(),
        });
        scores
    }
}

impl Default for ScoreCache {
    fn default() -> Self {
        Self::new()
    }
}

/// Your own quiz score over every quiz poll of the presentation, as the
/// leaderboard counts it, with every answer acknowledged before you asked.
/// Only the participant's own entry is returned; a participant who has
/// answered nothing scores 0.
#[utoipa::path(get, path = "/presentations/{presentation_id}/participants/{client_id}/score", tag = "poll types",
    params(("presentation_id" = Uuid, Path), ("client_id" = Uuid, Path)),
    responses((status = 200, body = ScoreBody), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn score<P: Ports>(
    tally: web::Data<Tally<P>>,
    cache: web::Data<ScoreCache>,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, Problem> {
    let asked = Instant::now();
    let (presentation, client) = path.into_inner();
    let scores = cache
        .scores(
            presentation,
            asked,
            tally.quiz_scores(tally_domain::PresentationId::from_uuid(presentation)),
        )
        .await
        // The error is shared by every phone that waited on the same load.
        .map_err(|e| match &*e {
            LeaderboardError::NotFound => Problem::not_found(crate::errors::NO_PRESENTATION),
            other => Problem::unavailable(&anyhow::anyhow!("{other}")),
        })?;
    let (score, correct) = scores
        .get(&tally_domain::ParticipantId::from_uuid(client))
        .copied()
        .unwrap_or_default();
    Ok(HttpResponse::Ok().json(ScoreBody { score, correct }))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use tally_domain::ParticipantId;

    /// Scores with one participant at `points`, counting each computation.
    async fn computed(count: &AtomicUsize, points: u64) -> Result<Scores, LeaderboardError> {
        count.fetch_add(1, Ordering::SeqCst);
        let participant = ParticipantId::from_uuid(Uuid::nil());
        Ok(HashMap::from([(participant, (points, 1))]))
    }

    fn points(scores: &Shared) -> u64 {
        scores.as_ref().unwrap()[&ParticipantId::from_uuid(Uuid::nil())].0
    }

    #[tokio::test]
    async fn a_computation_that_started_before_a_phone_asked_is_never_its_answer() {
        let (cache, count, presentation) = (ScoreCache::new(), AtomicUsize::new(0), Uuid::new_v4());
        let first = cache
            .scores(presentation, Instant::now(), computed(&count, 100))
            .await;
        assert_eq!(points(&first), 100);
        // An answer acknowledged now, then asked for at once: a new
        // computation, though the last one is a moment old.
        let again = cache
            .scores(presentation, Instant::now(), computed(&count, 250))
            .await;
        assert_eq!((points(&again), count.load(Ordering::SeqCst)), (250, 2));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn phones_asking_while_one_computation_runs_share_the_next() {
        let (cache, count, presentation) = (
            Arc::new(ScoreCache::new()),
            Arc::new(AtomicUsize::new(0)),
            Uuid::new_v4(),
        );
        let (release, held) = tokio::sync::oneshot::channel::<()>();
        let running = tokio::spawn({
            let (cache, count) = (cache.clone(), count.clone());
            async move {
                let slow = async {
                    let scores = computed(&count, 1).await;
                    held.await.unwrap();
                    scores
                };
                cache.scores(presentation, Instant::now(), slow).await
            }
        });
        while count.load(Ordering::SeqCst) == 0 {
            tokio::task::yield_now().await;
        }
        let phones: Vec<_> = (0..50)
            .map(|_| {
                let (cache, count) = (cache.clone(), count.clone());
                let asked = Instant::now();
                tokio::spawn(
                    async move { cache.scores(presentation, asked, computed(&count, 2)).await },
                )
            })
            .collect();
        release.send(()).unwrap();
        assert_eq!(points(&running.await.unwrap()), 1);
        for phone in phones {
            assert_eq!(points(&phone.await.unwrap()), 2);
        }
        assert_eq!(count.load(Ordering::SeqCst), 2);
    }
}
