//! Creating, reading and correcting a contest.

use super::*;

/// Create a contest: criteria, contestants, rounds, the method and the
/// tie-break chain. The answer holds the owner's secret, once.
#[utoipa::path(post, path = "/contests", tag = "contests",
    request_body = NewContestBody,
    responses((status = 201, body = ContestCreatedBody),
        (status = 400, body = Problem, description = "`invalid_contest`"),
        (status = 503, body = Problem)))]
pub async fn create<P: Ports>(
    contests: web::Data<Contests<P>>,
    body: web::Json<NewContestBody>,
) -> Handled {
    let (contest, token) = contests.create(&body.draft()).await?;
    Ok(HttpResponse::Created().json(ContestCreatedBody {
        contest: ContestBody::from(&contest),
        owner_token: token.expose().to_owned(),
    }))
}

/// What anyone may read of a contest: its criteria (public in advance),
/// contestants and rounds.
#[utoipa::path(get, path = "/contests/{contest_id}", tag = "contests",
    params(("contest_id" = Uuid, Path)),
    responses((status = 200, body = ContestBody), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn get<P: Ports>(contests: web::Data<Contests<P>>, id: web::Path<Uuid>) -> Handled {
    let contest = contests
        .contest(ContestId::from_uuid(id.into_inner()))
        .await?;
    Ok(HttpResponse::Ok().json(ContestBody::from(&contest)))
}

/// Correct a contest (owner only): its title, criteria, contestants,
/// rounds and method, as the whole definition again with the ids of what
/// it keeps. Every edit is audited (`edit_title`, `edit_criterion`, …). An
/// edit that would change what saved marks mean (a criterion's weight,
/// range or step, criteria added or removed, the method, the tie-breaks,
/// people's choice, a contestant removed) is refused once a round it
/// affects has a saved mark or is published.
#[utoipa::path(put, path = "/contests/{contest_id}", tag = "contests",
    params(("contest_id" = Uuid, Path)), request_body = RevisedContestBody,
    security(("presenter_token" = [])),
    responses((status = 200, body = ContestBody),
        (status = 400, body = Problem, description = "`invalid_contest`"),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`contest_locked`: the edit would change what saved marks mean; the detail names it and the round"),
        (status = 503, body = Problem)))]
pub async fn revise<P: Ports>(
    contests: web::Data<Contests<P>>,
    credential: Credential,
    id: web::Path<Uuid>,
    body: web::Json<RevisedContestBody>,
) -> Handled {
    let contest = contests
        .revise(
            ContestId::from_uuid(id.into_inner()),
            credential.token(),
            &body.revision(),
        )
        .await?;
    Ok(HttpResponse::Ok().json(ContestBody::from(&contest)))
}
