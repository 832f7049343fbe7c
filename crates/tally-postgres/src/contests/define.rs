//! Creating a contest and reading it back.

use super::definition::{check_audience, revise, write_definition};
#[allow(unused_imports)]
use super::prelude::*;

impl ContestDefinitions for PgContests {
    async fn create(&self, new: NewContest) -> Result<(), ContestStoreError> {
        let c = &new.contest;
        let mut client = self.client().await?;
        let change = Change::begin(&mut client, c.id, "owner").await?;
        let tx = &change.tx;
        check_audience(tx, c).await?;
        tx.execute(
            "INSERT INTO contests (id, title, owner_token_hash, method) VALUES ($1, '-', $2, 'weighted_mean')",
            &[c.id.as_uuid(), &new.owner.as_bytes().as_slice()],
        )
        .await
        .map_err(failed)?;
        write_definition(tx, c).await?;
        change
            .finish(
                "create",
                Entry {
                    after: Some(&c.title),
                    ..Entry::default()
                },
            )
            .await
    }

    async fn revise(
        &self,
        id: ContestId,
        revised: &Revised,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let mut client = self.client().await?;
        let change = Change::begin(&mut client, id, actor).await?;
        revise(change, revised).await
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
}
