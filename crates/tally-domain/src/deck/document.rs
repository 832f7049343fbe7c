//! A deck as a file: what `GET …/deck/export` writes and `POST
//! /presentations/import` reads, so that a deck can be kept, shared, put
//! under version control or moved to another Tally.
//!
//! The format is `tally-deck`, version 1 (the README documents it):
//!
//! ```json
//! {"format": "tally-deck", "version": 1, "title": "Spring summit",
//!  "profanity_filter": "standard",
//!  "polls": [{"question": "Which pet?", "type": "single",
//!             "options": [{"key": "A", "value": "Cats"}],
//!             "settings": {"allow_change": true}, "notes": "…"}]}
//! ```
//!
//! Every field a poll takes is written, its settings as the poll holds them
//! after defaults were filled in, so that a file means the same deck on any
//! later Tally whatever its defaults. Unknown fields are refused, not
//! skipped: a file from a newer Tally says so instead of losing something.
//! A later version of the format gets a new `version`, and this reader
//! refuses one it does not know.

use crate::deck::image::{ImagesDraft, PollImages};
use crate::kinds::{PollSettings, PollType, ProfanityFilter, SettingsDraft};
use crate::poll::{
    OptionKey, OptionValue, PollDraft, PollError, PollOption, PresenterNotes, Question, TextError,
};
use crate::presentation::{Presentation, PresentationDraft, PresentationError};
use crate::settings::{Title, TitleError};
use crate::PollId;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The `format` every deck file names.
pub const FORMAT: &str = "tally-deck";
/// The version this Tally writes and reads.
pub const VERSION: u32 = 1;

/// A deck file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeckDocument {
    pub format: String,
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `off`, `standard` or `strict`; absent is `standard`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profanity_filter: Option<String>,
    pub polls: Vec<DocumentPoll>,
}

/// One poll of a deck file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentPoll {
    pub question: String,
    /// One of `poll-types.md`'s types.
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<DocumentOption>,
    #[serde(default)]
    pub settings: SettingsDraft,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Images beside the question and options, by their ids on the Tally
    /// that wrote the file (another Tally refuses ids it does not hold).
    #[serde(default, skip_serializing_if = "ImagesDraft::is_empty")]
    pub images: ImagesDraft,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentOption {
    pub key: String,
    pub value: String,
}

/// Why a deck file was refused.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DocumentError {
    #[error("not a Tally deck: format is {0:?}, expected \"tally-deck\"")]
    Format(String),
    #[error("deck format version {0} is not one this Tally reads (it reads version 1)")]
    Version(u32),
    #[error("the title: {0}")]
    Title(#[from] TitleError),
    #[error("the profanity filter {0:?} is not off, standard or strict")]
    Filter(String),
    /// A poll's text, type, options or settings, by its place (from 1).
    #[error("slide {slide}: {detail}")]
    Poll { slide: usize, detail: String },
    #[error(transparent)]
    Deck(#[from] PresentationError),
}

/// What a deck file makes: the presentation to create and its title.
#[derive(Clone, Debug)]
pub struct ImportedDeck {
    pub draft: PresentationDraft,
    pub title: Option<Title>,
}

impl DeckDocument {
    /// The file for `deck`, with its presenter's `notes` and `title`.
    pub fn of(
        deck: &Presentation,
        notes: &[(PollId, PresenterNotes)],
        title: Option<&Title>,
    ) -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            title: title.map(|t| t.as_str().to_owned()),
            profanity_filter: Some(deck.profanity_filter.as_str().to_owned()),
            polls: deck
                .polls
                .iter()
                .map(|poll| {
                    let notes = notes.iter().find(|(id, _)| *id == poll.id).map(|(_, n)| n);
                    DocumentPoll::new(&poll.question, &poll.options, &poll.settings, notes)
                        .with_images(&poll.images)
                })
                .collect(),
        }
    }

    /// The file for a deck not yet created (an outline read, a template).
    pub fn of_draft(draft: &PresentationDraft, title: Option<&Title>) -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            title: title.map(|t| t.as_str().to_owned()),
            profanity_filter: Some(draft.profanity_filter().as_str().to_owned()),
            polls: draft
                .polls()
                .iter()
                .map(|poll| {
                    DocumentPoll::new(
                        poll.question(),
                        poll.options(),
                        poll.settings(),
                        poll.notes(),
                    )
                })
                .collect(),
        }
    }

    /// Validates the file into a presentation to create, as `POST
    /// /presentations` validates its body.
    ///
    /// # Errors
    /// [`DocumentError`]: another format or version first, then the title,
    /// the filter, each poll in order (naming its slide), the deck.
    pub fn into_deck(self) -> Result<ImportedDeck, DocumentError> {
        if self.format != FORMAT {
            return Err(DocumentError::Format(self.format));
        }
        if self.version != VERSION {
            return Err(DocumentError::Version(self.version));
        }
        let title = self
            .title
            .as_deref()
            .map(Title::parse)
            .transpose()?
            .flatten();
        let filter = self
            .profanity_filter
            .map(|raw| ProfanityFilter::parse(&raw).map_err(|_| DocumentError::Filter(raw)))
            .transpose()?
            .unwrap_or_default();
        let polls = self
            .polls
            .into_iter()
            .enumerate()
            .map(|(i, poll)| {
                poll.into_draft().map_err(|detail| DocumentError::Poll {
                    slide: i + 1,
                    detail,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ImportedDeck {
            draft: PresentationDraft::new(polls)?.with_profanity_filter(filter),
            title,
        })
    }
}

impl DocumentPoll {
    fn new(
        question: &Question,
        options: &[PollOption],
        settings: &PollSettings,
        notes: Option<&PresenterNotes>,
    ) -> Self {
        Self {
            question: question.as_str().to_owned(),
            kind: settings.kind.as_str().to_owned(),
            options: options
                .iter()
                .map(|o| DocumentOption {
                    key: o.key.as_str().to_owned(),
                    value: o.value.as_str().to_owned(),
                })
                .collect(),
            settings: settings.draft(),
            notes: notes.map(|n| n.as_str().to_owned()),
            images: ImagesDraft::default(),
        }
    }

    fn with_images(mut self, images: &PollImages) -> Self {
        self.images = images.draft();
        self
    }

    fn into_draft(self) -> Result<PollDraft, String> {
        let text = |e: TextError| e.to_string();
        let options = self
            .options
            .into_iter()
            .map(|o| {
                Ok(PollOption {
                    key: OptionKey::parse(o.key).map_err(text)?,
                    value: OptionValue::parse(o.value).map_err(text)?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let kind = PollType::parse(&self.kind).map_err(|e| PollError::from(e).to_string())?;
        let question = Question::parse(self.question).map_err(text)?;
        let notes = PresenterNotes::parse_optional(self.notes).map_err(text)?;
        PollDraft::typed(question, options, kind, self.settings)
            .and_then(|d| d.with_images(self.images))
            .map(|d| d.with_notes(notes))
            .map_err(|e| e.to_string())
    }
}
