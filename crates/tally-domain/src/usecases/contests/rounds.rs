//! A round's life: opened, closed, its lineup, sheets reopened, published.

use super::*;

impl<P: Ports> Contests<P> {
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

    pub(super) async fn move_round(
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
        let poll = self.audience_poll(&contest).await?;
        if self.open_on(poll).await? {
            return Err(RoundError::AudienceOpen);
        }
        let (sheets, conflicts, audience) = futures::future::join3(
            self.store.sheets(id, round),
            self.store.conflicts(id),
            self.votes_on(poll),
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
