//! A round's life: opened, closed, its lineup, published and frozen.

#[allow(unused_imports)]
use super::prelude::*;

impl ContestRounds for PgContests {
    async fn move_round(
        &self,
        id: ContestId,
        round: RoundId,
        from: &[RoundState],
        to: RoundState,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let mut client = self.client().await?;
        let change = Change::begin(&mut client, id, actor).await?;
        let tx = &change.tx;
        let state = change.touch_round_in(round, from).await?;
        tx.execute(
            "UPDATE contest_rounds SET state = $2 WHERE id = $1",
            &[round.as_uuid(), &to.as_str()],
        )
        .await
        .map_err(failed)?;
        let action = format!("round_{}", to.as_str());
        change
            .finish(
                &action,
                Entry {
                    round: Some(round),
                    before: Some(state.as_str()),
                    after: Some(to.as_str()),
                    ..Entry::default()
                },
            )
            .await
    }

    async fn set_lineup(
        &self,
        id: ContestId,
        round: RoundId,
        new: &BTreeSet<ContestantId>,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let mut client = self.client().await?;
        let change = Change::begin(&mut client, id, actor).await?;
        let tx = &change.tx;
        change.touch_round_in(round, &[RoundState::Draft]).await?;
        ensure_contestants_belong(tx, id, new).await?;
        let before = lineup(tx, round).await?;
        if before == *new {
            return Ok(());
        }
        tx.execute(
            "DELETE FROM contest_round_entries WHERE round_id = $1",
            &[round.as_uuid()],
        )
        .await
        .map_err(failed)?;
        insert_lineup(tx, round, new).await?;
        let listed = |set: &BTreeSet<ContestantId>| {
            set.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(",")
        };
        change
            .finish(
                "lineup",
                Entry {
                    round: Some(round),
                    before: Some(&listed(&before)),
                    after: Some(&listed(new)),
                    ..Entry::default()
                },
            )
            .await
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
        let change = Change::begin(&mut client, id, actor).await?;
        let tx = &change.tx;
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
        change
            .finish(
                "publish",
                Entry {
                    round: Some(round),
                    before: Some("closed"),
                    after: Some(&stored.digest),
                    ..Entry::default()
                },
            )
            .await
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
}
