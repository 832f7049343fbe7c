//! Writing a contest's definition: at creation, and again for a revision
//! (`revise`), where criteria, contestants and rounds keep their ids.

#[allow(unused_imports)]
use super::prelude::*;

/// Positions and names are unique within a contest; a revision moves the
/// old ones out of the way by this much (and names to the row's id) before
/// it writes the new order, so that a swap never collides.
const ASIDE: i32 = 1_000_000;

fn method_columns(method: &Method) -> (&'static str, Option<i32>) {
    match method {
        Method::WeightedMean => ("weighted_mean", None),
        Method::TrimmedMean { min_judges } => (
            "trimmed_mean",
            Some(i32::try_from(*min_judges).unwrap_or(i32::MAX)),
        ),
        Method::ZScore => ("z_score", None),
    }
}

/// The people's-choice poll must be a single-choice poll.
pub(super) async fn check_audience(
    tx: &Transaction<'_>,
    c: &Contest,
) -> Result<(), ContestStoreError> {
    if let Some(a) = &c.audience {
        tx.query_opt(
            "SELECT 1 FROM polls WHERE id = $1 AND kind = 'single'",
            &[a.poll.as_uuid()],
        )
        .await
        .map_err(failed)?
        .ok_or(ContestStoreError::AudiencePoll)?;
    }
    Ok(())
}

/// Writes the contest's row, criteria, contestants and rounds (by id:
/// updated where they exist, inserted where not), and the lineup of every
/// round still in draft. Removing what the contest no longer has is the
/// caller's.
pub(super) async fn write_definition(
    tx: &Transaction<'_>,
    c: &Contest,
) -> Result<(), ContestStoreError> {
    let (method, trim) = method_columns(&c.method);
    let tie_criterion = c.tie_breaks.iter().find_map(|t| match t {
        TieBreak::Criterion(k) => i32::try_from(*k).ok(),
        TieBreak::Audience => None,
    });
    let tie_audience = c.tie_breaks.contains(&TieBreak::Audience);
    let weight = c.audience.as_ref().map(|a| text(&a.weight));
    tx.execute(
        "UPDATE contests SET title = $2, method = $3, trim_min_judges = $4, tie_criterion = $5, \
           tie_audience = $6, audience_poll_id = $7, audience_weight = $8::text::numeric \
         WHERE id = $1",
        &[
            c.id.as_uuid(),
            &c.title,
            &method,
            &trim,
            &tie_criterion,
            &tie_audience,
            &c.audience.as_ref().map(|a| *a.poll.as_uuid()),
            &weight,
        ],
    )
    .await
    .map_err(failed)?;
    for table in ["contest_criteria", "contestants", "contest_rounds"] {
        tx.execute(
            &format!(
                "UPDATE {table} SET position = position + {ASIDE}, name = id::text \
                 WHERE contest_id = $1"
            ),
            &[c.id.as_uuid()],
        )
        .await
        .map_err(failed)?;
    }
    for (i, (id, k)) in c.criteria.iter().enumerate() {
        let position = i32::try_from(i).map_err(failed)?;
        tx.execute(
            "INSERT INTO contest_criteria (contest_id, position, id, name, description, \
               weight, min_mark, max_mark, step) \
             VALUES ($1, $2, $3, $4, $5, $6::text::numeric, $7::text::numeric, \
               $8::text::numeric, $9::text::numeric) \
             ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, name = EXCLUDED.name, \
               description = EXCLUDED.description, weight = EXCLUDED.weight, \
               min_mark = EXCLUDED.min_mark, max_mark = EXCLUDED.max_mark, step = EXCLUDED.step",
            &[
                c.id.as_uuid(),
                &position,
                id.as_uuid(),
                &k.name(),
                &k.description(),
                &text(k.weight()),
                &text(k.range().min()),
                &text(k.range().max()),
                &text(k.range().step()),
            ],
        )
        .await
        .map_err(failed)?;
    }
    for (table, rows) in [
        (
            "contestants",
            c.contestants
                .iter()
                .map(|x| (x.id.as_uuid(), &x.name))
                .collect::<Vec<_>>(),
        ),
        (
            "contest_rounds",
            c.rounds.iter().map(|r| (r.id.as_uuid(), &r.name)).collect(),
        ),
    ] {
        for (i, (id, name)) in rows.into_iter().enumerate() {
            let position = i32::try_from(i).map_err(failed)?;
            tx.execute(
                &format!(
                    "INSERT INTO {table} (contest_id, position, id, name) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, name = EXCLUDED.name"
                ),
                &[c.id.as_uuid(), &position, id, name],
            )
            .await
            .map_err(failed)?;
        }
    }
    // Only a round that is a draft here and now (its row is locked) takes
    // a new lineup: one opened since the caller read it keeps its own.
    for r in c.rounds.iter().filter(|r| r.state == RoundState::Draft) {
        let still_draft = tx
            .query_opt(
                "SELECT 1 FROM contest_rounds WHERE id = $1 AND state = 'draft'",
                &[r.id.as_uuid()],
            )
            .await
            .map_err(failed)?;
        if still_draft.is_none() {
            continue;
        }
        tx.execute(
            "DELETE FROM contest_round_entries WHERE round_id = $1",
            &[r.id.as_uuid()],
        )
        .await
        .map_err(failed)?;
        insert_lineup(tx, r.id, &r.lineup).await?;
    }
    Ok(())
}

/// Stores a revision in `change` (see `ContestDefinitions::revise`).
pub(super) async fn revise(change: Change<'_>, revised: &Revised) -> Result<(), ContestStoreError> {
    let c = &revised.contest;
    let tx = &change.tx;
    // Serialise with every writer of the contest's rounds (they lock their
    // round first), in position order as they do, and bump every round:
    // results may move.
    tx.execute(
        "WITH locked AS (SELECT id FROM contest_rounds WHERE contest_id = $1 \
           ORDER BY position FOR UPDATE) \
         UPDATE contest_rounds SET version = version + 1 WHERE id IN (SELECT id FROM locked)",
        &[c.id.as_uuid()],
    )
    .await
    .map_err(failed)?;
    let guards: Vec<Uuid> = revised.guards().iter().map(|r| *r.as_uuid()).collect();
    if let Some(row) = tx
        .query_opt(
            "SELECT r.id FROM contest_rounds r WHERE r.id = ANY($1) AND (r.state = 'published' \
               OR EXISTS (SELECT 1 FROM contest_marks m WHERE m.round_id = r.id)) \
             ORDER BY r.position LIMIT 1",
            &[&guards],
        )
        .await
        .map_err(failed)?
    {
        return Err(ContestStoreError::RoundLocked(RoundId::from_uuid(
            row.try_get(0).map_err(failed)?,
        )));
    }
    check_audience(tx, c).await?;
    let criteria: Vec<Uuid> = c.criteria.iter().map(|(id, _)| *id.as_uuid()).collect();
    let contestants: Vec<Uuid> = c.contestants.iter().map(|x| *x.id.as_uuid()).collect();
    let rounds: Vec<Uuid> = c.rounds.iter().map(|r| *r.id.as_uuid()).collect();
    // What the contest no longer has, and everything that points at it
    // (the guards above made sure no mark does).
    for (sql, kept) in [
        (
            "DELETE FROM contest_criteria WHERE contest_id = $1 AND id <> ALL($2)",
            &criteria,
        ),
        (
            "DELETE FROM contest_conflicts WHERE contestant_id IN \
               (SELECT id FROM contestants WHERE contest_id = $1 AND id <> ALL($2))",
            &contestants,
        ),
        (
            "DELETE FROM contest_round_entries WHERE contestant_id IN \
               (SELECT id FROM contestants WHERE contest_id = $1 AND id <> ALL($2))",
            &contestants,
        ),
        (
            "DELETE FROM contest_comments WHERE contestant_id IN \
               (SELECT id FROM contestants WHERE contest_id = $1 AND id <> ALL($2))",
            &contestants,
        ),
        (
            "DELETE FROM contestants WHERE contest_id = $1 AND id <> ALL($2)",
            &contestants,
        ),
        (
            "DELETE FROM contest_round_entries WHERE round_id IN \
               (SELECT id FROM contest_rounds WHERE contest_id = $1 AND id <> ALL($2))",
            &rounds,
        ),
        (
            "DELETE FROM contest_rounds WHERE contest_id = $1 AND id <> ALL($2)",
            &rounds,
        ),
    ] {
        tx.execute(sql, &[c.id.as_uuid(), kept])
            .await
            .map_err(failed)?;
    }
    write_definition(tx, c).await?;
    for e in &revised.edits {
        change
            .record(
                &format!("edit_{}", e.what),
                Entry {
                    round: e.round,
                    contestant: e.contestant,
                    criterion: e.criterion,
                    before: e.before.as_deref(),
                    after: e.after.as_deref(),
                    ..Entry::default()
                },
            )
            .await?;
    }
    change.commit().await
}
