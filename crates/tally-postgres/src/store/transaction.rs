//! The steps every change to a presentation shares: a transaction that
//! holds the presentation's fence, the state version bump, the read of the
//! state the change produced, and the mapping of database errors.

use crate::{fence, load};
use tally_domain::ports::StoreError;
use tally_domain::{Presentation, PresentationId};
use tokio_postgres::error::SqlState;

/// Opens a transaction holding the presentation's fence exclusively: votes
/// in flight commit first and later ones wait, so no vote straddles the
/// change (see [`fence`]).
pub(crate) async fn begin_fenced(
    client: &mut deadpool_postgres::Object,
    id: PresentationId,
) -> Result<deadpool_postgres::Transaction<'_>, StoreError> {
    let tx = client.transaction().await.map_err(store_error)?;
    tx.execute(fence::EXCLUSIVE, &[id.as_uuid()])
        .await
        .map_err(store_error)?;
    Ok(tx)
}

/// Bumps the presentation's state version (inside a fenced transaction);
/// returns the index of the poll on screen, or `None` when there is no such
/// presentation.
pub(crate) async fn bump_version(
    tx: &deadpool_postgres::Transaction<'_>,
    id: PresentationId,
) -> Result<Option<i32>, StoreError> {
    tx.query_opt(
        "UPDATE presentations SET state_version = state_version + 1 \
         WHERE id = $1 RETURNING current_poll_index",
        &[id.as_uuid()],
    )
    .await
    .map_err(store_error)?
    .map(|row| row.try_get(0).map_err(store_error))
    .transpose()
}

/// Reads the presentation inside the transaction, then commits: the caller
/// gets the state *this* change produced even if another follows at once.
pub(crate) async fn commit_returning(
    tx: deadpool_postgres::Transaction<'_>,
    id: PresentationId,
) -> Result<Option<Presentation>, StoreError> {
    let presentation = load::presentation(&tx, id).await.map_err(StoreError)?;
    tx.commit().await.map_err(store_error)?;
    Ok(presentation)
}

pub(crate) fn store_error(e: impl Into<anyhow::Error>) -> StoreError {
    StoreError(e.into())
}

pub(crate) fn is_join_code_collision(e: &tokio_postgres::Error) -> bool {
    e.as_db_error().is_some_and(|db| {
        db.code() == &SqlState::UNIQUE_VIOLATION
            && db.constraint() == Some("presentations_join_code_key")
    })
}
