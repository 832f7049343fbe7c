//! Taking votes and retractions: admission, the body, then the intake.

use super::{poll_id, presentation_id};
use crate::admission::Admission;
use crate::body_deadline;
use crate::dto::RetractBody;
use crate::problem::Problem;
use actix_web::{web, FromRequest as _, HttpRequest, HttpResponse};
use serde::de::DeserializeOwned;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use tally_domain::ports::{IntakeError, Ports};
use tally_domain::usecases::Tally;
use tally_domain::{Ballot, ParticipantId};
use uuid::Uuid;

/// Checks a ballot again against the poll read afresh: given with a ballot
/// that was checked against a cached copy of its poll, for when the intake
/// finds that copy stale ([`IntakeError::RoundChanged`]: a deck edit
/// changed what a vote may hold).
pub(super) type Recheck<'a> =
    Box<dyn FnOnce() -> Pin<Box<dyn Future<Output = Result<Ballot, Problem>> + 'a>> + 'a>;

/// Admits a vote-like request, reads its body, turns it into a ballot with
/// `ballot`, and casts it; once more, checked again, if the intake finds
/// it was checked against a poll a deck edit has changed. Refusals before
/// the intake are counted as the intake's are: here for admission and the
/// body, by `ballot` for its own.
pub(super) async fn take<'a, P, B, F, Fut>(
    tally: &Tally<P>,
    admission: &Arc<Admission>,
    request: &HttpRequest,
    payload: web::Payload,
    ballot: F,
) -> Result<HttpResponse, actix_web::Error>
where
    P: Ports,
    B: DeserializeOwned + 'static,
    F: FnOnce(B) -> Fut,
    Fut: Future<Output = Result<(Ballot, Option<Recheck<'a>>), Problem>>,
{
    let overloaded = || Problem::overloaded(admission.settings().retry_after_ms);
    // The place the body took on arrival, kept until the vote is in flight;
    // a vote that came without a body takes one now.
    let arrival = body_deadline::claim(request).unwrap_or_else(|| admission.arrive());
    let Ok(ticket) = arrival else {
        tally.record_overloaded_vote();
        return Err(overloaded().into());
    };
    // The body's deadline is `body_deadline`'s: a late body fails this read,
    // and the answer becomes 408.
    let body = match web::Json::<B>::from_request(request, &mut payload.into_inner()).await {
        Ok(body) => body.into_inner(),
        Err(error) => {
            tally.record_invalid_vote();
            return Err(as_invalid_vote(error));
        }
    };
    let Ok(_in_flight) = ticket.admit().await else {
        tally.record_overloaded_vote();
        return Err(overloaded().into());
    };
    // `ballot` counts its own refusals (the domain's ballot check does).
    let (ballot, recheck) = ballot(body).await?;
    let cast = match (tally.cast_vote(ballot).await, recheck) {
        (Err(IntakeError::RoundChanged), Some(recheck)) => tally.cast_vote(recheck().await?).await,
        (cast, _) => cast,
    };
    match cast {
        Ok(_) => Ok(HttpResponse::NoContent().finish()),
        Err(IntakeError::Overloaded) => Err(overloaded().into()),
        Err(e) => Err(Problem::from(e).into()),
    }
}

/// A body of the right JSON shape whose values do not fit (a rating that is
/// not an integer, a key that is not a string) is a malformed vote:
/// `invalid_vote`, as `poll-types.md` names it.
fn as_invalid_vote(error: actix_web::Error) -> actix_web::Error {
    match error.as_error::<Problem>() {
        Some(problem) if problem.code == "invalid_body" => {
            Problem::bad_request("invalid_vote", problem.detail.clone()).into()
        }
        _ => error,
    }
}

/// Retract your vote on the poll on screen (`poll-types.md`). 204 when it
/// is retracted, or when there was none; 409 `already_voted` on a poll
/// without `allow_change`.
#[utoipa::path(delete, path = "/presentations/{presentation_id}/polls/current/votes", tag = "poll types",
    params(("presentation_id" = Uuid, Path)),
    request_body = RetractBody,
    responses((status = 204, description = "Retracted, or nothing to retract"),
        (status = 400, body = Problem, description = "Malformed body"),
        (status = 404, body = Problem, description = "Presentation or poll not found"),
        (status = 409, body = Problem, description = "Not the current poll, voting closed, or the poll does not allow changes"),
        (status = 429, body = Problem, description = "Too many votes at once: not stored; retry after Retry-After"),
        (status = 503, body = Problem, description = "A store is down: not stored; retry after Retry-After"),
        (status = 504, body = Problem, description = "Outcome unknown: send the same retraction again after Retry-After")))]
pub async fn retract_vote<P: Ports>(
    tally: web::Data<Tally<P>>,
    admission: web::Data<Admission>,
    request: HttpRequest,
    id: web::Path<Uuid>,
    payload: web::Payload,
) -> Result<HttpResponse, actix_web::Error> {
    let presentation = presentation_id(*id);
    take(
        &tally,
        &admission,
        &request,
        payload,
        |body: RetractBody| async move {
            // A retraction fits every round: nothing to check again.
            let ballot = Ballot::retraction(
                presentation,
                poll_id(body.poll_id),
                ParticipantId::from_uuid(body.client_id),
            );
            Ok((ballot, None))
        },
    )
    .await
}
