//! What phones use beyond v4: joining by code.

use super::Handled;
use crate::dto::{JoinBody, ParticipantBody};
use crate::problem::Problem;
use crate::reads::ReadCache;
use actix_web::{web, HttpResponse};
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
