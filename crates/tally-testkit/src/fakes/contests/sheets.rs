//! Judges' sheets and a round's life: saved, submitted, reopened; opened,
//! closed, its lineup, published.

use super::{entry, failed, listed, FakeContests, Sheet, State};
use std::collections::BTreeSet;
use tally_domain::contest::draft::MAX_COMMENT;
use tally_domain::contest::model::{
    AuditEntry, Role, RoundSheets, RoundState, SheetState, StoredMark, StoredSheet,
};
use tally_domain::contest::publication::Publication;
use tally_domain::ports::{
    ContestRounds, ContestSheets, ContestStoreError, SheetChanges, StoreError,
};
use tally_domain::{ContestId, ContestantId, LinkId, RoundId};

impl State {
    /// `judge`'s sheet as read: marks on contestants the judge is excluded
    /// from are left out (and kept, should the conflict go).
    fn read_sheet(&self, judge: LinkId, sheet: &Sheet) -> StoredSheet {
        let excluded = self.conflicts.get(&judge);
        StoredSheet {
            judge,
            state: if sheet.submitted {
                SheetState::Submitted
            } else {
                SheetState::Draft
            },
            marks: sheet
                .marks
                .iter()
                .filter(|((c, _), _)| !excluded.is_some_and(|x| x.contains(c)))
                .map(|((contestant, criterion), mark)| StoredMark {
                    judge,
                    contestant: *contestant,
                    criterion: *criterion,
                    mark: mark.clone(),
                })
                .collect(),
            comments: sheet
                .comments
                .iter()
                .map(|(c, text)| (*c, text.clone()))
                .collect(),
        }
    }
}

/// Applies `changes` to a copy of `judge`'s sheet in `round`: the sheet as
/// changed and the audit entries of what changed, or why nothing of it may
/// be stored.
fn changed(
    state: &State,
    round: RoundId,
    judge: LinkId,
    changes: &SheetChanges,
    actor: &str,
) -> Result<(Sheet, Vec<AuditEntry>), ContestStoreError> {
    let mut sheet = state
        .sheets
        .get(&(round, judge))
        .cloned()
        .unwrap_or_default();
    if sheet.submitted {
        return Err(ContestStoreError::SheetSubmitted);
    }
    let at = |action| AuditEntry {
        round: Some(round),
        judge: Some(judge),
        ..entry(actor, action)
    };
    let mut log = Vec::new();
    for m in &changes.marks {
        let key = (m.contestant, m.criterion);
        let (before, after) = match &m.mark {
            Some(mark) => {
                if !state.contestant_exists(m.contestant) || !state.criterion_exists(m.criterion) {
                    return Err(failed("no such contestant or criterion"));
                }
                (sheet.marks.insert(key, mark.clone()), Some(mark.clone()))
            }
            None => (sheet.marks.remove(&key), None),
        };
        // Compared as values: 7.5 and 7.50 are one mark.
        if before != after {
            log.push(AuditEntry {
                contestant: Some(m.contestant),
                criterion: Some(m.criterion),
                before: before.map(|b| b.to_string()),
                after: after.map(|a| a.to_string()),
                ..at("mark")
            });
        }
    }
    for (contestant, text) in &changes.comments {
        let before = if text.is_empty() {
            sheet.comments.remove(contestant)
        } else {
            if !state.contestant_exists(*contestant) {
                return Err(failed("no such contestant"));
            }
            if text.chars().count() > MAX_COMMENT {
                return Err(failed("a comment has at most 4000 characters"));
            }
            sheet.comments.insert(*contestant, text.clone())
        };
        let after = (!text.is_empty()).then(|| text.clone());
        if before != after {
            log.push(AuditEntry {
                contestant: Some(*contestant),
                before,
                after,
                ..at("comment")
            });
        }
    }
    if let Some(expected) = changes.submit {
        let excluded = state.conflicts.get(&judge);
        let scored = sheet
            .marks
            .keys()
            .filter(|(c, _)| !excluded.is_some_and(|x| x.contains(c)))
            .count();
        if scored < expected {
            return Err(ContestStoreError::Incomplete(expected - scored));
        }
        sheet.submitted = true;
        log.push(AuditEntry {
            before: Some(SheetState::Draft.as_str().to_owned()),
            after: Some(SheetState::Submitted.as_str().to_owned()),
            ..at("submit")
        });
    }
    Ok((sheet, log))
}

impl ContestSheets for FakeContests {
    async fn save_sheet(
        &self,
        id: ContestId,
        round: RoundId,
        judge: LinkId,
        changes: SheetChanges,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        self.check()?;
        let mut state = self.lock();
        let stored = state.round_of(id, round)?;
        let now = stored.state(round);
        if now != RoundState::Open {
            return Err(ContestStoreError::RoundState(now));
        }
        // The lineup is fixed once the round opens; a caller that read it
        // while the round was a draft may have read an older one.
        if stored.contest.round(round).map(|r| &r.lineup) != Some(&changes.lineup) {
            return Err(ContestStoreError::Changed);
        }
        // A sheet is any link's (as Postgres's foreign key has it).
        if !state.links.iter().any(|l| l.link.id == judge) {
            return Err(failed("no such link"));
        }
        let (sheet, log) = changed(&state, round, judge, &changes, actor)?;
        state.sheets.insert((round, judge), sheet);
        state.round_of(id, round)?.bump(round);
        state.record(id, log);
        Ok(())
    }

    async fn reopen_sheet(
        &self,
        id: ContestId,
        round: RoundId,
        judge: LinkId,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        self.check()?;
        let mut state = self.lock();
        let now = state.round_of(id, round)?.state(round);
        if now == RoundState::Published {
            return Err(ContestStoreError::RoundState(now));
        }
        match state.sheets.get_mut(&(round, judge)) {
            Some(sheet) if sheet.submitted => sheet.submitted = false,
            _ => {
                let judges = state.link(id, judge).map(|l| l.link.role);
                return Err(match judges {
                    Some(Role::Judge) => ContestStoreError::SheetNotSubmitted,
                    _ => ContestStoreError::LinkNotFound,
                });
            }
        }
        state.round_of(id, round)?.bump(round);
        let reopened = AuditEntry {
            round: Some(round),
            judge: Some(judge),
            before: Some(SheetState::Submitted.as_str().to_owned()),
            after: Some(SheetState::Draft.as_str().to_owned()),
            ..entry(actor, "reopen")
        };
        state.record(id, vec![reopened]);
        Ok(())
    }

    async fn sheets(&self, id: ContestId, round: RoundId) -> Result<RoundSheets, StoreError> {
        self.check()?;
        let state = self.lock();
        let Some(stored) = state.contest_of(id, round) else {
            return Ok(RoundSheets {
                sheets: Vec::new(),
                seen: 0,
            });
        };
        let seen = stored.versions.get(&round).copied().unwrap_or(0);
        let sheets = state
            .sheets
            .iter()
            .filter(|((r, _), _)| *r == round)
            .map(|((_, judge), sheet)| state.read_sheet(*judge, sheet))
            .collect();
        Ok(RoundSheets { sheets, seen })
    }

    /// Like Postgres, reads the sheet by round and judge alone.
    async fn sheet(
        &self,
        _id: ContestId,
        round: RoundId,
        judge: LinkId,
    ) -> Result<StoredSheet, StoreError> {
        self.check()?;
        let state = self.lock();
        Ok(state.sheets.get(&(round, judge)).map_or_else(
            || StoredSheet {
                judge,
                state: SheetState::Draft,
                marks: Vec::new(),
                comments: Vec::new(),
            },
            |sheet| state.read_sheet(judge, sheet),
        ))
    }
}

impl ContestRounds for FakeContests {
    async fn move_round(
        &self,
        id: ContestId,
        round: RoundId,
        from: &[RoundState],
        to: RoundState,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        self.check()?;
        let mut state = self.lock();
        let stored = state.round_of(id, round)?;
        let now = stored.state(round);
        if !from.contains(&now) {
            return Err(ContestStoreError::RoundState(now));
        }
        // Only `publish` makes a round published, and nothing unmakes it
        // (Postgres's checks: a published round has its publication).
        if (now == RoundState::Published) != (to == RoundState::Published) {
            return Err(failed(
                "a round is published with its publication, for good",
            ));
        }
        if let Some(r) = stored.round_mut(round) {
            r.state = to;
        }
        stored.bump(round);
        let moved = AuditEntry {
            round: Some(round),
            before: Some(now.as_str().to_owned()),
            after: Some(to.as_str().to_owned()),
            ..entry(actor, &format!("round_{}", to.as_str()))
        };
        state.record(id, vec![moved]);
        Ok(())
    }

    async fn set_lineup(
        &self,
        id: ContestId,
        round: RoundId,
        lineup: &BTreeSet<ContestantId>,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        self.check()?;
        let mut state = self.lock();
        let stored = state.round_of(id, round)?;
        let now = stored.state(round);
        if now != RoundState::Draft {
            return Err(ContestStoreError::RoundState(now));
        }
        if !lineup.iter().all(|c| stored.contest.has_contestant(*c)) {
            return Err(ContestStoreError::ContestantNotFound);
        }
        let Some(r) = stored.round_mut(round) else {
            return Err(ContestStoreError::RoundNotFound);
        };
        if r.lineup == *lineup {
            return Ok(());
        }
        let before = std::mem::replace(&mut r.lineup, lineup.clone());
        stored.bump(round);
        let set = AuditEntry {
            round: Some(round),
            before: Some(listed(&before)),
            after: Some(listed(lineup)),
            ..entry(actor, "lineup")
        };
        state.record(id, vec![set]);
        Ok(())
    }

    async fn publish(
        &self,
        id: ContestId,
        publication: &Publication,
        seen: i64,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        self.check()?;
        let mut state = self.lock();
        let round = publication.round;
        let stored = state.round_of(id, round)?;
        let now = stored.state(round);
        if now != RoundState::Closed {
            return Err(ContestStoreError::RoundState(now));
        }
        if stored.versions.get(&round).copied().unwrap_or(0) != seen {
            return Err(ContestStoreError::Changed);
        }
        if let Some(r) = stored.round_mut(round) {
            r.state = RoundState::Published;
            r.digest = Some(publication.digest.clone());
        }
        stored.publications.insert(round, publication.clone());
        stored.bump(round);
        let published = AuditEntry {
            round: Some(round),
            before: Some(RoundState::Closed.as_str().to_owned()),
            after: Some(publication.digest.clone()),
            ..entry(actor, "publish")
        };
        state.record(id, vec![published]);
        Ok(())
    }

    async fn published(
        &self,
        id: ContestId,
        round: RoundId,
    ) -> Result<Option<Publication>, StoreError> {
        self.check()?;
        let state = self.lock();
        Ok(state
            .contest_of(id, round)
            .filter(|s| s.state(round) == RoundState::Published)
            .and_then(|s| s.publications.get(&round).cloned()))
    }
}
