//! `tally verify`: do the Redis counters, the Postgres counts and the vote
//! rows agree?

use anyhow::Context as _;
use std::fmt;
use tally_domain::{PollId, PresentationId};
use tally_postgres::Pool;
use tally_redis::RedisMirror;
use uuid::Uuid;

/// One option, counted three ways.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionCheck {
    pub poll: PollId,
    pub key: String,
    /// The live counter; `None` when Redis is not in use or has no mirror.
    pub redis: Option<u64>,
    /// `options.vote_count`.
    pub postgres: u64,
    /// Rows in `votes`.
    pub rows: u64,
}

impl OptionCheck {
    pub fn agrees(&self) -> bool {
        self.postgres == self.rows && self.redis.is_none_or(|r| r == self.rows)
    }
}

/// The comparison for one presentation.
#[derive(Debug, Clone)]
pub struct Report {
    pub presentation: PresentationId,
    pub options: Vec<OptionCheck>,
}

impl Report {
    pub fn agrees(&self) -> bool {
        self.options.iter().all(OptionCheck::agrees)
    }

    pub fn total_rows(&self) -> u64 {
        self.options.iter().map(|o| o.rows).sum()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "presentation {}: {}",
            self.presentation,
            if self.agrees() { "agree" } else { "DIFFER" }
        )?;
        writeln!(
            f,
            "  {:<36}  {:<8} {:>8} {:>8} {:>8}",
            "poll", "key", "redis", "postgres", "rows"
        )?;
        for o in &self.options {
            let redis = o.redis.map_or("-".to_owned(), |r| r.to_string());
            let mark = if o.agrees() { "" } else { "  <- differs" };
            writeln!(
                f,
                "  {:<36}  {:<8} {:>8} {:>8} {:>8}{mark}",
                o.poll.to_string(),
                o.key,
                redis,
                o.postgres,
                o.rows
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
    let rows = client
        .query(
            "SELECT q.id, o.key, o.vote_count, count(v.participant_id) AS rows \
             FROM polls q JOIN options o ON o.poll_id = q.id \
             LEFT JOIN votes v ON v.option_id = o.id \
             WHERE q.presentation_id = $1 \
             GROUP BY q.id, q.position, o.id, o.key, o.position, o.vote_count \
             ORDER BY q.position, o.position",
            &[presentation.as_uuid()],
        )
        .await?;
    anyhow::ensure!(!rows.is_empty(), "no presentation {presentation}");
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
    let mut options = Vec::with_capacity(rows.len());
    let mut counters: Option<(PollId, std::collections::HashMap<String, u64>)> = None;
    for row in rows {
        let poll = PollId::from_uuid(row.try_get::<_, Uuid>(0)?);
        let key: String = row.try_get(1)?;
        let redis = match (mirror, mirrored) {
            (Some(m), true) => {
                if counters.as_ref().is_none_or(|(p, _)| *p != poll) {
                    counters = Some((poll, m.counts(presentation, poll).await?));
                }
                counters
                    .as_ref()
                    .map(|(_, c)| c.get(&key).copied().unwrap_or(0))
            }
            _ => None,
        };
        options.push(OptionCheck {
            poll,
            key,
            redis,
            postgres: u64::try_from(row.try_get::<_, i64>(2)?)?,
            rows: u64::try_from(row.try_get::<_, i64>(3)?)?,
        });
    }
    Ok(Report {
        presentation,
        options,
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
