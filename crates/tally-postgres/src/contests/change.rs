//! The audited transaction every change to a contest runs in: the change
//! and the audit rows that record it commit together or not at all.

#[allow(unused_imports)]
use super::prelude::*;

const AUDIT: &str = "INSERT INTO contest_audit \
     (contest_id, round_id, actor, action, judge_id, contestant_id, criterion_id, before, after) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
/// Locks the round for a change and bumps its version.
const TOUCH_ROUND: &str = "UPDATE contest_rounds SET version = version + 1 \
     WHERE id = $1 AND contest_id = $2 RETURNING state";

/// What one audit row says changed, besides the contest, the actor and
/// the action. Marks and comments write their rows in the statement that
/// changes them (`SET_MARK` and the like), which compares old and new.
#[derive(Default)]
pub(super) struct Entry<'a> {
    pub(super) round: Option<RoundId>,
    pub(super) judge: Option<LinkId>,
    pub(super) contestant: Option<ContestantId>,
    pub(super) criterion: Option<CriterionId>,
    pub(super) before: Option<&'a str>,
    pub(super) after: Option<&'a str>,
}

/// One change to a contest by `actor`, in one transaction: touch the round
/// it changes first (that serialises it with every other writer of the
/// round), record each step in the audit log, then commit.
pub(super) struct Change<'c> {
    pub(super) tx: Transaction<'c>,
    contest: ContestId,
    actor: String,
}

impl<'c> Change<'c> {
    pub(super) async fn begin(
        client: &'c mut deadpool_postgres::Object,
        contest: ContestId,
        actor: &str,
    ) -> Result<Self, ContestStoreError> {
        Ok(Self {
            tx: client.transaction().await.map_err(failed)?,
            contest,
            actor: actor.to_owned(),
        })
    }

    /// Locks the round and bumps its version; its state.
    pub(super) async fn touch_round(
        &self,
        round: RoundId,
    ) -> Result<RoundState, ContestStoreError> {
        let row = self
            .tx
            .query_opt(TOUCH_ROUND, &[round.as_uuid(), self.contest.as_uuid()])
            .await
            .map_err(failed)?
            .ok_or(ContestStoreError::RoundNotFound)?;
        round_state(row.try_get(0).map_err(failed)?).map_err(ContestStoreError::Store)
    }

    /// [`Self::touch_round`], refusing the change unless the round is in
    /// one of `states`.
    pub(super) async fn touch_round_in(
        &self,
        round: RoundId,
        states: &[RoundState],
    ) -> Result<RoundState, ContestStoreError> {
        let state = self.touch_round(round).await?;
        if states.contains(&state) {
            Ok(state)
        } else {
            Err(ContestStoreError::RoundState(state))
        }
    }

    /// Records one step of the change in the audit log.
    pub(super) async fn record(
        &self,
        action: &str,
        entry: Entry<'_>,
    ) -> Result<(), ContestStoreError> {
        self.tx
            .execute(
                AUDIT,
                &[
                    self.contest.as_uuid(),
                    &entry.round.map(|r| *r.as_uuid()),
                    &self.actor,
                    &action,
                    &entry.judge.map(|j| *j.as_uuid()),
                    &entry.contestant.map(|c| *c.as_uuid()),
                    &entry.criterion.map(|k| *k.as_uuid()),
                    &entry.before,
                    &entry.after,
                ],
            )
            .await
            .map_err(failed)?;
        Ok(())
    }

    /// Records the change's last step and commits.
    pub(super) async fn finish(
        self,
        action: &str,
        entry: Entry<'_>,
    ) -> Result<(), ContestStoreError> {
        self.record(action, entry).await?;
        self.commit().await
    }

    pub(super) async fn commit(self) -> Result<(), ContestStoreError> {
        self.tx.commit().await.map_err(failed)
    }
}

/// Checks that every one of `contestants` is the contest's; their ids.
pub(super) async fn ensure_contestants_belong(
    tx: &Transaction<'_>,
    contest: ContestId,
    contestants: &BTreeSet<ContestantId>,
) -> Result<Vec<Uuid>, ContestStoreError> {
    let ids: Vec<Uuid> = contestants.iter().map(|c| *c.as_uuid()).collect();
    let known: i64 = tx
        .query_one(
            "SELECT count(*) FROM contestants WHERE contest_id = $1 AND id = ANY($2)",
            &[contest.as_uuid(), &ids],
        )
        .await
        .map_err(failed)?
        .try_get(0)
        .map_err(failed)?;
    if usize::try_from(known).ok() == Some(ids.len()) {
        Ok(ids)
    } else {
        Err(ContestStoreError::ContestantNotFound)
    }
}

/// The contestants a round scores.
pub(super) async fn lineup(
    tx: &Transaction<'_>,
    round: RoundId,
) -> Result<BTreeSet<ContestantId>, ContestStoreError> {
    let rows = tx
        .query(
            "SELECT contestant_id FROM contest_round_entries WHERE round_id = $1",
            &[round.as_uuid()],
        )
        .await
        .map_err(failed)?;
    rows.iter()
        .map(|r| Ok(ContestantId::from_uuid(r.try_get(0).map_err(failed)?)))
        .collect()
}

pub(super) async fn insert_lineup(
    tx: &Transaction<'_>,
    round: RoundId,
    lineup: &BTreeSet<ContestantId>,
) -> Result<(), ContestStoreError> {
    let ids: Vec<Uuid> = lineup.iter().map(|c| *c.as_uuid()).collect();
    tx.execute(
        "INSERT INTO contest_round_entries (round_id, contestant_id) \
         SELECT $1, unnest($2::uuid[])",
        &[round.as_uuid(), &ids],
    )
    .await
    .map_err(failed)?;
    Ok(())
}
