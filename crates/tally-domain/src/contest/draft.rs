//! A contest as an organiser describes it, validated into a [`Contest`].

use super::aggregate::{Method, TieBreak};
use super::model::{Audience, Contest, Contestant, Round, RoundState};
use super::rules::{Criterion, CriterionError, Mark, ScoreRange};
use crate::ids::{ContestId, ContestantId, CriterionId, PollId, RoundId};
use std::collections::BTreeSet;
use thiserror::Error;

pub const MAX_TITLE: usize = 200;
pub const MAX_NAME: usize = 200;
pub const MAX_CRITERIA: usize = 50;
pub const MAX_CONTESTANTS: usize = 500;
pub const MAX_ROUNDS: usize = 20;
pub const MAX_DESCRIPTION: usize = 2000;
pub const MAX_COMMENT: usize = 4000;

#[derive(Clone, Debug, Default)]
pub struct CriterionDraft {
    pub name: String,
    pub description: String,
    pub weight: String,
    pub min: String,
    pub max: String,
    pub step: String,
}

#[derive(Clone, Debug, Default)]
pub struct ContestDraft {
    pub title: String,
    /// `weighted_mean`, `trimmed_mean` or `z_score`.
    pub method: String,
    /// For `trimmed_mean`: trim only when at least this many judges (≥ 3)
    /// scored a contestant.
    pub trim_min_judges: Option<usize>,
    pub criteria: Vec<CriterionDraft>,
    pub contestants: Vec<String>,
    pub rounds: Vec<String>,
    /// The criterion (by name) that breaks a tie first.
    pub tie_break_criterion: Option<String>,
    /// Then the audience votes.
    pub tie_break_audience: bool,
    /// People's choice: a single-choice poll and its weight.
    pub audience: Option<(PollId, String)>,
}

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ContestDraftError {
    #[error("a title of 1 to {MAX_TITLE} characters")]
    Title,
    #[error("`method` is `weighted_mean`, `trimmed_mean` or `z_score`")]
    Method,
    #[error(
        "a trimmed mean needs `trim_min_judges` of at least 3 (and only a trimmed mean takes it)"
    )]
    Trim,
    #[error("between 1 and {MAX_CRITERIA} criteria with distinct names")]
    Criteria,
    #[error("criterion {index}: {error}")]
    Criterion { index: usize, error: CriterionError },
    #[error("criterion {0}: a description of at most {MAX_DESCRIPTION} characters")]
    Description(usize),
    #[error("between 1 and {MAX_CONTESTANTS} contestants, with distinct names of 1 to {MAX_NAME} characters")]
    Contestants,
    #[error(
        "between 1 and {MAX_ROUNDS} rounds, with distinct names of 1 to {MAX_NAME} characters"
    )]
    Rounds,
    #[error("the tie-break criterion `{0}` is not one of the criteria")]
    TieBreak(String),
    #[error("the people's-choice weight: {0}")]
    AudienceWeight(CriterionError),
    #[error("the people's-choice weight must be 0 or more")]
    NegativeWeight,
    #[error("the audience tie-break needs a people's-choice poll")]
    NoAudience,
}

/// A name of 1 to `max` characters, trimmed.
pub fn name(raw: &str, max: usize) -> Option<String> {
    let name = raw.trim();
    (!name.is_empty() && name.chars().count() <= max).then(|| name.to_owned())
}

/// Distinct names, each valid.
fn names(raw: &[String], most: usize) -> Option<Vec<String>> {
    let names: Vec<String> = raw
        .iter()
        .map(|r| name(r, MAX_NAME))
        .collect::<Option<_>>()?;
    let distinct: BTreeSet<&String> = names.iter().collect();
    (!names.is_empty() && names.len() <= most && distinct.len() == names.len()).then_some(names)
}

fn mark(raw: &str, index: usize) -> Result<Mark, ContestDraftError> {
    Mark::parse(raw.trim()).map_err(|error| ContestDraftError::Criterion { index, error })
}

impl ContestDraft {
    /// Validates the draft into a new contest, every id fresh and every
    /// round in draft.
    pub fn validate(&self) -> Result<Contest, ContestDraftError> {
        let title = name(&self.title, MAX_TITLE).ok_or(ContestDraftError::Title)?;
        let method = match (self.method.as_str(), self.trim_min_judges) {
            ("weighted_mean", None) => Method::WeightedMean,
            ("z_score", None) => Method::ZScore,
            ("trimmed_mean", Some(n)) => Method::trimmed(n).ok_or(ContestDraftError::Trim)?,
            ("weighted_mean" | "z_score" | "trimmed_mean", _) => {
                return Err(ContestDraftError::Trim)
            }
            _ => return Err(ContestDraftError::Method),
        };
        if self.criteria.is_empty() || self.criteria.len() > MAX_CRITERIA {
            return Err(ContestDraftError::Criteria);
        }
        let mut criteria = Vec::with_capacity(self.criteria.len());
        for (index, c) in self.criteria.iter().enumerate() {
            if c.description.chars().count() > MAX_DESCRIPTION {
                return Err(ContestDraftError::Description(index));
            }
            let range = ScoreRange::new(
                mark(&c.min, index)?,
                mark(&c.max, index)?,
                mark(&c.step, index)?,
            )
            .map_err(|error| ContestDraftError::Criterion { index, error })?;
            let criterion = Criterion::new(&c.name, &c.description, mark(&c.weight, index)?, range)
                .map_err(|error| ContestDraftError::Criterion { index, error })?;
            criteria.push((CriterionId::generate(), criterion));
        }
        let distinct: BTreeSet<&str> = criteria.iter().map(|(_, c)| c.name()).collect();
        if distinct.len() != criteria.len() {
            return Err(ContestDraftError::Criteria);
        }
        let contestants: Vec<Contestant> = names(&self.contestants, MAX_CONTESTANTS)
            .ok_or(ContestDraftError::Contestants)?
            .into_iter()
            .map(|name| Contestant {
                id: ContestantId::generate(),
                name,
            })
            .collect();
        let rounds = names(&self.rounds, MAX_ROUNDS)
            .ok_or(ContestDraftError::Rounds)?
            .into_iter()
            .map(|name| Round {
                id: RoundId::generate(),
                name,
                state: RoundState::Draft,
                digest: None,
                // Every contestant, until the organiser narrows it.
                lineup: contestants.iter().map(|c| c.id).collect(),
            })
            .collect();
        let mut tie_breaks = Vec::new();
        if let Some(wanted) = &self.tie_break_criterion {
            let k = criteria
                .iter()
                .position(|(_, c)| c.name() == wanted.trim())
                .ok_or_else(|| ContestDraftError::TieBreak(wanted.chars().take(80).collect()))?;
            tie_breaks.push(TieBreak::Criterion(k));
        }
        let audience = match &self.audience {
            None => None,
            Some((poll, weight)) => {
                let weight =
                    Mark::parse(weight.trim()).map_err(ContestDraftError::AudienceWeight)?;
                if weight < Mark::from_integer(0) {
                    return Err(ContestDraftError::NegativeWeight);
                }
                Some(Audience {
                    poll: *poll,
                    weight,
                })
            }
        };
        if self.tie_break_audience {
            if audience.is_none() {
                return Err(ContestDraftError::NoAudience);
            }
            tie_breaks.push(TieBreak::Audience);
        }
        Ok(Contest {
            id: ContestId::generate(),
            title,
            criteria,
            contestants,
            rounds,
            method,
            tie_breaks,
            audience,
            // Tied afterwards, with proof of the presenter token
            // (`Contests::set_presentation`).
            presentation: None,
        })
    }
}
