//! The audit log, and a judge's own sheet.

use super::*;

/// The audit log: every change, oldest first.
#[utoipa::path(get, path = "/contests/{contest_id}/audit", tag = "contests",
    params(("contest_id" = Uuid, Path), AuditQuery), security(("presenter_token" = [])),
    responses((status = 200, body = [AuditEntryBody]), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn audit<P: Ports>(
    contests: web::Data<Contests<P>>,
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
pub async fn sheet<P: Ports>(
    contests: web::Data<Contests<P>>,
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
pub async fn save_sheet<P: Ports>(
    contests: web::Data<Contests<P>>,
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
