//! A judge's own sheet: read and saved.

use super::*;

impl<P: Ports> Contests<P> {
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

    pub(super) async fn judge(
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
