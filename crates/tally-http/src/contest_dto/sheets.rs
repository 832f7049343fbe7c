//! Judges' sheets, progress and the audit log.

use super::definition::contestants_of;
use super::*;

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
