//! Reading presentations back into domain types. Used inside transactions
//! (after a slide change) and outside them, hence generic over the client.

use anyhow::Context as _;
use deadpool_postgres::GenericClient;
use std::time::SystemTime;
use tally_domain::kinds::{PollType, ProfanityFilter, SettingsDraft};
use tally_domain::settings::LiveSettings;
use tally_domain::{
    JoinCode, OptionKey, OptionValue, Poll, PollDraft, PollId, PollOption, Presentation,
    PresentationId, PresenterId, Question, SlideState,
};
use tokio_postgres::types::ToSql;
use tokio_postgres::Row;
use uuid::Uuid;

const PRESENTATION: &str = "SELECT p.id, p.presenter_id, p.join_code, p.poll_count, \
     p.current_poll_index, p.state_version, p.created_at, p.profanity_filter, p.deck_rev, \
     coalesce(s.revision, 0) AS settings_revision, \
     coalesce(s.hide_results_until_closed, false) AS hide_results_until_closed \
     FROM presentations p LEFT JOIN presentation_settings s ON s.presentation_id = p.id \
     WHERE p.id = $1";

const POLLS: &str = "SELECT q.id, q.question, q.voting_open, q.results_visible, q.kind, \
     q.settings::text AS settings, q.opened_at, q.deadline, q.round, q.images::text AS images, \
     o.key, o.value \
     FROM polls q LEFT JOIN options o ON o.poll_id = q.id \
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
        profanity_filter: ProfanityFilter::parse(head.try_get("profanity_filter")?)?,
        live: LiveSettings {
            revision: u64::try_from(head.try_get::<_, i64>("settings_revision")?)?,
            hide_results_until_closed: head.try_get("hide_results_until_closed")?,
        },
        deck_rev: tally_domain::deck::DeckRev(u64::try_from(head.try_get::<_, i64>("deck_rev")?)?),
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

/// Folds (poll, option) rows, ordered by poll then option, into polls (a
/// poll without options, such as a word cloud, comes as one row with a
/// null option).
pub(crate) fn polls_from_rows(rows: &[Row]) -> anyhow::Result<Vec<Poll>> {
    // Rows of one poll: the head row, and its options.
    let mut grouped: Vec<(&Row, Vec<PollOption>)> = Vec::new();
    for row in rows {
        let id: Uuid = row.try_get("id")?;
        let option = match row.try_get::<_, Option<String>>("key")? {
            Some(key) => Some(PollOption {
                key: OptionKey::parse(key)?,
                value: OptionValue::parse(row.try_get::<_, String>("value")?)?,
            }),
            None => None,
        };
        match grouped.last_mut() {
            Some((head, options)) if head.try_get::<_, Uuid>("id")? == id => {
                options.extend(option);
            }
            _ => grouped.push((row, option.into_iter().collect())),
        }
    }
    grouped
        .into_iter()
        .map(|(head, options)| poll_from_row(head, options))
        .collect()
}

/// A stored poll: its settings are validated again, as a draft's are.
pub(crate) fn poll_from_row(row: &Row, options: Vec<PollOption>) -> anyhow::Result<Poll> {
    let kind = PollType::parse(row.try_get("kind")?)?;
    let settings: SettingsDraft = serde_json::from_str(row.try_get("settings")?)?;
    let mut draft = PollDraft::typed(
        Question::parse(row.try_get::<_, String>("question")?)?,
        options,
        kind,
        settings,
    )
    .context("stored poll")?;
    if let Some(images) = row.try_get::<_, Option<&str>>("images")? {
        draft = draft
            .with_images(serde_json::from_str(images)?)
            .context("stored poll images")?;
    }
    Ok(Poll {
        voting_open: row.try_get("voting_open")?,
        results_visible: row.try_get("results_visible")?,
        opened_at: row.try_get("opened_at")?,
        deadline: row.try_get("deadline")?,
        round: u32::try_from(row.try_get::<_, i32>("round")?)?,
        ..draft.to_poll(PollId::from_uuid(row.try_get("id")?))
    })
}
