//! Correcting a contest after it was made: a typo in a criterion, a late
//! contestant, a round renamed.
//!
//! A revision is the whole definition again, as an organiser edits it in
//! place, with the ids of what it keeps. [`revise`] validates it, keeps
//! what cannot change through it (round states, digests, the tied
//! presentation), and lists every edit with the rounds it would alter.
//!
//! **When an edit is refused.** An edit that would change what a saved
//! mark means, or how marks become a ranking, may be made only while no
//! round it affects has a saved mark or is published:
//!
//! | edit | rounds it affects |
//! |---|---|
//! | the title; a criterion's name or description; a round's name | none |
//! | a contestant added | none (they join the rounds still in draft) |
//! | a criterion added, removed, reweighted or given another range or step; the method; the tie-breaks; people's choice | every round |
//! | a contestant renamed, when people's choice matches options to names | every round whose lineup has them |
//! | a contestant removed | every round whose lineup has them |
//! | a round removed | that round (and it must be a draft) |
//!
//! The store refuses the revision whole when an affected round has a
//! saved mark or is published by the time it writes, so a judge saving the
//! first mark at the same moment wins or loses cleanly.

use super::aggregate::TieBreak;
use super::draft::{ContestDraft, ContestDraftError};
use super::model::{Contest, Round, RoundState};
use crate::ids::{ContestantId, CriterionId, RoundId};
use std::collections::BTreeSet;
use thiserror::Error;

/// A contest's definition again, with the id of each criterion,
/// contestant and round it keeps (`None` for a new one), in order.
#[derive(Clone, Debug, Default)]
pub struct Revision {
    pub draft: ContestDraft,
    pub criteria: Vec<Option<CriterionId>>,
    pub contestants: Vec<Option<ContestantId>>,
    pub rounds: Vec<Option<RoundId>>,
}

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum RevisionError {
    #[error(transparent)]
    Invalid(#[from] ContestDraftError),
    /// An id that is not the contest's, or named twice.
    #[error("{0} is not one of the contest's, or is named twice")]
    UnknownId(String),
    /// A round that is not a draft cannot be removed.
    #[error("round {0} is {1}; only a draft round can be removed")]
    RoundInUse(String, RoundState),
}

/// One edit, as the audit log records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// `title`, `criterion`, `contestant`, `round`, `method`, `tie_breaks`
    /// or `audience`.
    pub what: &'static str,
    pub criterion: Option<CriterionId>,
    pub contestant: Option<ContestantId>,
    pub round: Option<RoundId>,
    pub before: Option<String>,
    pub after: Option<String>,
    /// The rounds that must have no saved mark and not be published for
    /// this edit to be made.
    pub guards: BTreeSet<RoundId>,
}

impl Edit {
    fn new(what: &'static str, before: Option<String>, after: Option<String>) -> Self {
        Self {
            what,
            criterion: None,
            contestant: None,
            round: None,
            before,
            after,
            guards: BTreeSet::new(),
        }
    }

    /// Why the edit cannot be made once `round` has marks, in words.
    pub fn refusal(&self, round: &str) -> String {
        let what = match (&self.before, &self.after) {
            (Some(b), Some(a)) => format!("{} {b} → {a}", self.what),
            (Some(b), None) => format!("removing {} {b}", self.what),
            (None, Some(a)) => format!("adding {} {a}", self.what),
            (None, None) => self.what.to_owned(),
        };
        format!(
            "{what}: round {round} has saved marks or is published, and this would change what they mean"
        )
    }
}

/// The contest as revised, and its edits (none when nothing changed).
#[derive(Clone, Debug)]
pub struct Revised {
    pub contest: Contest,
    pub edits: Vec<Edit>,
}

impl Revised {
    /// Every round some edit needs unmarked and unpublished.
    pub fn guards(&self) -> BTreeSet<RoundId> {
        self.edits.iter().flat_map(|e| e.guards.clone()).collect()
    }
}

/// Keeps provided ids, each once and each the contest's; a fresh id for
/// `None`.
fn ids<T: Copy + Ord + std::fmt::Display>(
    provided: &[Option<T>],
    fresh: &[T],
    known: &BTreeSet<T>,
) -> Result<Vec<T>, RevisionError> {
    let mut seen = BTreeSet::new();
    provided
        .iter()
        .zip(fresh)
        .map(|(p, f)| match p {
            None => Ok(*f),
            Some(id) if known.contains(id) && seen.insert(*id) => Ok(*id),
            Some(id) => Err(RevisionError::UnknownId(id.to_string())),
        })
        .collect()
}

/// Validates `revision` against `current`: the revised contest and the
/// edits that lead there.
///
/// # Errors
/// [`RevisionError`] for an invalid definition, an id that is not the
/// contest's, or the removal of a round that is not a draft.
pub fn revise(current: &Contest, revision: &Revision) -> Result<Revised, RevisionError> {
    let mut next = revision.draft.validate()?;
    let arity = |n: usize, m: usize| {
        (n == m)
            .then_some(())
            .ok_or_else(|| RevisionError::UnknownId("an id list of another length".to_owned()))
    };
    arity(revision.criteria.len(), next.criteria.len())?;
    arity(revision.contestants.len(), next.contestants.len())?;
    arity(revision.rounds.len(), next.rounds.len())?;
    let fresh: Vec<CriterionId> = next.criteria.iter().map(|(id, _)| *id).collect();
    let known = current.criteria.iter().map(|(id, _)| *id).collect();
    for (slot, id) in next
        .criteria
        .iter_mut()
        .zip(ids(&revision.criteria, &fresh, &known)?)
    {
        slot.0 = id;
    }
    let fresh: Vec<ContestantId> = next.contestants.iter().map(|c| c.id).collect();
    let known = current.contestants.iter().map(|c| c.id).collect();
    for (c, id) in next
        .contestants
        .iter_mut()
        .zip(ids(&revision.contestants, &fresh, &known)?)
    {
        c.id = id;
    }
    let fresh: Vec<RoundId> = next.rounds.iter().map(|r| r.id).collect();
    let known = current.rounds.iter().map(|r| r.id).collect();
    let round_ids = ids(&revision.rounds, &fresh, &known)?;
    let everyone: BTreeSet<ContestantId> = next.contestants.iter().map(|c| c.id).collect();
    let added: BTreeSet<ContestantId> = everyone
        .iter()
        .filter(|c| !current.has_contestant(**c))
        .copied()
        .collect();
    next.rounds = next
        .rounds
        .iter()
        .zip(round_ids)
        .map(|(r, id)| match current.round(id) {
            // A kept round keeps its state, digest and lineup; new
            // contestants join it only while it is a draft.
            Some(old) => Round {
                id,
                name: r.name.clone(),
                state: old.state,
                digest: old.digest.clone(),
                lineup: old
                    .lineup
                    .iter()
                    .filter(|c| everyone.contains(c))
                    .chain(added.iter().filter(|_| old.state == RoundState::Draft))
                    .copied()
                    .collect(),
            },
            // A new round scores every contestant, as at creation.
            None => Round {
                id,
                lineup: everyone.clone(),
                ..r.clone()
            },
        })
        .collect();
    next.id = current.id;
    next.presentation = current.presentation;
    let edits = edits(current, &next)?;
    Ok(Revised {
        contest: next,
        edits,
    })
}

fn edits(current: &Contest, next: &Contest) -> Result<Vec<Edit>, RevisionError> {
    let all: BTreeSet<RoundId> = current.rounds.iter().map(|r| r.id).collect();
    let mut out = Vec::new();
    if current.title != next.title {
        out.push(Edit::new(
            "title",
            Some(current.title.clone()),
            Some(next.title.clone()),
        ));
    }
    // Tie-breaks compare by criterion id (a renamed or moved criterion
    // is the same tie-break) and read by name.
    let ties = |c: &Contest| -> (Vec<String>, String) {
        c.tie_breaks
            .iter()
            .map(|t| match t {
                TieBreak::Criterion(k) => c.criteria.get(*k).map_or_else(
                    || (String::new(), String::new()),
                    |(id, k)| (id.to_string(), k.name().to_owned()),
                ),
                TieBreak::Audience => ("audience".to_owned(), "audience".to_owned()),
            })
            .fold(
                (Vec::new(), String::new()),
                |(mut ids, mut shown), (id, name)| {
                    ids.push(id);
                    if !shown.is_empty() {
                        shown.push_str(", ");
                    }
                    shown.push_str(&name);
                    (ids, shown)
                },
            )
    };
    let audience = |c: &Contest| {
        c.audience
            .as_ref()
            .map(|a| format!("{} × {}", a.poll, a.weight))
    };
    let (was_ties, now_ties) = (ties(current), ties(next));
    let changes = [
        (
            "method",
            current.method != next.method,
            Some(format!("{:?}", current.method)),
            Some(format!("{:?}", next.method)),
        ),
        (
            "tie_breaks",
            was_ties.0 != now_ties.0,
            Some(was_ties.1),
            Some(now_ties.1),
        ),
        (
            "audience",
            audience(current) != audience(next),
            audience(current),
            audience(next),
        ),
    ];
    for (what, changed, before, after) in changes {
        if changed {
            let mut e = Edit::new(what, before, after);
            e.guards.clone_from(&all);
            out.push(e);
        }
    }
    criterion_edits(current, next, &all, &mut out);
    contestant_edits(current, next, &mut out);
    for old in &current.rounds {
        match next.round(old.id) {
            Some(new) if new.name != old.name => {
                let mut e = Edit::new("round", Some(old.name.clone()), Some(new.name.clone()));
                e.round = Some(old.id);
                out.push(e);
            }
            Some(_) => {}
            None if old.state != RoundState::Draft => {
                return Err(RevisionError::RoundInUse(old.name.clone(), old.state))
            }
            None => {
                let mut e = Edit::new("round", Some(old.name.clone()), None);
                e.round = Some(old.id);
                e.guards.insert(old.id);
                out.push(e);
            }
        }
    }
    for new in next.rounds.iter().filter(|r| current.round(r.id).is_none()) {
        let mut e = Edit::new("round", None, Some(new.name.clone()));
        e.round = Some(new.id);
        out.push(e);
    }
    Ok(out)
}

fn criterion_edits(
    current: &Contest,
    next: &Contest,
    all: &BTreeSet<RoundId>,
    out: &mut Vec<Edit>,
) {
    let shown =
        |c: &super::Criterion| format!("{} (weight {}, {})", c.name(), c.weight(), c.range());
    for (id, old) in &current.criteria {
        let new = next.criteria.iter().find(|(k, _)| k == id).map(|(_, c)| c);
        let meaning = new.is_none_or(|n| n.weight() != old.weight() || n.range() != old.range());
        let words =
            new.is_some_and(|n| n.name() != old.name() || n.description() != old.description());
        if meaning || words {
            let mut e = Edit::new("criterion", Some(shown(old)), new.map(shown));
            e.criterion = Some(*id);
            if meaning {
                e.guards.clone_from(all);
            }
            out.push(e);
        }
    }
    for (id, new) in &next.criteria {
        if current.criterion_index(*id).is_none() {
            let mut e = Edit::new("criterion", None, Some(shown(new)));
            e.criterion = Some(*id);
            e.guards.clone_from(all);
            out.push(e);
        }
    }
    // Reordering criteria moves no mark, but a tie-break names its
    // criterion by position: that edit shows as `tie_breaks`.
}

fn contestant_edits(current: &Contest, next: &Contest, out: &mut Vec<Edit>) {
    let in_lineups = |id: ContestantId| -> BTreeSet<RoundId> {
        current
            .rounds
            .iter()
            .filter(|r| r.lineup.contains(&id))
            .map(|r| r.id)
            .collect()
    };
    for old in &current.contestants {
        let new = next.contestants.iter().find(|c| c.id == old.id);
        let mut e = match new {
            Some(n) if n.name == old.name => continue,
            Some(n) => {
                let mut e = Edit::new("contestant", Some(old.name.clone()), Some(n.name.clone()));
                // People's choice finds a contestant's votes by name.
                if current.audience.is_some() {
                    e.guards = in_lineups(old.id);
                }
                e
            }
            None => {
                let mut e = Edit::new("contestant", Some(old.name.clone()), None);
                e.guards = in_lineups(old.id);
                e
            }
        };
        e.contestant = Some(old.id);
        out.push(e);
    }
    for new in next
        .contestants
        .iter()
        .filter(|c| !current.has_contestant(c.id))
    {
        let mut e = Edit::new("contestant", None, Some(new.name.clone()));
        e.contestant = Some(new.id);
        out.push(e);
    }
}
