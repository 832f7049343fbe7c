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
    ContestStore, ContestStoreError, MarkChange, NewContest, SheetChanges, StoreError,
};
use crate::presenter::PresenterToken;
use crate::usecases::{OwnedPresentation, PresenterCheckError};
use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
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

/// The contest use cases over a store.
#[derive(Clone, Debug)]
pub struct Contests<S: ContestStore> {
    store: S,
}

impl<S: ContestStore> Contests<S> {
    pub fn new(store: S) -> Self {
        Self { store }
    }

    /// Creates a contest; its owner's secret is returned once.
    pub async fn create(
        &self,
        draft: &ContestDraft,
    ) -> Result<(Contest, PresenterToken), CreateContestError> {
        let contest = draft.validate()?;
        let token = PresenterToken::generate();
        self.store
            .create(NewContest {
                contest: contest.clone(),
                owner: token.hash(),
            })
            .await
            .map_err(|e| match e {
                ContestStoreError::AudiencePoll => CreateContestError::AudiencePoll,
                ContestStoreError::Store(e) => CreateContestError::Unavailable(e.0),
                other => CreateContestError::Unavailable(other.into()),
            })?;
        Ok((contest, token))
    }

    /// What is public of a contest.
    pub async fn contest(&self, id: ContestId) -> Result<Contest, ContestReadError> {
        self.store.get(id).await?.ok_or(ContestReadError::NotFound)
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

    /// Makes an invite link (owner only); its secret is returned once.
    pub async fn invite(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        role: &str,
        link_name: &str,
    ) -> Result<(Link, PresenterToken), LinkError> {
        let (_, caller) = self.check(id, credential, Allowed::Owner).await?;
        let role = Role::parse(role).ok_or(LinkError::InvalidRole)?;
        let link_name = name(link_name, MAX_NAME).ok_or(LinkError::InvalidName)?;
        let token = PresenterToken::generate();
        let link = Link {
            id: LinkId::generate(),
            role,
            name: link_name,
            revoked: false,
        };
        self.store
            .add_link(id, link.id, role, &link.name, token.hash(), &caller.actor())
            .await
            .map_err(link_error)?;
        Ok((link, token))
    }

    pub async fn links(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
    ) -> Result<Vec<Link>, LinkError> {
        self.check(id, credential, Allowed::Owner).await?;
        Ok(self.store.links(id).await?)
    }

    pub async fn revoke(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        link: LinkId,
    ) -> Result<(), LinkError> {
        let (_, caller) = self.check(id, credential, Allowed::Owner).await?;
        self.store
            .revoke_link(id, link, &caller.actor())
            .await
            .map_err(link_error)
    }

    /// Ties the contest to the event's presentation, so that its co-host
    /// links run it and its moderator links moderate there, or unties it
    /// (`None`). Owner only. Tying needs `proof` that the owner also holds
    /// the presentation's presenter token ([`crate::usecases::Tally::prove_presenter`]);
    /// it is awaited only once the owner is checked, so nobody else learns
    /// anything about the presentation.
    pub async fn set_presentation<F>(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        proof: Option<F>,
    ) -> Result<(), TiePresentationError>
    where
        F: Future<Output = Result<OwnedPresentation, PresenterCheckError>>,
    {
        let (_, caller) = self.check(id, credential, Allowed::Owner).await?;
        let presentation = match proof {
            Some(proof) => Some(proof.await.map_err(TiePresentationError::Presentation)?),
            None => None,
        };
        self.store
            .set_presentation(id, presentation.map(OwnedPresentation::id), &caller.actor())
            .await
            .map_err(|e| TiePresentationError::Unavailable(e.into()))
    }

    /// Replaces the contestants a judge is excluded from.
    pub async fn set_conflicts(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        judge: LinkId,
        contestants: &BTreeSet<ContestantId>,
    ) -> Result<(), LinkError> {
        let (_, caller) = self.check(id, credential, Allowed::Organiser).await?;
        self.store
            .set_conflicts(id, judge, contestants, &caller.actor())
            .await
            .map_err(|e| match e {
                ContestStoreError::LinkNotFound => LinkError::JudgeNotFound,
                other => link_error(other),
            })
    }

    pub async fn conflicts(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
    ) -> Result<BTreeMap<LinkId, BTreeSet<ContestantId>>, LinkError> {
        self.check(id, credential, Allowed::Organiser).await?;
        Ok(self.store.conflicts(id).await?)
    }

    /// Opens a round for scoring (from draft, or again after closing).
    pub async fn open_round(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        round: RoundId,
    ) -> Result<(), RoundError> {
        self.move_round(
            id,
            credential,
            round,
            &[RoundState::Draft, RoundState::Closed],
            RoundState::Open,
        )
        .await
    }

    /// Sets the contestants a draft round scores (a final takes only the
    /// finalists). Organisers only; fixed once the round opens.
    pub async fn set_lineup(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        round: RoundId,
        contestants: &[ContestantId],
    ) -> Result<(), RoundError> {
        let (contest, caller) = self.check(id, credential, Allowed::Organiser).await?;
        contest.round(round).ok_or(RoundError::RoundNotFound)?;
        let lineup: BTreeSet<ContestantId> = contestants.iter().copied().collect();
        if lineup.is_empty()
            || lineup.len() != contestants.len()
            || !lineup.iter().all(|c| contest.has_contestant(*c))
        {
            return Err(RoundError::InvalidLineup);
        }
        self.store
            .set_lineup(id, round, &lineup, &caller.actor())
            .await
            .map_err(|e| match e {
                ContestStoreError::ContestantNotFound => RoundError::InvalidLineup,
                other => round_error(other),
            })
    }

    /// Closes a round: no sheet changes until it is opened again.
    pub async fn close_round(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        round: RoundId,
    ) -> Result<(), RoundError> {
        self.move_round(
            id,
            credential,
            round,
            &[RoundState::Open],
            RoundState::Closed,
        )
        .await
    }

    async fn move_round(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        round: RoundId,
        from: &[RoundState],
        to: RoundState,
    ) -> Result<(), RoundError> {
        let (_, caller) = self.check(id, credential, Allowed::Organiser).await?;
        self.store
            .move_round(id, round, from, to, &caller.actor())
            .await
            .map_err(round_error)
    }

    /// Reopens a judge's submitted sheet; the reopening is audited.
    pub async fn reopen_sheet(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        round: RoundId,
        judge: LinkId,
    ) -> Result<(), RoundError> {
        let (contest, caller) = self.check(id, credential, Allowed::Organiser).await?;
        contest.round(round).ok_or(RoundError::RoundNotFound)?;
        self.store
            .reopen_sheet(id, round, judge, &caller.actor())
            .await
            .map_err(round_error)
    }

    /// Publishes a closed round: freezes its results with the digest of
    /// every submitted mark, which is returned.
    pub async fn publish(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        round: RoundId,
    ) -> Result<String, RoundError> {
        let (contest, caller) = self.check(id, credential, Allowed::Organiser).await?;
        let state = contest.round(round).ok_or(RoundError::RoundNotFound)?.state;
        if state != RoundState::Closed {
            return Err(RoundError::State(state));
        }
        // A frozen ranking must hold every audience vote: votes still
        // arriving (or acknowledged but not yet flushed from the spike
        // path) would be left out, so the audience poll closes first.
        if let Some(a) = &contest.audience {
            if self.store.audience_open(a.poll).await? {
                return Err(RoundError::AudienceOpen);
            }
        }
        let (sheets, conflicts, audience) = futures::future::join3(
            self.store.sheets(id, round),
            self.store.conflicts(id),
            self.audience_votes(&contest),
        )
        .await;
        let sheets = sheets?;
        let publication =
            Publication::freeze(&contest, round, &sheets.sheets, conflicts?, &audience?);
        self.store
            .publish(id, &publication, sheets.seen, &caller.actor())
            .await
            .map_err(round_error)?;
        Ok(publication.digest)
    }

    async fn audience_votes(&self, contest: &Contest) -> Result<BTreeMap<String, u64>, StoreError> {
        match &contest.audience {
            Some(a) => self.store.audience_votes(a.poll).await,
            None => Ok(BTreeMap::new()),
        }
    }

    /// A round's results. Organisers see them live at any time; once the
    /// round is published, anyone sees the frozen results with their digest.
    pub async fn results(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        round: RoundId,
    ) -> Result<ResultsView, ContestReadError> {
        let (contest, caller) = self.caller(id, credential).await?;
        let state = contest
            .round(round)
            .ok_or(ContestReadError::RoundNotFound)?
            .state;
        if let Some(Caller::Link { revoked: true, .. }) = caller {
            return Err(ContestReadError::Denied(ContestDenied::Revoked));
        }
        if state == RoundState::Published {
            let publication = self.publication(id, round).await?;
            return Ok(ResultsView {
                results: publication.results,
                digest: Some(publication.digest),
            });
        }
        match caller {
            None => return Err(ContestReadError::Denied(ContestDenied::MissingToken)),
            Some(c) if !Allowed::Organiser.admits(&c) => {
                return Err(ContestReadError::Denied(ContestDenied::Role))
            }
            Some(_) => {}
        }
        let (sheets, audience) =
            futures::future::join(self.store.sheets(id, round), self.audience_votes(&contest))
                .await;
        Ok(ResultsView {
            results: results(&contest, round, &sheets?.sheets, &audience?),
            digest: None,
        })
    }

    /// A round's results with every submitted mark behind them, for
    /// exports (organisers only). Both come from one read of the sheets,
    /// unless the round is published: then both are the publication's,
    /// the marks exactly those its digest covers.
    pub async fn export(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        round: RoundId,
    ) -> Result<(ResultsView, Vec<StoredMark>), ContestReadError> {
        let (contest, _) = self.check(id, credential, Allowed::Organiser).await?;
        let state = contest
            .round(round)
            .ok_or(ContestReadError::RoundNotFound)?
            .state;
        if state == RoundState::Published {
            let publication = self.publication(id, round).await?;
            let marks = publication.marks().to_vec();
            let view = ResultsView {
                results: publication.results,
                digest: Some(publication.digest),
            };
            return Ok((view, marks));
        }
        let (sheets, audience) =
            futures::future::join(self.store.sheets(id, round), self.audience_votes(&contest))
                .await;
        let sheets = sheets?.sheets;
        let view = ResultsView {
            results: results(&contest, round, &sheets, &audience?),
            digest: None,
        };
        Ok((view, submitted_marks(&sheets)))
    }

    async fn publication(
        &self,
        id: ContestId,
        round: RoundId,
    ) -> Result<Publication, ContestReadError> {
        self.store
            .published(id, round)
            .await?
            .ok_or(ContestReadError::RoundNotFound)
    }

    /// Every judge's progress in a round: submitted or not, and what is
    /// missing.
    pub async fn progress(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        round: RoundId,
    ) -> Result<Vec<JudgeProgress>, ContestReadError> {
        let (contest, _) = self.check(id, credential, Allowed::Organiser).await?;
        contest
            .round(round)
            .ok_or(ContestReadError::RoundNotFound)?;
        let (links, conflicts, sheets) = futures::future::join3(
            self.store.links(id),
            self.store.conflicts(id),
            self.store.sheets(id, round),
        )
        .await;
        let (conflicts, sheets) = (conflicts?, sheets?.sheets);
        let none = BTreeSet::new();
        Ok(links?
            .into_iter()
            .filter(|l| l.role == Role::Judge)
            .map(|judge| {
                let excluded = conflicts.get(&judge.id).unwrap_or(&none);
                let sheet = sheets.iter().find(|s| s.judge == judge.id);
                let scored: BTreeSet<(ContestantId, CriterionId)> = sheet
                    .map(|s| {
                        s.marks
                            .iter()
                            .map(|m| (m.contestant, m.criterion))
                            .collect()
                    })
                    .unwrap_or_default();
                let expected: Vec<(ContestantId, CriterionId)> = contest
                    .lineup(round)
                    .filter(|c| !excluded.contains(&c.id))
                    .flat_map(|c| contest.criteria.iter().map(move |(k, _)| (c.id, *k)))
                    .collect();
                let missing: Vec<_> = expected
                    .iter()
                    .filter(|pair| !scored.contains(pair))
                    .copied()
                    .collect();
                JudgeProgress {
                    state: sheet.map_or(SheetState::Draft, |s| s.state),
                    scored: expected.len() - missing.len(),
                    expected: expected.len(),
                    missing,
                    judge,
                }
            })
            .collect())
    }

    /// The audit log, oldest first, after `after` (at most `limit`).
    pub async fn audit(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        after: i64,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, ContestReadError> {
        self.check(id, credential, Allowed::Organiser).await?;
        Ok(self.store.audit(id, after, limit).await?)
    }

    /// Releases the judges' comments on a contestant to them through a
    /// private link (its secret returned once; an earlier link stops
    /// working).
    pub async fn release_feedback(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        contestant: ContestantId,
    ) -> Result<PresenterToken, LinkError> {
        let (_, caller) = self.check(id, credential, Allowed::Organiser).await?;
        let token = PresenterToken::generate();
        self.store
            .release_feedback(id, contestant, token.hash(), &caller.actor())
            .await
            .map_err(link_error)?;
        Ok(token)
    }

    /// What a contestant's feedback link shows: the judges' comments on
    /// them from submitted sheets, without the judges' names.
    pub async fn feedback(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
    ) -> Result<Feedback, ContestReadError> {
        let token = credential.ok_or(ContestReadError::Denied(ContestDenied::MissingToken))?;
        self.store
            .feedback(id, token.hash())
            .await?
            .ok_or(ContestReadError::Denied(ContestDenied::UnknownToken))
    }

    /// The calling judge's sheet in a round.
    pub async fn judge_sheet(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        round: RoundId,
    ) -> Result<JudgeSheet, SheetError> {
        let (contest, judge, excluded) = self.judge(id, credential).await?;
        contest.round(round).ok_or(SheetError::RoundNotFound)?;
        let sheet = self.store.sheet(id, round, judge).await?;
        Ok(sheet_of(contest, judge, round, &excluded, sheet))
    }

    async fn judge(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
    ) -> Result<(Contest, LinkId, BTreeSet<ContestantId>), SheetError> {
        let (contest, caller) = self.check(id, credential, Allowed::Judge).await?;
        let Caller::Link { id: judge, .. } = caller else {
            return Err(SheetError::Denied(ContestDenied::Role));
        };
        let excluded = self
            .store
            .conflicts(id)
            .await?
            .remove(&judge)
            .unwrap_or_default();
        Ok((contest, judge, excluded))
    }

    /// Saves the calling judge's marks and comments, and submits the sheet
    /// when `submit` (which needs every mark). Answers with the sheet as
    /// stored, read with the contest and conflicts already loaded.
    pub async fn save_sheet(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        round: RoundId,
        marks: &[MarkDraft],
        comments: &[(ContestantId, String)],
        submit: bool,
    ) -> Result<JudgeSheet, SheetError> {
        let (contest, judge, excluded) = self.judge(id, credential).await?;
        let state = contest.round(round).ok_or(SheetError::RoundNotFound)?.state;
        if state != RoundState::Open {
            return Err(SheetError::RoundState(state));
        }
        let lineup: BTreeSet<ContestantId> = contest.lineup(round).map(|c| c.id).collect();
        let scores = |c: ContestantId| lineup.contains(&c) && !excluded.contains(&c);
        let mut changes = SheetChanges {
            lineup: lineup.clone(),
            ..SheetChanges::default()
        };
        for m in marks {
            if !scores(m.contestant) {
                return Err(SheetError::ContestantNotFound);
            }
            let k = contest
                .criterion_index(m.criterion)
                .ok_or(SheetError::CriterionNotFound)?;
            let criterion = &contest.criteria[k].1;
            let invalid = |error| SheetError::InvalidMark {
                criterion: criterion.name().to_owned(),
                error,
            };
            let mark = match &m.value {
                None => None,
                Some(raw) => {
                    let mark = Mark::parse(raw.trim()).map_err(invalid)?;
                    criterion.range().check(&mark).map_err(invalid)?;
                    Some(mark)
                }
            };
            changes.marks.push(MarkChange {
                contestant: m.contestant,
                criterion: m.criterion,
                mark,
            });
        }
        for (contestant, text) in comments {
            if !scores(*contestant) {
                return Err(SheetError::ContestantNotFound);
            }
            if text.chars().count() > MAX_COMMENT {
                return Err(SheetError::InvalidComment);
            }
            changes.comments.push((*contestant, text.trim().to_owned()));
        }
        if submit {
            let scored = lineup.iter().filter(|c| !excluded.contains(c)).count();
            changes.submit = Some(scored * contest.criteria.len());
        }
        let actor = Caller::Link {
            id: judge,
            role: Role::Judge,
            revoked: false,
        }
        .actor();
        self.store
            .save_sheet(id, round, judge, changes, &actor)
            .await
            .map_err(|e| match e {
                ContestStoreError::RoundState(s) => SheetError::RoundState(s),
                ContestStoreError::SheetSubmitted => SheetError::Submitted,
                ContestStoreError::Incomplete(n) => SheetError::Incomplete(n),
                ContestStoreError::Changed => SheetError::Changed,
                ContestStoreError::RoundNotFound => SheetError::RoundNotFound,
                ContestStoreError::ContestantNotFound => SheetError::ContestantNotFound,
                ContestStoreError::Store(e) => SheetError::Unavailable(e.0),
                other => SheetError::Unavailable(other.into()),
            })?;
        let sheet = self.store.sheet(id, round, judge).await?;
        Ok(sheet_of(contest, judge, round, &excluded, sheet))
    }
}

/// A judge's view: the contestants they score (conflicts left out) and
/// their stored sheet.
fn sheet_of(
    contest: Contest,
    judge: LinkId,
    round: RoundId,
    excluded: &BTreeSet<ContestantId>,
    sheet: StoredSheet,
) -> JudgeSheet {
    let round_state = contest.round(round).map_or(RoundState::Draft, |r| r.state);
    let contestants = contest
        .lineup(round)
        .filter(|c| !excluded.contains(&c.id))
        .cloned()
        .collect();
    JudgeSheet {
        contest,
        judge,
        round,
        round_state,
        contestants,
        sheet,
    }
}

/// The marks of the submitted sheets: what a publication's digest covers.
pub fn submitted_marks(sheets: &[StoredSheet]) -> Vec<StoredMark> {
    sheets
        .iter()
        .filter(|s| s.state == SheetState::Submitted)
        .flat_map(|s| s.marks.iter().cloned())
        .collect()
}

fn link_error(e: ContestStoreError) -> LinkError {
    match e {
        ContestStoreError::LinkNotFound => LinkError::LinkNotFound,
        ContestStoreError::ContestantNotFound => LinkError::ContestantNotFound,
        ContestStoreError::Store(e) => LinkError::Unavailable(e.0),
        other => LinkError::Unavailable(other.into()),
    }
}

fn round_error(e: ContestStoreError) -> RoundError {
    match e {
        ContestStoreError::RoundNotFound => RoundError::RoundNotFound,
        ContestStoreError::LinkNotFound => RoundError::JudgeNotFound,
        ContestStoreError::RoundState(s) => RoundError::State(s),
        ContestStoreError::SheetNotSubmitted => RoundError::SheetNotSubmitted,
        ContestStoreError::Changed => RoundError::Changed,
        ContestStoreError::Store(e) => RoundError::Unavailable(e.0),
        other => RoundError::Unavailable(other.into()),
    }
}
