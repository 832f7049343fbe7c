//! What the presenter's console reads beyond v4: the presenter's notes,
//! and a poll's rounds.

use super::{poll_id, presentation_id, Handled};
use crate::dto::{RoundCountBody, RoundsBody};
use crate::extract::PresenterCredential;
use crate::problem::Problem;
use actix_web::{web, HttpResponse};
use std::collections::BTreeMap;
use tally_domain::ports::Ports;
use tally_domain::usecases::Tally;
use uuid::Uuid;

/// The presenter's notes: an object from poll id to notes, holding only
/// the polls that have notes (`{}` when none has). For whoever runs the
/// show (the `run` power: the presenter or a co-host); no read the
/// audience can make carries notes.
#[utoipa::path(get, path = "/presentations/{presentation_id}/notes", tag = "presenter",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 200, body = BTreeMap<String, String>,
            example = json!({"0190f3c4-0000-7000-8000-000000000001": "Ask who came by train first."})),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 503, body = Problem)))]
pub async fn notes<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
) -> Handled {
    let notes = tally
        .presenter_notes(presentation_id(*id), credential.token())
        .await?;
    let body: BTreeMap<Uuid, &str> = notes
        .iter()
        .map(|(poll, notes)| (*poll.as_uuid(), notes.as_str()))
        .collect();
    Ok(HttpResponse::Ok().json(body))
}

/// A poll's rounds, first to current, each with how many took part: after
/// a reset, the earlier rounds stay readable with `GET
/// …/polls/{poll_id}/results?round=N`. For whoever may read the results.
#[utoipa::path(get, path = "/presentations/{presentation_id}/polls/{poll_id}/rounds", tag = "presenter",
    params(("presentation_id" = Uuid, Path), ("poll_id" = Uuid, Path)),
    security(("presenter_token" = [])),
    responses((status = 200, body = RoundsBody), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem, description = "No such presentation or poll"),
        (status = 503, body = Problem)))]
pub async fn rounds<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    ids: web::Path<(Uuid, Uuid)>,
) -> Handled {
    let (presentation, poll) = ids.into_inner();
    let rounds = tally
        .poll_rounds(
            presentation_id(presentation),
            poll_id(poll),
            credential.token(),
        )
        .await?;
    Ok(HttpResponse::Ok().json(RoundsBody {
        poll_id: poll,
        current_round: rounds.last().map_or(1, |r| r.round),
        rounds: rounds
            .iter()
            .map(|r| RoundCountBody {
                round: r.round,
                responses: r.responses,
            })
            .collect(),
    }))
}
