//! Links, the tied presentation, conflicts, lineups and feedback.

use super::*;

/// Ties a contest to the event's presentation. The presenter token proves
/// that the contest's owner runs that presentation too.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TiePresentationBody {
    pub presentation_id: Uuid,
    /// The presentation's presenter token (not a co-host's).
    pub presenter_token: String,
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
