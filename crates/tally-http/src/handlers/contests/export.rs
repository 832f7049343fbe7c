//! A round's export, CSV or JSON, encoded chunk by chunk as the client
//! reads it.

use super::*;

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
pub async fn export<P: Ports>(
    contests: web::Data<Contests<P>>,
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
