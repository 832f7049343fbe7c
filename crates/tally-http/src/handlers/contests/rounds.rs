//! A round's life and what organisers read of it: lineup, opening,
//! closing, publishing, reopening sheets, progress and results.

use super::*;

/// Set the contestants a draft round scores, for example only the
/// finalists in a final (organisers). Fixed once the round opens.
#[utoipa::path(put, path = "/contests/{contest_id}/rounds/{round_id}/contestants", tag = "contests",
    params(("contest_id" = Uuid, Path), ("round_id" = Uuid, Path)), request_body = LineupBody,
    security(("presenter_token" = [])),
    responses((status = 204, description = "Set"),
        (status = 400, body = Problem,
            description = "`invalid_lineup`: empty, repeated, or not the contest's contestants"),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`round_state`: the round is not a draft"),
        (status = 503, body = Problem)))]
pub async fn set_lineup<P: Ports>(
    contests: web::Data<Contests<P>>,
    path: Ids,
    credential: Credential,
    body: web::Json<LineupBody>,
) -> Handled {
    let (contest, round) = ids(path);
    let lineup: Vec<ContestantId> = body
        .contestant_ids
        .iter()
        .copied()
        .map(ContestantId::from_uuid)
        .collect();
    contests
        .set_lineup(contest, credential.token(), round, &lineup)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Open a round for scoring (from draft, or again after closing).
#[utoipa::path(post, path = "/contests/{contest_id}/rounds/{round_id}/open", tag = "contests",
    params(("contest_id" = Uuid, Path), ("round_id" = Uuid, Path)),
    security(("presenter_token" = [])),
    responses((status = 204, description = "Open"), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`round_state`: open already, or published"),
        (status = 503, body = Problem)))]
pub async fn open_round<P: Ports>(
    contests: web::Data<Contests<P>>,
    path: Ids,
    credential: Credential,
) -> Handled {
    let (contest, round) = ids(path);
    contests
        .open_round(contest, credential.token(), round)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Close a round: sheets can no longer change. A sheet being saved at the
/// same moment is stored entirely before the close, or refused.
#[utoipa::path(post, path = "/contests/{contest_id}/rounds/{round_id}/close", tag = "contests",
    params(("contest_id" = Uuid, Path), ("round_id" = Uuid, Path)),
    security(("presenter_token" = [])),
    responses((status = 204, description = "Closed"), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`round_state`: not open"),
        (status = 503, body = Problem)))]
pub async fn close_round<P: Ports>(
    contests: web::Data<Contests<P>>,
    path: Ids,
    credential: Credential,
) -> Handled {
    let (contest, round) = ids(path);
    contests
        .close_round(contest, credential.token(), round)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Publish a closed round: its results are frozen with the SHA-256 digest
/// of every submitted mark, and anyone may read them.
#[utoipa::path(post, path = "/contests/{contest_id}/rounds/{round_id}/publish", tag = "contests",
    params(("contest_id" = Uuid, Path), ("round_id" = Uuid, Path)),
    security(("presenter_token" = [])),
    responses((status = 200, body = PublishedBody), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`round_state` (not closed), `round_changed` (retry), or `audience_voting_open` (close the people's-choice poll first)"),
        (status = 503, body = Problem)))]
pub async fn publish<P: Ports>(
    contests: web::Data<Contests<P>>,
    path: Ids,
    credential: Credential,
) -> Handled {
    let (contest, round) = ids(path);
    let digest = contests.publish(contest, credential.token(), round).await?;
    Ok(HttpResponse::Ok().json(PublishedBody { digest }))
}

/// Reopen a judge's submitted sheet (recorded in the audit log). Until it
/// is submitted again it does not count.
#[utoipa::path(post, path = "/contests/{contest_id}/rounds/{round_id}/sheets/{judge_id}/reopen", tag = "contests",
    params(("contest_id" = Uuid, Path), ("round_id" = Uuid, Path), ("judge_id" = Uuid, Path)),
    security(("presenter_token" = [])),
    responses((status = 204, description = "Reopened"), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`sheet_not_submitted`, or `round_state` (published)"),
        (status = 503, body = Problem)))]
pub async fn reopen_sheet<P: Ports>(
    contests: web::Data<Contests<P>>,
    path: web::Path<(Uuid, Uuid, Uuid)>,
    credential: Credential,
) -> Handled {
    let (contest, round, judge) = path.into_inner();
    contests
        .reopen_sheet(
            ContestId::from_uuid(contest),
            credential.token(),
            RoundId::from_uuid(round),
            LinkId::from_uuid(judge),
        )
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Who has submitted, and what each judge still lacks.
#[utoipa::path(get, path = "/contests/{contest_id}/rounds/{round_id}/progress", tag = "contests",
    params(("contest_id" = Uuid, Path), ("round_id" = Uuid, Path)),
    security(("presenter_token" = [])),
    responses((status = 200, body = [ProgressBody]), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn progress<P: Ports>(
    contests: web::Data<Contests<P>>,
    path: Ids,
    credential: Credential,
) -> Handled {
    let (contest, round) = ids(path);
    let progress = contests
        .progress(contest, credential.token(), round)
        .await?;
    Ok(HttpResponse::Ok().json(progress.iter().map(ProgressBody::from).collect::<Vec<_>>()))
}

/// A round's results: raw beside adjusted for every contestant, and the
/// ranking. Organisers see them live; once published, anyone sees the
/// frozen results with their digest.
#[utoipa::path(get, path = "/contests/{contest_id}/rounds/{round_id}/results", tag = "contests",
    params(("contest_id" = Uuid, Path), ("round_id" = Uuid, Path)),
    responses((status = 200, body = RoundResultsBody), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn results<P: Ports>(
    contests: web::Data<Contests<P>>,
    path: Ids,
    credential: Credential,
) -> Handled {
    let (contest, round) = ids(path);
    let ResultsView { results, digest } =
        contests.results(contest, credential.token(), round).await?;
    Ok(HttpResponse::Ok().json(RoundResultsBody::new(results, digest)))
}
