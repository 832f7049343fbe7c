//! Judges' sheets: marks and comments saved, submitted and reopened.

#[allow(unused_imports)]
use super::prelude::*;

/// Upserts a mark and audits it when its value changed (numerically: 7.5
/// and 7.50 are one value).
const SET_MARK: &str = "WITH old AS (SELECT value FROM contest_marks \
       WHERE round_id = $1 AND judge_id = $2 AND contestant_id = $3 AND criterion_id = $4), \
     up AS (INSERT INTO contest_marks (round_id, judge_id, contestant_id, criterion_id, value) \
       VALUES ($1, $2, $3, $4, $5::text::numeric) \
       ON CONFLICT (round_id, judge_id, contestant_id, criterion_id) \
       DO UPDATE SET value = EXCLUDED.value) \
     INSERT INTO contest_audit \
       (contest_id, round_id, actor, action, judge_id, contestant_id, criterion_id, before, after) \
     SELECT $6, $1, $7, 'mark', $2, $3, $4, (SELECT value::text FROM old), $5 \
     WHERE (SELECT value FROM old) IS DISTINCT FROM $5::text::numeric";
const CLEAR_MARK: &str = "WITH old AS (DELETE FROM contest_marks \
       WHERE round_id = $1 AND judge_id = $2 AND contestant_id = $3 AND criterion_id = $4 \
       RETURNING value) \
     INSERT INTO contest_audit \
       (contest_id, round_id, actor, action, judge_id, contestant_id, criterion_id, before, after) \
     SELECT $5, $1, $6, 'mark', $2, $3, $4, value::text, NULL FROM old";
const SET_COMMENT: &str = "WITH old AS (SELECT text FROM contest_comments \
       WHERE round_id = $1 AND judge_id = $2 AND contestant_id = $3), \
     up AS (INSERT INTO contest_comments (round_id, judge_id, contestant_id, text) \
       VALUES ($1, $2, $3, $4) ON CONFLICT (round_id, judge_id, contestant_id) \
       DO UPDATE SET text = EXCLUDED.text) \
     INSERT INTO contest_audit (contest_id, round_id, actor, action, judge_id, contestant_id, before, after) \
     SELECT $5, $1, $6, 'comment', $2, $3, (SELECT text FROM old), $4 \
     WHERE (SELECT text FROM old) IS DISTINCT FROM $4";
const CLEAR_COMMENT: &str = "WITH old AS (DELETE FROM contest_comments \
       WHERE round_id = $1 AND judge_id = $2 AND contestant_id = $3 RETURNING text) \
     INSERT INTO contest_audit (contest_id, round_id, actor, action, judge_id, contestant_id, before, after) \
     SELECT $4, $1, $5, 'comment', $2, $3, text, NULL FROM old";

impl ContestSheets for PgContests {
    async fn save_sheet(
        &self,
        id: ContestId,
        round: RoundId,
        judge: LinkId,
        changes: SheetChanges,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let mut client = self.client().await?;
        let change = Change::begin(&mut client, id, actor).await?;
        let tx = &change.tx;
        change.touch_round_in(round, &[RoundState::Open]).await?;
        // The lineup is fixed once the round opens; a caller that read it
        // while the round was still a draft may have read an older one.
        if lineup(tx, round).await? != changes.lineup {
            return Err(ContestStoreError::Changed);
        }
        tx.execute(
            "INSERT INTO contest_sheets (round_id, judge_id) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
            &[round.as_uuid(), judge.as_uuid()],
        )
        .await
        .map_err(failed)?;
        let sheet: String = tx
            .query_one(
                "SELECT state FROM contest_sheets WHERE round_id = $1 AND judge_id = $2 FOR UPDATE",
                &[round.as_uuid(), judge.as_uuid()],
            )
            .await
            .map_err(failed)?
            .try_get(0)
            .map_err(failed)?;
        if sheet != SheetState::Draft.as_str() {
            return Err(ContestStoreError::SheetSubmitted);
        }
        let (r, j, c) = (round.as_uuid(), judge.as_uuid(), id.as_uuid());
        for m in &changes.marks {
            let (who, what) = (m.contestant.as_uuid(), m.criterion.as_uuid());
            match &m.mark {
                Some(value) => {
                    let value = text(value);
                    let params: [&(dyn ToSql + Sync); 7] = [r, j, who, what, &value, c, &actor];
                    tx.execute(SET_MARK, &params).await.map_err(failed)?;
                }
                None => {
                    let params: [&(dyn ToSql + Sync); 6] = [r, j, who, what, c, &actor];
                    tx.execute(CLEAR_MARK, &params).await.map_err(failed)?;
                }
            }
        }
        for (contestant, comment) in &changes.comments {
            let who = contestant.as_uuid();
            if comment.is_empty() {
                tx.execute(CLEAR_COMMENT, &[r, j, who, c, &actor])
                    .await
                    .map_err(failed)?;
            } else {
                tx.execute(SET_COMMENT, &[r, j, who, comment, c, &actor])
                    .await
                    .map_err(failed)?;
            }
        }
        if let Some(expected) = changes.submit {
            let scored: i64 = tx
                .query_one(
                    "SELECT count(*) FROM contest_marks m WHERE round_id = $1 AND judge_id = $2 \
                     AND NOT EXISTS (SELECT 1 FROM contest_conflicts x \
                       WHERE x.judge_id = m.judge_id AND x.contestant_id = m.contestant_id)",
                    &[r, j],
                )
                .await
                .map_err(failed)?
                .try_get(0)
                .map_err(failed)?;
            let scored = usize::try_from(scored).map_err(failed)?;
            if scored < expected {
                return Err(ContestStoreError::Incomplete(expected - scored));
            }
            tx.execute(
                "UPDATE contest_sheets SET state = 'submitted', submitted_at = now() \
                 WHERE round_id = $1 AND judge_id = $2",
                &[r, j],
            )
            .await
            .map_err(failed)?;
            change
                .record(
                    "submit",
                    Entry {
                        round: Some(round),
                        judge: Some(judge),
                        before: Some("draft"),
                        after: Some("submitted"),
                        ..Entry::default()
                    },
                )
                .await?;
        }
        change.commit().await
    }

    async fn reopen_sheet(
        &self,
        id: ContestId,
        round: RoundId,
        judge: LinkId,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let mut client = self.client().await?;
        let change = Change::begin(&mut client, id, actor).await?;
        let tx = &change.tx;
        // Any state but published: a closed round's sheet is reopened to
        // be corrected once the round opens again.
        change
            .touch_round_in(
                round,
                &[RoundState::Draft, RoundState::Open, RoundState::Closed],
            )
            .await?;
        let reopened = tx
            .execute(
                "UPDATE contest_sheets SET state = 'draft', submitted_at = NULL \
                 WHERE round_id = $1 AND judge_id = $2 AND state = 'submitted'",
                &[round.as_uuid(), judge.as_uuid()],
            )
            .await
            .map_err(failed)?;
        if reopened == 0 {
            let known = tx
                .query_opt(
                    "SELECT 1 FROM contest_links WHERE id = $1 AND contest_id = $2 AND role = 'judge'",
                    &[judge.as_uuid(), id.as_uuid()],
                )
                .await
                .map_err(failed)?;
            return Err(match known {
                Some(_) => ContestStoreError::SheetNotSubmitted,
                None => ContestStoreError::LinkNotFound,
            });
        }
        change
            .finish(
                "reopen",
                Entry {
                    round: Some(round),
                    judge: Some(judge),
                    before: Some("submitted"),
                    after: Some("draft"),
                    ..Entry::default()
                },
            )
            .await
    }

    async fn sheets(&self, id: ContestId, round: RoundId) -> Result<RoundSheets, StoreError> {
        let mut client = self.client().await?;
        // One snapshot for the version, the sheets and their marks.
        let tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await
            .map_err(store_error)?;
        let Some(version) = tx
            .query_opt(
                "SELECT version FROM contest_rounds WHERE id = $1 AND contest_id = $2",
                &[round.as_uuid(), id.as_uuid()],
            )
            .await
            .map_err(store_error)?
        else {
            return Ok(RoundSheets {
                sheets: Vec::new(),
                seen: 0,
            });
        };
        let seen: i64 = version.try_get(0).map_err(store_error)?;
        let sheets = read_sheets(&tx, round, None).await?;
        tx.commit().await.map_err(store_error)?;
        Ok(RoundSheets { sheets, seen })
    }

    async fn sheet(
        &self,
        _id: ContestId,
        round: RoundId,
        judge: LinkId,
    ) -> Result<StoredSheet, StoreError> {
        let mut client = self.client().await?;
        let tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await
            .map_err(store_error)?;
        let found = read_sheets(&tx, round, Some(judge)).await?.pop();
        tx.commit().await.map_err(store_error)?;
        Ok(found.unwrap_or(StoredSheet {
            judge,
            state: SheetState::Draft,
            marks: Vec::new(),
            comments: Vec::new(),
        }))
    }
}

/// The round's sheets (or one judge's), with marks on contestants the
/// judge is excluded from left out.
async fn read_sheets(
    tx: &Transaction<'_>,
    round: RoundId,
    judge: Option<LinkId>,
) -> Result<Vec<StoredSheet>, StoreError> {
    let judge = judge.map(|j| *j.as_uuid());
    let (sheets, marks, comments) = futures::future::join3(
        tx.query(
            "SELECT judge_id, state FROM contest_sheets WHERE round_id = $1 \
             AND ($2::uuid IS NULL OR judge_id = $2) ORDER BY judge_id",
            &[round.as_uuid(), &judge],
        ),
        tx.query(
            "SELECT judge_id, contestant_id, criterion_id, value::text FROM contest_marks m \
             WHERE round_id = $1 AND ($2::uuid IS NULL OR judge_id = $2) \
             AND NOT EXISTS (SELECT 1 FROM contest_conflicts x \
               WHERE x.judge_id = m.judge_id AND x.contestant_id = m.contestant_id)",
            &[round.as_uuid(), &judge],
        ),
        tx.query(
            "SELECT judge_id, contestant_id, text FROM contest_comments \
             WHERE round_id = $1 AND ($2::uuid IS NULL OR judge_id = $2)",
            &[round.as_uuid(), &judge],
        ),
    )
    .await;
    let mut out: BTreeMap<LinkId, StoredSheet> = BTreeMap::new();
    for r in sheets.map_err(store_error)? {
        let judge = LinkId::from_uuid(r.try_get(0).map_err(store_error)?);
        let state: &str = r.try_get(1).map_err(store_error)?;
        out.insert(
            judge,
            StoredSheet {
                judge,
                state: SheetState::parse(state)
                    .ok_or_else(|| store_error(anyhow::anyhow!("stored sheet state {state:?}")))?,
                marks: Vec::new(),
                comments: Vec::new(),
            },
        );
    }
    for r in marks.map_err(store_error)? {
        let judge = LinkId::from_uuid(r.try_get(0).map_err(store_error)?);
        if let Some(sheet) = out.get_mut(&judge) {
            sheet.marks.push(StoredMark {
                judge,
                contestant: ContestantId::from_uuid(r.try_get(1).map_err(store_error)?),
                criterion: CriterionId::from_uuid(r.try_get(2).map_err(store_error)?),
                mark: mark(r.try_get(3).map_err(store_error)?)?,
            });
        }
    }
    for r in comments.map_err(store_error)? {
        let judge = LinkId::from_uuid(r.try_get(0).map_err(store_error)?);
        if let Some(sheet) = out.get_mut(&judge) {
            sheet.comments.push((
                ContestantId::from_uuid(r.try_get(1).map_err(store_error)?),
                r.try_get(2).map_err(store_error)?,
            ));
        }
    }
    Ok(out.into_values().collect())
}
