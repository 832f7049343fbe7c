//! Judged contests (issue 12). Secrets travel as `Authorization: Bearer`:
//! the owner's (from creating the contest) or an invite link's.

use super::Handled;
use crate::contest_dto::{
    AuditEntryBody, AuditQuery, ConflictsBody, ContestBody, ContestCreatedBody, ContestantBody,
    ExportQuery, FeedbackBody, FeedbackCommentBody, FeedbackLinkBody, JudgeConflictsBody,
    LineupBody, LinkBody, LinkCreatedBody, NewContestBody, NewLinkBody, ProgressBody,
    PublishedBody, RevisedContestBody, RoundResultsBody, SaveSheetBody, SheetBody,
    TiePresentationBody,
};
use crate::extract::PresenterCredential as Credential;
use crate::problem::Problem;
use actix_web::http::header;
use actix_web::{web, HttpResponse};
use bytes::Bytes;
use std::collections::BTreeSet;
use tally_domain::contest::model::{Feedback, StoredMark};
use tally_domain::ports::ContestStore;
use tally_domain::ports::Ports;
use tally_domain::usecases::{Contests, MarkDraft, ResultsView, Tally};
use tally_domain::{
    ContestId, ContestantId, CriterionId, LinkId, PresentationId, PresenterToken, RoundId,
};
use uuid::Uuid;

/// Most audit entries one request returns.
const AUDIT_PAGE: usize = 1000;
/// Rows per chunk of a streamed export.
const EXPORT_CHUNK: usize = 256;

type Ids = web::Path<(Uuid, Uuid)>;

fn ids(path: Ids) -> (ContestId, RoundId) {
    let (contest, round) = path.into_inner();
    (ContestId::from_uuid(contest), RoundId::from_uuid(round))
}

/// Create a contest: criteria, contestants, rounds, the method and the
/// tie-break chain. The answer holds the owner's secret, once.
#[utoipa::path(post, path = "/contests", tag = "contests",
    request_body = NewContestBody,
    responses((status = 201, body = ContestCreatedBody),
        (status = 400, body = Problem, description = "`invalid_contest`"),
        (status = 503, body = Problem)))]
pub async fn create<S: ContestStore>(
    contests: web::Data<Contests<S>>,
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
pub async fn get<S: ContestStore>(
    contests: web::Data<Contests<S>>,
    id: web::Path<Uuid>,
) -> Handled {
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
pub async fn revise<S: ContestStore>(
    contests: web::Data<Contests<S>>,
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

/// Make an invite link (owner only). The answer holds its secret, once.
#[utoipa::path(post, path = "/contests/{contest_id}/links", tag = "contests",
    params(("contest_id" = Uuid, Path)), request_body = NewLinkBody,
    security(("presenter_token" = [])),
    responses((status = 201, body = LinkCreatedBody),
        (status = 400, body = Problem, description = "`invalid_link`"),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 503, body = Problem)))]
pub async fn invite<S: ContestStore>(
    contests: web::Data<Contests<S>>,
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
pub async fn tie_presentation<S: ContestStore, P: Ports>(
    contests: web::Data<Contests<S>>,
    tally: web::Data<Tally<P>>,
    id: web::Path<Uuid>,
    credential: Credential,
    body: web::Json<TiePresentationBody>,
) -> Handled {
    let body = body.into_inner();
    let token = PresenterToken::from_presented(body.presenter_token);
    let presentation = PresentationId::from_uuid(body.presentation_id);
    let proof = tally.prove_presenter(presentation, Some(&token));
    contests
        .tie_presentation(
            ContestId::from_uuid(id.into_inner()),
            credential.token(),
            proof,
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
pub async fn untie_presentation<S: ContestStore>(
    contests: web::Data<Contests<S>>,
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
pub async fn links<S: ContestStore>(
    contests: web::Data<Contests<S>>,
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
pub async fn revoke<S: ContestStore>(
    contests: web::Data<Contests<S>>,
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
pub async fn set_conflicts<S: ContestStore>(
    contests: web::Data<Contests<S>>,
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
pub async fn conflicts<S: ContestStore>(
    contests: web::Data<Contests<S>>,
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
pub async fn set_lineup<S: ContestStore>(
    contests: web::Data<Contests<S>>,
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
pub async fn open_round<S: ContestStore>(
    contests: web::Data<Contests<S>>,
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
pub async fn close_round<S: ContestStore>(
    contests: web::Data<Contests<S>>,
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
pub async fn publish<S: ContestStore>(
    contests: web::Data<Contests<S>>,
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
pub async fn reopen_sheet<S: ContestStore>(
    contests: web::Data<Contests<S>>,
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
pub async fn progress<S: ContestStore>(
    contests: web::Data<Contests<S>>,
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
pub async fn results<S: ContestStore>(
    contests: web::Data<Contests<S>>,
    path: Ids,
    credential: Credential,
) -> Handled {
    let (contest, round) = ids(path);
    let ResultsView { results, digest } =
        contests.results(contest, credential.token(), round).await?;
    Ok(HttpResponse::Ok().json(RoundResultsBody::new(results, digest)))
}

/// The round's ranking (raw and adjusted scores) and every submitted
/// mark, as JSON or CSV, streamed. Organisers only.
#[utoipa::path(get, path = "/contests/{contest_id}/rounds/{round_id}/export", tag = "contests",
    params(("contest_id" = Uuid, Path), ("round_id" = Uuid, Path), ExportQuery),
    security(("presenter_token" = [])),
    responses((status = 200, description = "JSON: `{results, marks}`; CSV: the ranking, or with `table=marks` every mark",
            content(("application/json"), ("text/csv"))),
        (status = 400, body = Problem, description = "`invalid_export`"),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 503, body = Problem)))]
pub async fn export<S: ContestStore>(
    contests: web::Data<Contests<S>>,
    path: Ids,
    credential: Credential,
    query: web::Query<ExportQuery>,
) -> Handled {
    let csv = match query.format.as_deref() {
        None | Some("json") => false,
        Some("csv") => true,
        Some(_) => {
            return Err(Problem::bad_request(
                "invalid_export",
                "format is `json` or `csv`",
            ))
        }
    };
    let marks_table = match query.table.as_deref() {
        None | Some("ranking") => false,
        Some("marks") if csv => true,
        Some(_) => {
            return Err(Problem::bad_request(
                "invalid_export",
                "table is `ranking` or `marks`, with format=csv",
            ))
        }
    };
    let (contest, round) = ids(path);
    let (view, marks) = contests.export(contest, credential.token(), round).await?;
    let body = RoundResultsBody::new(view.results, view.digest);
    // Encoded a chunk at a time as the client reads: the marks are held
    // (the ranking needs them all), their encoding only a chunk at once.
    let chunks: Box<dyn Iterator<Item = Bytes>> = if !csv {
        Box::new(json_chunks(&body, marks))
    } else if marks_table {
        Box::new(csv_chunks(marks_rows(marks)))
    } else {
        Box::new(csv_chunks(ranking_rows(&body).into_iter()))
    };
    let stream = futures::stream::iter(chunks.map(Ok::<Bytes, actix_web::Error>));
    let (kind, ext) = if csv {
        ("text/csv; charset=utf-8", "csv")
    } else {
        ("application/json", "json")
    };
    let name = format!("round-{}.{ext}", round);
    Ok(HttpResponse::Ok()
        .content_type(kind)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .streaming(stream))
}

/// JSON in chunks: the results, then the marks a chunk at a time.
fn json_chunks(
    results: &impl serde::Serialize,
    marks: Vec<StoredMark>,
) -> impl Iterator<Item = Bytes> {
    let head = serde_json::to_string(results).unwrap_or_else(|_| "null".to_owned());
    let head = Bytes::from(format!("{{\"results\":{head},\"marks\":["));
    let mut marks = marks.into_iter().peekable();
    let mut first = true;
    let rows = std::iter::from_fn(move || {
        marks.peek()?;
        let rows: Vec<String> = marks
            .by_ref()
            .take(EXPORT_CHUNK)
            .map(|m| {
                serde_json::json!({
                    "judge_id": m.judge.as_uuid(),
                    "contestant_id": m.contestant.as_uuid(),
                    "criterion_id": m.criterion.as_uuid(),
                    "value": m.mark.to_string(),
                })
                .to_string()
            })
            .collect();
        let sep = if std::mem::take(&mut first) { "" } else { "," };
        Some(Bytes::from(format!("{sep}{}", rows.join(","))))
    });
    std::iter::once(head)
        .chain(rows)
        .chain(std::iter::once(Bytes::from_static(b"]}")))
}

/// A spreadsheet runs a cell starting with `=`, `+`, `-` or `@` as a
/// formula: names are text, so such a name gets a leading `'`. Scores are
/// numbers and stay as they are (a z-score may be negative).
fn text_cell(name: &str) -> String {
    if name.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{name}")
    } else {
        name.to_owned()
    }
}

fn ranking_rows(body: &RoundResultsBody) -> Vec<Vec<String>> {
    let mut header: Vec<String> = [
        "rank",
        "contestant_id",
        "contestant",
        "raw",
        "adjusted",
        "people",
        "audience_votes",
        "judges",
    ]
    .map(str::to_owned)
    .to_vec();
    if let Some(first) = body.standings.first() {
        header.extend(first.by_criterion.iter().map(|c| text_cell(&c.name)));
    }
    let mut rows = vec![header];
    for s in &body.standings {
        let mut row = vec![
            s.rank.to_string(),
            s.contestant_id.to_string(),
            text_cell(&s.name),
            s.raw.clone().unwrap_or_default(),
            s.adjusted.clone().unwrap_or_default(),
            s.people.clone().unwrap_or_default(),
            s.audience_votes.to_string(),
            s.judges.to_string(),
        ];
        row.extend(
            s.by_criterion
                .iter()
                .map(|c| c.score.clone().unwrap_or_default()),
        );
        rows.push(row);
    }
    rows
}

fn marks_rows(marks: Vec<StoredMark>) -> impl Iterator<Item = Vec<String>> {
    let header = ["judge_id", "contestant_id", "criterion_id", "value"]
        .map(str::to_owned)
        .to_vec();
    std::iter::once(header).chain(marks.into_iter().map(|m| {
        vec![
            m.judge.to_string(),
            m.contestant.to_string(),
            m.criterion.to_string(),
            m.mark.to_string(),
        ]
    }))
}

/// RFC 4180 CSV, a chunk per [`EXPORT_CHUNK`] rows, each encoded when the
/// stream reaches it.
fn csv_chunks(rows: impl Iterator<Item = Vec<String>>) -> impl Iterator<Item = Bytes> {
    let mut rows = rows.peekable();
    std::iter::from_fn(move || {
        rows.peek()?;
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        for row in rows.by_ref().take(EXPORT_CHUNK) {
            // Writing to a Vec cannot fail.
            let _ = writer.write_record(&row);
        }
        Some(Bytes::from(writer.into_inner().unwrap_or_default()))
    })
}

/// The audit log: every change, oldest first.
#[utoipa::path(get, path = "/contests/{contest_id}/audit", tag = "contests",
    params(("contest_id" = Uuid, Path), AuditQuery), security(("presenter_token" = [])),
    responses((status = 200, body = [AuditEntryBody]), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn audit<S: ContestStore>(
    contests: web::Data<Contests<S>>,
    id: web::Path<Uuid>,
    credential: Credential,
    query: web::Query<AuditQuery>,
) -> Handled {
    let entries = contests
        .audit(
            ContestId::from_uuid(id.into_inner()),
            credential.token(),
            query.after.unwrap_or(0),
            query.limit.unwrap_or(AUDIT_PAGE).min(AUDIT_PAGE),
        )
        .await?;
    Ok(HttpResponse::Ok().json(entries.iter().map(AuditEntryBody::from).collect::<Vec<_>>()))
}

/// The calling judge's own sheet in a round.
#[utoipa::path(get, path = "/contests/{contest_id}/rounds/{round_id}/sheet", tag = "contests",
    params(("contest_id" = Uuid, Path), ("round_id" = Uuid, Path)),
    security(("presenter_token" = [])),
    responses((status = 200, body = SheetBody), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn sheet<S: ContestStore>(
    contests: web::Data<Contests<S>>,
    path: Ids,
    credential: Credential,
) -> Handled {
    let (contest, round) = ids(path);
    let sheet = contests
        .judge_sheet(contest, credential.token(), round)
        .await?;
    Ok(HttpResponse::Ok().json(SheetBody::from(&sheet)))
}

/// Save marks and comments on the calling judge's sheet (a draft), and
/// with `submit` lock it. Only while the round is open.
#[utoipa::path(put, path = "/contests/{contest_id}/rounds/{round_id}/sheet", tag = "contests",
    params(("contest_id" = Uuid, Path), ("round_id" = Uuid, Path)), request_body = SaveSheetBody,
    security(("presenter_token" = [])),
    responses((status = 200, body = SheetBody, description = "Saved; the sheet as stored"),
        (status = 400, body = Problem, description = "`invalid_mark`, `invalid_comment`, `invalid_sheet`"),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`round_not_open`, `sheet_submitted`, `sheet_incomplete`, or `round_changed` (the lineup read was stale; retry)"),
        (status = 503, body = Problem)))]
pub async fn save_sheet<S: ContestStore>(
    contests: web::Data<Contests<S>>,
    path: Ids,
    credential: Credential,
    body: web::Json<SaveSheetBody>,
) -> Handled {
    let (contest, round) = ids(path);
    let marks: Vec<MarkDraft> = body
        .marks
        .iter()
        .map(|m| MarkDraft {
            contestant: ContestantId::from_uuid(m.contestant_id),
            criterion: CriterionId::from_uuid(m.criterion_id),
            value: m.value.clone(),
        })
        .collect();
    let comments: Vec<(ContestantId, String)> = body
        .comments
        .iter()
        .map(|c| (ContestantId::from_uuid(c.contestant_id), c.text.clone()))
        .collect();
    let sheet = contests
        .save_sheet(
            contest,
            credential.token(),
            round,
            &marks,
            &comments,
            body.submit,
        )
        .await?;
    Ok(HttpResponse::Ok().json(SheetBody::from(&sheet)))
}

/// Release the judges' comments on a contestant through a private link
/// (organisers). Releasing again replaces the link; the old one stops.
#[utoipa::path(post, path = "/contests/{contest_id}/contestants/{contestant_id}/feedback-link", tag = "contests",
    params(("contest_id" = Uuid, Path), ("contestant_id" = Uuid, Path)),
    security(("presenter_token" = [])),
    responses((status = 201, body = FeedbackLinkBody), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn release_feedback<S: ContestStore>(
    contests: web::Data<Contests<S>>,
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
pub async fn feedback<S: ContestStore>(
    contests: web::Data<Contests<S>>,
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

#[cfg(test)]
mod tests {
    use super::*;
    use tally_domain::contest::Mark;

    fn marks(n: usize) -> Vec<StoredMark> {
        (0..n)
            .map(|i| StoredMark {
                judge: LinkId::generate(),
                contestant: ContestantId::generate(),
                criterion: CriterionId::generate(),
                mark: Mark::parse(&(i % 10).to_string()).unwrap(),
            })
            .collect()
    }

    fn joined(chunks: impl Iterator<Item = Bytes>) -> (usize, String) {
        let chunks: Vec<Bytes> = chunks.collect();
        let text = chunks
            .iter()
            .map(|c| String::from_utf8(c.to_vec()).unwrap())
            .collect();
        (chunks.len(), text)
    }

    /// Across chunk boundaries (and with none at all) the pieces join
    /// into one valid document holding every mark in order.
    #[test]
    fn exports_join_into_whole_documents_across_chunks() {
        for n in [0, 1, EXPORT_CHUNK, EXPORT_CHUNK + 1, 3 * EXPORT_CHUNK + 7] {
            let given = marks(n);
            let (count, text) = joined(json_chunks(&serde_json::json!({"r": 1}), given.clone()));
            assert_eq!(count, 2 + n.div_ceil(EXPORT_CHUNK), "{n} marks");
            let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
            let values: Vec<&str> = doc["marks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["value"].as_str().unwrap())
                .collect();
            let expected: Vec<String> = given.iter().map(|m| m.mark.to_string()).collect();
            assert_eq!(values, expected, "{n} marks");
            assert_eq!(doc["results"]["r"], 1);

            let (count, text) = joined(csv_chunks(marks_rows(given)));
            assert_eq!(count, (n + 1).div_ceil(EXPORT_CHUNK));
            let lines: Vec<&str> = text.split_terminator("\r\n").collect();
            assert_eq!(lines.len(), n + 1);
            assert_eq!(lines[0], "judge_id,contestant_id,criterion_id,value");
        }
    }
}
