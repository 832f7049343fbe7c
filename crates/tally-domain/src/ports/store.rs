use crate::deck::image::{ImageId, StoredImage};
use crate::deck::{DeckEdit, DeckRev, RevisedDeck};
use crate::ids::{PollId, PresentationId, PresenterId};
use crate::picture::Picture;
use crate::poll::PresenterNotes;
use crate::presentation::{
    Presentation, PresentationDraft, PresentationSummary, SlideError, SlideMove,
};
use crate::presenter::{JoinCode, PresenterAccess, TokenHash};
use crate::settings::{Logo, PresentationSettings, SettingsPatch, StoredLogo};
use std::future::Future;
use thiserror::Error;

/// A presentation's polls, in slide order, and the one on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PollsOnScreen {
    pub polls: Vec<PollId>,
    pub current: Option<PollId>,
}

/// The store failed for a reason the caller cannot fix (connection lost,
/// timeout, a bug). Mapped to an opaque 5xx or 503 at the edge.
#[derive(Debug, Error)]
pub enum NameChangeError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug, Error)]
pub enum ResetPollError {
    #[error("no such presentation")]
    NotFound,
    #[error("the presentation has no such poll")]
    PollNotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug, Error)]
#[error("presentation store unavailable: {0:#}")]
pub struct StoreError(#[from] pub anyhow::Error);

/// A presentation ready to be stored.
#[derive(Clone, Debug)]
pub struct NewPresentation {
    pub id: PresentationId,
    pub presenter_id: PresenterId,
    /// Set when the presenter is new: the presenter is then stored in the
    /// same transaction, so a failed creation leaves no orphan presenter.
    pub new_presenter_token: Option<TokenHash>,
    pub join_code: JoinCode,
    pub created_open: bool,
    pub draft: PresentationDraft,
}

#[derive(Debug, Error)]
pub enum InsertPresentationError {
    /// Another presentation holds this join code. The caller retries with a
    /// new code.
    #[error("join code {0:?} is taken")]
    JoinCodeTaken(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug, Error)]
pub enum SlideChangeError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Slide(#[from] SlideError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a settings or logo change was not stored.
#[derive(Debug, Error)]
pub enum SettingsChangeError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a deck revision was not stored (nothing was, in each case).
#[derive(Debug, Error)]
pub enum ReviseDeckError {
    #[error("no such presentation")]
    NotFound,
    /// Someone else's revision was stored since the one the editor read.
    #[error("the deck is at revision {current}, not the one edited")]
    Stale { current: DeckRev },
    /// A poll the revision removes came on screen meanwhile.
    #[error("poll {0} is on screen")]
    PollOnScreen(PollId),
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug, Error)]
pub enum VotingChangeError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Presentations, their polls, and who may drive them.
pub trait PresentationStore: Clone + Send + Sync + 'static {
    /// The presenter whose token hashes to `token_hash`, if any.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn find_presenter(
        &self,
        token_hash: TokenHash,
    ) -> impl Future<Output = Result<Option<PresenterId>, StoreError>> + Send;

    /// Stores a presentation with its polls and options (and its presenter,
    /// when new), atomically. The
    /// first poll is on screen, voting open; the slide version starts at 1.
    ///
    /// # Errors
    /// MUST return [`InsertPresentationError::JoinCodeTaken`] when another
    /// presentation has the join code, and store nothing in that case.
    fn create_presentation(
        &self,
        new: NewPresentation,
    ) -> impl Future<Output = Result<Presentation, InsertPresentationError>> + Send;

    /// The presentation with its polls in slide order.
    ///
    /// # Errors
    /// MUST return `Ok(None)` for an unknown id, [`StoreError`] only when the
    /// store fails.
    fn get(
        &self,
        id: PresentationId,
    ) -> impl Future<Output = Result<Option<Presentation>, StoreError>> + Send;

    /// The presenter's notes of the presentation's polls that have notes,
    /// in slide order. Kept out of [`Self::get`]'s polls, so that no read
    /// made for the audience can carry them.
    ///
    /// # Errors
    /// MUST return `Ok` with no notes for an unknown id, [`StoreError`]
    /// only when the store fails.
    fn notes(
        &self,
        id: PresentationId,
    ) -> impl Future<Output = Result<Vec<(PollId, PresenterNotes)>, StoreError>> + Send;

    /// Who may drive the presentation: its presenter, and as delegates
    /// the presentation's own links ([`super::PresentationLinks`]),
    /// revoked ones included and marked so. Contest links are not the
    /// store's to know.
    ///
    /// # Errors
    /// MUST return `Ok(None)` for an unknown id.
    fn access(
        &self,
        id: PresentationId,
    ) -> impl Future<Output = Result<Option<PresenterAccess>, StoreError>> + Send;

    /// The presentation whose join code this is.
    ///
    /// # Errors
    /// MUST return `Ok(None)` for an unknown code.
    fn find_by_join_code(
        &self,
        code: JoinCode,
    ) -> impl Future<Output = Result<Option<Presentation>, StoreError>> + Send;

    /// The presentation's poll ids in slide order and the one on screen,
    /// `None` for an unknown presentation: what "is this poll the current
    /// one?" needs, without loading every question and option (the
    /// presenter's vote listing asks it on every request).
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn polls_on_screen(
        &self,
        id: PresentationId,
    ) -> impl Future<Output = Result<Option<PollsOnScreen>, StoreError>> + Send;

    /// The slide version of each of `ids` that exists, in no particular
    /// order; unknown ids are left out. Cheap enough to poll often: copies
    /// of the state (the Redis mirror) compare with it to find that they
    /// are stale.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn state_versions(
        &self,
        ids: &[PresentationId],
    ) -> impl Future<Output = Result<Vec<(PresentationId, u64)>, StoreError>> + Send;

    /// Applies `slide_move` atomically against the current slide, bumps the
    /// slide version, and returns the presentation as it now is. Concurrent
    /// moves serialise: two `Next` calls move two slides. A vote that is
    /// accepted concurrently is counted on the poll that was current before
    /// the move, or refused.
    ///
    /// # Errors
    /// MUST return [`SlideChangeError::NotFound`] for an unknown presentation
    /// and [`SlideChangeError::Slide`] (changing nothing) when the move leaves
    /// the deck.
    fn move_slide(
        &self,
        id: PresentationId,
        slide_move: SlideMove,
    ) -> impl Future<Output = Result<Presentation, SlideChangeError>> + Send;

    /// Opens or closes voting on the poll on screen, bumping the slide
    /// version, and returns the presentation as it now is. Setting the state
    /// it already has is not an error.
    ///
    /// # Errors
    /// MUST return [`VotingChangeError::NotFound`] for an unknown presentation.
    fn set_voting(
        &self,
        id: PresentationId,
        open: bool,
    ) -> impl Future<Output = Result<Presentation, VotingChangeError>> + Send;

    /// Starts, extends or stops the timer of the poll on screen
    /// ([`crate::Poll::set_timer`], by the store's clock), bumping the slide
    /// version, and returns the presentation as it now is.
    ///
    /// # Errors
    /// MUST return [`VotingChangeError::NotFound`] for an unknown presentation.
    fn set_timer(
        &self,
        id: PresentationId,
        seconds: u64,
    ) -> impl Future<Output = Result<Presentation, VotingChangeError>> + Send;

    /// Starts a new round of the presentation's poll `poll`
    /// ([`crate::Poll::reset`], by the store's clock), bumping the slide
    /// version, and returns the presentation as it now is. The earlier
    /// rounds' votes stay, under their round.
    ///
    /// # Errors
    /// MUST return [`ResetPollError::NotFound`] for an unknown presentation
    /// and [`ResetPollError::PollNotFound`] for a poll not in it.
    fn reset_poll(
        &self,
        id: PresentationId,
        poll: PollId,
    ) -> impl Future<Output = Result<Presentation, ResetPollError>> + Send;

    /// Sets the name `participant` shows as on the presentation's
    /// leaderboard (replacing an earlier one).
    ///
    /// # Errors
    /// MUST return [`NameChangeError::NotFound`] for an unknown presentation.
    fn set_name(
        &self,
        id: PresentationId,
        participant: crate::ParticipantId,
        name: &crate::kinds::DisplayName,
    ) -> impl Future<Output = Result<(), NameChangeError>> + Send;

    /// The names participants chose on the presentation.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn names(
        &self,
        id: PresentationId,
    ) -> impl Future<
        Output = Result<Vec<(crate::ParticipantId, crate::kinds::DisplayName)>, StoreError>,
    > + Send;

    /// Closes voting on the presentation's poll `poll` once its timer has
    /// run out, bumping the slide version, and returns the presentation as
    /// it now is: only while the poll's deadline is still `deadline`, that
    /// deadline has passed by the store's clock, and voting is open.
    /// Otherwise it changes nothing and returns `Ok(None)`: the timer was
    /// extended or stopped, or voting is closed already (so that several
    /// processes may each try at the deadline and one closes).
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails; an unknown
    /// presentation or poll is `Ok(None)`.
    fn close_expired(
        &self,
        id: PresentationId,
        poll: PollId,
        deadline: std::time::SystemTime,
    ) -> impl Future<Output = Result<Option<Presentation>, StoreError>> + Send;

    /// Shows or hides the results of the poll on screen to the audience,
    /// bumping the slide version, and returns the presentation as it now is.
    /// Setting the state it already has is not an error.
    ///
    /// # Errors
    /// MUST return [`VotingChangeError::NotFound`] for an unknown presentation.
    fn set_results_visible(
        &self,
        id: PresentationId,
        visible: bool,
    ) -> impl Future<Output = Result<Presentation, VotingChangeError>> + Send;

    /// The presentation's settings; the defaults (revision 0) for one
    /// whose settings were never changed, `None` for an unknown
    /// presentation.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn settings(
        &self,
        id: PresentationId,
    ) -> impl Future<Output = Result<Option<PresentationSettings>, StoreError>> + Send;

    /// Applies `patch` to the stored settings atomically (concurrent
    /// patches both apply, in some order), bumps the settings revision and
    /// the state version, and returns the settings and the presentation as
    /// they now are.
    ///
    /// # Errors
    /// MUST return [`SettingsChangeError::NotFound`] for an unknown
    /// presentation, storing nothing.
    fn change_settings(
        &self,
        id: PresentationId,
        patch: SettingsPatch,
    ) -> impl Future<Output = Result<(PresentationSettings, Presentation), SettingsChangeError>> + Send;

    /// Stores (`Some`) or removes (`None`) the presentation's logo, bumping
    /// the settings revision and the state version, and returns the
    /// settings and the presentation as they now are. Removing a logo that
    /// is not there is not an error.
    ///
    /// # Errors
    /// MUST return [`SettingsChangeError::NotFound`] for an unknown
    /// presentation, storing nothing.
    fn set_logo(
        &self,
        id: PresentationId,
        logo: Option<Logo>,
    ) -> impl Future<Output = Result<(PresentationSettings, Presentation), SettingsChangeError>> + Send;

    /// The presentation's logo; `None` when it has none or does not exist.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn logo(
        &self,
        id: PresentationId,
    ) -> impl Future<Output = Result<Option<StoredLogo>, StoreError>> + Send;

    /// Stores `revised` ([`crate::deck::revise`]) atomically, only while
    /// the deck is still at revision `expected`:
    /// - kept polls take their new question, options (in the given order),
    ///   settings and notes, and keep their voting state (open, results
    ///   shown, timer); a poll marked `new_round` starts its next round
    ///   (its votes so far stay, under their round);
    /// - added polls are stored as a new presentation's are (open, results
    ///   hidden, round 1), removed ones are deleted with their votes and
    ///   audience text;
    /// - the polls take the revision's order, and the poll on screen stays
    ///   on screen (the slide index follows it);
    /// - each of `revised.edits` is recorded;
    /// - the deck revision and the state version go up by one.
    ///
    /// Returns the presentation as it now is.
    ///
    /// # Errors
    /// MUST return, storing nothing: [`ReviseDeckError::NotFound`] for an
    /// unknown presentation; [`ReviseDeckError::Stale`] with the current
    /// revision when it is not `expected`; [`ReviseDeckError::PollOnScreen`]
    /// when a poll in `revised.removed` is on screen.
    fn revise_deck(
        &self,
        id: PresentationId,
        expected: DeckRev,
        revised: &RevisedDeck,
    ) -> impl Future<Output = Result<Presentation, ReviseDeckError>> + Send;

    /// Stores `picture` for the presentation and returns its id: content-
    /// addressed, so a picture stored before (by any presentation) is
    /// linked to this one, not stored again.
    ///
    /// # Errors
    /// MUST return [`SettingsChangeError::NotFound`] for an unknown
    /// presentation, storing nothing.
    fn store_image(
        &self,
        id: PresentationId,
        picture: &Picture,
    ) -> impl Future<Output = Result<ImageId, SettingsChangeError>> + Send;

    /// Which of `ids` no image was stored under (a deck may only name
    /// stored images).
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn missing_images(
        &self,
        ids: &[ImageId],
    ) -> impl Future<Output = Result<Vec<ImageId>, StoreError>> + Send;

    /// Removes the images that no poll names and that no presentation
    /// uploaded (or uploaded again) at or after `uploaded_before`, with
    /// their links; returns how many. The grace before `uploaded_before`
    /// keeps a picture uploaded in an editor whose deck is not saved yet.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails, removing
    /// nothing.
    fn sweep_images(
        &self,
        uploaded_before: std::time::SystemTime,
    ) -> impl Future<Output = Result<u64, StoreError>> + Send;

    /// A stored image; `None` for an id nothing was stored under.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn image(
        &self,
        image: &ImageId,
    ) -> impl Future<Output = Result<Option<StoredImage>, StoreError>> + Send;

    /// Every edit [`Self::revise_deck`] recorded, oldest first, with the
    /// revision that made it; none for an unknown presentation.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn deck_edits(
        &self,
        id: PresentationId,
    ) -> impl Future<Output = Result<Vec<(DeckRev, DeckEdit)>, StoreError>> + Send;

    /// Deletes the presentation with its polls and votes. Returns whether it
    /// existed.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn delete(&self, id: PresentationId) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// A page of the presenter's presentations, newest first, strictly older
    /// than `before` when given (keyset pagination: the cost of a page does
    /// not grow with how deep it is).
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn list_for_presenter(
        &self,
        presenter: PresenterId,
        before: Option<PresentationId>,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<PresentationSummary>, StoreError>> + Send;
}
