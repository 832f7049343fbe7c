//! People's choice: the audience poll read as every poll is, through the
//! presentation store and the vote ledger.

use super::*;
use crate::ports::{LedgerError, PresentationStore as _, VoteLedger as _};
use std::time::{Duration, SystemTime};

/// Deadlines are kept by the store's clock; this process's may be a little
/// behind. A poll whose timer ran out less than this long ago still counts
/// as taking votes, so that a publication never leaves out a vote the store
/// accepted just before its own deadline.
const CLOCKS_APART: Duration = Duration::from_secs(2);

/// A people's-choice poll and the presentation that holds it.
pub(super) type AudiencePoll = Option<(crate::ids::PresentationId, crate::ids::PollId)>;

impl<P: Ports> Contests<P> {
    /// Where the contest's people's-choice poll is: `None` without one, or
    /// when its poll no longer exists.
    pub(super) async fn audience_poll(
        &self,
        contest: &Contest,
    ) -> Result<AudiencePoll, StoreError> {
        let Some(a) = &contest.audience else {
            return Ok(None);
        };
        let presentation = self.store.presentation_of_poll(a.poll).await?;
        Ok(presentation.map(|p| (p, a.poll)))
    }

    /// The contest's people's-choice votes by option text (see
    /// [`Self::votes_on`]).
    pub(super) async fn audience_votes(
        &self,
        contest: &Contest,
    ) -> Result<BTreeMap<String, u64>, StoreError> {
        self.votes_on(self.audience_poll(contest).await?).await
    }

    /// The people's-choice poll's votes by option text, in its current
    /// round: every acknowledged vote, as the vote ledger counts them.
    pub(super) async fn votes_on(
        &self,
        poll: AudiencePoll,
    ) -> Result<BTreeMap<String, u64>, StoreError> {
        let Some((presentation, poll)) = poll else {
            return Ok(BTreeMap::new());
        };
        let results = match self.tally.ledger().results(presentation, poll).await {
            Ok(results) => results,
            Err(LedgerError::Unavailable(e)) => return Err(StoreError(e)),
            Err(LedgerError::PollNotFound | LedgerError::RoundNotFound) => {
                return Ok(BTreeMap::new())
            }
        };
        let mut votes = BTreeMap::new();
        for option in results.options {
            *votes.entry(option.value.as_str().to_owned()).or_insert(0) += option.votes;
        }
        Ok(votes)
    }

    /// Whether the people's-choice poll may still take votes: it is on
    /// screen and accepts votes (the poll's own rule), allowing for clocks
    /// a little apart. A poll that no longer exists takes none.
    pub(super) async fn open_on(&self, poll: AudiencePoll) -> Result<bool, StoreError> {
        let Some((id, poll)) = poll else {
            return Ok(false);
        };
        let Some(presentation) = self.tally.store().get(id).await? else {
            return Ok(false);
        };
        let now = SystemTime::now()
            .checked_sub(CLOCKS_APART)
            .unwrap_or(SystemTime::UNIX_EPOCH);
        Ok(presentation
            .current_poll()
            .is_some_and(|p| p.id == poll && p.accepts_votes_at(now)))
    }
}
