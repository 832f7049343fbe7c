//! The deck as an editor reads and replaces it (issue 26).

use super::{NewPollBody, OptionBody, PollSettingsBody};
use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use tally_domain::deck::{DeckEdit, DeckRev, DeckRevision, PollRevision};
use tally_domain::kinds::PollType;
use tally_domain::usecases::EditableDeck;
use tally_domain::PollId;
use utoipa::ToSchema;
use uuid::Uuid;

/// `GET`/`PUT /presentations/{presentation_id}/deck`: the polls in slide
/// order with the presenter's notes, and the deck's revision (also the
/// `ETag`).
#[derive(Debug, Serialize, ToSchema)]
pub struct DeckBody {
    /// Send it back as `If-Match: "<revision>"` to replace the deck.
    #[schema(example = 3)]
    pub revision: u64,
    pub current_poll_index: usize,
    pub polls: Vec<DeckPollBody>,
    /// On `PUT`: what the revision changed (empty when nothing did).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edits: Option<Vec<DeckEditBody>>,
}

/// One poll of the deck, as the editor sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeckPollBody {
    pub poll_id: Uuid,
    pub question: String,
    pub options: Vec<OptionBody>,
    #[serde(flatten)]
    pub settings: PollSettingsBody,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The poll's current round (from 1).
    pub round: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub images: Option<tally_domain::deck::image::ImagesDraft>,
}

impl DeckBody {
    pub fn new(deck: &EditableDeck, edits: Option<&[DeckEdit]>) -> Self {
        let p = &deck.presentation;
        Self {
            revision: p.deck_rev.0,
            current_poll_index: p.slide.index,
            polls: p
                .polls
                .iter()
                .map(|poll| DeckPollBody {
                    poll_id: *poll.id.as_uuid(),
                    question: poll.question.as_str().to_owned(),
                    options: OptionBody::list(&poll.options),
                    // The editor needs a quiz's answer, which the public
                    // body leaves out until results are shown.
                    settings: PollSettingsBody {
                        correct: (poll.settings.kind == PollType::Quiz).then(|| {
                            poll.settings
                                .correct
                                .iter()
                                .map(|k| k.as_str().to_owned())
                                .collect()
                        }),
                        ..PollSettingsBody::of(&poll.settings)
                    },
                    notes: deck
                        .notes
                        .iter()
                        .find(|(id, _)| *id == poll.id)
                        .map(|(_, n)| n.as_str().to_owned()),
                    round: poll.round,
                    images: (!poll.images.is_empty()).then(|| poll.images.draft()),
                })
                .collect(),
            edits: edits.map(|e| e.iter().map(DeckEditBody::from).collect()),
        }
    }

    /// The `ETag` of revision `rev`.
    pub fn etag(rev: DeckRev) -> String {
        format!("\"{rev}\"")
    }
}

/// `PUT /presentations/{presentation_id}/deck` body: the whole deck
/// again, in the new slide order.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeckRevisionBody {
    /// 1 to 200 polls. A poll with a `poll_id` is that poll edited; one
    /// without is new; a poll of the deck left out is removed.
    #[schema(min_items = 1, max_items = 200)]
    pub polls: Vec<RevisedPollBody>,
}

/// One poll of a revision: a poll as created, with its id when it is kept.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RevisedPollBody {
    /// The deck's poll this is; absent for a new poll.
    #[serde(default)]
    pub poll_id: Option<Uuid>,
    /// Accept that an edit which changes what votes mean (an option
    /// removed or re-keyed, the type, a rule such as the choices, the
    /// scale or the correct answer) closes the poll's current round: its
    /// votes stay readable under it and the poll counts from zero.
    /// Without it such an edit of a poll whose round has votes is refused
    /// (409 `poll_has_votes`).
    #[serde(default)]
    pub reset_round: bool,
    #[serde(flatten)]
    pub poll: NewPollBody,
}

impl DeckRevisionBody {
    pub fn into_revision(self) -> Result<DeckRevision, Problem> {
        let polls = self
            .polls
            .into_iter()
            .map(|p| {
                Ok(PollRevision {
                    id: p.poll_id.map(PollId::from_uuid),
                    reset_round: p.reset_round,
                    draft: p.poll.into_draft()?,
                })
            })
            .collect::<Result<Vec<_>, Problem>>()?;
        Ok(DeckRevision { polls })
    }
}

/// One recorded edit.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeckEditBody {
    /// The revision the edit made (in the edit history).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<u64>,
    pub poll_id: Uuid,
    /// `poll_added`, `poll_removed`, `poll_moved`, `question`,
    /// `option_text`, `option_added`, `option_removed`,
    /// `options_reordered`, `type`, `rules`, `display` or `notes`.
    #[schema(example = "option_text")]
    pub what: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

impl From<&DeckEdit> for DeckEditBody {
    fn from(e: &DeckEdit) -> Self {
        Self {
            revision: None,
            poll_id: *e.poll.as_uuid(),
            what: e.what.as_str(),
            option: e.option.clone(),
            before: e.before.clone(),
            after: e.after.clone(),
        }
    }
}

/// `GET /presentations/{presentation_id}/deck/edits`.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeckEditsBody {
    pub edits: Vec<DeckEditBody>,
}

impl DeckEditsBody {
    pub fn new(edits: &[(DeckRev, DeckEdit)]) -> Self {
        Self {
            edits: edits
                .iter()
                .map(|(rev, e)| DeckEditBody {
                    revision: Some(rev.0),
                    ..DeckEditBody::from(e)
                })
                .collect(),
        }
    }
}
