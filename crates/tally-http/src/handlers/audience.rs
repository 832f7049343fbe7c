//! What phones use beyond v4: joining by code.

use super::Handled;
use crate::dto::JoinBody;
use crate::problem::Problem;
use crate::reads::ReadCache;
use actix_web::web;
use tally_domain::ports::Ports;
use tally_domain::usecases::Tally;

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
