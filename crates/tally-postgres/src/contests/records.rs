//! What the contest store reads for others: the audit log, where the
//! people's-choice poll is, and what `tally verify` checks.

#[allow(unused_imports)]
use super::prelude::*;

/// A mark the audit log does not account for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnauditedMark {
    pub round: RoundId,
    pub judge: LinkId,
    pub contestant: ContestantId,
    pub criterion: CriterionId,
    pub stored: Option<String>,
    pub audited: Option<String>,
}

/// Inherent reads for `tally verify`.
impl PgContests {
    /// Every published round as (contest, round), by contest, for `tally
    /// verify`.
    ///
    /// # Errors
    /// When Postgres fails.
    pub async fn published_rounds(&self) -> Result<Vec<(ContestId, RoundId)>, StoreError> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT contest_id, id FROM contest_rounds \
                 WHERE state = 'published' ORDER BY contest_id, position",
                &[],
            )
            .await
            .map_err(store_error)?;
        rows.iter()
            .map(|r| {
                Ok((
                    ContestId::from_uuid(r.try_get(0).map_err(store_error)?),
                    RoundId::from_uuid(r.try_get(1).map_err(store_error)?),
                ))
            })
            .collect()
    }

    /// Marks whose stored value is not the value the audit log last
    /// recorded for them (or that the log never recorded): each is
    /// (round, judge, contestant, criterion, stored, audited).
    ///
    /// # Errors
    /// When Postgres fails.
    pub async fn unaudited_marks(&self) -> Result<Vec<UnauditedMark>, StoreError> {
        let client = self.client().await?;
        let rows = client
            .query(
                "WITH last AS (SELECT DISTINCT ON (round_id, judge_id, contestant_id, criterion_id) \
                   round_id, judge_id, contestant_id, criterion_id, after FROM contest_audit \
                   WHERE action = 'mark' \
                   ORDER BY round_id, judge_id, contestant_id, criterion_id, seq DESC) \
                 SELECT coalesce(m.round_id, l.round_id), coalesce(m.judge_id, l.judge_id), \
                   coalesce(m.contestant_id, l.contestant_id), \
                   coalesce(m.criterion_id, l.criterion_id), m.value::text, l.after \
                 FROM contest_marks m FULL JOIN last l USING \
                   (round_id, judge_id, contestant_id, criterion_id) \
                 WHERE m.value IS DISTINCT FROM l.after::numeric",
                &[],
            )
            .await
            .map_err(store_error)?;
        rows.iter()
            .map(|r| {
                Ok(UnauditedMark {
                    round: RoundId::from_uuid(r.try_get(0).map_err(store_error)?),
                    judge: LinkId::from_uuid(r.try_get(1).map_err(store_error)?),
                    contestant: ContestantId::from_uuid(r.try_get(2).map_err(store_error)?),
                    criterion: CriterionId::from_uuid(r.try_get(3).map_err(store_error)?),
                    stored: r.try_get(4).map_err(store_error)?,
                    audited: r.try_get(5).map_err(store_error)?,
                })
            })
            .collect()
    }
}

impl ContestRecords for PgContests {
    async fn audit(
        &self,
        id: ContestId,
        after: i64,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let client = self.client().await?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = client
            .query(
                "SELECT seq, round_id, \
                   to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), \
                   actor, action, judge_id, contestant_id, criterion_id, before, after \
                 FROM contest_audit WHERE contest_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                &[id.as_uuid(), &after, &limit],
            )
            .await
            .map_err(store_error)?;
        rows.iter()
            .map(|r| {
                Ok(AuditEntry {
                    seq: r.try_get(0).map_err(store_error)?,
                    round: r
                        .try_get::<_, Option<Uuid>>(1)
                        .map_err(store_error)?
                        .map(RoundId::from_uuid),
                    at: r.try_get(2).map_err(store_error)?,
                    actor: r.try_get(3).map_err(store_error)?,
                    action: r.try_get(4).map_err(store_error)?,
                    judge: r
                        .try_get::<_, Option<Uuid>>(5)
                        .map_err(store_error)?
                        .map(LinkId::from_uuid),
                    contestant: r
                        .try_get::<_, Option<Uuid>>(6)
                        .map_err(store_error)?
                        .map(ContestantId::from_uuid),
                    criterion: r
                        .try_get::<_, Option<Uuid>>(7)
                        .map_err(store_error)?
                        .map(CriterionId::from_uuid),
                    before: r.try_get(8).map_err(store_error)?,
                    after: r.try_get(9).map_err(store_error)?,
                })
            })
            .collect()
    }

    async fn presentation_of_poll(
        &self,
        poll: PollId,
    ) -> Result<Option<PresentationId>, StoreError> {
        let client = self.client().await?;
        let row = client
            .query_opt(
                "SELECT presentation_id FROM polls WHERE id = $1",
                &[poll.as_uuid()],
            )
            .await
            .map_err(store_error)?;
        row.map(|r| {
            Ok(PresentationId::from_uuid(
                r.try_get(0).map_err(store_error)?,
            ))
        })
        .transpose()
    }
}
