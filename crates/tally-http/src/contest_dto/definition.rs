//! A contest's definition: created, read and corrected.

use super::*;

#[derive(Debug, Deserialize, Serialize, ToSchema)]
pub struct CriterionInput {
    #[schema(example = "Stage presence", min_length = 1, max_length = 80)]
    pub name: String,
    #[serde(default)]
    #[schema(example = "Confidence, movement, eye contact", max_length = 2000)]
    pub description: String,
    /// A decimal above 0.
    #[schema(example = "2")]
    pub weight: String,
    #[schema(example = "1")]
    pub min: String,
    #[schema(example = "10")]
    pub max: String,
    /// Divides `max - min`.
    #[schema(example = "0.5")]
    pub step: String,
}

/// People's choice: a single-choice poll whose options are named like the
/// contestants.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
pub struct AudienceInput {
    pub poll_id: Uuid,
    /// A contestant with every vote gains this much.
    #[schema(example = "1")]
    pub weight: String,
}

/// A new contest.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewContestBody {
    #[schema(example = "Spring choir contest", min_length = 1, max_length = 200)]
    pub title: String,
    /// `weighted_mean`, `trimmed_mean` or `z_score`.
    #[schema(example = "trimmed_mean")]
    pub method: String,
    /// `trimmed_mean` only: drop a contestant's highest and lowest total
    /// when at least this many judges (3 or more) scored them.
    #[schema(example = 4)]
    pub trim_min_judges: Option<usize>,
    pub criteria: Vec<CriterionInput>,
    #[schema(example = json!(["Altos United", "The Basses"]))]
    pub contestants: Vec<String>,
    #[schema(example = json!(["Final"]))]
    pub rounds: Vec<String>,
    /// The criterion (by name) that breaks a tie first.
    pub tie_break_criterion: Option<String>,
    /// Then more audience votes (needs `audience`).
    #[serde(default)]
    pub tie_break_audience: bool,
    pub audience: Option<AudienceInput>,
}

fn criterion_draft(c: &CriterionInput) -> CriterionDraft {
    CriterionDraft {
        name: c.name.clone(),
        description: c.description.clone(),
        weight: c.weight.clone(),
        min: c.min.clone(),
        max: c.max.clone(),
        step: c.step.clone(),
    }
}

impl NewContestBody {
    pub fn draft(&self) -> ContestDraft {
        ContestDraft {
            title: self.title.clone(),
            method: self.method.clone(),
            trim_min_judges: self.trim_min_judges,
            criteria: self.criteria.iter().map(criterion_draft).collect(),
            contestants: self.contestants.clone(),
            rounds: self.rounds.clone(),
            tie_break_criterion: self.tie_break_criterion.clone(),
            tie_break_audience: self.tie_break_audience,
            audience: self
                .audience
                .as_ref()
                .map(|a| (PollId::from_uuid(a.poll_id), a.weight.clone())),
        }
    }
}

/// A criterion as revised: its id to keep it (and the marks on it), none
/// for a new one.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
pub struct RevisedCriterionInput {
    pub criterion_id: Option<Uuid>,
    #[serde(flatten)]
    pub criterion: CriterionInput,
}

/// A contestant or a round as revised: its id to keep it, none for a new
/// one.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevisedEntryInput {
    /// A contestant's or a round's id.
    pub id: Option<Uuid>,
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
}

/// A contest's whole definition again, as the organiser corrected it
/// (`PUT /contests/{id}`). What it leaves out is removed.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevisedContestBody {
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    /// `weighted_mean`, `trimmed_mean` or `z_score`.
    pub method: String,
    pub trim_min_judges: Option<usize>,
    pub criteria: Vec<RevisedCriterionInput>,
    pub contestants: Vec<RevisedEntryInput>,
    pub rounds: Vec<RevisedEntryInput>,
    pub tie_break_criterion: Option<String>,
    #[serde(default)]
    pub tie_break_audience: bool,
    pub audience: Option<AudienceInput>,
}

impl RevisedContestBody {
    pub fn revision(&self) -> Revision {
        let names =
            |entries: &[RevisedEntryInput]| entries.iter().map(|e| e.name.clone()).collect();
        let body = NewContestBody {
            title: self.title.clone(),
            method: self.method.clone(),
            trim_min_judges: self.trim_min_judges,
            criteria: Vec::new(),
            contestants: names(&self.contestants),
            rounds: names(&self.rounds),
            tie_break_criterion: self.tie_break_criterion.clone(),
            tie_break_audience: self.tie_break_audience,
            audience: self.audience.as_ref().map(|a| AudienceInput {
                poll_id: a.poll_id,
                weight: a.weight.clone(),
            }),
        };
        let mut draft = body.draft();
        draft.criteria = self
            .criteria
            .iter()
            .map(|c| criterion_draft(&c.criterion))
            .collect();
        Revision {
            draft,
            criteria: self
                .criteria
                .iter()
                .map(|c| c.criterion_id.map(CriterionId::from_uuid))
                .collect(),
            contestants: self
                .contestants
                .iter()
                .map(|c| c.id.map(ContestantId::from_uuid))
                .collect(),
            rounds: self
                .rounds
                .iter()
                .map(|r| r.id.map(RoundId::from_uuid))
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CriterionBody {
    pub criterion_id: Uuid,
    pub name: String,
    pub description: String,
    pub weight: String,
    pub min: String,
    pub max: String,
    pub step: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ContestantBody {
    pub contestant_id: Uuid,
    pub name: String,
}

pub(super) fn contestants_of(contestants: &[Contestant]) -> Vec<ContestantBody> {
    contestants
        .iter()
        .map(|x| ContestantBody {
            contestant_id: *x.id.as_uuid(),
            name: x.name.clone(),
        })
        .collect()
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RoundStateBody {
    pub round_id: Uuid,
    pub name: String,
    /// `draft`, `open`, `closed` or `published`.
    pub state: String,
    /// SHA-256 of the submitted marks, once published.
    pub digest: Option<String>,
    /// The contestants this round scores, in the contest's order.
    pub contestant_ids: Vec<Uuid>,
}

/// What anyone may read of a contest: the criteria are public in advance.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ContestBody {
    pub contest_id: Uuid,
    pub title: String,
    pub method: String,
    pub trim_min_judges: Option<usize>,
    pub criteria: Vec<CriterionBody>,
    pub contestants: Vec<ContestantBody>,
    pub rounds: Vec<RoundStateBody>,
    /// The tie-break chain after the adjusted score: criterion names and
    /// `audience`; then a shared rank.
    pub tie_breaks: Vec<String>,
    pub audience: Option<AudienceInput>,
    /// The presentation the contest is tied to: its co-hosts run it and
    /// its moderators moderate the audience's text there.
    pub presentation_id: Option<Uuid>,
}

impl From<&Contest> for ContestBody {
    fn from(c: &Contest) -> Self {
        Self {
            contest_id: *c.id.as_uuid(),
            title: c.title.clone(),
            method: method_name(&c.method).to_owned(),
            trim_min_judges: match c.method {
                tally_domain::contest::Method::TrimmedMean { min_judges } => Some(min_judges),
                _ => None,
            },
            criteria: c
                .criteria
                .iter()
                .map(|(id, k)| CriterionBody {
                    criterion_id: *id.as_uuid(),
                    name: k.name().to_owned(),
                    description: k.description().to_owned(),
                    weight: k.weight().to_string(),
                    min: k.range().min().to_string(),
                    max: k.range().max().to_string(),
                    step: k.range().step().to_string(),
                })
                .collect(),
            contestants: contestants_of(&c.contestants),
            rounds: c
                .rounds
                .iter()
                .map(|r| RoundStateBody {
                    round_id: *r.id.as_uuid(),
                    name: r.name.clone(),
                    state: r.state.as_str().to_owned(),
                    digest: r.digest.clone(),
                    contestant_ids: c.lineup(r.id).map(|x| *x.id.as_uuid()).collect(),
                })
                .collect(),
            tie_breaks: c
                .tie_breaks
                .iter()
                .map(|t| match t {
                    TieBreak::Criterion(k) => c
                        .criteria
                        .get(*k)
                        .map(|(_, k)| k.name().to_owned())
                        .unwrap_or_default(),
                    TieBreak::Audience => "audience".to_owned(),
                })
                .collect(),
            audience: c.audience.as_ref().map(|a| AudienceInput {
                poll_id: *a.poll.as_uuid(),
                weight: a.weight.to_string(),
            }),
            presentation_id: c.presentation.map(|p| *p.as_uuid()),
        }
    }
}

/// A new contest and its owner's secret, shown only this once.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ContestCreatedBody {
    pub contest: ContestBody,
    /// Send as `Authorization: Bearer <owner_token>`; only its hash is
    /// stored.
    pub owner_token: String,
}
