//! Storing a deck revision ([`tally_domain::deck`]) in one fenced
//! transaction: votes in flight on the Postgres path commit before it and
//! later ones see the revised deck.

use crate::store::{begin_fenced, commit_returning, store_error};
use tally_domain::deck::{DeckEdit, DeckRev, EditKind, RevisedDeck};
use tally_domain::ports::{ReviseDeckError, StoreError};
use tally_domain::{PollId, Presentation, PresentationId};
use tokio_postgres::types::ToSql;
use uuid::Uuid;

/// Positions are unique per presentation; kept polls move out of the way
/// (above any real position: a deck has at most 200 polls) before they
/// take their new places.
const PARKED: i32 = 1_000;

const DROP_REMOVED: &str = "DELETE FROM polls WHERE presentation_id = $1 AND id = ANY($2)";
const KEEP_ROUNDS: &str =
    "INSERT INTO poll_rounds (poll_id, round, question, kind, settings, options) \
             SELECT q.id, q.round, q.question, q.kind, q.settings, \
                 coalesce((SELECT jsonb_agg(jsonb_build_object('key', o.key, 'value', o.value) \
                     ORDER BY o.position) FROM options o WHERE o.poll_id = q.id), '[]'::jsonb) \
             FROM polls q WHERE q.presentation_id = $1 AND q.id = ANY($2) \
             ON CONFLICT (poll_id, round) DO NOTHING";
const PARK: &str = "UPDATE polls SET position = position + $2 WHERE presentation_id = $1";
const DROP_OPTIONS: &str = "DELETE FROM options WHERE poll_id = ANY($1)";
const UPDATE_KEPT: &str =
    "UPDATE polls q SET position = t.position, question = t.question, kind = t.kind, \
                 settings = t.settings::jsonb, notes = t.notes, images = t.images::jsonb, \
                 round = q.round + CASE WHEN t.new_round THEN 1 ELSE 0 END \
             FROM unnest($2::uuid[], $3::int4[], $4::text[], $5::text[], $6::text[], $7::text[], \
                 $8::bool[], $10::text[]) AS t(id, position, question, kind, settings, notes, \
                 new_round, images) \
             WHERE q.presentation_id = $1 AND q.id = t.id AND NOT t.id = ANY($9)";
const INSERT_ADDED: &str =
    "INSERT INTO polls (id, presentation_id, position, question, kind, settings, notes, images) \
             SELECT id, $1, position, question, kind, settings::jsonb, notes, images::jsonb \
             FROM unnest($2::uuid[], $3::int4[], $4::text[], $5::text[], $6::text[], $7::text[], \
                 $9::text[]) AS t(id, position, question, kind, settings, notes, images) \
             WHERE t.id = ANY($8)";
const INSERT_OPTIONS: &str = "INSERT INTO options (poll_id, position, key, value) \
             SELECT * FROM unnest($1::uuid[], $2::int4[], $3::text[], $4::text[])";
const BUMP_HEAD: &str =
    "UPDATE presentations SET poll_count = $2, current_poll_index = $3, deck_rev = $4, \
                 state_version = state_version + 1 WHERE id = $1";
const RECORD_EDITS: &str =
    "INSERT INTO deck_edits (presentation_id, deck_rev, seq, poll_id, what, option_key, \
                 before, after) \
             SELECT $1, $2, * FROM unnest($3::int4[], $4::uuid[], $5::text[], $6::text[], \
                 $7::text[], $8::text[])";

/// The statements of a revision, prepared once per connection.
struct Statements {
    drop_removed: tokio_postgres::Statement,
    keep_rounds: tokio_postgres::Statement,
    park: tokio_postgres::Statement,
    drop_options: tokio_postgres::Statement,
    update_kept: tokio_postgres::Statement,
    insert_added: tokio_postgres::Statement,
    insert_options: tokio_postgres::Statement,
    bump_head: tokio_postgres::Statement,
    record_edits: tokio_postgres::Statement,
}

impl Statements {
    async fn prepare(
        tx: &deadpool_postgres::Transaction<'_>,
    ) -> Result<Self, tokio_postgres::Error> {
        let (
            drop_removed,
            keep_rounds,
            park,
            drop_options,
            update_kept,
            insert_added,
            insert_options,
            bump_head,
            record_edits,
        ) = tokio::try_join!(
            tx.prepare_cached(DROP_REMOVED),
            tx.prepare_cached(KEEP_ROUNDS),
            tx.prepare_cached(PARK),
            tx.prepare_cached(DROP_OPTIONS),
            tx.prepare_cached(UPDATE_KEPT),
            tx.prepare_cached(INSERT_ADDED),
            tx.prepare_cached(INSERT_OPTIONS),
            tx.prepare_cached(BUMP_HEAD),
            tx.prepare_cached(RECORD_EDITS),
        )?;
        Ok(Self {
            drop_removed,
            keep_rounds,
            park,
            drop_options,
            update_kept,
            insert_added,
            insert_options,
            bump_head,
            record_edits,
        })
    }
}

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
    let mut columns = Columns::default();
    for (position, poll) in revised.polls.iter().enumerate() {
        columns.push(position, poll)?;
    }
    let closing: Vec<Uuid> = revised
        .polls
        .iter()
        .filter(|p| p.new_round)
        .map(|p| *p.id.as_uuid())
        .collect();
    let index = revised
        .polls
        .iter()
        .position(|p| p.id == on_screen)
        .ok_or_else(|| store_error(anyhow::anyhow!("the poll on screen left the deck")))?;
    let index = i32::try_from(index).map_err(store_error)?;
    let count = i32::try_from(revised.polls.len()).map_err(store_error)?;
    let next = i64::try_from(expected.0 + 1).map_err(store_error)?;

    // The statements go out pipelined, in two batches (a live edit reaches
    // the screens after them: fewer round trips, sooner), and Postgres runs
    // them in the order sent, which is the order they depend on.
    let edits = Edits::of(&revised.edits)?;
    let drop_removed: &[&(dyn ToSql + Sync)] = &[id.as_uuid(), &removed];
    let keep_rounds: &[&(dyn ToSql + Sync)] = &[id.as_uuid(), &closing];
    let park: &[&(dyn ToSql + Sync)] = &[id.as_uuid(), &PARKED];
    let drop_options: &[&(dyn ToSql + Sync)] = &[&columns.ids];
    let update_kept: &[&(dyn ToSql + Sync)] = &[
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
    ];
    let insert_added: &[&(dyn ToSql + Sync)] = &[
        id.as_uuid(),
        &columns.ids,
        &columns.positions,
        &columns.questions,
        &columns.kinds,
        &columns.settings,
        &columns.notes,
        &columns.added,
        &columns.images,
    ];
    let insert_options: &[&(dyn ToSql + Sync)] = &[
        &columns.option_polls,
        &columns.option_positions,
        &columns.keys,
        &columns.values,
    ];
    let bump_head: &[&(dyn ToSql + Sync)] = &[id.as_uuid(), &count, &index, &next];
    let record_edits: &[&(dyn ToSql + Sync)] = &[
        id.as_uuid(),
        &next,
        &edits.seq,
        &edits.polls,
        &edits.what,
        &edits.options,
        &edits.before,
        &edits.after,
    ];
    // Prepared first (cached per connection), so that each batch below
    // is sent in one go, in order.
    let statements = Statements::prepare(&tx).await.map_err(store_error)?;
    tokio::try_join!(
        // Votes, counters, questions and decisions go with their poll
        // (foreign keys ON DELETE CASCADE).
        tx.execute(&statements.drop_removed, drop_removed),
        // The definition each closing round's votes were cast against,
        // kept for its results, before the statements below replace it.
        tx.execute(&statements.keep_rounds, keep_rounds),
        tx.execute(&statements.park, park),
        // Options hold no votes (votes name keys), so each poll's options
        // are written again whole, in their new order.
        tx.execute(&statements.drop_options, drop_options),
    )
    .map_err(store_error)?;
    tokio::try_join!(
        // Kept polls: the new definition and place; the voting state
        // stays, and an edit that changes what votes mean starts the next
        // round.
        tx.execute(&statements.update_kept, update_kept),
        // Added polls, as a new presentation's are stored.
        tx.execute(&statements.insert_added, insert_added),
        tx.execute(&statements.insert_options, insert_options),
        tx.execute(&statements.bump_head, bump_head),
        tx.execute(&statements.record_edits, record_edits),
    )
    .map_err(store_error)?;
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

/// The edits as the columns of `deck_edits`.
struct Edits<'a> {
    seq: Vec<i32>,
    polls: Vec<Uuid>,
    what: Vec<&'static str>,
    options: Vec<Option<&'a str>>,
    before: Vec<Option<&'a str>>,
    after: Vec<Option<&'a str>>,
}

impl<'a> Edits<'a> {
    fn of(edits: &'a [DeckEdit]) -> Result<Self, StoreError> {
        Ok(Self {
            seq: (0..i32::try_from(edits.len()).map_err(store_error)?).collect(),
            polls: edits.iter().map(|e| *e.poll.as_uuid()).collect(),
            what: edits.iter().map(|e| e.what.as_str()).collect(),
            options: edits.iter().map(|e| e.option.as_deref()).collect(),
            before: edits.iter().map(|e| e.before.as_deref()).collect(),
            after: edits.iter().map(|e| e.after.as_deref()).collect(),
        })
    }
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
