//! A presentation's own links (`presentation_links`): made, listed and
//! revoked here; read with the presentation's access in `store.rs`.

use crate::store::{store_error, token_hash, PgStore};
use tally_domain::ports::{LinkStoreError, PresentationLinks, StoreError};
use tally_domain::{
    Delegate, DelegateRole, LinkId, LinkLabel, LinkRole, NewLink, PresentationId, PresentationLink,
};
use tokio_postgres::error::SqlState;
use tokio_postgres::Row;

const COLUMNS: &str = "id, role, label, created_at, revoked_at";

fn role(raw: &str) -> Result<LinkRole, StoreError> {
    LinkRole::parse(raw).ok_or_else(|| store_error(anyhow::anyhow!("stored link role {raw:?}")))
}

fn link(row: &Row) -> Result<PresentationLink, StoreError> {
    let label: Option<&str> = row.try_get("label").map_err(store_error)?;
    Ok(PresentationLink {
        id: LinkId::from_uuid(row.try_get("id").map_err(store_error)?),
        role: role(row.try_get("role").map_err(store_error)?)?,
        label: label
            .map(LinkLabel::parse)
            .transpose()
            .map_err(store_error)?,
        created_at: row.try_get("created_at").map_err(store_error)?,
        revoked_at: row.try_get("revoked_at").map_err(store_error)?,
    })
}

/// The links among the rows of the access read (`ACCESS` in `store.rs`):
/// one per row with a link, none for the one row without.
pub(crate) fn delegates(rows: &[Row]) -> Result<Vec<Delegate>, StoreError> {
    rows.iter()
        .filter_map(|r| match r.try_get::<_, Option<uuid::Uuid>>("link_id") {
            Ok(None) => None,
            Ok(Some(id)) => Some(delegate(r, id)),
            Err(e) => Some(Err(store_error(e))),
        })
        .collect()
}

fn delegate(row: &Row, id: uuid::Uuid) -> Result<Delegate, StoreError> {
    Ok(Delegate {
        link: LinkId::from_uuid(id),
        role: DelegateRole::Presentation(role(row.try_get("link_role").map_err(store_error)?)?),
        token_hash: token_hash(row.try_get("link_hash").map_err(store_error)?)?,
        revoked: row.try_get("link_revoked").map_err(store_error)?,
    })
}

impl PresentationLinks for PgStore {
    async fn add_link(
        &self,
        presentation: PresentationId,
        new: NewLink,
    ) -> Result<PresentationLink, LinkStoreError> {
        let client = self.client().await?;
        let inserted = client
            .query_one(
                &format!(
                    "INSERT INTO presentation_links (id, presentation_id, role, label, token_hash) \
                     VALUES ($1, $2, $3, $4, $5) RETURNING {COLUMNS}"
                ),
                &[
                    new.id.as_uuid(),
                    presentation.as_uuid(),
                    &new.role.as_str(),
                    &new.label.as_ref().map(LinkLabel::as_str),
                    &new.token_hash.as_bytes().as_slice(),
                ],
            )
            .await;
        match inserted {
            Ok(row) => Ok(link(&row)?),
            // The presentation is gone (or never was): its foreign key.
            Err(e) if e.code() == Some(&SqlState::FOREIGN_KEY_VIOLATION) => {
                Err(LinkStoreError::NotFound)
            }
            Err(e) => Err(store_error(e).into()),
        }
    }

    async fn links(
        &self,
        presentation: PresentationId,
    ) -> Result<Vec<PresentationLink>, StoreError> {
        let client = self.client().await?;
        let rows = client
            .query(
                &format!(
                    "SELECT {COLUMNS} FROM presentation_links \
                     WHERE presentation_id = $1 ORDER BY created_at, id"
                ),
                &[presentation.as_uuid()],
            )
            .await
            .map_err(store_error)?;
        rows.iter().map(link).collect()
    }

    async fn revoke_link(
        &self,
        presentation: PresentationId,
        id: LinkId,
    ) -> Result<PresentationLink, LinkStoreError> {
        let client = self.client().await?;
        // `coalesce` keeps the first revocation's time; one statement, so
        // concurrent revocations agree on it.
        let row = client
            .query_opt(
                &format!(
                    "UPDATE presentation_links SET revoked_at = coalesce(revoked_at, now()) \
                     WHERE id = $1 AND presentation_id = $2 RETURNING {COLUMNS}"
                ),
                &[id.as_uuid(), presentation.as_uuid()],
            )
            .await
            .map_err(store_error)?
            .ok_or(LinkStoreError::LinkNotFound)?;
        Ok(link(&row)?)
    }
}
