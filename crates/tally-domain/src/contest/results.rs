//! A round's results as organisers read them, exports carry them and a
//! publication freezes them: raw beside adjusted for every contestant, each
//! criterion's score, and the rank. Decimals are strings, so no JSON reader
//! turns an exact score into a float.

use super::aggregate::{decimal, rank_with_people, Method, Sheet, TieBreak, DECIMALS};
use super::model::{Contest, SheetState, StoredMark, StoredSheet};
use crate::ids::{ContestantId, LinkId, RoundId};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionScore {
    pub criterion_id: Uuid,
    pub name: String,
    pub score: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandingView {
    pub rank: usize,
    pub contestant_id: Uuid,
    pub name: String,
    /// The weighted mean of the judges' totals.
    pub raw: Option<String>,
    /// The contest method's score (with the audience component, if any),
    /// which orders the ranking.
    pub adjusted: Option<String>,
    pub by_criterion: Vec<CriterionScore>,
    /// Judges who submitted marks for this contestant.
    pub judges: usize,
    pub audience_votes: u64,
    /// The audience component included in `adjusted`.
    pub people: Option<String>,
    /// What placed this contestant below the one above on an equal
    /// adjusted score: a criterion's name, or `audience`. Absent from
    /// snapshots published before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parted_by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundResults {
    pub round_id: Uuid,
    pub round: String,
    /// `weighted_mean`, `trimmed_mean` or `z_score`.
    pub method: String,
    /// Submitted sheets counted.
    pub sheets: usize,
    pub standings: Vec<StandingView>,
}

pub fn method_name(method: &Method) -> &'static str {
    match method {
        Method::WeightedMean => "weighted_mean",
        Method::TrimmedMean { .. } => "trimmed_mean",
        Method::ZScore => "z_score",
    }
}

/// Ranks the round from its submitted sheets. Drafts do not count: a judge
/// is counted once they submit. `audience` is the people's-choice poll's
/// votes by option text.
pub fn results(
    contest: &Contest,
    round: RoundId,
    sheets: &[StoredSheet],
    audience: &BTreeMap<String, u64>,
) -> RoundResults {
    let counted = Counted::of(contest, round, sheets, audience);
    results_from(contest, round, &counted)
}

/// What a round's results are computed from: the submitted sheets' marks
/// (conflicts already left out), who submitted, the lineup and the audience
/// votes per contestant. A publication freezes exactly this, so that the
/// results can be recomputed from what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counted {
    pub marks: Vec<StoredMark>,
    pub judges: BTreeSet<LinkId>,
    pub lineup: BTreeSet<ContestantId>,
    pub audience: BTreeMap<ContestantId, u64>,
}

impl Counted {
    /// The inputs of `round` as the store holds them now.
    pub fn of(
        contest: &Contest,
        round: RoundId,
        sheets: &[StoredSheet],
        audience: &BTreeMap<String, u64>,
    ) -> Self {
        let submitted = sheets.iter().filter(|s| s.state == SheetState::Submitted);
        Self {
            marks: submitted
                .clone()
                .flat_map(|s| s.marks.iter().cloned())
                .collect(),
            judges: submitted.map(|s| s.judge).collect(),
            lineup: contest.lineup(round).map(|c| c.id).collect(),
            // People's choice matches contestants to options by name.
            audience: contest
                .lineup(round)
                .map(|c| (c.id, audience.get(&c.name).copied().unwrap_or(0)))
                .collect(),
        }
    }
}

/// Ranks the round from `counted`; the contest gives the criteria, the
/// method, the tie-breaks and the names.
pub fn results_from(contest: &Contest, round: RoundId, counted: &Counted) -> RoundResults {
    let marks: Vec<Sheet<LinkId, ContestantId>> = counted
        .marks
        .iter()
        .filter_map(|m| {
            Some(Sheet {
                judge: m.judge,
                contestant: m.contestant,
                criterion: contest.criterion_index(m.criterion)?,
                mark: m.mark.clone(),
            })
        })
        .collect();
    // In the contest's order, as the lineup is shown everywhere else.
    let ids: Vec<ContestantId> = contest
        .contestants
        .iter()
        .map(|c| c.id)
        .filter(|c| counted.lineup.contains(c))
        .collect();
    let votes: BTreeMap<ContestantId, u64> = ids
        .iter()
        .map(|c| (*c, counted.audience.get(c).copied().unwrap_or(0)))
        .collect();
    let criteria: Vec<_> = contest.criteria.iter().map(|(_, c)| c.clone()).collect();
    let ranking = rank_with_people(
        &criteria,
        &ids,
        &marks,
        &contest.method,
        &contest.tie_breaks,
        &votes,
        contest.audience.as_ref().map(|a| a.weight.value()),
    );
    let text = |v: &Option<num_rational::BigRational>| v.as_ref().map(|v| decimal(v, DECIMALS));
    let standings = ranking
        .standings
        .iter()
        .map(|s| StandingView {
            rank: s.rank,
            contestant_id: *s.contestant.as_uuid(),
            name: contest
                .contestants
                .iter()
                .find(|c| c.id == s.contestant)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            raw: text(&s.raw),
            adjusted: text(&s.adjusted),
            by_criterion: contest
                .criteria
                .iter()
                .zip(&s.by_criterion)
                .map(|((id, c), score)| CriterionScore {
                    criterion_id: *id.as_uuid(),
                    name: c.name().to_owned(),
                    score: text(score),
                })
                .collect(),
            judges: s.judges,
            audience_votes: s.audience,
            people: text(&s.people),
            parted_by: s.parted_by.map(|step| match step {
                TieBreak::Criterion(k) => contest
                    .criteria
                    .get(k)
                    .map(|(_, c)| c.name().to_owned())
                    .unwrap_or_default(),
                TieBreak::Audience => "audience".to_owned(),
            }),
        })
        .collect();
    RoundResults {
        round_id: *round.as_uuid(),
        round: contest
            .round(round)
            .map(|r| r.name.clone())
            .unwrap_or_default(),
        method: method_name(&contest.method).to_owned(),
        sheets: counted.judges.len(),
        standings,
    }
}
