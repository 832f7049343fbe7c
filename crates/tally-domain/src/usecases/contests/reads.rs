//! What organisers read: results, exports, progress and the audit log.

use super::*;
use crate::contest::results::{results_from, Counted};

impl<P: Ports> Contests<P> {
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
        // The results and the marks from one read of the sheets.
        let counted = Counted::of(&contest, round, &sheets?.sheets, &audience?);
        let view = ResultsView {
            results: results_from(&contest, round, &counted),
            digest: None,
        };
        Ok((view, counted.marks))
    }

    pub(super) async fn publication(
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
}
