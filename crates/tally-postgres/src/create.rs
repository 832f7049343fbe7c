//! Storing a new presentation: its presenter (when new), the row with a
//! fresh join code, and its polls, in one transaction.

use super::store::{is_join_code_collision, store_error, SHOW};
use tally_domain::ports::{InsertPresentationError, NewPresentation};
use tally_domain::{PollId, Presentation, SlideState};
use uuid::Uuid;

pub(crate) async fn insert(
    client: &mut deadpool_postgres::Object,
    new: NewPresentation,
) -> Result<Presentation, InsertPresentationError> {
    let tx = client.transaction().await.map_err(store_error)?;
    if let Some(hash) = &new.new_presenter_token {
        tx.execute(
            "INSERT INTO presenters (id, token_hash) VALUES ($1, $2)",
            &[new.presenter_id.as_uuid(), &hash.as_bytes().as_slice()],
        )
        .await
        .map_err(store_error)?;
    }
    let polls = new.draft.polls();
    let poll_count = i32::try_from(polls.len()).map_err(store_error)?;
    let inserted = tx
        .query_one(
            "INSERT INTO presentations \
             (id, presenter_id, join_code, created_open, poll_count, profanity_filter) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING created_at",
            &[
                new.id.as_uuid(),
                new.presenter_id.as_uuid(),
                &new.join_code.as_str(),
                &new.created_open,
                &poll_count,
                &new.draft.profanity_filter().as_str(),
            ],
        )
        .await;
    let created_at = match inserted {
        Ok(row) => row.try_get("created_at").map_err(store_error)?,
        Err(e) if is_join_code_collision(&e) => {
            return Err(InsertPresentationError::JoinCodeTaken(
                new.join_code.as_str().to_owned(),
            ))
        }
        Err(e) => return Err(store_error(e).into()),
    };

    // Polls and options go in with one statement each (UNNEST over
    // arrays), so a 200-slide deck costs the same round trips as one.
    let poll_ids: Vec<PollId> = polls.iter().map(|_| PollId::generate()).collect();
    let poll_uuids: Vec<Uuid> = poll_ids.iter().map(|p| *p.as_uuid()).collect();
    let positions: Vec<i32> = (0..poll_count).collect();
    let questions: Vec<&str> = polls.iter().map(|p| p.question().as_str()).collect();
    let kinds: Vec<&str> = polls.iter().map(|p| p.settings().kind.as_str()).collect();
    let settings = polls
        .iter()
        .map(|p| serde_json::to_string(&p.settings().draft()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(store_error)?;
    let notes: Vec<Option<&str>> = polls
        .iter()
        .map(|p| p.notes().map(|n| n.as_str()))
        .collect();
    let images = polls
        .iter()
        .map(|p| crate::deck::images_json(p.images()))
        .collect::<Result<Vec<_>, _>>()?;
    tx.execute(
        "INSERT INTO polls (id, presentation_id, position, question, kind, settings, notes, images) \
         SELECT id, $1, position, question, kind, settings::jsonb, notes, images::jsonb \
         FROM unnest($2::uuid[], $3::int4[], $4::text[], $5::text[], $6::text[], $7::text[], \
             $8::text[]) AS t(id, position, question, kind, settings, notes, images)",
        &[
            new.id.as_uuid(),
            &poll_uuids,
            &positions,
            &questions,
            &kinds,
            &settings,
            &notes,
            &images,
        ],
    )
    .await
    .map_err(store_error)?;

    let mut option_polls = Vec::new();
    let mut option_positions = Vec::new();
    let mut keys = Vec::new();
    let mut values = Vec::new();
    for (poll_id, poll) in poll_uuids.iter().zip(polls) {
        for (position, option) in poll.options().iter().enumerate() {
            option_polls.push(*poll_id);
            option_positions.push(i32::try_from(position).map_err(store_error)?);
            keys.push(option.key.as_str());
            values.push(option.value.as_str());
        }
    }
    tx.execute(
        "INSERT INTO options (poll_id, position, key, value) \
         SELECT * FROM unnest($1::uuid[], $2::int4[], $3::text[], $4::text[])",
        &[&option_polls, &option_positions, &keys, &values],
    )
    .await
    .map_err(store_error)?;
    // The first poll is on screen from the start (`Poll::show` below,
    // with the same transaction time).
    tx.execute(SHOW, &[new.id.as_uuid(), &0_i32])
        .await
        .map_err(store_error)?;
    tx.commit().await.map_err(store_error)?;

    Ok(Presentation {
        id: new.id,
        presenter_id: new.presenter_id,
        join_code: new.join_code,
        slide: SlideState {
            index: 0,
            poll_count: polls.len(),
            version: 1,
        },
        created_at,
        profanity_filter: new.draft.profanity_filter(),
        live: tally_domain::settings::LiveSettings::default(),
        deck_rev: tally_domain::deck::DeckRev(1),
        polls: poll_ids
            .into_iter()
            .zip(polls)
            .enumerate()
            .map(|(position, (id, draft))| {
                let mut poll = draft.to_poll(id);
                if position == 0 {
                    poll.show(created_at);
                }
                poll
            })
            .collect(),
    })
}
