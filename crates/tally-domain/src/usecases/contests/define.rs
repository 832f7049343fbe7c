//! Creating a contest, reading it, and correcting it while that is safe.

use super::*;
use crate::contest::revision::{revise, Revision, RevisionError};

impl<P: Ports> Contests<P> {
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

    /// Corrects the contest's definition (owner only): every edit is
    /// audited, and an edit that would change what a saved mark means is
    /// refused once a round it affects has marks or is published (see
    /// [`crate::contest::revision`]). Returns the contest as revised.
    pub async fn revise(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        revision: &Revision,
    ) -> Result<Contest, ReviseContestError> {
        let (current, caller) = self.check(id, credential, Allowed::Owner).await?;
        let revised = revise(&current, revision).map_err(|e| match e {
            RevisionError::RoundInUse(..) => ReviseContestError::Locked(e.to_string()),
            other => ReviseContestError::Invalid(other),
        })?;
        if revised.edits.is_empty() {
            return Ok(current);
        }
        match self.store.revise(id, &revised, &caller.actor()).await {
            Ok(()) => Ok(revised.contest),
            Err(ContestStoreError::RoundLocked(round)) => {
                let name = current
                    .round(round)
                    .map_or_else(|| round.to_string(), |r| r.name.clone());
                let edit = revised.edits.iter().find(|e| e.guards.contains(&round));
                Err(ReviseContestError::Locked(edit.map_or_else(
                    || format!("round {name} has saved marks"),
                    |e| e.refusal(&name),
                )))
            }
            Err(ContestStoreError::AudiencePoll) => Err(ReviseContestError::AudiencePoll),
            Err(ContestStoreError::Store(e)) => Err(ReviseContestError::Unavailable(e.0)),
            Err(other) => Err(ReviseContestError::Unavailable(other.into())),
        }
    }
}
