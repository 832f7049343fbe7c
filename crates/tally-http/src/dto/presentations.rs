//! A presentation as created, shown, listed and joined, and what a
//! presenter credential may do on it.

use super::{rfc3339, NewPollBody, PollBody};
use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use tally_domain::kinds::{PollType, ProfanityFilter};
use tally_domain::poll::PollError;
use tally_domain::{
    Holder, JoinCode, OptionKey, OptionValue, PollDraft, PollOption, Power, Presentation,
    PresentationDraft, PresentationSummary, PresenterNotes, Question,
};
use utoipa::ToSchema;
use uuid::Uuid;

/// POST /presentations body (v4).
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewPresentationBody {
    /// 1 to 200 polls, in slide order.
    #[schema(min_items = 1, max_items = 200)]
    pub polls: Vec<NewPollBody>,
    /// Tally: how strictly word-cloud words, open-text entries and Q&A
    /// questions are filtered (`off`, `standard`, `strict`; default
    /// `standard`). Matched entries are held, not shown, until the
    /// presenter approves them.
    #[serde(default)]
    #[schema(example = "standard")]
    pub profanity_filter: Option<String>,
}

impl NewPresentationBody {
    /// Validates into a domain draft.
    pub fn into_draft(self) -> Result<PresentationDraft, Problem> {
        let filter = self
            .profanity_filter
            .as_deref()
            .map(ProfanityFilter::parse)
            .transpose()
            .map_err(|e| Problem::bad_request("invalid_presentation", e.to_string()))?
            .unwrap_or_default();
        let polls = self
            .polls
            .into_iter()
            .map(NewPollBody::into_draft)
            .collect::<Result<Vec<_>, Problem>>()?;
        Ok(PresentationDraft::new(polls)?.with_profanity_filter(filter))
    }
}

impl NewPollBody {
    /// Validates into a domain poll draft.
    pub fn into_draft(self) -> Result<PollDraft, Problem> {
        let options = self
            .options
            .into_iter()
            .map(|o| {
                Ok(PollOption {
                    key: OptionKey::parse(o.key)?,
                    value: OptionValue::parse(o.value)?,
                })
            })
            .collect::<Result<Vec<_>, Problem>>()?;
        let question = Question::parse(self.question)?;
        let notes = PresenterNotes::parse_optional(self.notes)?;
        let images = self.images.unwrap_or_default();
        if self.settings.is_empty() {
            return Ok(PollDraft::new(question, options)?
                .with_images(images)?
                .with_notes(notes));
        }
        let kind = self
            .settings
            .kind
            .as_deref()
            .map_or(Ok(PollType::Single), PollType::parse)
            .map_err(PollError::from)?;
        Ok(
            PollDraft::typed(question, options, kind, self.settings.into_draft())?
                .with_images(images)?
                .with_notes(notes),
        )
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

/// Who a presenter credential is on a presentation, and what it may do
/// there (see `tally_domain::Power`).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AccessBody {
    /// `presenter`; for one of the presentation's links its role:
    /// `screen`, `run` or `moderate`; for a tied contest's link its role:
    /// `cohost` or `moderator`.
    #[schema(example = "cohost")]
    pub role: String,
    /// Of `own` (delete the presentation, manage its links), `run`
    /// (slides, voting, timers, resets, result visibility, the vote list),
    /// `moderate` (results of any poll or round with held audience text,
    /// moderating audience text) and `view` (what the big screen reads:
    /// the presenter channels, the quiz leaderboard, this).
    #[schema(example = json!(["run", "moderate", "view"]))]
    pub powers: Vec<String>,
    /// The code the audience joins with, for a big screen opened by a
    /// co-host or a moderator.
    #[schema(example = "123456")]
    pub join_code: String,
}

impl AccessBody {
    pub fn new(holder: Holder, join_code: &JoinCode) -> Self {
        let role = match holder {
            Holder::Presenter => "presenter",
            Holder::Delegate { role, .. } => role.as_str(),
        };
        Self {
            role: role.to_owned(),
            powers: Power::ALL
                .into_iter()
                .filter(|p| holder.may(*p))
                .map(|p| p.as_str().to_owned())
                .collect(),
            join_code: join_code.as_str().to_owned(),
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
