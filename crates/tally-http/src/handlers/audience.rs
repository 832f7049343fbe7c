//! What phones use beyond v4: joining by code.

use super::Handled;
use crate::dto::{JoinBody, ParticipantBody, ScoreBody};
use crate::problem::Problem;
use crate::reads::ReadCache;
use actix_web::{web, HttpResponse};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tally_domain::ports::Ports;
use tally_domain::usecases::Tally;
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
        (status = 400, body = Problem, description = "`invalid_name`, or a malformed body"),
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

/// The quiz scores of recently asked presentations, each computed once for
/// every phone that asks within [`ScoreCache::FRESH_FOR`]: when the
/// presenter shows a quiz's results, thousands of phones ask at once, and
/// one read of the answers serves them all (concurrent misses of one
/// presentation wait for the same load).
#[derive(Clone, Debug)]
pub struct ScoreCache(moka::future::Cache<Uuid, Arc<Scores>>);

type Scores = HashMap<tally_domain::ParticipantId, (u64, u64)>;

impl ScoreCache {
    /// How stale a phone's score may be. Answers on the spike path reach
    /// the scores once flushed anyway.
    pub const FRESH_FOR: Duration = Duration::from_secs(2);

    pub fn new() -> Self {
        Self(
            moka::future::Cache::builder()
                .max_capacity(10_000)
                .time_to_live(Self::FRESH_FOR)
                .build(),
        )
    }
}

impl Default for ScoreCache {
    fn default() -> Self {
        Self::new()
    }
}

/// Your own quiz score over every quiz poll of the presentation, as the
/// leaderboard counts it, at most two seconds old. Only the participant's
/// own entry is returned; a participant who has answered nothing scores 0.
#[utoipa::path(get, path = "/presentations/{presentation_id}/participants/{client_id}/score", tag = "poll types",
    params(("presentation_id" = Uuid, Path), ("client_id" = Uuid, Path)),
    responses((status = 200, body = ScoreBody), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn score<P: Ports>(
    tally: web::Data<Tally<P>>,
    cache: web::Data<ScoreCache>,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, Problem> {
    let (presentation, client) = path.into_inner();
    let scores = cache
        .0
        .try_get_with(presentation, async {
            tally
                .quiz_scores(tally_domain::PresentationId::from_uuid(presentation))
                .await
                .map(Arc::new)
        })
        .await
        // The error is shared by every phone that waited on the same load.
        .map_err(|e| match &*e {
            tally_domain::usecases::LeaderboardError::NotFound => {
                Problem::not_found(crate::errors::NO_PRESENTATION)
            }
            other => Problem::unavailable(&anyhow::anyhow!("{other}")),
        })?;
    let (score, correct) = scores
        .get(&tally_domain::ParticipantId::from_uuid(client))
        .copied()
        .unwrap_or_default();
    Ok(HttpResponse::Ok().json(ScoreBody { score, correct }))
}
