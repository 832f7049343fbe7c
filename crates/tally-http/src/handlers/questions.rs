//! Q&A questions and the moderation of audience text (`poll-types.md`).

use super::{poll_id, presentation_id, Handled};
use crate::dto::{AskBody, AskedBody, QuestionResultBody, QuestionsQuery, UpvoteBody};
use crate::extract::PresenterCredential;
use crate::problem::Problem;
use actix_web::{web, HttpResponse};
use tally_domain::kinds::{Decision, QuestionFlag, QuestionOrder};
use tally_domain::ports::Ports;
use tally_domain::usecases::Tally;
use tally_domain::{ParticipantId, QuestionId, SubmissionId};
use uuid::Uuid;

/// Ask a question on a Q&A poll, on screen or not. Questions the
/// profanity filter matches, and every question of a `moderated` poll,
/// are held until the presenter approves them. Safe to send twice with a
/// `submission_id`: one question is stored and both answers are the same.
#[utoipa::path(post, path = "/presentations/{presentation_id}/polls/{poll_id}/questions", tag = "poll types",
    params(("presentation_id" = Uuid, Path), ("poll_id" = Uuid, Path)),
    request_body = AskBody,
    responses((status = 201, body = AskedBody),
        (status = 400, body = Problem, description = "`invalid_question` (empty, too long, control characters), or a malformed body"),
        (status = 404, body = Problem, description = "No such presentation or poll"),
        (status = 409, body = Problem, description = "`not_a_qa_poll`; `question_limit`: this participant asked 10 questions on the poll already; `submission_reused`: this `submission_id` came before with another text"),
        (status = 503, body = Problem)))]
pub async fn ask<P: Ports>(
    tally: web::Data<Tally<P>>,
    ids: web::Path<(Uuid, Uuid)>,
    body: web::Json<AskBody>,
) -> Handled {
    let (presentation, poll) = ids.into_inner();
    let question = tally
        .ask_question(
            presentation_id(presentation),
            poll_id(poll),
            ParticipantId::from_uuid(body.client_id),
            &body.text,
            body.submission_id.map(SubmissionId::from_uuid),
        )
        .await?;
    Ok(HttpResponse::Created().json(AskedBody {
        question_id: *question.as_uuid(),
    }))
}

/// Upvote a question: once per participant; sending it again changes
/// nothing.
#[utoipa::path(post, path = "/presentations/{presentation_id}/polls/{poll_id}/questions/{question_id}/upvote", tag = "poll types",
    params(("presentation_id" = Uuid, Path), ("poll_id" = Uuid, Path), ("question_id" = Uuid, Path)),
    request_body = UpvoteBody,
    responses((status = 204, description = "Upvoted (or was already)"),
        (status = 400, body = Problem), (status = 404, body = Problem), (status = 503, body = Problem)))]
pub async fn upvote<P: Ports>(
    tally: web::Data<Tally<P>>,
    ids: web::Path<(Uuid, Uuid, Uuid)>,
    body: web::Json<UpvoteBody>,
) -> Handled {
    vote_on(&tally, ids.into_inner(), body.client_id, true).await
}

/// Withdraw your upvote; withdrawing one never made changes nothing.
#[utoipa::path(delete, path = "/presentations/{presentation_id}/polls/{poll_id}/questions/{question_id}/upvote", tag = "poll types",
    params(("presentation_id" = Uuid, Path), ("poll_id" = Uuid, Path), ("question_id" = Uuid, Path)),
    request_body = UpvoteBody,
    responses((status = 204, description = "Withdrawn (or there was none)"),
        (status = 400, body = Problem), (status = 404, body = Problem), (status = 503, body = Problem)))]
pub async fn withdraw_upvote<P: Ports>(
    tally: web::Data<Tally<P>>,
    ids: web::Path<(Uuid, Uuid, Uuid)>,
    body: web::Json<UpvoteBody>,
) -> Handled {
    vote_on(&tally, ids.into_inner(), body.client_id, false).await
}

async fn vote_on<P: Ports>(
    tally: &Tally<P>,
    (presentation, poll, question): (Uuid, Uuid, Uuid),
    client: Uuid,
    on: bool,
) -> Handled {
    tally
        .upvote_question(
            presentation_id(presentation),
            poll_id(poll),
            QuestionId::from_uuid(question),
            ParticipantId::from_uuid(client),
            on,
        )
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The questions anyone may see: held ones are left out. Pinned first,
/// answered last; `sort=top` (default) orders the rest by upvotes,
/// `sort=recent` by time asked, newest first.
#[utoipa::path(get, path = "/presentations/{presentation_id}/polls/{poll_id}/questions", tag = "poll types",
    params(("presentation_id" = Uuid, Path), ("poll_id" = Uuid, Path), QuestionsQuery),
    responses((status = 200, body = [QuestionResultBody]),
        (status = 400, body = Problem, description = "`invalid_sort`"),
        (status = 404, body = Problem), (status = 409, body = Problem, description = "`not_a_qa_poll`"),
        (status = 503, body = Problem)))]
pub async fn list<P: Ports>(
    tally: web::Data<Tally<P>>,
    ids: web::Path<(Uuid, Uuid)>,
    query: web::Query<QuestionsQuery>,
) -> Handled {
    let order = match query.sort.as_deref() {
        None => QuestionOrder::default(),
        Some(raw) => QuestionOrder::parse(raw)
            .ok_or_else(|| Problem::bad_request("invalid_sort", "sort is `top` or `recent`"))?,
    };
    let (presentation, poll) = ids.into_inner();
    let questions = tally
        .questions(presentation_id(presentation), poll_id(poll), order)
        .await?;
    Ok(HttpResponse::Ok().json(
        questions
            .iter()
            .map(QuestionResultBody::from)
            .collect::<Vec<_>>(),
    ))
}

/// Mark a question answered, pin or unpin it, hide it, or approve it (a
/// held question is shown once approved). Presenter only; idempotent.
#[utoipa::path(post, path = "/presentations/{presentation_id}/polls/{poll_id}/questions/{question_id}/{action}", tag = "poll types",
    params(("presentation_id" = Uuid, Path), ("poll_id" = Uuid, Path), ("question_id" = Uuid, Path),
        ("action" = String, Path, description = "`answered`, `pin`, `unpin`, `hide` or `approve`")),
    security(("presenter_token" = [])),
    responses((status = 204, description = "Done"), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem, description = "No such presentation, question or action"),
        (status = 503, body = Problem)))]
pub async fn flag<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    ids: web::Path<(Uuid, Uuid, Uuid, String)>,
) -> Handled {
    let (presentation, poll, question, action) = ids.into_inner();
    let flag = QuestionFlag::parse(&action)
        .ok_or_else(|| Problem::not_found(format!("no question action {action:?}")))?;
    tally
        .flag_question(
            presentation_id(presentation),
            poll_id(poll),
            QuestionId::from_uuid(question),
            flag,
            credential.token(),
        )
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Hide or approve a word-cloud word or an open-text entry (its
/// `entry_id` from the results). Presenter only; the latest decision
/// stands.
#[utoipa::path(post, path = "/presentations/{presentation_id}/polls/{poll_id}/entries/{entry_id}/{action}", tag = "poll types",
    params(("presentation_id" = Uuid, Path), ("poll_id" = Uuid, Path),
        ("entry_id" = String, Path, example = "9b2e61f0c4d8a7e3"),
        ("action" = String, Path, description = "`hide` or `approve`")),
    security(("presenter_token" = [])),
    responses((status = 204, description = "Done"),
        (status = 400, body = Problem, description = "`invalid_entry`: not 16 lower-case hex digits"),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem, description = "No such presentation, poll or action"),
        (status = 409, body = Problem, description = "`no_entries`: the poll is not a word cloud or open text"),
        (status = 503, body = Problem)))]
pub async fn moderate_entry<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    ids: web::Path<(Uuid, Uuid, String, String)>,
) -> Handled {
    let (presentation, poll, entry, action) = ids.into_inner();
    let decision = match action.as_str() {
        "hide" => Decision::Hidden,
        "approve" => Decision::Approved,
        _ => return Err(Problem::not_found(format!("no entry action {action:?}"))),
    };
    tally
        .moderate_entry(
            presentation_id(presentation),
            poll_id(poll),
            &entry,
            decision,
            credential.token(),
        )
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
