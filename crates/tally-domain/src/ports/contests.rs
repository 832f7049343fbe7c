use super::StoreError;
use crate::contest::model::{
    AuditEntry, Caller, Contest, Feedback, Link, Role, RoundSheets, RoundState, StoredSheet,
};
use crate::contest::publication::Publication;
use crate::contest::revision::Revised;
use crate::contest::Mark;
use crate::ids::{ContestId, ContestantId, CriterionId, LinkId, PresentationId, RoundId};
use crate::presenter::TokenHash;
use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use thiserror::Error;

/// Why the contest store refused a change. Nothing is stored in any of
/// these cases.
#[derive(Debug, Error)]
pub enum ContestStoreError {
    #[error("no such round")]
    RoundNotFound,
    #[error("no such link")]
    LinkNotFound,
    #[error("no such contestant")]
    ContestantNotFound,
    /// The round is not in a state the change allows; its state now.
    #[error("the round is {0}")]
    RoundState(RoundState),
    #[error("the sheet is submitted; only the organiser can reopen it")]
    SheetSubmitted,
    #[error("the sheet is not submitted")]
    SheetNotSubmitted,
    /// A submission found this many marks missing.
    #[error("the sheet lacks {0} marks")]
    Incomplete(usize),
    /// The round changed after the marks a publication was computed from
    /// were read.
    #[error("the round changed while it was being published")]
    Changed,
    /// A revision's edit needs this round unmarked and unpublished, and it
    /// is not.
    #[error("the round has saved marks or is published")]
    RoundLocked(RoundId),
    /// The people's-choice poll is not a single-choice poll.
    #[error("no such single-choice poll")]
    AudiencePoll,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A new contest, validated; the store assigns nothing.
#[derive(Clone, Debug)]
pub struct NewContest {
    pub contest: Contest,
    pub owner: TokenHash,
}

/// A change to one mark: a value, or `None` to clear it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkChange {
    pub contestant: ContestantId,
    pub criterion: CriterionId,
    pub mark: Option<Mark>,
}

/// What a judge saves at once.
#[derive(Clone, Debug, Default)]
pub struct SheetChanges {
    pub marks: Vec<MarkChange>,
    /// A comment per contestant; empty text clears it.
    pub comments: Vec<(ContestantId, String)>,
    /// Submit after saving, requiring exactly this many marks on the sheet
    /// (the contestants the judge may score × the criteria).
    pub submit: Option<usize>,
    /// The round's lineup as the caller read it, which the marks and the
    /// count above were checked against.
    pub lineup: BTreeSet<ContestantId>,
}

/// Contests, their rounds, links, sheets and the append-only audit log.
///
/// Every change records who made it in the audit log, in the same
/// transaction: the log holds every change that was stored and nothing
/// that was not. Changes to a round serialise on the round: a sheet saved
/// while the round closes is either stored before the close or refused.
///
/// The port is five traits, one per concern; [`ContestStore`] is all of
/// them, and anything implementing the five is one.
pub trait ContestStore:
    ContestDefinitions + ContestPeople + ContestSheets + ContestRounds + ContestRecords
{
}

impl<T> ContestStore for T where
    T: ContestDefinitions + ContestPeople + ContestSheets + ContestRounds + ContestRecords
{
}

/// A contest's definition: its criteria, contestants, rounds and method.
pub trait ContestDefinitions: Clone + Send + Sync + 'static {
    /// Stores the contest with its criteria, contestants and rounds (all in
    /// draft).
    ///
    /// # Errors
    /// MUST return [`ContestStoreError::AudiencePoll`] when the contest's
    /// people's-choice poll is not a single-choice poll.
    fn create(&self, new: NewContest)
        -> impl Future<Output = Result<(), ContestStoreError>> + Send;

    /// # Errors
    /// MUST return `Ok(None)` for an unknown id.
    fn get(
        &self,
        id: ContestId,
    ) -> impl Future<Output = Result<Option<Contest>, StoreError>> + Send;

    /// Replaces the contest's definition with `revised.contest` and records
    /// each of `revised.edits` in the audit log (as `edit_<what>`), all in
    /// one transaction that serialises with every change to the contest's
    /// rounds. Criteria, contestants and rounds keep their ids; a removed
    /// contestant leaves every lineup and conflict; a new round starts as
    /// a draft with its lineup. Round states and digests are not changed
    /// through it. Nothing is stored when nothing changed.
    ///
    /// # Errors
    /// MUST return [`ContestStoreError::RoundLocked`] with the round when a
    /// round in [`Revised::guards`] has a saved mark (a draft sheet's
    /// included) or is published at the time of writing, storing nothing.
    fn revise(
        &self,
        id: ContestId,
        revised: &Revised,
        actor: &str,
    ) -> impl Future<Output = Result<(), ContestStoreError>> + Send;
}

/// Who takes part: the owner, invite links, conflicts of interest, the tied
/// presentation and contestants' feedback links.
pub trait ContestPeople: Clone + Send + Sync + 'static {
    /// Who `token` names in the contest: its owner, or one of its links
    /// (revoked ones included, marked so). `Ok(None)` when it names nobody
    /// there (an unknown secret, or another contest's).
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn caller(
        &self,
        id: ContestId,
        token: TokenHash,
    ) -> impl Future<Output = Result<Option<Caller>, StoreError>> + Send;

    /// Adds an invite link.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn add_link(
        &self,
        id: ContestId,
        link: LinkId,
        role: Role,
        name: &str,
        token: TokenHash,
        actor: &str,
    ) -> impl Future<Output = Result<(), ContestStoreError>> + Send;

    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn links(&self, id: ContestId) -> impl Future<Output = Result<Vec<Link>, StoreError>> + Send;

    /// Revokes a link for good. Idempotent.
    ///
    /// # Errors
    /// MUST return [`ContestStoreError::LinkNotFound`] when the link is not
    /// the contest's.
    fn revoke_link(
        &self,
        id: ContestId,
        link: LinkId,
        actor: &str,
    ) -> impl Future<Output = Result<(), ContestStoreError>> + Send;

    /// Ties the contest to a presentation, or unties it (`None`), audited.
    /// The caller has checked that the owner holds the presentation's
    /// presenter token.
    ///
    /// Idempotent: setting what is already set records nothing.
    ///
    /// # Errors
    /// MUST return only [`ContestStoreError::Store`], when the store fails.
    /// A presentation deleted meanwhile leaves the contest untied.
    fn set_presentation(
        &self,
        id: ContestId,
        presentation: Option<PresentationId>,
        actor: &str,
    ) -> impl Future<Output = Result<(), ContestStoreError>> + Send;

    /// Replaces the contestants `judge` is excluded from.
    ///
    /// # Errors
    /// MUST return [`ContestStoreError::LinkNotFound`] when `judge` is not
    /// one of the contest's judges, [`ContestStoreError::ContestantNotFound`]
    /// when a contestant is not the contest's.
    fn set_conflicts(
        &self,
        id: ContestId,
        judge: LinkId,
        contestants: &BTreeSet<ContestantId>,
        actor: &str,
    ) -> impl Future<Output = Result<(), ContestStoreError>> + Send;

    /// Every judge's excluded contestants.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn conflicts(
        &self,
        id: ContestId,
    ) -> impl Future<Output = Result<BTreeMap<LinkId, BTreeSet<ContestantId>>, StoreError>> + Send;

    /// Gives `contestant` a private feedback link (replacing an earlier
    /// one, which stops working), audited.
    ///
    /// # Errors
    /// MUST return [`ContestStoreError::ContestantNotFound`] when the
    /// contestant is not the contest's.
    fn release_feedback(
        &self,
        id: ContestId,
        contestant: ContestantId,
        token: TokenHash,
        actor: &str,
    ) -> impl Future<Output = Result<(), ContestStoreError>> + Send;

    /// The contestant whose feedback link `token` is, with the judges'
    /// comments on them from submitted sheets, as (round name, text) in
    /// round order. `Ok(None)` when the link names nobody in the contest.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn feedback(
        &self,
        id: ContestId,
        token: TokenHash,
    ) -> impl Future<Output = Result<Option<Feedback>, StoreError>> + Send;

    /// The co-host and moderator links of every contest tied to
    /// `presentation` (revoked ones included, so that they are refused as
    /// revoked rather than as strangers): who besides its presenter acts
    /// on it.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails; a
    /// presentation no contest is tied to has none.
    fn delegates(
        &self,
        presentation: PresentationId,
    ) -> impl Future<Output = Result<Vec<crate::presenter::Delegate>, StoreError>> + Send;
}

/// Judges' sheets: marks and comments saved, submitted and reopened.
pub trait ContestSheets: Clone + Send + Sync + 'static {
    /// Saves `changes` on `judge`'s sheet in the round, auditing each mark
    /// and comment that changed, and submits it when asked.
    ///
    /// # Errors
    /// MUST return [`ContestStoreError::RoundState`] unless the round is
    /// open, [`ContestStoreError::Changed`] when the round's lineup is not
    /// `changes.lineup`, [`ContestStoreError::SheetSubmitted`] when the
    /// sheet is submitted, [`ContestStoreError::Incomplete`] when a
    /// submission finds marks missing (storing none of the changes in every
    /// case).
    fn save_sheet(
        &self,
        id: ContestId,
        round: RoundId,
        judge: LinkId,
        changes: SheetChanges,
        actor: &str,
    ) -> impl Future<Output = Result<(), ContestStoreError>> + Send;

    /// Reopens a submitted sheet (the organiser's call), audited.
    ///
    /// # Errors
    /// MUST return [`ContestStoreError::SheetNotSubmitted`] when it is not
    /// submitted, [`ContestStoreError::RoundState`] when the round is
    /// published.
    fn reopen_sheet(
        &self,
        id: ContestId,
        round: RoundId,
        judge: LinkId,
        actor: &str,
    ) -> impl Future<Output = Result<(), ContestStoreError>> + Send;

    /// Every sheet of the round (drafts included), with the audit position
    /// read at.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn sheets(
        &self,
        id: ContestId,
        round: RoundId,
    ) -> impl Future<Output = Result<RoundSheets, StoreError>> + Send;

    /// One judge's sheet; an untouched sheet is an empty draft.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn sheet(
        &self,
        id: ContestId,
        round: RoundId,
        judge: LinkId,
    ) -> impl Future<Output = Result<StoredSheet, StoreError>> + Send;
}

/// A round's life: opened, closed, its lineup, published and frozen.
pub trait ContestRounds: Clone + Send + Sync + 'static {
    /// Moves the round to `to` if it is in one of `from`.
    ///
    /// # Errors
    /// MUST return [`ContestStoreError::RoundNotFound`], or
    /// [`ContestStoreError::RoundState`] with the current state when it is
    /// not in `from`.
    fn move_round(
        &self,
        id: ContestId,
        round: RoundId,
        from: &[RoundState],
        to: RoundState,
        actor: &str,
    ) -> impl Future<Output = Result<(), ContestStoreError>> + Send;

    /// Replaces the contestants the round scores, audited. Only a draft
    /// round's lineup changes: once it opens, sheets depend on it.
    ///
    /// # Errors
    /// MUST return [`ContestStoreError::RoundNotFound`],
    /// [`ContestStoreError::RoundState`] unless the round is a draft, and
    /// [`ContestStoreError::ContestantNotFound`] when a contestant is not
    /// the contest's.
    fn set_lineup(
        &self,
        id: ContestId,
        round: RoundId,
        lineup: &BTreeSet<ContestantId>,
        actor: &str,
    ) -> impl Future<Output = Result<(), ContestStoreError>> + Send;

    /// Freezes the closed round as published, with everything its results
    /// were computed from, if the round's version is still `seen`.
    ///
    /// # Errors
    /// MUST return [`ContestStoreError::RoundState`] unless the round is
    /// closed, [`ContestStoreError::Changed`] when it changed after `seen`.
    fn publish(
        &self,
        id: ContestId,
        publication: &Publication,
        seen: i64,
        actor: &str,
    ) -> impl Future<Output = Result<(), ContestStoreError>> + Send;

    /// The publication of the round, exactly as stored, if it is
    /// published.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn published(
        &self,
        id: ContestId,
        round: RoundId,
    ) -> impl Future<Output = Result<Option<Publication>, StoreError>> + Send;
}

/// What the store reads for others: the audit log, and where the
/// people's-choice poll is.
pub trait ContestRecords: Clone + Send + Sync + 'static {
    /// The audit log after `after`, oldest first, at most `limit` entries.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn audit(
        &self,
        id: ContestId,
        after: i64,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<AuditEntry>, StoreError>> + Send;

    /// The presentation that holds `poll`, if the poll exists: where the
    /// use cases read a people's-choice poll's votes and state (through
    /// the vote ledger and the presentation store, as every poll's).
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn presentation_of_poll(
        &self,
        poll: crate::ids::PollId,
    ) -> impl Future<Output = Result<Option<PresentationId>, StoreError>> + Send;
}
