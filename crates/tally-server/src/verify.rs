//! `tally verify`: do the Redis counters, the Postgres counts and the vote
//! rows agree? And each Q&A question's upvote count and its upvote rows?
//! And does every published contest round's digest still match its stored
//! marks, and every mark the audit log?

use anyhow::Context as _;
use std::fmt;
use tally_domain::contest::model::{AuditEntry, Contest};
use tally_domain::ports::{ContestDefinitions as _, ContestRecords as _, ContestRounds as _};
use tally_domain::{ContestId, PollId, PresentationId, RoundId};
use tally_postgres::{PgContests, Pool, UnauditedMark};
use tally_redis::RedisMirror;
use uuid::Uuid;

/// One counter of one poll's round, counted three ways. For a
/// single-choice poll the counter is an option key; for the other types it
/// is named as the vote encoding names it (`kinds::encoding`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterCheck {
    pub poll: PollId,
    pub round: i32,
    pub field: String,
    /// The live counter; `None` when Redis is not in use or has no mirror,
    /// and for rounds before the current one (Redis keeps only that).
    pub redis: Option<u64>,
    /// `tallies.count`.
    pub postgres: u64,
    /// The sum of the vote rows' marks.
    pub rows: u64,
}

/// How a Q&A question's upvote counter is named in the report.
const UPVOTES: &str = "upvotes ";

impl CounterCheck {
    /// A Q&A question's upvotes: Redis never holds them.
    pub fn is_upvotes(&self) -> bool {
        self.field.starts_with(UPVOTES)
    }

    pub fn agrees(&self) -> bool {
        self.postgres == self.rows && self.redis.is_none_or(|r| r == self.rows)
    }
}

/// The comparison for one presentation.
#[derive(Debug, Clone)]
pub struct Report {
    pub presentation: PresentationId,
    pub counters: Vec<CounterCheck>,
    /// Vote rows with a choice, over every poll and round.
    pub vote_rows: u64,
}

impl Report {
    pub fn agrees(&self) -> bool {
        self.counters.iter().all(CounterCheck::agrees)
    }

    /// Vote rows with a choice (one per participant, poll and round).
    pub fn total_rows(&self) -> u64 {
        self.vote_rows
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "presentation {}: {} ({} vote rows)",
            self.presentation,
            if self.agrees() { "agree" } else { "DIFFER" },
            self.vote_rows
        )?;
        writeln!(
            f,
            "  {:<36} {:>5}  {:<12} {:>8} {:>8} {:>8}",
            "poll", "round", "counter", "redis", "postgres", "rows"
        )?;
        for c in &self.counters {
            let redis = c.redis.map_or("-".to_owned(), |r| r.to_string());
            let mark = if c.agrees() { "" } else { "  <- differs" };
            // Encoded fields hold separators; show them readably.
            let field: String = c
                .field
                .chars()
                .map(|ch| if ch.is_control() { '=' } else { ch })
                .collect();
            writeln!(
                f,
                "  {:<36} {:>5}  {:<12} {:>8} {:>8} {:>8}{mark}",
                c.poll.to_string(),
                c.round,
                field,
                redis,
                c.postgres,
                c.rows
            )?;
        }
        Ok(())
    }
}

/// Compares one presentation. With a mirror, Redis counters are included
/// when the mirror exists.
///
/// # Errors
/// When a store fails; an unknown presentation is an error too.
pub async fn verify(
    pool: &Pool,
    mirror: Option<&RedisMirror>,
    presentation: PresentationId,
) -> anyhow::Result<Report> {
    let client = pool.get().await.context("connecting to Postgres")?;
    let polls = tally_postgres::recount::counters(&**client, Some(presentation)).await?;
    anyhow::ensure!(!polls.is_empty(), "no presentation {presentation}");
    let current_rounds: std::collections::HashMap<PollId, i32> = client
        .query(
            "SELECT id, round FROM polls WHERE presentation_id = $1",
            &[presentation.as_uuid()],
        )
        .await?
        .iter()
        .map(|r| Ok((PollId::from_uuid(r.try_get::<_, Uuid>(0)?), r.try_get(1)?)))
        .collect::<anyhow::Result<_>>()?;
    let mirrored = match mirror {
        Some(m) => m
            .versions(&[presentation])
            .await?
            .first()
            .copied()
            .flatten()
            .is_some(),
        None => false,
    };
    let mut counters = Vec::new();
    let mut vote_rows = 0;
    for poll in polls {
        vote_rows += poll.rows;
        let live = match (mirror, mirrored) {
            (Some(m), true) if current_rounds.get(&poll.poll) == Some(&poll.round) => {
                Some(m.counts(presentation, poll.poll).await?)
            }
            _ => None,
        };
        for field in poll.fields() {
            counters.push(CounterCheck {
                poll: poll.poll,
                round: poll.round,
                field: field.clone(),
                redis: live
                    .as_ref()
                    .map(|c| c.get(field.as_str()).copied().unwrap_or(0)),
                postgres: poll.stored.get(field).copied().unwrap_or(0),
                rows: poll.from_rows.get(field).copied().unwrap_or(0),
            });
        }
        // A counter Redis holds that neither Postgres side has.
        if let Some(live) = &live {
            for (field, n) in live {
                if !poll.stored.contains_key(field) && !poll.from_rows.contains_key(field) {
                    counters.push(CounterCheck {
                        poll: poll.poll,
                        round: poll.round,
                        field: field.clone(),
                        redis: Some(*n),
                        postgres: 0,
                        rows: 0,
                    });
                }
            }
        }
    }
    // A Q&A question's upvotes: the count against the rows (Q&A has no
    // live counter in Redis and no rounds).
    for question in tally_postgres::recount::upvotes(&**client, Some(presentation)).await? {
        counters.push(CounterCheck {
            poll: question.poll,
            round: 1,
            field: format!("{UPVOTES}{}", question.question),
            redis: None,
            postgres: question.stored,
            rows: question.rows,
        });
    }
    Ok(Report {
        presentation,
        counters,
        vote_rows,
    })
}

/// Every presentation in Postgres, for `tally verify` without ids.
///
/// # Errors
/// When Postgres fails.
pub async fn all_presentations(pool: &Pool) -> anyhow::Result<Vec<PresentationId>> {
    let client = pool.get().await.context("connecting to Postgres")?;
    let rows = client
        .query("SELECT id FROM presentations ORDER BY id", &[])
        .await?;
    rows.iter()
        .map(|r| Ok(PresentationId::from_uuid(r.try_get(0)?)))
        .collect()
}

/// One published contest round: what its publication does not hold
/// together on (nothing, when it verifies).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundCheck {
    pub contest: ContestId,
    pub round: RoundId,
    pub digest: String,
    pub differences: Vec<String>,
}

/// Judged contests: every published round's publication (its digest, its
/// standings recomputed from its frozen marks, its marks against the audit
/// log), and every stored mark against the audit log's last record of it.
#[derive(Debug, Clone)]
pub struct ContestReport {
    pub rounds: Vec<RoundCheck>,
    pub unaudited: Vec<UnauditedMark>,
}

impl ContestReport {
    pub fn agrees(&self) -> bool {
        self.unaudited.is_empty() && self.rounds.iter().all(|r| r.differences.is_empty())
    }
}

impl fmt::Display for ContestReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "contests: {} ({} published rounds, {} marks off the audit log)",
            if self.agrees() { "agree" } else { "DIFFER" },
            self.rounds.len(),
            self.unaudited.len()
        )?;
        for r in &self.rounds {
            let verdict = if r.differences.is_empty() {
                "verified"
            } else {
                "DIFFERS"
            };
            writeln!(
                f,
                "  contest {} round {}: digest {} {verdict}",
                r.contest, r.round, r.digest
            )?;
            for d in &r.differences {
                writeln!(f, "    <- {d}")?;
            }
        }
        for m in &self.unaudited {
            writeln!(
                f,
                "  round {} judge {} contestant {} criterion {}: stored {} but the audit log says {}",
                m.round,
                m.judge,
                m.contestant,
                m.criterion,
                m.stored.as_deref().unwrap_or("nothing"),
                m.audited.as_deref().unwrap_or("nothing"),
            )?;
        }
        Ok(())
    }
}

/// Checks every published round's publication against itself, its
/// contest and the audit log, and each stored mark against the audit log.
///
/// # Errors
/// When Postgres fails.
pub async fn verify_contests(pool: &Pool) -> anyhow::Result<ContestReport> {
    let store = PgContests::new(pool.clone());
    let mut rounds = Vec::new();
    // Each contest's definition and audit log are read once, however many
    // of its rounds are published.
    let mut read: Option<(ContestId, Contest, Vec<AuditEntry>)> = None;
    for (contest, round) in store.published_rounds().await.map_err(|e| e.0)? {
        if read.as_ref().is_none_or(|(id, ..)| *id != contest) {
            let (definition, log) =
                futures::try_join!(store.get(contest), store.audit(contest, 0, usize::MAX))
                    .map_err(|e| e.0)?;
            let Some(definition) = definition else {
                anyhow::bail!("contest {contest} vanished while it was verified");
            };
            read = Some((contest, definition, log));
        }
        let Some((_, definition, log)) = &read else {
            continue;
        };
        let Some(publication) = store.published(contest, round).await.map_err(|e| e.0)? else {
            anyhow::bail!("contest {contest} round {round} vanished while it was verified");
        };
        let mut differences = publication.differences(definition);
        differences.extend(publication.differences_from_audit(log));
        rounds.push(RoundCheck {
            contest,
            round,
            digest: publication.digest,
            differences,
        });
    }
    let unaudited = store.unaudited_marks().await.map_err(|e| e.0)?;
    Ok(ContestReport { rounds, unaudited })
}
