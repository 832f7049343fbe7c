//! Who takes part: the owner and invite links, conflicts of interest,
//! the tied presentation, feedback links.

#[allow(unused_imports)]
use super::prelude::*;
use tally_domain::{Delegate, DelegateRole};

impl ContestPeople for PgContests {
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
        let change = Change::begin(&mut client, id, actor).await?;
        let tx = &change.tx;
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
        change
            .finish(
                "invite",
                Entry {
                    judge: Some(link),
                    after: Some(&after),
                    ..Entry::default()
                },
            )
            .await
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
        let change = Change::begin(&mut client, id, actor).await?;
        let tx = &change.tx;
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
        change
            .finish(
                "revoke",
                Entry {
                    judge: Some(link),
                    ..Entry::default()
                },
            )
            .await
    }

    async fn set_presentation(
        &self,
        id: ContestId,
        presentation: Option<PresentationId>,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let mut client = self.client().await?;
        let change = Change::begin(&mut client, id, actor).await?;
        let tx = &change.tx;
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
        change
            .finish(
                "set_presentation",
                Entry {
                    before: before.as_deref(),
                    after: after.as_deref(),
                    ..Entry::default()
                },
            )
            .await
    }

    async fn set_conflicts(
        &self,
        id: ContestId,
        judge: LinkId,
        contestants: &BTreeSet<ContestantId>,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let mut client = self.client().await?;
        let change = Change::begin(&mut client, id, actor).await?;
        let tx = &change.tx;
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
        let ids = ensure_contestants_belong(tx, id, contestants).await?;
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
        change
            .finish(
                "conflicts",
                Entry {
                    judge: Some(judge),
                    after: Some(&after),
                    ..Entry::default()
                },
            )
            .await
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

    async fn release_feedback(
        &self,
        id: ContestId,
        contestant: ContestantId,
        token: TokenHash,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        let mut client = self.client().await?;
        let change = Change::begin(&mut client, id, actor).await?;
        let tx = &change.tx;
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
        change
            .finish(
                "release_feedback",
                Entry {
                    contestant: Some(contestant),
                    ..Entry::default()
                },
            )
            .await
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

    async fn delegates(&self, presentation: PresentationId) -> Result<Vec<Delegate>, StoreError> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT l.id, l.role, l.token_hash, l.revoked_at IS NOT NULL \
                 FROM contests c JOIN contest_links l ON l.contest_id = c.id \
                 WHERE c.presentation_id = $1 AND l.role IN ('cohost', 'moderator')",
                &[presentation.as_uuid()],
            )
            .await
            .map_err(store_error)?;
        rows.iter()
            .map(|r| {
                let role: &str = r.try_get(1).map_err(store_error)?;
                let hash: &[u8] = r.try_get(2).map_err(store_error)?;
                Ok(Delegate {
                    link: LinkId::from_uuid(r.try_get(0).map_err(store_error)?),
                    role: DelegateRole::Contest(
                        Role::parse(role)
                            .ok_or_else(|| store_error(anyhow::anyhow!("stored role {role:?}")))?,
                    ),
                    token_hash: TokenHash::from_bytes(
                        hash.try_into()
                            .map_err(|_| store_error(anyhow::anyhow!("stored link hash")))?,
                    ),
                    revoked: r.try_get(3).map_err(store_error)?,
                })
            })
            .collect()
    }
}
