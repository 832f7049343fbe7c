//! Wire shapes of judged contests. Marks, weights and scores are decimal
//! strings ("7.5"), never JSON numbers: a float would lose exactness.

use serde::{Deserialize, Serialize};
use tally_domain::contest::draft::{ContestDraft, CriterionDraft};
use tally_domain::contest::model::{AuditEntry, Contest, Contestant, Link, StoredSheet};
use tally_domain::contest::results::{method_name, RoundResults};
use tally_domain::contest::revision::Revision;
use tally_domain::contest::TieBreak;
use tally_domain::usecases::{JudgeProgress, JudgeSheet};
use tally_domain::{ContestantId, CriterionId, PollId, RoundId};
use utoipa::ToSchema;
use uuid::Uuid;

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

fn contestants_of(contestants: &[Contestant]) -> Vec<ContestantBody> {
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

/// Ties a contest to the event's presentation. The presenter token proves
/// that the contest's owner runs that presentation too.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TiePresentationBody {
    pub presentation_id: Uuid,
    /// The presentation's presenter token (not a co-host's).
    pub presenter_token: String,
}

/// A new contest and its owner's secret, shown only this once.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ContestCreatedBody {
    pub contest: ContestBody,
    /// Send as `Authorization: Bearer <owner_token>`; only its hash is
    /// stored.
    pub owner_token: String,
}

#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewLinkBody {
    /// `cohost`, `moderator` or `judge`.
    #[schema(example = "judge")]
    pub role: String,
    #[schema(example = "Judge Ada", min_length = 1, max_length = 200)]
    pub name: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct LinkBody {
    pub link_id: Uuid,
    pub role: String,
    pub name: String,
    pub revoked: bool,
}

impl From<&Link> for LinkBody {
    fn from(l: &Link) -> Self {
        Self {
            link_id: *l.id.as_uuid(),
            role: l.role.as_str().to_owned(),
            name: l.name.clone(),
            revoked: l.revoked,
        }
    }
}

/// A new invite link and its secret, shown only this once.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct LinkCreatedBody {
    pub link: LinkBody,
    pub token: String,
}

/// The contestants a draft round scores (replaces its lineup).
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LineupBody {
    pub contestant_ids: Vec<Uuid>,
}

#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConflictsBody {
    /// Every contestant the judge is excluded from (replaces the list).
    pub contestant_ids: Vec<Uuid>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct JudgeConflictsBody {
    pub judge_id: Uuid,
    pub contestant_ids: Vec<Uuid>,
}

#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkInput {
    pub contestant_id: Uuid,
    pub criterion_id: Uuid,
    /// A decimal on the criterion's range and step, or null to clear.
    #[schema(example = "7.5")]
    pub value: Option<String>,
}

#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommentInput {
    pub contestant_id: Uuid,
    /// Empty clears the comment.
    #[schema(max_length = 4000)]
    pub text: String,
}

/// Marks and comments to save; with `submit`, the sheet is then submitted
/// (it must hold every mark).
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SaveSheetBody {
    #[serde(default)]
    pub marks: Vec<MarkInput>,
    #[serde(default)]
    pub comments: Vec<CommentInput>,
    #[serde(default)]
    pub submit: bool,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MarkBody {
    pub contestant_id: Uuid,
    pub criterion_id: Uuid,
    pub value: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CommentBody {
    pub contestant_id: Uuid,
    pub text: String,
}

/// A judge's own sheet in a round.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SheetBody {
    pub contest: ContestBody,
    pub round_id: Uuid,
    pub round_state: String,
    pub judge_id: Uuid,
    /// `draft` or `submitted`.
    pub state: String,
    /// The contestants this judge scores (conflicts left out).
    pub contestants: Vec<ContestantBody>,
    pub marks: Vec<MarkBody>,
    pub comments: Vec<CommentBody>,
}

fn marks_of(sheet: &StoredSheet) -> Vec<MarkBody> {
    sheet
        .marks
        .iter()
        .map(|m| MarkBody {
            contestant_id: *m.contestant.as_uuid(),
            criterion_id: *m.criterion.as_uuid(),
            value: m.mark.to_string(),
        })
        .collect()
}

impl From<&JudgeSheet> for SheetBody {
    fn from(s: &JudgeSheet) -> Self {
        Self {
            contest: ContestBody::from(&s.contest),
            round_id: *s.round.as_uuid(),
            round_state: s.round_state.as_str().to_owned(),
            judge_id: *s.judge.as_uuid(),
            state: s.sheet.state.as_str().to_owned(),
            contestants: contestants_of(&s.contestants),
            marks: marks_of(&s.sheet),
            comments: s
                .sheet
                .comments
                .iter()
                .map(|(c, text)| CommentBody {
                    contestant_id: *c.as_uuid(),
                    text: text.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MissingBody {
    pub contestant_id: Uuid,
    pub criterion_id: Uuid,
}

/// One judge's progress in a round.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProgressBody {
    pub judge: LinkBody,
    /// `draft` or `submitted`.
    pub state: String,
    pub scored: usize,
    pub expected: usize,
    pub missing: Vec<MissingBody>,
}

impl From<&JudgeProgress> for ProgressBody {
    fn from(p: &JudgeProgress) -> Self {
        Self {
            judge: LinkBody::from(&p.judge),
            state: p.state.as_str().to_owned(),
            scored: p.scored,
            expected: p.expected,
            missing: p
                .missing
                .iter()
                .map(|(c, k)| MissingBody {
                    contestant_id: *c.as_uuid(),
                    criterion_id: *k.as_uuid(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CriterionScoreBody {
    pub criterion_id: Uuid,
    pub name: String,
    pub score: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ContestStandingBody {
    /// 1-based; tied contestants share it.
    pub rank: usize,
    pub contestant_id: Uuid,
    pub name: String,
    /// The weighted mean of the judges' totals.
    pub raw: Option<String>,
    /// The contest method's score (audience component included), which
    /// orders the ranking.
    pub adjusted: Option<String>,
    pub by_criterion: Vec<CriterionScoreBody>,
    pub judges: usize,
    pub audience_votes: u64,
    pub people: Option<String>,
    /// Set when this contestant has the same adjusted score as the one
    /// above and the tie-break chain placed it below: the criterion's name,
    /// or `audience`.
    pub parted_by: Option<String>,
}

/// A round's results. Before publishing only organisers see them (live);
/// after, anyone sees the frozen results and their digest.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RoundResultsBody {
    pub round_id: Uuid,
    pub round: String,
    pub method: String,
    /// Submitted sheets counted.
    pub sheets: usize,
    pub published: bool,
    /// SHA-256 (hex) of the canonical form of every counted mark and the
    /// published standings (README, "Judged contests"); set once
    /// published. `tally verify` recomputes it.
    pub digest: Option<String>,
    pub standings: Vec<ContestStandingBody>,
}

impl RoundResultsBody {
    pub fn new(r: RoundResults, digest: Option<String>) -> Self {
        Self {
            round_id: r.round_id,
            round: r.round,
            method: r.method,
            sheets: r.sheets,
            published: digest.is_some(),
            digest,
            standings: r
                .standings
                .into_iter()
                .map(|s| ContestStandingBody {
                    rank: s.rank,
                    contestant_id: s.contestant_id,
                    name: s.name,
                    raw: s.raw,
                    adjusted: s.adjusted,
                    by_criterion: s
                        .by_criterion
                        .into_iter()
                        .map(|c| CriterionScoreBody {
                            criterion_id: c.criterion_id,
                            name: c.name,
                            score: c.score,
                        })
                        .collect(),
                    judges: s.judges,
                    audience_votes: s.audience_votes,
                    people: s.people,
                    parted_by: s.parted_by,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PublishedBody {
    pub digest: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AuditEntryBody {
    pub seq: i64,
    pub round_id: Option<Uuid>,
    pub at: String,
    /// `owner`, or `<role>:<link id>`.
    pub actor: String,
    /// `create`, `invite`, `revoke`, `conflicts`, `round_open`,
    /// `round_closed`, `mark`, `comment`, `submit`, `reopen`, `publish`,
    /// `release_feedback`, `lineup` (before and after: contestant ids),
    /// `set_presentation` (before and after: the
    /// presentation ids), and a correction's edits: `edit_title`,
    /// `edit_criterion`, `edit_contestant`, `edit_round`, `edit_method`,
    /// `edit_tie_breaks`, `edit_audience` (before and after as text; none
    /// for an addition or a removal).
    pub action: String,
    pub judge_id: Option<Uuid>,
    pub contestant_id: Option<Uuid>,
    pub criterion_id: Option<Uuid>,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl From<&AuditEntry> for AuditEntryBody {
    fn from(a: &AuditEntry) -> Self {
        Self {
            seq: a.seq,
            round_id: a.round.map(|r| *r.as_uuid()),
            at: a.at.clone(),
            actor: a.actor.clone(),
            action: a.action.clone(),
            judge_id: a.judge.map(|j| *j.as_uuid()),
            contestant_id: a.contestant.map(|c| *c.as_uuid()),
            criterion_id: a.criterion.map(|k| *k.as_uuid()),
            before: a.before.clone(),
            after: a.after.clone(),
        }
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct AuditQuery {
    /// Entries after this sequence number (default 0).
    pub after: Option<i64>,
    /// At most this many (default and maximum 1000).
    pub limit: Option<usize>,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ExportQuery {
    /// `json` (default) or `csv`.
    pub format: Option<String>,
    /// CSV only: `ranking` (default) or `marks` (every submitted mark).
    pub table: Option<String>,
}

/// A contestant's private feedback link, shown once.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct FeedbackLinkBody {
    /// Send as `Authorization: Bearer <token>` to `GET /contests/{id}/feedback`.
    pub token: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct FeedbackCommentBody {
    pub round: String,
    pub text: String,
}

/// The judges' comments on one contestant, from submitted sheets, without
/// the judges' names.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct FeedbackBody {
    pub contestant: ContestantBody,
    pub comments: Vec<FeedbackCommentBody>,
}
