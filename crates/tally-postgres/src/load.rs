//! Reading presentations back into domain types. Used inside transactions
//! (after a slide change) and outside them, hence generic over the client.

use anyhow::Context as _;
use deadpool_postgres::GenericClient;
use std::time::SystemTime;
use tally_domain::{
    JoinCode, OptionKey, OptionValue, Poll, PollId, PollOption, Presentation, PresentationId,
    PresenterId, Question, SlideState,
};
use tokio_postgres::types::ToSql;
use tokio_postgres::Row;
use uuid::Uuid;

const PRESENTATION: &str = "SELECT id, presenter_id, join_code, poll_count, current_poll_index, \
     state_version, created_at FROM presentations WHERE id = $1";

const POLLS: &str = "SELECT q.id, q.question, q.voting_open, q.results_visible, o.key, o.value \
     FROM polls q JOIN options o ON o.poll_id = q.id \
     WHERE q.presentation_id = $1 ORDER BY q.position, o.position";

/// The presentation with its polls, or `None` if it does not exist.
pub(crate) async fn presentation<C: GenericClient>(
    client: &C,
    id: PresentationId,
) -> anyhow::Result<Option<Presentation>> {
    let head = client.prepare_cached(PRESENTATION).await?;
    let polls = client.prepare_cached(POLLS).await?;
    // Both queries go out together: tokio-postgres pipelines them.
    let params: &[&(dyn ToSql + Sync)] = &[id.as_uuid()];
    let (head, rows) = tokio::try_join!(
        client.query_opt(&head, params),
        client.query(&polls, params),
    )?;
    let Some(head) = head else { return Ok(None) };
    let polls = polls_from_rows(&rows)?;
    if polls.is_empty() {
        // Deleted between the two reads.
        return Ok(None);
    }
    Ok(Some(Presentation {
        id,
        presenter_id: PresenterId::from_uuid(head.try_get("presenter_id")?),
        join_code: join_code(&head)?,
        slide: slide_state(&head)?,
        created_at: head.try_get::<_, SystemTime>("created_at")?,
        polls,
    }))
}

pub(crate) fn join_code(row: &Row) -> anyhow::Result<JoinCode> {
    let raw: &str = row.try_get("join_code")?;
    JoinCode::parse(raw).context("stored join code is malformed")
}

pub(crate) fn slide_state(row: &Row) -> anyhow::Result<SlideState> {
    let index: i32 = row.try_get("current_poll_index")?;
    let count: i32 = row.try_get("poll_count")?;
    let version: i64 = row.try_get("state_version")?;
    Ok(SlideState {
        index: usize::try_from(index)?,
        poll_count: usize::try_from(count)?,
        version: u64::try_from(version)?,
    })
}

/// Folds (poll, option) rows, ordered by poll then option, into polls.
fn polls_from_rows(rows: &[Row]) -> anyhow::Result<Vec<Poll>> {
    let mut polls: Vec<Poll> = Vec::new();
    for row in rows {
        let id = PollId::from_uuid(row.try_get::<_, Uuid>("id")?);
        let option = PollOption {
            key: OptionKey::parse(row.try_get::<_, String>("key")?)?,
            value: OptionValue::parse(row.try_get::<_, String>("value")?)?,
        };
        match polls.last_mut() {
            Some(poll) if poll.id == id => poll.options.push(option),
            _ => polls.push(Poll {
                id,
                question: Question::parse(row.try_get::<_, String>("question")?)?,
                voting_open: row.try_get("voting_open")?,
                results_visible: row.try_get("results_visible")?,
                options: vec![option],
            }),
        }
    }
    Ok(polls)
}
