//! Storing a deck revision ([`tally_domain::deck`]) in one fenced
//! transaction: votes in flight on the Postgres path commit before it and
//! later ones see the revised deck.

use crate::store::{begin_fenced, commit_returning, store_error};
use tally_domain::deck::{DeckEdit, DeckRev, EditKind, RevisedDeck};
use tally_domain::ports::{ReviseDeckError, StoreError};
use tally_domain::{PollId, Presentation, PresentationId};
use uuid::Uuid;

/// Positions are unique per presentation; kept polls move out of the way
/// (above any real position: a deck has at most 200 polls) before they
/// take their new places.
const PARKED: i32 = 1_000;

pub(crate) async fn revise(
    client: &mut deadpool_postgres::Object,
    id: PresentationId,
    expected: DeckRev,
    revised: &RevisedDeck,
) -> Result<Presentation, ReviseDeckError> {
    let tx = begin_fenced(client, id).await?;
    let head = tx
        .query_opt(
            "SELECT p.deck_rev, q.id AS on_screen FROM presentations p \
             JOIN polls q ON q.presentation_id = p.id AND q.position = p.current_poll_index \
             WHERE p.id = $1 FOR UPDATE OF p",
            &[id.as_uuid()],
        )
        .await
        .map_err(store_error)?
        .ok_or(ReviseDeckError::NotFound)?;
    let current = DeckRev(
        u64::try_from(head.try_get::<_, i64>("deck_rev").map_err(store_error)?)
            .map_err(store_error)?,
    );
    if current != expected {
        return Err(ReviseDeckError::Stale { current });
    }
    let on_screen = PollId::from_uuid(head.try_get("on_screen").map_err(store_error)?);
    if revised.removed.contains(&on_screen) {
        return Err(ReviseDeckError::PollOnScreen(on_screen));
    }

    let removed: Vec<Uuid> = revised.removed.iter().map(|p| *p.as_uuid()).collect();
    // Votes, counters, questions and decisions go with their poll (foreign
    // keys ON DELETE CASCADE).
    tx.execute(
        "DELETE FROM polls WHERE presentation_id = $1 AND id = ANY($2)",
        &[id.as_uuid(), &removed],
    )
    .await
    .map_err(store_error)?;
    tx.execute(
        "UPDATE polls SET position = position + $2 WHERE presentation_id = $1",
        &[id.as_uuid(), &PARKED],
    )
    .await
    .map_err(store_error)?;

    let mut columns = Columns::default();
    for (position, poll) in revised.polls.iter().enumerate() {
        columns.push(position, poll)?;
    }
    // The definition each closing round's votes were cast against, kept
    // for its results (before the update below replaces it).
    let closing: Vec<Uuid> = revised
        .polls
        .iter()
        .filter(|p| p.new_round)
        .map(|p| *p.id.as_uuid())
        .collect();
    tx.execute(
        "INSERT INTO poll_rounds (poll_id, round, question, kind, settings, options) \
         SELECT q.id, q.round, q.question, q.kind, q.settings, \
             coalesce((SELECT jsonb_agg(jsonb_build_object('key', o.key, 'value', o.value) \
                 ORDER BY o.position) FROM options o WHERE o.poll_id = q.id), '[]'::jsonb) \
         FROM polls q WHERE q.presentation_id = $1 AND q.id = ANY($2) \
         ON CONFLICT (poll_id, round) DO NOTHING",
        &[id.as_uuid(), &closing],
    )
    .await
    .map_err(store_error)?;
    // Kept polls: the new definition and place; the voting state stays,
    // and an edit that changes what votes mean starts the next round.
    tx.execute(
        "UPDATE polls q SET position = t.position, question = t.question, kind = t.kind, \
             settings = t.settings::jsonb, notes = t.notes, images = t.images::jsonb, \
             round = q.round + CASE WHEN t.new_round THEN 1 ELSE 0 END \
         FROM unnest($2::uuid[], $3::int4[], $4::text[], $5::text[], $6::text[], $7::text[], \
             $8::bool[], $10::text[]) AS t(id, position, question, kind, settings, notes, \
             new_round, images) \
         WHERE q.presentation_id = $1 AND q.id = t.id AND NOT t.id = ANY($9)",
        &[
            id.as_uuid(),
            &columns.ids,
            &columns.positions,
            &columns.questions,
            &columns.kinds,
            &columns.settings,
            &columns.notes,
            &columns.new_round,
            &columns.added,
            &columns.images,
        ],
    )
    .await
    .map_err(store_error)?;
    // Added polls, as a new presentation's are stored.
    tx.execute(
        "INSERT INTO polls (id, presentation_id, position, question, kind, settings, notes, images) \
         SELECT id, $1, position, question, kind, settings::jsonb, notes, images::jsonb \
         FROM unnest($2::uuid[], $3::int4[], $4::text[], $5::text[], $6::text[], $7::text[], \
             $9::text[]) AS t(id, position, question, kind, settings, notes, images) \
         WHERE t.id = ANY($8)",
        &[
            id.as_uuid(),
            &columns.ids,
            &columns.positions,
            &columns.questions,
            &columns.kinds,
            &columns.settings,
            &columns.notes,
            &columns.added,
            &columns.images,
        ],
    )
    .await
    .map_err(store_error)?;
    // Options hold no votes (votes name keys), so each poll's options are
    // written again whole, in their new order.
    tx.execute(
        "DELETE FROM options WHERE poll_id = ANY($1)",
        &[&columns.ids],
    )
    .await
    .map_err(store_error)?;
    tx.execute(
        "INSERT INTO options (poll_id, position, key, value) \
         SELECT * FROM unnest($1::uuid[], $2::int4[], $3::text[], $4::text[])",
        &[
            &columns.option_polls,
            &columns.option_positions,
            &columns.keys,
            &columns.values,
        ],
    )
    .await
    .map_err(store_error)?;

    let index = revised
        .polls
        .iter()
        .position(|p| p.id == on_screen)
        .ok_or_else(|| store_error(anyhow::anyhow!("the poll on screen left the deck")))?;
    let index = i32::try_from(index).map_err(store_error)?;
    let count = i32::try_from(revised.polls.len()).map_err(store_error)?;
    let next = i64::try_from(expected.0 + 1).map_err(store_error)?;
    tx.execute(
        "UPDATE presentations SET poll_count = $2, current_poll_index = $3, deck_rev = $4, \
             state_version = state_version + 1 WHERE id = $1",
        &[id.as_uuid(), &count, &index, &next],
    )
    .await
    .map_err(store_error)?;
    record(&tx, id, next, &revised.edits).await?;
    commit_returning(tx, id)
        .await?
        .ok_or(ReviseDeckError::NotFound)
}

/// The revised polls as the columns the statements above unnest.
#[derive(Default)]
struct Columns {
    ids: Vec<Uuid>,
    positions: Vec<i32>,
    questions: Vec<String>,
    kinds: Vec<&'static str>,
    settings: Vec<String>,
    notes: Vec<Option<String>>,
    images: Vec<Option<String>>,
    new_round: Vec<bool>,
    added: Vec<Uuid>,
    option_polls: Vec<Uuid>,
    option_positions: Vec<i32>,
    keys: Vec<String>,
    values: Vec<String>,
}

impl Columns {
    fn push(
        &mut self,
        position: usize,
        poll: &tally_domain::deck::RevisedPoll,
    ) -> Result<(), StoreError> {
        let id = *poll.id.as_uuid();
        let draft = &poll.draft;
        self.ids.push(id);
        self.positions
            .push(i32::try_from(position).map_err(store_error)?);
        self.questions.push(draft.question().as_str().to_owned());
        self.kinds.push(draft.settings().kind.as_str());
        self.settings
            .push(serde_json::to_string(&draft.settings().draft()).map_err(store_error)?);
        self.notes
            .push(draft.notes().map(|n| n.as_str().to_owned()));
        self.images.push(images_json(draft.images())?);
        self.new_round.push(poll.new_round);
        if poll.added {
            self.added.push(id);
        }
        for (k, option) in draft.options().iter().enumerate() {
            self.option_polls.push(id);
            self.option_positions
                .push(i32::try_from(k).map_err(store_error)?);
            self.keys.push(option.key.as_str().to_owned());
            self.values.push(option.value.as_str().to_owned());
        }
        Ok(())
    }
}

/// A poll's images as stored (`polls.images`): `None` for none.
pub(crate) fn images_json(
    images: &tally_domain::deck::image::PollImages,
) -> Result<Option<String>, StoreError> {
    if images.is_empty() {
        return Ok(None);
    }
    serde_json::to_string(&images.draft())
        .map(Some)
        .map_err(store_error)
}

async fn record(
    tx: &deadpool_postgres::Transaction<'_>,
    id: PresentationId,
    rev: i64,
    edits: &[DeckEdit],
) -> Result<(), StoreError> {
    let seq: Vec<i32> = (0..i32::try_from(edits.len()).map_err(store_error)?).collect();
    let polls: Vec<Uuid> = edits.iter().map(|e| *e.poll.as_uuid()).collect();
    let what: Vec<&str> = edits.iter().map(|e| e.what.as_str()).collect();
    let options: Vec<Option<&str>> = edits.iter().map(|e| e.option.as_deref()).collect();
    let before: Vec<Option<&str>> = edits.iter().map(|e| e.before.as_deref()).collect();
    let after: Vec<Option<&str>> = edits.iter().map(|e| e.after.as_deref()).collect();
    tx.execute(
        "INSERT INTO deck_edits (presentation_id, deck_rev, seq, poll_id, what, option_key, \
             before, after) \
         SELECT $1, $2, * FROM unnest($3::int4[], $4::uuid[], $5::text[], $6::text[], \
             $7::text[], $8::text[])",
        &[
            id.as_uuid(),
            &rev,
            &seq,
            &polls,
            &what,
            &options,
            &before,
            &after,
        ],
    )
    .await
    .map_err(store_error)?;
    Ok(())
}

/// Every recorded edit of the presentation, oldest first.
pub(crate) async fn edits(
    client: &deadpool_postgres::Object,
    id: PresentationId,
) -> Result<Vec<(DeckRev, DeckEdit)>, StoreError> {
    let rows = client
        .query(
            "SELECT deck_rev, poll_id, what, option_key, before, after FROM deck_edits \
             WHERE presentation_id = $1 ORDER BY deck_rev, seq",
            &[id.as_uuid()],
        )
        .await
        .map_err(store_error)?;
    rows.iter()
        .map(|row| {
            let rev: i64 = row.try_get("deck_rev")?;
            let what: String = row.try_get("what")?;
            let edit = DeckEdit {
                poll: PollId::from_uuid(row.try_get("poll_id")?),
                what: EditKind::parse(&what)
                    .ok_or_else(|| anyhow::anyhow!("unknown deck edit {what:?}"))?,
                option: row.try_get("option_key")?,
                before: row.try_get("before")?,
                after: row.try_get("after")?,
            };
            Ok((DeckRev(u64::try_from(rev)?), edit))
        })
        .collect::<anyhow::Result<_>>()
        .map_err(StoreError)
}
