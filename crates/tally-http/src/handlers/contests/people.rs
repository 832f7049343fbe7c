//! Who takes part: invite links, the tied presentation, conflicts of
//! interest and contestants' feedback links.

use super::*;

/// Make an invite link (owner only). The answer holds its secret, once.
#[utoipa::path(post, path = "/contests/{contest_id}/links", tag = "contests",
    params(("contest_id" = Uuid, Path)), request_body = NewLinkBody,
    security(("presenter_token" = [])),
    responses((status = 201, body = LinkCreatedBody),
        (status = 400, body = Problem, description = "`invalid_link`"),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 503, body = Problem)))]
pub async fn invite<P: Ports>(
    contests: web::Data<Contests<P>>,
    id: web::Path<Uuid>,
    credential: Credential,
    body: web::Json<NewLinkBody>,
) -> Handled {
    let (link, token) = contests
        .invite(
            ContestId::from_uuid(id.into_inner()),
            credential.token(),
            &body.role,
            &body.name,
        )
        .await?;
    Ok(HttpResponse::Created().json(LinkCreatedBody {
        link: LinkBody::from(&link),
        token: token.expose().to_owned(),
    }))
}

/// Tie the contest to the event's presentation (owner only), so that its
/// co-host links run the presentation and its moderator links moderate the
/// audience's text there. The body's presenter token proves that the owner
/// runs that presentation too; it is not stored.
#[utoipa::path(put, path = "/contests/{contest_id}/presentation", tag = "contests",
    params(("contest_id" = Uuid, Path)), request_body = TiePresentationBody,
    security(("presenter_token" = [])),
    responses((status = 204, description = "Tied"),
        (status = 400, body = Problem, description = "`invalid_body`"),
        (status = 401, body = Problem),
        (status = 403, body = Problem,
            description = "not the owner, or `presenter_token` is not the presentation's"),
        (status = 404, body = Problem, description = "no such contest or presentation"),
        (status = 503, body = Problem)))]
pub async fn tie_presentation<P: Ports>(
    contests: web::Data<Contests<P>>,
    id: web::Path<Uuid>,
    credential: Credential,
    body: web::Json<TiePresentationBody>,
) -> Handled {
    let body = body.into_inner();
    contests
        .tie_presentation(
            ContestId::from_uuid(id.into_inner()),
            credential.token(),
            PresentationId::from_uuid(body.presentation_id),
            &PresenterToken::from_presented(body.presenter_token),
        )
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Untie the contest from its presentation (owner only): its links stop
/// acting there at once.
#[utoipa::path(delete, path = "/contests/{contest_id}/presentation", tag = "contests",
    params(("contest_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 204, description = "Untied (or was not tied)"),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 503, body = Problem)))]
pub async fn untie_presentation<P: Ports>(
    contests: web::Data<Contests<P>>,
    id: web::Path<Uuid>,
    credential: Credential,
) -> Handled {
    contests
        .untie_presentation(ContestId::from_uuid(id.into_inner()), credential.token())
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The contest's invite links, revoked ones included (owner only).
#[utoipa::path(get, path = "/contests/{contest_id}/links", tag = "contests",
    params(("contest_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 200, body = [LinkBody]), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn links<P: Ports>(
    contests: web::Data<Contests<P>>,
    id: web::Path<Uuid>,
    credential: Credential,
) -> Handled {
    let links = contests
        .links(ContestId::from_uuid(id.into_inner()), credential.token())
        .await?;
    Ok(HttpResponse::Ok().json(links.iter().map(LinkBody::from).collect::<Vec<_>>()))
}

/// Revoke a link for good (owner only). What a revoked judge submitted
/// stays until their sheet is reopened.
#[utoipa::path(delete, path = "/contests/{contest_id}/links/{link_id}", tag = "contests",
    params(("contest_id" = Uuid, Path), ("link_id" = Uuid, Path)),
    security(("presenter_token" = [])),
    responses((status = 204, description = "Revoked (or was already)"),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 503, body = Problem)))]
pub async fn revoke<P: Ports>(
    contests: web::Data<Contests<P>>,
    path: web::Path<(Uuid, Uuid)>,
    credential: Credential,
) -> Handled {
    let (contest, link) = path.into_inner();
    contests
        .revoke(
            ContestId::from_uuid(contest),
            credential.token(),
            LinkId::from_uuid(link),
        )
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Replace the contestants a judge is excluded from (conflicts of
/// interest). Their sheet leaves those contestants out.
#[utoipa::path(put, path = "/contests/{contest_id}/judges/{judge_id}/conflicts", tag = "contests",
    params(("contest_id" = Uuid, Path), ("judge_id" = Uuid, Path)), request_body = ConflictsBody,
    security(("presenter_token" = [])),
    responses((status = 204, description = "Replaced"),
        (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn set_conflicts<P: Ports>(
    contests: web::Data<Contests<P>>,
    path: web::Path<(Uuid, Uuid)>,
    credential: Credential,
    body: web::Json<ConflictsBody>,
) -> Handled {
    let (contest, judge) = path.into_inner();
    let excluded: BTreeSet<ContestantId> = body
        .contestant_ids
        .iter()
        .map(|c| ContestantId::from_uuid(*c))
        .collect();
    contests
        .set_conflicts(
            ContestId::from_uuid(contest),
            credential.token(),
            LinkId::from_uuid(judge),
            &excluded,
        )
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Every judge's conflicts.
#[utoipa::path(get, path = "/contests/{contest_id}/conflicts", tag = "contests",
    params(("contest_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 200, body = [JudgeConflictsBody]), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn conflicts<P: Ports>(
    contests: web::Data<Contests<P>>,
    id: web::Path<Uuid>,
    credential: Credential,
) -> Handled {
    let conflicts = contests
        .conflicts(ContestId::from_uuid(id.into_inner()), credential.token())
        .await?;
    Ok(HttpResponse::Ok().json(
        conflicts
            .iter()
            .map(|(judge, excluded)| JudgeConflictsBody {
                judge_id: *judge.as_uuid(),
                contestant_ids: excluded.iter().map(|c| *c.as_uuid()).collect(),
            })
            .collect::<Vec<_>>(),
    ))
}

/// Release the judges' comments on a contestant through a private link
/// (organisers). Releasing again replaces the link; the old one stops.
#[utoipa::path(post, path = "/contests/{contest_id}/contestants/{contestant_id}/feedback-link", tag = "contests",
    params(("contest_id" = Uuid, Path), ("contestant_id" = Uuid, Path)),
    security(("presenter_token" = [])),
    responses((status = 201, body = FeedbackLinkBody), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn release_feedback<P: Ports>(
    contests: web::Data<Contests<P>>,
    path: web::Path<(Uuid, Uuid)>,
    credential: Credential,
) -> Handled {
    let (contest, contestant) = path.into_inner();
    let token = contests
        .release_feedback(
            ContestId::from_uuid(contest),
            credential.token(),
            ContestantId::from_uuid(contestant),
        )
        .await?;
    Ok(HttpResponse::Created().json(FeedbackLinkBody {
        token: token.expose().to_owned(),
    }))
}

/// A contestant reads the judges' comments on them with their feedback
/// link's secret.
#[utoipa::path(get, path = "/contests/{contest_id}/feedback", tag = "contests",
    params(("contest_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 200, body = FeedbackBody), (status = 401, body = Problem),
        (status = 403, body = Problem),
        (status = 404, body = Problem, description = "A malformed contest id"),
        (status = 503, body = Problem)))]
pub async fn feedback<P: Ports>(
    contests: web::Data<Contests<P>>,
    id: web::Path<Uuid>,
    credential: Credential,
) -> Handled {
    let Feedback {
        contestant,
        comments,
    } = contests
        .feedback(ContestId::from_uuid(id.into_inner()), credential.token())
        .await?;
    Ok(HttpResponse::Ok().json(FeedbackBody {
        contestant: ContestantBody {
            contestant_id: *contestant.id.as_uuid(),
            name: contestant.name,
        },
        comments: comments
            .into_iter()
            .map(|(round, text)| FeedbackCommentBody { round, text })
            .collect(),
    }))
}
