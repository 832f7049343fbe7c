//! Wire shapes. v4 shapes are exact: no extra fields in v4 responses.
//! Extension shapes sit beside them.

use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::time::SystemTime;
use tally_domain::{
    OptionKey, OptionValue, Poll, PollDraft, PollOption, PollResults, Presentation,
    PresentationDraft, PresentationSummary, Question, VoteRecord,
};
use utoipa::ToSchema;
use uuid::Uuid;

// Text fields carry `pattern = "\S"`: JSON Schema patterns search, so it
// says "not blank" (one character that is not white space). Control
// characters are refused too (newlines are allowed in questions); the
// README lists the limits.

/// An option as submitted and as shown (v4 Option).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OptionBody {
    /// Short label voters send, for example "A". Unique within the poll.
    #[schema(example = "A", min_length = 1, max_length = 32, pattern = r"\S")]
    pub key: String,
    #[schema(example = "Cats", min_length = 1, max_length = 500, pattern = r"\S")]
    pub value: String,
}

/// A poll as submitted. v4 clients may echo the read-only `poll_id`; it is
/// ignored.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewPollBody {
    #[schema(
        example = "Which pet?",
        min_length = 1,
        max_length = 1000,
        pattern = r"\S"
    )]
    pub question: String,
    /// 1 to 64 options, with unique keys.
    #[schema(min_items = 1, max_items = 64)]
    pub options: Vec<OptionBody>,
}

/// POST /presentations body (v4).
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewPresentationBody {
    /// 1 to 200 polls, in slide order.
    #[schema(min_items = 1, max_items = 200)]
    pub polls: Vec<NewPollBody>,
}

impl NewPresentationBody {
    /// Validates into a domain draft.
    pub fn into_draft(self) -> Result<PresentationDraft, Problem> {
        let polls = self
            .polls
            .into_iter()
            .map(|poll| {
                let options = poll
                    .options
                    .into_iter()
                    .map(|o| {
                        Ok(PollOption {
                            key: OptionKey::parse(o.key)?,
                            value: OptionValue::parse(o.value)?,
                        })
                    })
                    .collect::<Result<Vec<_>, Problem>>()?;
                Ok(PollDraft::new(Question::parse(poll.question)?, options)?)
            })
            .collect::<Result<Vec<_>, Problem>>()?;
        Ok(PresentationDraft::new(polls)?)
    }
}

/// 201 answer to POST /presentations: v4's `presentation_id`, plus Tally's
/// `presenter_token` and `join_code`.
#[derive(Debug, Serialize, ToSchema)]
pub struct PresentationCreatedBody {
    pub presentation_id: Uuid,
    /// Send as `Authorization: Bearer <presenter_token>` on presenter
    /// operations. Shown once; only its hash is stored.
    pub presenter_token: String,
    /// Six digits the audience types to join.
    #[schema(example = "482913")]
    pub join_code: String,
}

/// A poll as shown (v4 Poll). Never carries votes.
#[derive(Debug, Serialize, ToSchema)]
pub struct PollBody {
    pub poll_id: Uuid,
    pub question: String,
    pub options: Vec<OptionBody>,
}

impl From<&Poll> for PollBody {
    fn from(poll: &Poll) -> Self {
        Self {
            poll_id: *poll.id.as_uuid(),
            question: poll.question.as_str().to_owned(),
            options: poll
                .options
                .iter()
                .map(|o| OptionBody {
                    key: o.key.as_str().to_owned(),
                    value: o.value.as_str().to_owned(),
                })
                .collect(),
        }
    }
}

/// A presentation (v4 Presentation).
#[derive(Debug, Serialize, ToSchema)]
pub struct PresentationBody {
    pub current_poll_index: usize,
    pub polls: Vec<PollBody>,
}

impl From<&Presentation> for PresentationBody {
    fn from(p: &Presentation) -> Self {
        Self {
            current_poll_index: p.slide.index,
            polls: p.polls.iter().map(PollBody::from).collect(),
        }
    }
}

/// A vote (v4 Vote request).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteBody {
    #[schema(example = "A", min_length = 1, max_length = 32)]
    pub key: String,
    /// The voter's stable id. Voting again with the same key is a no-op.
    pub client_id: Uuid,
    pub poll_id: Uuid,
}

/// A vote in the listing (v4: exactly these two fields).
#[derive(Debug, Serialize, ToSchema)]
pub struct VoteListingBody {
    pub client_id: Uuid,
    pub key: String,
}

impl From<&VoteRecord> for VoteListingBody {
    fn from(v: &VoteRecord) -> Self {
        Self {
            client_id: *v.participant.as_uuid(),
            key: v.key.as_str().to_owned(),
        }
    }
}

/// PUT /presentations/{id}/polls/current/index body.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GoToBody {
    /// Zero-based index of the poll to show.
    pub index: usize,
}

/// Voting state of the poll on screen.
#[derive(Debug, Serialize, ToSchema)]
pub struct VotingStateBody {
    pub poll_id: Uuid,
    pub voting_open: bool,
}

impl From<&Poll> for VotingStateBody {
    fn from(poll: &Poll) -> Self {
        Self {
            poll_id: *poll.id.as_uuid(),
            voting_open: poll.voting_open,
        }
    }
}

/// Whether the audience sees the results of the poll on screen.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResultsVisibilityBody {
    pub poll_id: Uuid,
    pub results_visible: bool,
}

/// One option's count.
#[derive(Debug, Serialize, ToSchema)]
pub struct OptionResultBody {
    pub key: String,
    pub value: String,
    pub votes: u64,
}

/// A poll's results.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResultsBody {
    pub poll_id: Uuid,
    pub question: String,
    pub voting_open: bool,
    pub options: Vec<OptionResultBody>,
    pub total_votes: u64,
    /// Distinct participants who voted.
    pub participants: u64,
}

impl From<PollResults> for ResultsBody {
    fn from(r: PollResults) -> Self {
        Self {
            poll_id: *r.poll_id.as_uuid(),
            question: r.question.as_str().to_owned(),
            voting_open: r.voting_open,
            total_votes: r.total_votes,
            participants: r.participants,
            options: r
                .options
                .into_iter()
                .map(|o| OptionResultBody {
                    key: o.key.as_str().to_owned(),
                    value: o.value.as_str().to_owned(),
                    votes: o.votes,
                })
                .collect(),
        }
    }
}

/// What a phone gets after typing the join code.
#[derive(Debug, Serialize, ToSchema)]
pub struct JoinBody {
    pub presentation_id: Uuid,
    pub join_code: String,
    pub current_poll_index: usize,
    pub poll_count: usize,
    /// Increases with every slide or voting change.
    pub state_version: u64,
    pub voting_open: bool,
    pub poll: PollBody,
}

/// A line in the presenter's list.
#[derive(Debug, Serialize, ToSchema)]
pub struct PresentationSummaryBody {
    pub presentation_id: Uuid,
    pub join_code: String,
    pub current_poll_index: usize,
    pub poll_count: usize,
    /// RFC 3339, UTC.
    pub created_at: String,
}

impl From<&PresentationSummary> for PresentationSummaryBody {
    fn from(s: &PresentationSummary) -> Self {
        Self {
            presentation_id: *s.id.as_uuid(),
            join_code: s.join_code.as_str().to_owned(),
            current_poll_index: s.slide.index,
            poll_count: s.slide.poll_count,
            created_at: rfc3339(s.created_at),
        }
    }
}

/// A page of the presenter's presentations.
#[derive(Debug, Serialize, ToSchema)]
pub struct PresentationPageBody {
    pub presentations: Vec<PresentationSummaryBody>,
    /// Pass as `?cursor=` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}

/// Query of the presenter's list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct PageQuery {
    /// Page size, 1 to 100 (default 20).
    pub limit: Option<usize>,
    /// `next_cursor` from the previous page.
    pub cursor: Option<String>,
}

fn rfc3339(t: SystemTime) -> String {
    humantime::format_rfc3339_millis(t).to_string()
}
