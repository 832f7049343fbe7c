//! Judged contests in Postgres.
//!
//! Every change and its audit rows commit in one transaction. Changes to a
//! round serialise on the round's row: saving a sheet, reopening one and
//! moving the round each update that row (bumping its version) before
//! anything else, so a sheet saved while the organiser closes the round is
//! either stored entirely before the close or refused entirely after it.
//! A publication stores its snapshot only if the round's version is the
//! one its marks were read at.

use crate::publication::{columns, publication, Columns};
use deadpool_postgres::{Pool, Transaction};
use std::collections::{BTreeMap, BTreeSet};
use tally_domain::contest::model::{
    Audience, AuditEntry, Caller, Contest, Contestant, Feedback, Link, Role, Round, RoundSheets,
    RoundState, SheetState, StoredMark, StoredSheet,
};
use tally_domain::contest::publication::Publication;
use tally_domain::contest::{Criterion, Mark, Method, ScoreRange, TieBreak};
use tally_domain::ports::{
    ContestStore, ContestStoreError, LedgerError, NewContest, SheetChanges, StoreError, VoteLedger,
};
use tally_domain::presenter::TokenHash;
use tally_domain::{ContestId, ContestantId, CriterionId, LinkId, PollId, PresentationId, RoundId};
use tokio_postgres::types::ToSql;
use tokio_postgres::IsolationLevel;
use uuid::Uuid;

const AUDIT: &str = "INSERT INTO contest_audit \
     (contest_id, round_id, actor, action, judge_id, contestant_id, criterion_id, before, after) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
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
/// Locks the round for a change and bumps its version.
const TOUCH_ROUND: &str = "UPDATE contest_rounds SET version = version + 1 \
     WHERE id = $1 AND contest_id = $2 RETURNING state";

/// The contest store on Postgres. People's-choice votes are read through
/// `ledger`, the same vote ledger as every poll's results: on the spike
/// path that is Redis, which counts a vote when it is acknowledged, before
/// the flusher brings it to Postgres.
#[derive(Clone, Debug)]
pub struct PgContests<L> {
    pool: Pool,
    ledger: L,
}

impl<L> PgContests<L> {
    pub fn new(pool: Pool, ledger: L) -> Self {
        Self { pool, ledger }
    }

    async fn client(&self) -> Result<deadpool_postgres::Object, StoreError> {
        self.pool.get().await.map_err(store_error)
    }

    /// Every published round: (contest, round, the digest stored at
    /// publishing), for `tally verify`.
    ///
    /// # Errors
    /// When Postgres fails.
    pub async fn published_rounds(&self) -> Result<Vec<(ContestId, RoundId, String)>, StoreError> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT contest_id, id, digest FROM contest_rounds \
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
                    r.try_get(2).map_err(store_error)?,
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

fn store_error(e: impl Into<anyhow::Error>) -> StoreError {
    StoreError(e.into())
}

fn failed(e: impl Into<anyhow::Error>) -> ContestStoreError {
    ContestStoreError::Store(store_error(e))
}

fn mark(raw: &str) -> Result<Mark, StoreError> {
    Mark::parse(raw).map_err(|e| store_error(anyhow::anyhow!("stored mark {raw:?}: {e}")))
}

fn text(mark: &Mark) -> String {
    mark.to_string()
}

/// What one audit row says changed, besides the contest, the actor and
/// the action. Marks and comments write their rows in the statement that
/// changes them (`SET_MARK` and the like), which compares old and new.
#[derive(Default)]
struct Entry<'a> {
    round: Option<RoundId>,
    judge: Option<LinkId>,
    contestant: Option<ContestantId>,
    before: Option<&'a str>,
    after: Option<&'a str>,
}

async fn audit(
    tx: &Transaction<'_>,
    contest: ContestId,
    actor: &str,
    action: &str,
    entry: Entry<'_>,
) -> Result<(), ContestStoreError> {
    tx.execute(
        AUDIT,
        &[
            contest.as_uuid(),
            &entry.round.map(|r| *r.as_uuid()),
            &actor,
            &action,
            &entry.judge.map(|j| *j.as_uuid()),
            &entry.contestant.map(|c| *c.as_uuid()),
            &None::<Uuid>,
            &entry.before,
            &entry.after,
        ],
    )
    .await
    .map_err(failed)?;
    Ok(())
}

/// Checks that every one of `contestants` is the contest's; their ids.
async fn ensure_contestants_belong(
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
async fn lineup(
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

async fn insert_lineup(
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

/// Locks the round and bumps its version; its state.
async fn touch_round(
    tx: &Transaction<'_>,
    contest: ContestId,
    round: RoundId,
) -> Result<RoundState, ContestStoreError> {
    let row = tx
        .query_opt(TOUCH_ROUND, &[round.as_uuid(), contest.as_uuid()])
        .await
        .map_err(failed)?
        .ok_or(ContestStoreError::RoundNotFound)?;
    round_state(row.try_get(0).map_err(failed)?).map_err(ContestStoreError::Store)
}

fn round_state(raw: &str) -> Result<RoundState, StoreError> {
    RoundState::parse(raw).ok_or_else(|| store_error(anyhow::anyhow!("stored round state {raw:?}")))
}

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

impl<L: VoteLedger> ContestStore for PgContests<L> {
    async fn create(&self, new: NewContest) -> Result<(), ContestStoreError> {
        let c = &new.contest;
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(failed)?;
        if let Some(a) = &c.audience {
            tx.query_opt(
                "SELECT 1 FROM polls WHERE id = $1 AND kind = 'single'",
                &[a.poll.as_uuid()],
            )
            .await
            .map_err(failed)?
            .ok_or(ContestStoreError::AudiencePoll)?;
        }
        let (method, trim) = method_columns(&c.method);
        let tie_criterion = c.tie_breaks.iter().find_map(|t| match t {
            TieBreak::Criterion(k) => i32::try_from(*k).ok(),
            TieBreak::Audience => None,
        });
        let tie_audience = c.tie_breaks.contains(&TieBreak::Audience);
        let weight = c.audience.as_ref().map(|a| text(&a.weight));
        tx.execute(
            "INSERT INTO contests (id, title, owner_token_hash, method, trim_min_judges, \
               tie_criterion, tie_audience, audience_poll_id, audience_weight) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::numeric)",
            &[
                c.id.as_uuid(),
                &c.title,
                &new.owner.as_bytes().as_slice(),
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
        for (i, (id, k)) in c.criteria.iter().enumerate() {
            let position = i32::try_from(i).map_err(failed)?;
            tx.execute(
                "INSERT INTO contest_criteria (contest_id, position, id, name, description, \
                   weight, min_mark, max_mark, step) \
                 VALUES ($1, $2, $3, $4, $5, $6::text::numeric, $7::text::numeric, \
                   $8::text::numeric, $9::text::numeric)",
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
        for (i, x) in c.contestants.iter().enumerate() {
            let position = i32::try_from(i).map_err(failed)?;
            tx.execute(
                "INSERT INTO contestants (contest_id, position, id, name) VALUES ($1, $2, $3, $4)",
                &[c.id.as_uuid(), &position, x.id.as_uuid(), &x.name],
            )
            .await
            .map_err(failed)?;
        }
        for (i, r) in c.rounds.iter().enumerate() {
            let position = i32::try_from(i).map_err(failed)?;
            tx.execute(
                "INSERT INTO contest_rounds (contest_id, position, id, name) VALUES ($1, $2, $3, $4)",
                &[c.id.as_uuid(), &position, r.id.as_uuid(), &r.name],
            )
            .await
            .map_err(failed)?;
            insert_lineup(&tx, r.id, &r.lineup).await?;
        }
        audit(
            &tx,
            c.id,
            "owner",
            "create",
            Entry {
                after: Some(&c.title),
                ..Entry::default()
            },
        )
        .await?;
        tx.commit().await.map_err(failed)
    }

    async fn get(&self, id: ContestId) -> Result<Option<Contest>, StoreError> {
        let client = self.client().await?;
        let Some(row) = client
            .query_opt(
                "SELECT title, method, trim_min_judges, tie_criterion, tie_audience, \
                   audience_poll_id, audience_weight::text, presentation_id \
                 FROM contests WHERE id = $1",
                &[id.as_uuid()],
            )
            .await
            .map_err(store_error)?
        else {
            return Ok(None);
        };
        let (criteria, contestants, rounds) = futures::future::join3(
            client.query(
                "SELECT id, name, description, weight::text, min_mark::text, max_mark::text, \
                   step::text FROM contest_criteria WHERE contest_id = $1 ORDER BY position",
                &[id.as_uuid()],
            ),
            client.query(
                "SELECT id, name FROM contestants WHERE contest_id = $1 ORDER BY position",
                &[id.as_uuid()],
            ),
            client.query(
                "SELECT r.id, r.name, r.state, r.digest, \
                   coalesce(array_agg(e.contestant_id) FILTER (WHERE e.contestant_id IS NOT NULL), '{}') \
                 FROM contest_rounds r LEFT JOIN contest_round_entries e ON e.round_id = r.id \
                 WHERE r.contest_id = $1 GROUP BY r.contest_id, r.position ORDER BY r.position",
                &[id.as_uuid()],
            ),
        )
        .await;
        let criteria = criteria
            .map_err(store_error)?
            .iter()
            .map(|r| {
                let range = ScoreRange::new(
                    mark(r.try_get(4).map_err(store_error)?)?,
                    mark(r.try_get(5).map_err(store_error)?)?,
                    mark(r.try_get(6).map_err(store_error)?)?,
                )
                .map_err(store_error)?;
                let criterion = Criterion::new(
                    r.try_get(1).map_err(store_error)?,
                    r.try_get(2).map_err(store_error)?,
                    mark(r.try_get(3).map_err(store_error)?)?,
                    range,
                )
                .map_err(store_error)?;
                Ok((
                    CriterionId::from_uuid(r.try_get(0).map_err(store_error)?),
                    criterion,
                ))
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let contestants = contestants
            .map_err(store_error)?
            .iter()
            .map(|r| {
                Ok(Contestant {
                    id: ContestantId::from_uuid(r.try_get(0).map_err(store_error)?),
                    name: r.try_get(1).map_err(store_error)?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let rounds = rounds
            .map_err(store_error)?
            .iter()
            .map(|r| {
                Ok(Round {
                    id: RoundId::from_uuid(r.try_get(0).map_err(store_error)?),
                    name: r.try_get(1).map_err(store_error)?,
                    state: round_state(r.try_get(2).map_err(store_error)?)?,
                    digest: r.try_get(3).map_err(store_error)?,
                    lineup: r
                        .try_get::<_, Vec<Uuid>>(4)
                        .map_err(store_error)?
                        .into_iter()
                        .map(ContestantId::from_uuid)
                        .collect(),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let method = match (
            row.try_get::<_, &str>(1).map_err(store_error)?,
            row.try_get::<_, Option<i32>>(2).map_err(store_error)?,
        ) {
            ("trimmed_mean", Some(n)) => Method::trimmed(usize::try_from(n).map_err(store_error)?)
                .ok_or_else(|| store_error(anyhow::anyhow!("stored trim {n}")))?,
            ("z_score", _) => Method::ZScore,
            _ => Method::WeightedMean,
        };
        let mut tie_breaks = Vec::new();
        if let Some(k) = row.try_get::<_, Option<i32>>(3).map_err(store_error)? {
            tie_breaks.push(TieBreak::Criterion(
                usize::try_from(k).map_err(store_error)?,
            ));
        }
        if row.try_get::<_, bool>(4).map_err(store_error)? {
            tie_breaks.push(TieBreak::Audience);
        }
        let audience = match (
            row.try_get::<_, Option<Uuid>>(5).map_err(store_error)?,
            row.try_get::<_, Option<&str>>(6).map_err(store_error)?,
        ) {
            (Some(poll), Some(weight)) => Some(Audience {
                poll: PollId::from_uuid(poll),
                weight: mark(weight)?,
            }),
            _ => None,
        };
        Ok(Some(Contest {
            id,
            title: row.try_get(0).map_err(store_error)?,
            criteria,
            contestants,
            rounds,
            method,
            tie_breaks,
            audience,
            presentation: row
                .try_get::<_, Option<Uuid>>(7)
                .map_err(store_error)?
                .map(PresentationId::from_uuid),
        }))
    }

    async fn caller(&self, id: ContestId, token: TokenHash) -> Result<Option<Caller>, StoreError> {
        let client = self.client().await?;
        let hash = token.as_bytes().as_slice();
        let row = client
            .query_opt(
                "SELECT NULL::uuid, 'owner', false FROM contests \
                   WHERE id = $1 AND owner_token_hash = $2 \
                 UNION ALL SELECT id, role, revoked_at IS NOT NULL FROM contest_links \
                   WHERE contest_id = $1 AND token_hash = $2",
                &[id.as_uuid(), &hash],
            )
            .await
            .map_err(store_error)?;
        let Some(row) = row else { return Ok(None) };
        let role: &str = row.try_get(1).map_err(store_error)?;
        if role == "owner" {
            return Ok(Some(Caller::Owner));
        }
        Ok(Some(Caller::Link {
            id: LinkId::from_uuid(row.try_get(0).map_err(store_error)?),
            role: Role::parse(role)
                .ok_or_else(|| store_error(anyhow::anyhow!("stored role {role:?}")))?,
            revoked: row.try_get(2).map_err(store_error)?,
        }))
    }

    async fn add_link(
        &self,
        id: ContestId,
        link: LinkId,
        role: Role,
        name: &str,
        token: TokenHash,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(failed)?;
        tx.execute(
            "INSERT INTO contest_links (id, contest_id, role, name, token_hash) \
             VALUES ($1, $2, $3, $4, $5)",
            &[
                link.as_uuid(),
                id.as_uuid(),
                &role.as_str(),
                &name,
                &token.as_bytes().as_slice(),
            ],
        )
        .await
        .map_err(failed)?;
        let after = format!("{} {}", role.as_str(), name);
        audit(
            &tx,
            id,
            actor,
            "invite",
            Entry {
                judge: Some(link),
                after: Some(&after),
                ..Entry::default()
            },
        )
        .await?;
        tx.commit().await.map_err(failed)
    }

    async fn links(&self, id: ContestId) -> Result<Vec<Link>, StoreError> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT id, role, name, revoked_at IS NOT NULL FROM contest_links \
                 WHERE contest_id = $1 ORDER BY created_at, id",
                &[id.as_uuid()],
            )
            .await
            .map_err(store_error)?;
        rows.iter()
            .map(|r| {
                let role: &str = r.try_get(1).map_err(store_error)?;
                Ok(Link {
                    id: LinkId::from_uuid(r.try_get(0).map_err(store_error)?),
                    role: Role::parse(role)
                        .ok_or_else(|| store_error(anyhow::anyhow!("stored role {role:?}")))?,
                    name: r.try_get(2).map_err(store_error)?,
                    revoked: r.try_get(3).map_err(store_error)?,
                })
            })
            .collect()
    }

    async fn revoke_link(
        &self,
        id: ContestId,
        link: LinkId,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(failed)?;
        let row = tx
            .query_opt(
                "SELECT revoked_at IS NOT NULL FROM contest_links \
                 WHERE id = $1 AND contest_id = $2 FOR UPDATE",
                &[link.as_uuid(), id.as_uuid()],
            )
            .await
            .map_err(failed)?
            .ok_or(ContestStoreError::LinkNotFound)?;
        if row.try_get::<_, bool>(0).map_err(failed)? {
            return Ok(());
        }
        tx.execute(
            "UPDATE contest_links SET revoked_at = now() WHERE id = $1",
            &[link.as_uuid()],
        )
        .await
        .map_err(failed)?;
        audit(
            &tx,
            id,
            actor,
            "revoke",
            Entry {
                judge: Some(link),
                ..Entry::default()
            },
        )
        .await?;
        tx.commit().await.map_err(failed)
    }

    async fn set_presentation(
        &self,
        id: ContestId,
        presentation: Option<PresentationId>,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(failed)?;
        let before: Option<Uuid> = tx
            .query_one(
                "SELECT presentation_id FROM contests WHERE id = $1 FOR UPDATE",
                &[id.as_uuid()],
            )
            .await
            .map_err(failed)?
            .try_get(0)
            .map_err(failed)?;
        // A presentation deleted since its presenter token was checked
        // leaves the contest untied rather than failing the key.
        let after: Option<Uuid> = tx
            .query_one(
                "UPDATE contests SET presentation_id = \
                   (SELECT id FROM presentations WHERE id = $2) \
                 WHERE id = $1 RETURNING presentation_id",
                &[id.as_uuid(), &presentation.map(|p| *p.as_uuid())],
            )
            .await
            .map_err(failed)?
            .try_get(0)
            .map_err(failed)?;
        if before == after {
            return Ok(());
        }
        let (before, after) = (before.map(|u| u.to_string()), after.map(|u| u.to_string()));
        audit(
            &tx,
            id,
            actor,
            "set_presentation",
            Entry {
                before: before.as_deref(),
                after: after.as_deref(),
                ..Entry::default()
            },
        )
        .await?;
        tx.commit().await.map_err(failed)
    }

    async fn set_conflicts(
        &self,
        id: ContestId,
        judge: LinkId,
        contestants: &BTreeSet<ContestantId>,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(failed)?;
        // Conflicts change every round's results: lock and bump them all
        // first, in position order (as every other writer locks one).
        tx.execute(
            "WITH locked AS (SELECT id FROM contest_rounds WHERE contest_id = $1 \
               ORDER BY position FOR UPDATE) \
             UPDATE contest_rounds SET version = version + 1 WHERE id IN (SELECT id FROM locked)",
            &[id.as_uuid()],
        )
        .await
        .map_err(failed)?;
        tx.query_opt(
            "SELECT 1 FROM contest_links WHERE id = $1 AND contest_id = $2 AND role = 'judge'",
            &[judge.as_uuid(), id.as_uuid()],
        )
        .await
        .map_err(failed)?
        .ok_or(ContestStoreError::LinkNotFound)?;
        let ids = ensure_contestants_belong(&tx, id, contestants).await?;
        tx.execute(
            "DELETE FROM contest_conflicts WHERE judge_id = $1",
            &[judge.as_uuid()],
        )
        .await
        .map_err(failed)?;
        tx.execute(
            "INSERT INTO contest_conflicts (judge_id, contestant_id) SELECT $1, unnest($2::uuid[])",
            &[judge.as_uuid(), &ids],
        )
        .await
        .map_err(failed)?;
        let after = ids
            .iter()
            .map(Uuid::to_string)
            .collect::<Vec<_>>()
            .join(",");
        audit(
            &tx,
            id,
            actor,
            "conflicts",
            Entry {
                judge: Some(judge),
                after: Some(&after),
                ..Entry::default()
            },
        )
        .await?;
        tx.commit().await.map_err(failed)
    }

    async fn conflicts(
        &self,
        id: ContestId,
    ) -> Result<BTreeMap<LinkId, BTreeSet<ContestantId>>, StoreError> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT c.judge_id, c.contestant_id FROM contest_conflicts c \
                 JOIN contest_links l ON l.id = c.judge_id WHERE l.contest_id = $1",
                &[id.as_uuid()],
            )
            .await
            .map_err(store_error)?;
        let mut out: BTreeMap<LinkId, BTreeSet<ContestantId>> = BTreeMap::new();
        for r in rows {
            out.entry(LinkId::from_uuid(r.try_get(0).map_err(store_error)?))
                .or_default()
                .insert(ContestantId::from_uuid(r.try_get(1).map_err(store_error)?));
        }
        Ok(out)
    }

    async fn move_round(
        &self,
        id: ContestId,
        round: RoundId,
        from: &[RoundState],
        to: RoundState,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(failed)?;
        let state = touch_round(&tx, id, round).await?;
        if !from.contains(&state) {
            return Err(ContestStoreError::RoundState(state));
        }
        tx.execute(
            "UPDATE contest_rounds SET state = $2 WHERE id = $1",
            &[round.as_uuid(), &to.as_str()],
        )
        .await
        .map_err(failed)?;
        let action = format!("round_{}", to.as_str());
        audit(
            &tx,
            id,
            actor,
            &action,
            Entry {
                round: Some(round),
                before: Some(state.as_str()),
                after: Some(to.as_str()),
                ..Entry::default()
            },
        )
        .await?;
        tx.commit().await.map_err(failed)
    }

    async fn save_sheet(
        &self,
        id: ContestId,
        round: RoundId,
        judge: LinkId,
        changes: SheetChanges,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(failed)?;
        let state = touch_round(&tx, id, round).await?;
        if state != RoundState::Open {
            return Err(ContestStoreError::RoundState(state));
        }
        // The lineup is fixed once the round opens; a caller that read it
        // while the round was still a draft may have read an older one.
        if lineup(&tx, round).await? != changes.lineup {
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
            audit(
                &tx,
                id,
                actor,
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
        tx.commit().await.map_err(failed)
    }

    async fn set_lineup(
        &self,
        id: ContestId,
        round: RoundId,
        new: &BTreeSet<ContestantId>,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(failed)?;
        let state = touch_round(&tx, id, round).await?;
        if state != RoundState::Draft {
            return Err(ContestStoreError::RoundState(state));
        }
        ensure_contestants_belong(&tx, id, new).await?;
        let before = lineup(&tx, round).await?;
        if before == *new {
            return Ok(());
        }
        tx.execute(
            "DELETE FROM contest_round_entries WHERE round_id = $1",
            &[round.as_uuid()],
        )
        .await
        .map_err(failed)?;
        insert_lineup(&tx, round, new).await?;
        let listed = |set: &BTreeSet<ContestantId>| {
            set.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(",")
        };
        audit(
            &tx,
            id,
            actor,
            "lineup",
            Entry {
                round: Some(round),
                before: Some(&listed(&before)),
                after: Some(&listed(new)),
                ..Entry::default()
            },
        )
        .await?;
        tx.commit().await.map_err(failed)
    }

    async fn reopen_sheet(
        &self,
        id: ContestId,
        round: RoundId,
        judge: LinkId,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(failed)?;
        let state = touch_round(&tx, id, round).await?;
        if state == RoundState::Published {
            return Err(ContestStoreError::RoundState(state));
        }
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
        audit(
            &tx,
            id,
            actor,
            "reopen",
            Entry {
                round: Some(round),
                judge: Some(judge),
                before: Some("submitted"),
                after: Some("draft"),
                ..Entry::default()
            },
        )
        .await?;
        tx.commit().await.map_err(failed)
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

    async fn publish(
        &self,
        id: ContestId,
        publication: &Publication,
        seen: i64,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let round = publication.round;
        let stored = columns(publication).map_err(failed)?;
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(failed)?;
        let row = tx
            .query_opt(
                "SELECT state, version FROM contest_rounds WHERE id = $1 AND contest_id = $2 \
                 FOR UPDATE",
                &[round.as_uuid(), id.as_uuid()],
            )
            .await
            .map_err(failed)?
            .ok_or(ContestStoreError::RoundNotFound)?;
        let state = round_state(row.try_get(0).map_err(failed)?)?;
        if state != RoundState::Closed {
            return Err(ContestStoreError::RoundState(state));
        }
        if row.try_get::<_, i64>(1).map_err(failed)? != seen {
            return Err(ContestStoreError::Changed);
        }
        tx.execute(
            "UPDATE contest_rounds SET state = 'published', published_at = now(), digest = $2, \
               digest_version = $3, snapshot = $4::text::jsonb, frozen = $5::text::jsonb, \
               version = version + 1 WHERE id = $1",
            &[
                round.as_uuid(),
                &stored.digest,
                &stored.version,
                &stored.snapshot,
                &stored.frozen,
            ],
        )
        .await
        .map_err(failed)?;
        audit(
            &tx,
            id,
            actor,
            "publish",
            Entry {
                round: Some(round),
                before: Some("closed"),
                after: Some(&stored.digest),
                ..Entry::default()
            },
        )
        .await?;
        tx.commit().await.map_err(failed)
    }

    async fn published(
        &self,
        id: ContestId,
        round: RoundId,
    ) -> Result<Option<Publication>, StoreError> {
        let client = self.client().await?;
        let row = client
            .query_opt(
                "SELECT digest, digest_version, snapshot::text, frozen::text FROM contest_rounds \
                 WHERE id = $1 AND contest_id = $2 AND state = 'published'",
                &[round.as_uuid(), id.as_uuid()],
            )
            .await
            .map_err(store_error)?;
        row.map(|r| {
            let stored = Columns {
                digest: r.try_get(0).map_err(store_error)?,
                version: r.try_get(1).map_err(store_error)?,
                snapshot: r.try_get(2).map_err(store_error)?,
                frozen: r.try_get(3).map_err(store_error)?,
            };
            publication(round, stored).map_err(store_error)
        })
        .transpose()
    }

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

    async fn release_feedback(
        &self,
        id: ContestId,
        contestant: ContestantId,
        token: TokenHash,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(failed)?;
        let released = tx
            .execute(
                "UPDATE contestants SET feedback_token_hash = $3 WHERE id = $1 AND contest_id = $2",
                &[
                    contestant.as_uuid(),
                    id.as_uuid(),
                    &token.as_bytes().as_slice(),
                ],
            )
            .await
            .map_err(failed)?;
        if released == 0 {
            return Err(ContestStoreError::ContestantNotFound);
        }
        audit(
            &tx,
            id,
            actor,
            "release_feedback",
            Entry {
                contestant: Some(contestant),
                ..Entry::default()
            },
        )
        .await?;
        tx.commit().await.map_err(failed)
    }

    async fn feedback(
        &self,
        id: ContestId,
        token: TokenHash,
    ) -> Result<Option<Feedback>, StoreError> {
        let client = self.client().await?;
        let Some(row) = client
            .query_opt(
                "SELECT id, name FROM contestants WHERE contest_id = $1 AND feedback_token_hash = $2",
                &[id.as_uuid(), &token.as_bytes().as_slice()],
            )
            .await
            .map_err(store_error)?
        else {
            return Ok(None);
        };
        let contestant = Contestant {
            id: ContestantId::from_uuid(row.try_get(0).map_err(store_error)?),
            name: row.try_get(1).map_err(store_error)?,
        };
        let rows = client
            .query(
                "SELECT r.name, c.text FROM contest_comments c \
                 JOIN contest_rounds r ON r.id = c.round_id \
                 JOIN contest_sheets s ON s.round_id = c.round_id AND s.judge_id = c.judge_id \
                 WHERE c.contestant_id = $1 AND s.state = 'submitted' \
                 ORDER BY r.position, c.judge_id",
                &[contestant.id.as_uuid()],
            )
            .await
            .map_err(store_error)?;
        let comments = rows
            .iter()
            .map(|r| {
                Ok((
                    r.try_get(0).map_err(store_error)?,
                    r.try_get(1).map_err(store_error)?,
                ))
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Some(Feedback {
            contestant,
            comments,
        }))
    }

    async fn audience_votes(&self, poll: PollId) -> Result<BTreeMap<String, u64>, StoreError> {
        let client = self.client().await?;
        let Some(row) = client
            .query_opt(
                "SELECT presentation_id FROM polls WHERE id = $1 AND kind = 'single'",
                &[poll.as_uuid()],
            )
            .await
            .map_err(store_error)?
        else {
            return Ok(BTreeMap::new());
        };
        drop(client);
        let presentation = PresentationId::from_uuid(row.try_get(0).map_err(store_error)?);
        let results = match self.ledger.results(presentation, poll).await {
            Ok(results) => results,
            Err(LedgerError::Unavailable(e)) => return Err(StoreError(e)),
            Err(LedgerError::PollNotFound | LedgerError::RoundNotFound) => {
                return Ok(BTreeMap::new())
            }
        };
        let mut out = BTreeMap::new();
        for option in results.options {
            *out.entry(option.value.as_str().to_owned()).or_insert(0) += option.votes;
        }
        Ok(out)
    }

    async fn audience_open(&self, poll: PollId) -> Result<bool, StoreError> {
        let client = self.client().await?;
        let row = client
            .query_opt(
                "SELECT q.position = p.current_poll_index AND q.voting_open \
                   AND (q.deadline IS NULL OR q.deadline > now()) \
                 FROM polls q JOIN presentations p ON p.id = q.presentation_id WHERE q.id = $1",
                &[poll.as_uuid()],
            )
            .await
            .map_err(store_error)?;
        row.map_or(Ok(false), |r| r.try_get(0).map_err(store_error))
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
