//! Tally's presenter extensions: navigation, voting state, results, the
//! presenter's list, deletion. All need the presenter token.

use super::{on_screen, poll_id, presentation_id, Handled};
use crate::dto::{
    AccessBody, GoToBody, PageQuery, PollBody, PresentationPageBody, PresentationSummaryBody,
    ResultsBody, ResultsVisibilityBody, RoundBody, RoundQuery, StandingBody, TimerRequestBody,
    VotingStateBody,
};
use crate::extract::PresenterCredential;
use crate::problem::Problem;
use actix_web::{web, HttpResponse};
use tally_domain::ports::Ports;
use tally_domain::usecases::Tally;
use tally_domain::{PresentationId, SlideMove};
use uuid::Uuid;

/// Default page size of the presenter's list.
const DEFAULT_PAGE: usize = 20;

pub(super) async fn move_and_show<P: Ports>(
    tally: &Tally<P>,
    credential: &PresenterCredential,
    id: Uuid,
    slide_move: SlideMove,
) -> Handled {
    let presentation = tally
        .move_slide(presentation_id(id), credential.token(), slide_move)
        .await?;
    Ok(HttpResponse::Ok().json(PollBody::from(on_screen(&presentation)?)))
}

/// Who the credential is on this presentation: its presenter, or a tied
/// contest's co-host or moderator, with what each may do, and the join
/// code. Pages use it to show each only the controls that will work.
#[utoipa::path(get, path = "/presentations/{presentation_id}/access", tag = "presenter",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 200, body = AccessBody), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn access<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
) -> Handled {
    let (holder, join_code) = tally
        .presentation_holder(presentation_id(*id), credential.token())
        .await
        .map_err(Problem::from)?;
    Ok(HttpResponse::Ok().json(AccessBody::new(holder, &join_code)))
}

/// Go back one poll and return it.
#[utoipa::path(post, path = "/presentations/{presentation_id}/polls/current/previous", tag = "presenter",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 200, body = PollBody), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem, description = "Already at the first poll")))]
pub async fn previous_poll<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
) -> Handled {
    move_and_show(&tally, &credential, *id, SlideMove::Previous).await
}

/// Show the poll at `index` (zero-based) and return it.
#[utoipa::path(put, path = "/presentations/{presentation_id}/polls/current/index", tag = "presenter",
    params(("presentation_id" = Uuid, Path)), request_body = GoToBody, security(("presenter_token" = [])),
    responses((status = 200, body = PollBody), (status = 400, body = Problem, description = "No poll at that index"),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn go_to_poll<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
    body: web::Json<GoToBody>,
) -> Handled {
    move_and_show(&tally, &credential, *id, SlideMove::GoTo(body.index)).await
}

/// Open voting on the poll on screen.
#[utoipa::path(post, path = "/presentations/{presentation_id}/polls/current/open", tag = "presenter",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 200, body = VotingStateBody), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn open_voting<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
) -> Handled {
    set_voting(&tally, &credential, *id, true).await
}

/// Close voting on the poll on screen: later votes get 409.
#[utoipa::path(post, path = "/presentations/{presentation_id}/polls/current/close", tag = "presenter",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 200, body = VotingStateBody), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn close_voting<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
) -> Handled {
    set_voting(&tally, &credential, *id, false).await
}

/// Show the results of the poll on screen to the audience (on the live
/// channels).
#[utoipa::path(post, path = "/presentations/{presentation_id}/polls/current/results/show", tag = "presenter",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 200, body = ResultsVisibilityBody), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn show_results<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
) -> Handled {
    set_results_visible(&tally, &credential, *id, true).await
}

/// Hide the results of the poll on screen from the audience.
#[utoipa::path(post, path = "/presentations/{presentation_id}/polls/current/results/hide", tag = "presenter",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 200, body = ResultsVisibilityBody), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn hide_results<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
) -> Handled {
    set_results_visible(&tally, &credential, *id, false).await
}

async fn set_results_visible<P: Ports>(
    tally: &Tally<P>,
    credential: &PresenterCredential,
    id: Uuid,
    visible: bool,
) -> Handled {
    let presentation = tally
        .set_results_visible(presentation_id(id), credential.token(), visible)
        .await?;
    let poll = on_screen(&presentation)?;
    Ok(HttpResponse::Ok().json(ResultsVisibilityBody {
        poll_id: *poll.id.as_uuid(),
        results_visible: poll.results_visible,
    }))
}

/// Start, extend or stop the timer of the poll on screen (`poll-types.md`):
/// `seconds` more from the running deadline, or from now; 0 stops it. A
/// timer opens voting; when it runs out, votes get 409 `voting_closed` on
/// every process. Presenter only.
#[utoipa::path(post, path = "/presentations/{presentation_id}/polls/current/timer", tag = "poll types",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    request_body = TimerRequestBody,
    responses((status = 200, body = VotingStateBody), (status = 400, body = Problem),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn set_timer<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
    body: web::Json<TimerRequestBody>,
) -> Handled {
    let presentation = tally
        .set_timer(presentation_id(*id), credential.token(), body.seconds)
        .await?;
    Ok(HttpResponse::Ok().json(VotingStateBody::from(on_screen(&presentation)?)))
}

/// Start a new round of a poll (`poll-types.md`): its results count from
/// zero and the audience can vote again; earlier rounds stay readable with
/// `GET …/results?round=N` (listed by `GET …/rounds`). Presenter only.
#[utoipa::path(post, path = "/presentations/{presentation_id}/polls/{poll_id}/reset", tag = "poll types",
    params(("presentation_id" = Uuid, Path), ("poll_id" = Uuid, Path)),
    security(("presenter_token" = [])),
    responses((status = 200, body = RoundBody), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn reset_poll<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    ids: web::Path<(Uuid, Uuid)>,
) -> Handled {
    let (presentation, poll) = ids.into_inner();
    let poll = poll_id(poll);
    let presentation = tally
        .reset_poll(presentation_id(presentation), poll, credential.token())
        .await?;
    let reset = presentation
        .polls
        .iter()
        .find(|p| p.id == poll)
        .ok_or_else(|| Problem::not_found("the presentation has no such poll"))?;
    Ok(HttpResponse::Ok().json(RoundBody {
        poll_id: *reset.id.as_uuid(),
        round: reset.round,
        voting_open: reset.voting_open,
    }))
}

/// The quiz leaderboard over every quiz poll of the presentation
/// (`poll-types.md`): highest score first; ties share a rank. Every answer
/// acknowledged before the read counts, on either path. Presenter only.
#[utoipa::path(get, path = "/presentations/{presentation_id}/leaderboard", tag = "poll types",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 200, body = [StandingBody]), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn leaderboard<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
) -> Handled {
    let standings = tally
        .leaderboard(presentation_id(*id), credential.token())
        .await?;
    Ok(HttpResponse::Ok().json(
        standings
            .into_iter()
            .map(|s| StandingBody {
                name: s.name,
                score: s.score,
                correct: s.correct,
                rank: s.rank,
            })
            .collect::<Vec<_>>(),
    ))
}

async fn set_voting<P: Ports>(
    tally: &Tally<P>,
    credential: &PresenterCredential,
    id: Uuid,
    open: bool,
) -> Handled {
    let presentation = tally
        .set_voting(presentation_id(id), credential.token(), open)
        .await?;
    Ok(HttpResponse::Ok().json(VotingStateBody::from(on_screen(&presentation)?)))
}

/// A poll's results, by its type (`poll-types.md`): of the current round,
/// or of an earlier one with `?round=N`.
#[utoipa::path(get, path = "/presentations/{presentation_id}/polls/{poll_id}/results", tag = "presenter",
    params(("presentation_id" = Uuid, Path), ("poll_id" = Uuid, Path), RoundQuery),
    security(("presenter_token" = [])),
    responses((status = 200, body = ResultsBody), (status = 401, body = Problem),
        (status = 403, body = Problem),
        (status = 404, body = Problem, description = "No such presentation, poll, or round yet")))]
pub async fn poll_results<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    ids: web::Path<(Uuid, Uuid)>,
    query: web::Query<RoundQuery>,
) -> Handled {
    let (presentation, poll) = ids.into_inner();
    let results = tally
        .poll_results(
            presentation_id(presentation),
            poll_id(poll),
            credential.token(),
            query.round,
        )
        .await?;
    Ok(HttpResponse::Ok().json(ResultsBody::from(results)))
}

/// Delete a presentation with its polls and votes.
#[utoipa::path(delete, path = "/presentations/{presentation_id}", tag = "presenter",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem)))]
pub async fn delete_presentation<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
) -> Handled {
    tally
        .delete_presentation(presentation_id(*id), credential.token())
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The caller's presentations, newest first. Keyset-paginated: follow
/// `next_cursor` until it is null.
#[utoipa::path(get, path = "/presenter/presentations", tag = "presenter",
    params(PageQuery), security(("presenter_token" = [])),
    responses((status = 200, body = PresentationPageBody), (status = 400, body = Problem),
        (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list_presentations<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    query: web::Query<PageQuery>,
) -> Handled {
    let limit = query.limit.unwrap_or(DEFAULT_PAGE);
    if !(1..=tally_domain::usecases::MAX_PAGE_SIZE).contains(&limit) {
        return Err(Problem::bad_request(
            "invalid_limit",
            format!(
                "limit must be 1 to {}",
                tally_domain::usecases::MAX_PAGE_SIZE
            ),
        ));
    }
    let before = query
        .cursor
        .as_deref()
        .map(|c| {
            c.parse::<PresentationId>().map_err(|_| {
                Problem::bad_request("invalid_cursor", "cursor is not one Tally issued")
            })
        })
        .transpose()?;
    let page = tally
        .list_presentations(credential.token(), before, limit)
        .await?;
    Ok(HttpResponse::Ok().json(PresentationPageBody {
        presentations: page
            .items
            .iter()
            .map(PresentationSummaryBody::from)
            .collect(),
        next_cursor: page.next_before.map(|id| id.to_string()),
    }))
}
