//! A contest's definition revised (`ContestDefinitions::revise`), as
//! `PgContests` stores it.

use super::{entry, failed, FakeContests, State};
use std::collections::BTreeSet;
use tally_domain::contest::model::{AuditEntry, RoundState};
use tally_domain::contest::revision::Revised;
use tally_domain::ports::ContestStoreError;
use tally_domain::{ContestId, ContestantId};

impl FakeContests {
    pub(super) async fn store_revision(
        &self,
        id: ContestId,
        revised: &Revised,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        self.check()?;
        let mut state = self.lock();
        revise(&mut state, id, revised, actor)
    }
}

fn revise(
    state: &mut State,
    id: ContestId,
    revised: &Revised,
    actor: &str,
) -> Result<(), ContestStoreError> {
    let next = &revised.contest;
    let Some(stored) = state.contests.get(&id) else {
        return Err(failed("no such contest"));
    };
    let current = &stored.contest;
    // The first guarded round (in the contest's order) with a saved mark,
    // a draft sheet's included, or published.
    let guards = revised.guards();
    let marked = |round| {
        state
            .sheets
            .iter()
            .any(|((r, _), sheet)| *r == round && !sheet.marks.is_empty())
    };
    if let Some(locked) = current
        .rounds
        .iter()
        .find(|r| guards.contains(&r.id) && (r.state == RoundState::Published || marked(r.id)))
    {
        return Err(ContestStoreError::RoundLocked(locked.id));
    }
    if let Some(a) = &next.audience {
        if !state.polls.get(&a.poll).is_some_and(|(_, single)| *single) {
            return Err(ContestStoreError::AudiencePoll);
        }
    }
    let removed: BTreeSet<ContestantId> = current
        .contestants
        .iter()
        .map(|c| c.id)
        .filter(|c| !next.has_contestant(*c))
        .collect();
    let kept_round = |round| next.round(round).is_some();
    // What still points at something removed (Postgres's foreign keys).
    let dangling = state.sheets.iter().any(|((round, _), sheet)| {
        let ours = current.round(*round).is_some();
        ours && (!kept_round(*round)
            || sheet
                .marks
                .keys()
                .any(|(c, k)| removed.contains(c) || next.criterion_index(*k).is_none()))
    });
    if dangling {
        return Err(failed(
            "a removed criterion, contestant or round is still marked",
        ));
    }
    let mut contest = next.clone();
    contest.id = id;
    contest.presentation = current.presentation;
    for round in &mut contest.rounds {
        let draft = round.state == RoundState::Draft;
        match current.round(round.id) {
            Some(old) => {
                round.state = old.state;
                round.digest.clone_from(&old.digest);
                if !draft {
                    round.lineup = old
                        .lineup
                        .iter()
                        .filter(|c| !removed.contains(c))
                        .copied()
                        .collect();
                }
            }
            None => {
                round.state = RoundState::Draft;
                round.digest = None;
                if !draft {
                    round.lineup.clear();
                }
            }
        }
    }
    // Every round the contest had is bumped; new ones start at 0.
    let mut versions = stored.versions.clone();
    for version in versions.values_mut() {
        *version += 1;
    }
    versions.retain(|round, _| contest.round(*round).is_some());
    for round in &contest.rounds {
        versions.entry(round.id).or_insert(0);
    }
    let mut publications = stored.publications.clone();
    publications.retain(|round, _| contest.round(*round).is_some());
    let judges: Vec<_> = state
        .links
        .iter()
        .filter(|l| l.contest == id)
        .map(|l| l.link.id)
        .collect();
    for judge in judges {
        if let Some(excluded) = state.conflicts.get_mut(&judge) {
            excluded.retain(|c| !removed.contains(c));
            if excluded.is_empty() {
                state.conflicts.remove(&judge);
            }
        }
    }
    state.feedback.retain(|c, _| !removed.contains(c));
    for sheet in state.sheets.values_mut() {
        sheet.comments.retain(|c, _| !removed.contains(c));
    }
    let stored = state
        .contests
        .get_mut(&id)
        .ok_or_else(|| failed("no such contest"))?;
    stored.contest = contest;
    stored.versions = versions;
    stored.publications = publications;
    let log = revised
        .edits
        .iter()
        .map(|e| AuditEntry {
            round: e.round,
            contestant: e.contestant,
            criterion: e.criterion,
            before: e.before.clone(),
            after: e.after.clone(),
            ..entry(actor, &format!("edit_{}", e.what))
        })
        .collect();
    state.record(id, log);
    Ok(())
}
