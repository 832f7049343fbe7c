use crate::{create, deadline, deck, images, load, settings};
use anyhow::Context as _;
use deadpool_postgres::Pool;
use tally_domain::deck::image::{ImageId, StoredImage};
use tally_domain::deck::{DeckEdit, DeckRev, RevisedDeck};
use tally_domain::kinds::DisplayName;
use tally_domain::picture::Picture;
use tally_domain::ports::SettingsChangeError;
use tally_domain::ports::{
    InsertPresentationError, NameChangeError, NewPresentation, PollsOnScreen, PresentationStore,
    ResetPollError, ReviseDeckError, SlideChangeError, StoreError, VotingChangeError,
};
use tally_domain::settings::{Logo, PresentationSettings, SettingsPatch, StoredLogo};
use tally_domain::{
    JoinCode, ParticipantId, PollId, Presentation, PresentationId, PresentationSummary,
    PresenterAccess, PresenterId, PresenterNotes, SlideMove, TokenHash,
};
use tokio_postgres::types::ToSql;
use tokio_postgres::Row;
use uuid::Uuid;

// The fenced-transaction steps every presentation change shares, kept
// apart so that this file holds the store itself.
mod transaction;
pub(crate) use transaction::{
    begin_fenced, bump_version, commit_returning, is_join_code_collision, store_error,
};

pub(crate) fn token_hash(stored: &[u8]) -> Result<TokenHash, StoreError> {
    let bytes: [u8; 32] = stored
        .try_into()
        .context("stored token hash is not 32 bytes")?;
    Ok(TokenHash::from_bytes(bytes))
}

/// The presentation store on Postgres.
#[derive(Clone, Debug)]
pub struct PgStore {
    pool: Pool,
}

impl PgStore {
    pub fn new(pool: Pool) -> Self {
        Self { pool }
    }

    pub(crate) async fn client(&self) -> Result<deadpool_postgres::Object, StoreError> {
        Ok(self.pool.get().await.context("no Postgres connection")?)
    }

    /// One of the frequent reads below, prepared once per connection.
    async fn read(
        &self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<Row>, StoreError> {
        let client = self.client().await?;
        let statement = client.prepare_cached(sql).await.map_err(store_error)?;
        client.query(&statement, params).await.map_err(store_error)
    }
}

// The reads behind every presenter request and every join-code miss,
// prepared once per connection (`prepare_cached`): sent as text, each would
// be parsed and planned again, which was most of Postgres's CPU for them.
// One row per link of the presentation (revoked ones too), or one with
// NULL links.
const ACCESS: &str = "SELECT p.presenter_id, s.token_hash, p.created_open, p.join_code, \
     l.id AS link_id, l.role AS link_role, l.token_hash AS link_hash, \
     l.revoked_at IS NOT NULL AS link_revoked \
     FROM presentations p JOIN presenters s ON s.id = p.presenter_id \
     LEFT JOIN presentation_links l ON l.presentation_id = p.id WHERE p.id = $1";
const NOTES: &str = "SELECT id, notes FROM polls \
     WHERE presentation_id = $1 AND notes IS NOT NULL ORDER BY position";
const BY_JOIN_CODE: &str = "SELECT id FROM presentations WHERE join_code = $1";
const POLLS_ON_SCREEN: &str = "SELECT q.id, q.position = p.current_poll_index \
     FROM presentations p JOIN polls q ON q.presentation_id = p.id \
     WHERE p.id = $1 ORDER BY q.position";
const PRESENTER_BY_TOKEN: &str = "SELECT id FROM presenters WHERE token_hash = $1";
const PRESENTER_PAGE: &str =
    "SELECT id, join_code, poll_count, current_poll_index, state_version, created_at \
     FROM presentations WHERE presenter_id = $1 AND ($2::uuid IS NULL OR id < $2) \
     ORDER BY id DESC LIMIT $3";

/// The per-poll flags a presenter sets on the poll on screen.
const SET_VOTING_OPEN: &str =
    "UPDATE polls SET voting_open = $3 WHERE presentation_id = $1 AND position = $2";
/// The poll at a position comes on screen: the first time in a round, its
/// voting opens, and a time limit starts its timer (`Poll::show`).
pub(crate) const SHOW: &str = "UPDATE polls SET opened_at = now(), \
         deadline = now() + make_interval(secs => (settings->>'time_limit_secs')::float8) \
     WHERE presentation_id = $1 AND position = $2 AND opened_at IS NULL";
/// The timer of the poll on screen (`Poll::set_timer`): $3 seconds more
/// from the running deadline or from now; 0 stops it (and opens voting
/// again if the timer had run out, as it closed voting then).
const SET_TIMER: &str = "UPDATE polls SET \
         deadline = CASE WHEN $3::float8 = 0 THEN NULL \
             WHEN deadline > now() THEN deadline + make_interval(secs => $3::float8) \
             ELSE now() + make_interval(secs => $3::float8) END, \
         opened_at = CASE WHEN $3::float8 = 0 THEN opened_at ELSE coalesce(opened_at, now()) END, \
         voting_open = voting_open OR $3::float8 > 0 OR coalesce(deadline <= now(), false) \
     WHERE presentation_id = $1 AND position = $2";
/// A new round of a poll (`Poll::reset`); the poll on screen is then shown
/// again (`SHOW`).
const RESET: &str = "UPDATE polls SET round = round + 1, voting_open = true, \
         opened_at = NULL, deadline = NULL \
     WHERE presentation_id = $1 AND id = $2 RETURNING position";
const SET_RESULTS_VISIBLE: &str =
    "UPDATE polls SET results_visible = $3 WHERE presentation_id = $1 AND position = $2";

impl PgStore {
    /// Sets one flag of the poll on screen (`update` is one of the
    /// constants above), bumping the state version, under the exclusive
    /// fence: as for slide moves, no vote straddles the change.
    async fn set_current_poll_flag(
        &self,
        id: PresentationId,
        update: &'static str,
        value: impl ToSql + Sync,
    ) -> Result<Presentation, VotingChangeError> {
        let mut client = self.client().await?;
        let tx = begin_fenced(&mut client, id).await?;
        let index = bump_version(&tx, id)
            .await?
            .ok_or(VotingChangeError::NotFound)?;
        tx.execute(update, &[id.as_uuid(), &index, &value])
            .await
            .map_err(store_error)?;
        commit_returning(tx, id)
            .await?
            .ok_or(VotingChangeError::NotFound)
    }
}

impl PresentationStore for PgStore {
    async fn polls_on_screen(
        &self,
        id: PresentationId,
    ) -> Result<Option<PollsOnScreen>, StoreError> {
        let rows = self.read(POLLS_ON_SCREEN, &[id.as_uuid()]).await?;
        if rows.is_empty() {
            return Ok(None);
        }
        let mut on_screen = PollsOnScreen {
            polls: Vec::with_capacity(rows.len()),
            current: None,
        };
        for row in rows {
            let poll = PollId::from_uuid(row.try_get(0).map_err(store_error)?);
            if row.try_get::<_, bool>(1).map_err(store_error)? {
                on_screen.current = Some(poll);
            }
            on_screen.polls.push(poll);
        }
        Ok(Some(on_screen))
    }

    async fn state_versions(
        &self,
        ids: &[PresentationId],
    ) -> Result<Vec<(PresentationId, u64)>, StoreError> {
        let client = self.client().await?;
        let uuids: Vec<Uuid> = ids.iter().map(|id| *id.as_uuid()).collect();
        let rows = client
            .query(
                "SELECT id, state_version FROM presentations WHERE id = ANY($1)",
                &[&uuids],
            )
            .await
            .context("reading state versions")?;
        let versions: anyhow::Result<Vec<_>> = rows
            .iter()
            .map(|row| {
                Ok((
                    PresentationId::from_uuid(row.try_get(0)?),
                    u64::try_from(row.try_get::<_, i64>(1)?)?,
                ))
            })
            .collect();
        Ok(versions?)
    }

    async fn find_presenter(
        &self,
        token_hash: TokenHash,
    ) -> Result<Option<PresenterId>, StoreError> {
        let row = self
            .read(PRESENTER_BY_TOKEN, &[&token_hash.as_bytes().as_slice()])
            .await?
            .pop();
        row.map(|r| r.try_get::<_, Uuid>(0).map(PresenterId::from_uuid))
            .transpose()
            .map_err(store_error)
    }

    async fn create_presentation(
        &self,
        new: NewPresentation,
    ) -> Result<Presentation, InsertPresentationError> {
        let mut client = self.client().await?;
        create::insert(&mut client, new).await
    }

    async fn get(&self, id: PresentationId) -> Result<Option<Presentation>, StoreError> {
        let client = self.client().await?;
        load::presentation(&client, id).await.map_err(StoreError)
    }

    async fn close_expired(
        &self,
        id: PresentationId,
        poll: PollId,
        deadline: std::time::SystemTime,
    ) -> Result<Option<Presentation>, StoreError> {
        let mut client = self.client().await?;
        deadline::close_expired(&mut client, id, poll, deadline).await
    }

    async fn notes(&self, id: PresentationId) -> Result<Vec<(PollId, PresenterNotes)>, StoreError> {
        let rows = self.read(NOTES, &[id.as_uuid()]).await?;
        rows.iter()
            .map(|row| {
                let notes: String = row.try_get("notes").map_err(store_error)?;
                Ok((
                    PollId::from_uuid(row.try_get("id").map_err(store_error)?),
                    PresenterNotes::parse(notes).context("stored notes")?,
                ))
            })
            .collect()
    }

    async fn access(&self, id: PresentationId) -> Result<Option<PresenterAccess>, StoreError> {
        let rows = self.read(ACCESS, &[id.as_uuid()]).await?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        Ok(Some(PresenterAccess {
            presenter_id: PresenterId::from_uuid(
                first.try_get("presenter_id").map_err(store_error)?,
            ),
            token_hash: token_hash(first.try_get("token_hash").map_err(store_error)?)?,
            created_open: first.try_get("created_open").map_err(store_error)?,
            join_code: load::join_code(first)?,
            // The contest store adds the links of contests tied to it.
            delegates: crate::links::delegates(&rows)?,
        }))
    }

    async fn find_by_join_code(&self, code: JoinCode) -> Result<Option<Presentation>, StoreError> {
        let row = self.read(BY_JOIN_CODE, &[&code.as_str()]).await?.pop();
        let Some(row) = row else { return Ok(None) };
        let id = PresentationId::from_uuid(row.try_get(0).map_err(store_error)?);
        self.get(id).await
    }

    async fn move_slide(
        &self,
        id: PresentationId,
        slide_move: SlideMove,
    ) -> Result<Presentation, SlideChangeError> {
        let mut client = self.client().await?;
        // A vote commits before the move (on the old poll) or sees the move.
        let tx = begin_fenced(&mut client, id).await?;
        let row = tx
            .query_opt(
                "SELECT poll_count, current_poll_index, state_version \
                 FROM presentations WHERE id = $1 FOR UPDATE",
                &[id.as_uuid()],
            )
            .await
            .map_err(store_error)?
            .ok_or(SlideChangeError::NotFound)?;
        let state = load::slide_state(&row).map_err(StoreError)?;
        let target = i32::try_from(slide_move.apply(state)?).map_err(store_error)?;
        tx.execute(
            "UPDATE presentations SET current_poll_index = $2, state_version = state_version + 1 \
             WHERE id = $1",
            &[id.as_uuid(), &target],
        )
        .await
        .map_err(store_error)?;
        tx.execute(SHOW, &[id.as_uuid(), &target])
            .await
            .map_err(store_error)?;
        commit_returning(tx, id)
            .await?
            .ok_or(SlideChangeError::NotFound)
    }

    async fn set_voting(
        &self,
        id: PresentationId,
        open: bool,
    ) -> Result<Presentation, VotingChangeError> {
        self.set_current_poll_flag(id, SET_VOTING_OPEN, open).await
    }

    async fn set_results_visible(
        &self,
        id: PresentationId,
        visible: bool,
    ) -> Result<Presentation, VotingChangeError> {
        self.set_current_poll_flag(id, SET_RESULTS_VISIBLE, visible)
            .await
    }

    async fn set_name(
        &self,
        id: PresentationId,
        participant: ParticipantId,
        name: &DisplayName,
    ) -> Result<(), NameChangeError> {
        let client = self.client().await?;
        let set = client
            .execute(
                "INSERT INTO participants (presentation_id, participant_id, name) \
                 SELECT id, $2, $3 FROM presentations WHERE id = $1 \
                 ON CONFLICT (presentation_id, participant_id) DO UPDATE SET name = excluded.name",
                &[id.as_uuid(), participant.as_uuid(), &name.as_str()],
            )
            .await
            .map_err(store_error)?;
        if set == 0 {
            return Err(NameChangeError::NotFound);
        }
        Ok(())
    }

    async fn names(
        &self,
        id: PresentationId,
    ) -> Result<Vec<(ParticipantId, DisplayName)>, StoreError> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT participant_id, name FROM participants WHERE presentation_id = $1",
                &[id.as_uuid()],
            )
            .await
            .map_err(store_error)?;
        rows.iter()
            .map(|row| {
                Ok((
                    ParticipantId::from_uuid(row.try_get(0)?),
                    DisplayName::parse(row.try_get(1)?).context("stored name")?,
                ))
            })
            .collect::<anyhow::Result<_>>()
            .map_err(StoreError)
    }

    async fn reset_poll(
        &self,
        id: PresentationId,
        poll: PollId,
    ) -> Result<Presentation, ResetPollError> {
        let mut client = self.client().await?;
        // Fenced: a vote in flight counts in the old round, a later one in
        // the new.
        let tx = begin_fenced(&mut client, id).await?;
        let current = bump_version(&tx, id)
            .await?
            .ok_or(ResetPollError::NotFound)?;
        let position: i32 = tx
            .query_opt(RESET, &[id.as_uuid(), poll.as_uuid()])
            .await
            .map_err(store_error)?
            .ok_or(ResetPollError::PollNotFound)?
            .try_get(0)
            .map_err(store_error)?;
        if position == current {
            tx.execute(SHOW, &[id.as_uuid(), &position])
                .await
                .map_err(store_error)?;
        }
        commit_returning(tx, id)
            .await?
            .ok_or(ResetPollError::NotFound)
    }

    async fn set_timer(
        &self,
        id: PresentationId,
        seconds: u64,
    ) -> Result<Presentation, VotingChangeError> {
        // Seconds as make_interval takes them; exact for any timer length.
        #[allow(clippy::cast_precision_loss)]
        let seconds = seconds as f64;
        self.set_current_poll_flag(id, SET_TIMER, seconds).await
    }

    async fn settings(
        &self,
        id: PresentationId,
    ) -> Result<Option<PresentationSettings>, StoreError> {
        settings::read(&self.client().await?, id).await
    }

    async fn change_settings(
        &self,
        id: PresentationId,
        patch: SettingsPatch,
    ) -> Result<(PresentationSettings, Presentation), SettingsChangeError> {
        let mut client = self.client().await?;
        settings::change(&mut client, id, settings::Change::Choices(patch)).await
    }

    async fn set_logo(
        &self,
        id: PresentationId,
        logo: Option<Logo>,
    ) -> Result<(PresentationSettings, Presentation), SettingsChangeError> {
        let mut client = self.client().await?;
        settings::change(&mut client, id, settings::Change::Logo(logo)).await
    }

    async fn logo(&self, id: PresentationId) -> Result<Option<StoredLogo>, StoreError> {
        settings::logo(&self.client().await?, id).await
    }

    async fn revise_deck(
        &self,
        id: PresentationId,
        expected: DeckRev,
        revised: &RevisedDeck,
    ) -> Result<Presentation, ReviseDeckError> {
        let mut client = self.client().await?;
        deck::revise(&mut client, id, expected, revised).await
    }

    async fn store_image(
        &self,
        id: PresentationId,
        picture: &Picture,
    ) -> Result<ImageId, SettingsChangeError> {
        let mut client = self.client().await?;
        images::store(&mut client, id, picture).await
    }

    async fn missing_images(&self, ids: &[ImageId]) -> Result<Vec<ImageId>, StoreError> {
        let client = self.client().await?;
        images::missing(&client, ids).await
    }

    async fn sweep_images(
        &self,
        uploaded_before: std::time::SystemTime,
    ) -> Result<u64, StoreError> {
        let client = self.client().await?;
        images::sweep(&client, uploaded_before).await
    }

    async fn image(&self, image: &ImageId) -> Result<Option<StoredImage>, StoreError> {
        let client = self.client().await?;
        images::get(&client, image).await
    }

    async fn deck_edits(&self, id: PresentationId) -> Result<Vec<(DeckRev, DeckEdit)>, StoreError> {
        let client = self.client().await?;
        deck::edits(&client, id).await
    }

    async fn delete(&self, id: PresentationId) -> Result<bool, StoreError> {
        let mut client = self.client().await?;
        // Fenced like a slide change: a vote in flight commits first (and
        // goes with the cascade), a later one finds no presentation (404),
        // instead of failing on a foreign key half-way.
        let tx = begin_fenced(&mut client, id).await?;
        let deleted = tx
            .execute("DELETE FROM presentations WHERE id = $1", &[id.as_uuid()])
            .await
            .map_err(store_error)?;
        tx.commit().await.map_err(store_error)?;
        Ok(deleted > 0)
    }

    async fn list_for_presenter(
        &self,
        presenter: PresenterId,
        before: Option<PresentationId>,
        limit: usize,
    ) -> Result<Vec<PresentationSummary>, StoreError> {
        let limit = i64::try_from(limit).map_err(store_error)?;
        let before: Option<Uuid> = before.map(|b| *b.as_uuid());
        let rows = self
            .read(PRESENTER_PAGE, &[presenter.as_uuid(), &before, &limit])
            .await?;
        rows.iter()
            .map(|row| {
                Ok(PresentationSummary {
                    id: PresentationId::from_uuid(row.try_get("id")?),
                    join_code: load::join_code(row)?,
                    slide: load::slide_state(row)?,
                    created_at: row.try_get("created_at")?,
                })
            })
            .collect::<anyhow::Result<_>>()
            .map_err(StoreError)
    }
}
