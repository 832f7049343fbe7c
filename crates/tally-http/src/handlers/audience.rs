//! What phones use beyond v4: joining by code.

use super::Handled;
use crate::dto::{JoinBody, PollBody};
use crate::problem::Problem;
use actix_web::{web, HttpResponse};
use tally_domain::ports::Ports;
use tally_domain::usecases::Tally;

/// Resolve a join code to the presentation and the poll on screen.
#[utoipa::path(get, path = "/join/{join_code}", tag = "audience",
    params(("join_code" = String, Path, example = "482913")),
    responses((status = 200, body = JoinBody), (status = 404, body = Problem)))]
pub async fn join<P: Ports>(tally: web::Data<Tally<P>>, code: web::Path<String>) -> Handled {
    let presentation = tally.join(&code).await?;
    let poll = super::on_screen(&presentation)?;
    Ok(HttpResponse::Ok().json(JoinBody {
        presentation_id: *presentation.id.as_uuid(),
        join_code: presentation.join_code.as_str().to_owned(),
        current_poll_index: presentation.slide.index,
        poll_count: presentation.slide.poll_count,
        state_version: presentation.slide.version,
        voting_open: poll.voting_open,
        poll: PollBody::from(poll),
    }))
}
