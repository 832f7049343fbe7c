//! Judged contests (issue 12): what organisers, co-hosts and judges can do.
//!
//! Who may do what:
//!
//! | action | owner | co-host | moderator | judge | anyone |
//! |---|---|---|---|---|---|
//! | read the contest (criteria, contestants, rounds) | ✓ | ✓ | ✓ | ✓ | ✓ |
//! | make, list and revoke links; tie the contest to a presentation | ✓ | | | | |
//! | set conflicts, open/close rounds, reopen sheets, progress, results, audit, exports, publish | ✓ | ✓ | | | |
//! | read and save their own sheet | | | | ✓ | |
//! | read a published round's results | ✓ | ✓ | ✓ | ✓ | ✓ |
//!
//! On the presentation the contest is tied to, co-hosts run and moderators
//! moderate (see [`crate::Power`]).
//!
//! A revoked link is refused everywhere. Revoking a judge keeps what they
//! submitted; reopening their sheet takes it out of the results (drafts do
//! not count).

mod audience;
mod define;
mod links;
mod reads;
mod rounds;
mod sheets;

use crate::contest::draft::{name, ContestDraft, ContestDraftError, MAX_COMMENT, MAX_NAME};
use crate::contest::model::{
    AuditEntry, Caller, Contest, Contestant, Feedback, Link, Role, RoundState, SheetState,
    StoredMark, StoredSheet,
};
use crate::contest::publication::Publication;
use crate::contest::results::{results, RoundResults};
use crate::contest::{CriterionError, Mark};
use crate::ids::{ContestId, ContestantId, CriterionId, LinkId, RoundId};
use crate::ports::{
    ContestDefinitions as _, ContestPeople as _, ContestRecords as _, ContestRounds as _,
    ContestSheets as _, ContestStoreError, MarkChange, NewContest, Ports, SheetChanges, StoreError,
};
use crate::presenter::PresenterToken;
use crate::usecases::{OwnedPresentation, PresenterCheckError, Tally};
use std::collections::{BTreeMap, BTreeSet};
use thiserror::Error;

/// Why a caller may not do something in a contest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum ContestDenied {
    #[error("this needs a contest secret (Authorization: Bearer <secret>)")]
    MissingToken,
    #[error("this secret is not valid for this contest")]
    UnknownToken,
    #[error("this link was revoked")]
    Revoked,
    #[error("your role may not do this")]
    Role,
}

/// Who may call a use case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Allowed {
    Owner,
    Organiser,
    Judge,
}

impl Allowed {
    fn admits(self, caller: &Caller) -> bool {
        match (self, caller) {
            (_, Caller::Link { revoked: true, .. }) => false,
            (Self::Owner | Self::Organiser, Caller::Owner) => true,
            (Self::Organiser, Caller::Link { role, .. }) => *role == Role::Cohost,
            (Self::Judge, Caller::Link { role, .. }) => *role == Role::Judge,
            _ => false,
        }
    }
}

#[derive(Debug, Error)]
pub enum CreateContestError {
    #[error(transparent)]
    Invalid(#[from] ContestDraftError),
    #[error("the people's-choice poll is not a single-choice poll")]
    AudiencePoll,
    #[error("store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

#[derive(Debug, Error)]
pub enum ReviseContestError {
    #[error("no such contest")]
    NotFound,
    #[error(transparent)]
    Invalid(crate::contest::revision::RevisionError),
    #[error("the people's-choice poll is not a single-choice poll")]
    AudiencePoll,
    /// An edit would change what saved marks mean; the reason in words.
    #[error("{0}")]
    Locked(String),
    #[error(transparent)]
    Denied(ContestDenied),
    #[error("store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

#[derive(Debug, Error)]
pub enum ContestReadError {
    #[error("no such contest")]
    NotFound,
    #[error("the contest has no such round")]
    RoundNotFound,
    #[error(transparent)]
    Denied(ContestDenied),
    #[error("store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

#[derive(Debug, Error)]
pub enum LinkError {
    #[error("no such contest")]
    NotFound,
    #[error("the contest has no such link")]
    LinkNotFound,
    #[error("the contest has no such judge")]
    JudgeNotFound,
    #[error("the contest has no such contestant")]
    ContestantNotFound,
    #[error("`role` is `cohost`, `moderator` or `judge`")]
    InvalidRole,
    #[error("a name of 1 to {MAX_NAME} characters")]
    InvalidName,
    #[error(transparent)]
    Denied(ContestDenied),
    #[error("store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

#[derive(Debug, Error)]
pub enum RoundError {
    #[error("no such contest")]
    NotFound,
    #[error("the contest has no such round")]
    RoundNotFound,
    #[error("the contest has no such judge")]
    JudgeNotFound,
    #[error("the round is {0}")]
    State(RoundState),
    #[error("the sheet is not submitted")]
    SheetNotSubmitted,
    #[error("the round changed while it was being published; try again")]
    Changed,
    #[error("a lineup names 1 or more of the contest's contestants, each once")]
    InvalidLineup,
    #[error("the people's-choice poll is still open for voting; close it, then publish, so that every vote is counted")]
    AudienceOpen,
    #[error(transparent)]
    Denied(ContestDenied),
    #[error("store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

#[derive(Debug, Error)]
pub enum SheetError {
    #[error("no such contest")]
    NotFound,
    #[error("the contest has no such round")]
    RoundNotFound,
    #[error("the contest has no such contestant on your sheet")]
    ContestantNotFound,
    #[error("the contest has no such criterion")]
    CriterionNotFound,
    #[error("{criterion}: {error}")]
    InvalidMark {
        criterion: String,
        error: CriterionError,
    },
    #[error("a comment of at most {MAX_COMMENT} characters")]
    InvalidComment,
    #[error("scores are saved only while the round is open; it is {0}")]
    RoundState(RoundState),
    #[error("your sheet is submitted; only the organiser can reopen it")]
    Submitted,
    #[error("the sheet lacks {0} marks; score every contestant on every criterion to submit")]
    Incomplete(usize),
    #[error("the round changed while the sheet was being saved; try again")]
    Changed,
    #[error(transparent)]
    Denied(ContestDenied),
    #[error("store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

/// Why a contest could not be tied to (or untied from) a presentation.
#[derive(Debug, Error)]
pub enum TiePresentationError {
    #[error("no such contest")]
    NotFound,
    #[error(transparent)]
    Denied(ContestDenied),
    /// The presenter token did not prove the presentation.
    #[error(transparent)]
    Presentation(PresenterCheckError),
    #[error("store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

/// Gives a use-case error enum its conversions from the checks every
/// contest use case starts with.
macro_rules! from_checks {
    ($($name:ident),*) => {$(
        impl From<Check> for $name {
            fn from(check: Check) -> Self {
                match check {
                    Check::NotFound => Self::NotFound,
                    Check::Denied(d) => Self::Denied(d),
                    Check::Unavailable(e) => Self::Unavailable(e.0),
                }
            }
        }
        impl From<StoreError> for $name {
            fn from(e: StoreError) -> Self {
                Self::Unavailable(e.0)
            }
        }
    )*};
}

/// The outcome of looking up a contest and its caller.
#[derive(Debug)]
pub enum Check {
    NotFound,
    Denied(ContestDenied),
    Unavailable(StoreError),
}

impl From<StoreError> for Check {
    fn from(e: StoreError) -> Self {
        Self::Unavailable(e)
    }
}

from_checks!(
    ReviseContestError,
    ContestReadError,
    LinkError,
    RoundError,
    SheetError,
    TiePresentationError
);

/// A judge's view of their sheet.
#[derive(Clone, Debug)]
pub struct JudgeSheet {
    pub contest: Contest,
    pub judge: LinkId,
    pub round: RoundId,
    pub round_state: RoundState,
    /// The contestants this judge scores (conflicts left out).
    pub contestants: Vec<Contestant>,
    pub sheet: StoredSheet,
}

/// A mark or comment as a judge sends it.
#[derive(Clone, Debug)]
pub struct MarkDraft {
    pub contestant: ContestantId,
    pub criterion: CriterionId,
    /// A decimal, or `None` to clear.
    pub value: Option<String>,
}

/// One judge's progress in a round.
#[derive(Clone, Debug)]
pub struct JudgeProgress {
    pub judge: Link,
    pub state: SheetState,
    pub scored: usize,
    pub expected: usize,
    /// (contestant, criterion) pairs still without a mark.
    pub missing: Vec<(ContestantId, CriterionId)>,
}

/// The round's results, as the caller may see them.
#[derive(Clone, Debug)]
pub struct ResultsView {
    pub results: RoundResults,
    /// Set when the round is published: the results are the frozen ones.
    pub digest: Option<String>,
}

/// The contest use cases, over the contest store and the rest of the
/// application (a people's-choice poll is read as every poll is, a tied
/// presentation is proved with its presenter token). Made by
/// [`Tally::contests`].
pub struct Contests<P: Ports> {
    store: P::Contests,
    tally: Tally<P>,
}

impl<P: Ports> std::fmt::Debug for Contests<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Contests").finish_non_exhaustive()
    }
}

impl<P: Ports> Clone for Contests<P> {
    fn clone(&self) -> Self {
        Self {
            store: self.store.clone(),
            tally: self.tally.clone(),
        }
    }
}

impl<P: Ports> Contests<P> {
    pub(super) fn new(store: P::Contests, tally: Tally<P>) -> Self {
        Self { store, tally }
    }

    async fn caller(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
    ) -> Result<(Contest, Option<Caller>), Check> {
        let contest = self.store.get(id).await?.ok_or(Check::NotFound)?;
        let caller = match credential {
            Some(token) => Some(
                self.store
                    .caller(id, token.hash())
                    .await?
                    .ok_or(Check::Denied(ContestDenied::UnknownToken))?,
            ),
            None => None,
        };
        Ok((contest, caller))
    }

    async fn check(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        allowed: Allowed,
    ) -> Result<(Contest, Caller), Check> {
        let (contest, caller) = self.caller(id, credential).await?;
        let caller = caller.ok_or(Check::Denied(ContestDenied::MissingToken))?;
        if matches!(caller, Caller::Link { revoked: true, .. }) {
            return Err(Check::Denied(ContestDenied::Revoked));
        }
        if !allowed.admits(&caller) {
            return Err(Check::Denied(ContestDenied::Role));
        }
        Ok((contest, caller))
    }
}
