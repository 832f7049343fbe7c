//! Closing voting when a poll's timer runs out (`close_expired` of the
//! presentation store).

use crate::store::{begin_fenced, bump_version, commit_returning, store_error};
use std::time::SystemTime;
use tally_domain::ports::StoreError;
use tally_domain::{PollId, Presentation, PresentationId};

/// Whether there is anything to close, read without the fence: every
/// process that watches the timer asks at the deadline, and only the first
/// should hold the votes back, for the moment its change takes.
/// The deadline is compared with the database's clock, the one the direct
/// intake checks votes by.
const EXPIRED: &str = "SELECT 1 FROM polls WHERE presentation_id = $1 AND id = $2 \
     AND deadline = $3 AND voting_open AND deadline <= now()";
/// The same conditions again, under the fence.
const CLOSE: &str = "UPDATE polls SET voting_open = false \
     WHERE presentation_id = $1 AND id = $2 AND deadline = $3 AND voting_open \
       AND deadline <= now()";

pub(crate) async fn close_expired(
    client: &mut deadpool_postgres::Object,
    id: PresentationId,
    poll: PollId,
    deadline: SystemTime,
) -> Result<Option<Presentation>, StoreError> {
    let params: [&(dyn tokio_postgres::types::ToSql + Sync); 3] =
        [id.as_uuid(), poll.as_uuid(), &deadline];
    let expired = client
        .query_opt(EXPIRED, &params)
        .await
        .map_err(store_error)?;
    if expired.is_none() {
        return Ok(None);
    }
    let tx = begin_fenced(client, id).await?;
    if tx.execute(CLOSE, &params).await.map_err(store_error)? == 0 {
        // Dropped unfinished: rolled back, nothing changed.
        return Ok(None);
    }
    bump_version(&tx, id).await?;
    commit_returning(tx, id).await
}
