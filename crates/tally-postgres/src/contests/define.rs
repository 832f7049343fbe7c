//! Creating a contest and reading it back.

#[allow(unused_imports)]
use super::prelude::*;

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

impl<L: VoteLedger> ContestDefinitions for PgContests<L> {
    async fn create(&self, new: NewContest) -> Result<(), ContestStoreError> {
        let c = &new.contest;
        let mut client = self.client().await?;
        let change = Change::begin(&mut client, c.id, "owner").await?;
        let tx = &change.tx;
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
            insert_lineup(tx, r.id, &r.lineup).await?;
        }
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
