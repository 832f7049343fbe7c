//! Polls and their options, with the validation rules that make an invalid
//! poll impossible to construct.

use crate::deck::image::{ImagesDraft, PollImages};
use crate::ids::PollId;
use crate::kinds::{PollSettings, PollType, SettingsDraft, SettingsError};
use std::collections::HashSet;
use std::time::{Duration, SystemTime};
use thiserror::Error;

/// Longest question, in characters. A slide has to fit it.
pub const MAX_QUESTION_CHARS: usize = 1_000;
/// Longest option key, in characters. Keys are short labels such as "A".
pub const MAX_KEY_CHARS: usize = 32;
/// Longest option text, in characters.
pub const MAX_VALUE_CHARS: usize = 500;
/// Most options on one poll: beyond this a phone screen is unusable.
pub const MAX_OPTIONS: usize = 64;
/// Longest presenter notes on one poll, in characters: a page of talking
/// points, not a script.
pub const MAX_NOTES_CHARS: usize = 2_000;

/// Why a piece of poll text was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TextError {
    #[error("{field} must not be empty")]
    Empty { field: &'static str },
    #[error("{field} must be at most {max} characters")]
    TooLong { field: &'static str, max: usize },
    #[error("{field} must not contain control characters")]
    ControlCharacter { field: &'static str },
}

fn validate_text(field: &'static str, raw: &str, max: usize) -> Result<(), TextError> {
    if raw.trim().is_empty() {
        return Err(TextError::Empty { field });
    }
    if raw.chars().count() > max {
        return Err(TextError::TooLong { field, max });
    }
    // Newlines are fine in a question; other control characters only break
    // rendering on the big screen and in exports.
    if raw.chars().any(|c| c.is_control() && c != '\n') {
        return Err(TextError::ControlCharacter { field });
    }
    Ok(())
}

macro_rules! text_newtype {
    ($(#[$doc:meta])* $name:ident, $field:literal, $max:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// Validates and wraps the text.
            ///
            /// # Errors
            /// [`TextError`] when it is blank, too long or holds control characters.
            pub fn parse(raw: impl Into<String>) -> Result<Self, TextError> {
                let raw = raw.into();
                validate_text($field, &raw, $max)?;
                Ok(Self(raw))
            }

            /// The text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

text_newtype!(
    /// The question a poll asks.
    Question,
    "question",
    MAX_QUESTION_CHARS
);
text_newtype!(
    /// The short label a voter sends, for example "A".
    OptionKey,
    "option key",
    MAX_KEY_CHARS
);
text_newtype!(
    /// The text shown for an option.
    OptionValue,
    "option value",
    MAX_VALUE_CHARS
);

text_newtype!(
    /// What the presenter reads beside a poll (talking points, the answer
    /// to give). Never shown to the audience: no public read carries it.
    PresenterNotes,
    "notes",
    MAX_NOTES_CHARS
);

impl PresenterNotes {
    /// Notes as a form sends them: blank (an empty text box) is no notes.
    ///
    /// # Errors
    /// [`TextError`] when they are too long or hold control characters.
    pub fn parse_optional(raw: Option<String>) -> Result<Option<Self>, TextError> {
        raw.filter(|r| !r.trim().is_empty())
            .map(Self::parse)
            .transpose()
    }
}

/// One answer a voter can choose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PollOption {
    pub key: OptionKey,
    pub value: OptionValue,
}

/// Why a poll was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PollError {
    #[error("a poll needs at least one option")]
    NoOptions,
    #[error("a poll can have at most {MAX_OPTIONS} options")]
    TooManyOptions,
    #[error("option key {0:?} appears more than once; keys must be unique within a poll")]
    DuplicateKey(String),
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error(transparent)]
    Image(#[from] crate::deck::image::ImageRefError),
}

/// A poll as a presenter submits it: validated, not yet stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PollDraft {
    question: Question,
    options: Vec<PollOption>,
    settings: PollSettings,
    /// Kept apart from [`Poll`]: only [`crate::ports::PresentationStore::notes`]
    /// reads them back, so no read built from a poll can leak them.
    notes: Option<PresenterNotes>,
    images: PollImages,
}

impl PollDraft {
    /// Builds a v4 single-choice poll, checking the rules that span options.
    ///
    /// # Errors
    /// [`PollError`] when there are no options, too many, or a repeated key.
    pub fn new(question: Question, options: Vec<PollOption>) -> Result<Self, PollError> {
        if options.is_empty() {
            return Err(PollError::NoOptions);
        }
        Self::typed(
            question,
            options,
            PollType::Single,
            SettingsDraft::default(),
        )
    }

    /// Builds a poll of any type with its settings (the extension contract,
    /// `poll-types.md`). Text types take no options.
    ///
    /// # Errors
    /// [`PollError`] as for [`Self::new`], and [`PollError::Settings`] for
    /// settings that do not fit the type or the options.
    pub fn typed(
        question: Question,
        options: Vec<PollOption>,
        kind: PollType,
        draft: SettingsDraft,
    ) -> Result<Self, PollError> {
        if options.len() > MAX_OPTIONS {
            return Err(PollError::TooManyOptions);
        }
        let mut seen = HashSet::with_capacity(options.len());
        for option in &options {
            if !seen.insert(option.key.as_str()) {
                return Err(PollError::DuplicateKey(option.key.as_str().to_owned()));
            }
        }
        let keys = options.iter().map(|o| o.key.clone()).collect();
        let settings = PollSettings::new(kind, keys, draft)?;
        Ok(Self {
            question,
            options,
            settings,
            notes: None,
            images: PollImages::default(),
        })
    }

    /// The draft with images beside its question and options.
    ///
    /// # Errors
    /// [`PollError::Image`] for a malformed reference, missing alt text or
    /// an option the poll does not have.
    pub fn with_images(mut self, images: ImagesDraft) -> Result<Self, PollError> {
        let keys: Vec<OptionKey> = self.options.iter().map(|o| o.key.clone()).collect();
        self.images = PollImages::parse(images, &keys)?;
        Ok(self)
    }

    pub fn images(&self) -> &PollImages {
        &self.images
    }

    /// The draft with the presenter's notes.
    #[must_use]
    pub fn with_notes(mut self, notes: Option<PresenterNotes>) -> Self {
        self.notes = notes;
        self
    }

    pub fn notes(&self) -> Option<&PresenterNotes> {
        self.notes.as_ref()
    }

    pub fn question(&self) -> &Question {
        &self.question
    }

    pub fn options(&self) -> &[PollOption] {
        &self.options
    }

    pub fn settings(&self) -> &PollSettings {
        &self.settings
    }

    /// The poll as stored under `id`: open to votes, results hidden.
    pub fn to_poll(&self, id: PollId) -> Poll {
        Poll {
            id,
            question: self.question.clone(),
            options: self.options.clone(),
            voting_open: true,
            results_visible: false,
            settings: self.settings.clone(),
            opened_at: None,
            deadline: None,
            round: 1,
            images: self.images.clone(),
        }
    }
}

/// A stored poll.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Poll {
    pub id: PollId,
    pub question: Question,
    pub options: Vec<PollOption>,
    /// Whether the poll accepts votes while it is on screen. Presenters can
    /// close a poll to freeze its results; the state survives navigation.
    pub voting_open: bool,
    /// Whether the audience sees the results of this poll (the presenter
    /// decides; off by default).
    pub results_visible: bool,
    /// The poll's type and its settings (v4 polls: single choice).
    pub settings: PollSettings,
    /// When voting on the poll first opened (it came on screen, or a timer
    /// started); `None` until then.
    pub opened_at: Option<SystemTime>,
    /// When voting closes by itself (a timer); `None` without one.
    pub deadline: Option<SystemTime>,
    /// The round votes count in, from 1; a reset starts the next.
    pub round: u32,
    /// Images beside the question and the options.
    pub images: PollImages,
}

impl Poll {
    /// Whether the poll takes votes at `now` (it must also be on screen):
    /// voting is open and no deadline has passed.
    pub fn accepts_votes_at(&self, now: SystemTime) -> bool {
        self.voting_open && self.deadline.is_none_or(|d| now < d)
    }

    /// The poll comes on screen at `now`. The first time in a round, voting
    /// opens: `opened_at` is stamped, and a `time_limit_secs` starts its
    /// timer.
    pub fn show(&mut self, now: SystemTime) {
        if self.opened_at.is_none() {
            self.opened_at = Some(now);
            self.deadline = self.settings.time_limit.map(|limit| now + limit);
        }
    }

    /// The presenter's timer (`POST …/polls/current/timer`): `seconds` more
    /// from the running deadline, or from `now` if none is running; 0 stops
    /// it. A timer opens voting, and so does stopping one that has run out
    /// (at its deadline voting was closed for it: [`Self::close_expired`]).
    pub fn set_timer(&mut self, now: SystemTime, seconds: u64) {
        if seconds == 0 {
            if self.deadline.is_some_and(|d| d <= now) {
                self.voting_open = true;
            }
            self.deadline = None;
            return;
        }
        let from = self.deadline.filter(|d| *d > now).unwrap_or(now);
        self.deadline = Some(from + Duration::from_secs(seconds));
        self.opened_at.get_or_insert(now);
        self.voting_open = true;
    }

    /// Voting closes by itself once the timer that ends at `deadline` has
    /// run out by `now`, if that timer still runs and voting is open.
    /// Returns whether it closed (a timer extended or stopped meanwhile,
    /// or voting closed already, changes nothing).
    pub fn close_expired(&mut self, deadline: SystemTime, now: SystemTime) -> bool {
        let expired = self.voting_open && self.deadline == Some(deadline) && deadline <= now;
        if expired {
            self.voting_open = false;
        }
        expired
    }

    /// The presenter resets the poll (`POST …/reset`) at `now`: a new round
    /// whose results count from zero, with voting open; a poll on screen
    /// opens again at once (its time limit starts again).
    pub fn reset(&mut self, now: SystemTime, on_screen: bool) {
        self.round += 1;
        self.voting_open = true;
        self.opened_at = None;
        self.deadline = None;
        if on_screen {
            self.show(now);
        }
    }

    /// The option with this key, if the poll has one.
    pub fn option(&self, key: &str) -> Option<&PollOption> {
        self.options.iter().find(|o| o.key.as_str() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn option(key: &str) -> PollOption {
        PollOption {
            key: OptionKey::parse(key).unwrap(),
            value: OptionValue::parse(format!("value {key}")).unwrap(),
        }
    }

    #[test]
    fn blank_text_is_refused() {
        assert_eq!(
            Question::parse("  "),
            Err(TextError::Empty { field: "question" })
        );
        assert!(OptionKey::parse("").is_err());
    }

    #[test]
    fn overlong_text_is_refused_by_characters_not_bytes() {
        let exactly = "é".repeat(MAX_KEY_CHARS);
        assert!(OptionKey::parse(exactly).is_ok());
        let over = "é".repeat(MAX_KEY_CHARS + 1);
        assert_eq!(
            OptionKey::parse(over),
            Err(TextError::TooLong {
                field: "option key",
                max: MAX_KEY_CHARS
            })
        );
    }

    #[test]
    fn control_characters_are_refused_but_newlines_allowed() {
        assert!(Question::parse("Line one\nline two").is_ok());
        assert!(Question::parse("bell\u{7}").is_err());
    }

    #[test]
    fn notes_are_optional_multiline_and_bounded() {
        assert_eq!(PresenterNotes::parse_optional(None), Ok(None));
        assert_eq!(
            PresenterNotes::parse_optional(Some(" \n ".into())),
            Ok(None)
        );
        let notes = PresenterNotes::parse_optional(Some("Ask the room\nthen reveal".into()));
        assert_eq!(
            notes.unwrap().map(|n| n.as_str().to_owned()),
            Some("Ask the room\nthen reveal".to_owned())
        );
        assert!(PresenterNotes::parse("é".repeat(MAX_NOTES_CHARS)).is_ok());
        assert_eq!(
            PresenterNotes::parse_optional(Some("é".repeat(MAX_NOTES_CHARS + 1))),
            Err(TextError::TooLong {
                field: "notes",
                max: MAX_NOTES_CHARS
            })
        );
        assert!(PresenterNotes::parse_optional(Some("bell\u{7}".into())).is_err());
    }

    #[test]
    fn poll_needs_options() {
        let q = Question::parse("Pets?").unwrap();
        assert_eq!(PollDraft::new(q, vec![]), Err(PollError::NoOptions));
    }

    #[test]
    fn poll_rejects_duplicate_keys() {
        let q = Question::parse("Pets?").unwrap();
        let err = PollDraft::new(q, vec![option("A"), option("B"), option("A")]).unwrap_err();
        assert_eq!(err, PollError::DuplicateKey("A".into()));
    }

    #[test]
    fn poll_rejects_too_many_options() {
        let q = Question::parse("Numbers?").unwrap();
        let options = (0..=MAX_OPTIONS).map(|i| option(&i.to_string())).collect();
        assert_eq!(PollDraft::new(q, options), Err(PollError::TooManyOptions));
    }

    #[test]
    fn voting_closes_at_the_deadline_of_the_timer_still_running() {
        let start = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000);
        let mut poll = PollDraft::new(Question::parse("Q?").unwrap(), vec![option("A")])
            .unwrap()
            .to_poll(PollId::generate());
        poll.set_timer(start, 10);
        let deadline = start + Duration::from_secs(10);
        assert!(!poll.close_expired(deadline, start + Duration::from_secs(9)));
        assert!(!poll.close_expired(start, start + Duration::from_secs(11)));
        assert!(poll.voting_open);
        assert!(poll.close_expired(deadline, deadline));
        assert!(!poll.voting_open && !poll.accepts_votes_at(deadline));
        assert!(!poll.close_expired(deadline, deadline), "once");
        // Stopping the timer that ran out opens voting again.
        poll.set_timer(deadline + Duration::from_secs(5), 0);
        assert!(poll.voting_open && poll.deadline.is_none());
        // A timer extended before its deadline is not closed at the old one.
        poll.set_timer(start, 10);
        poll.set_timer(start, 30);
        assert!(!poll.close_expired(start + Duration::from_secs(10), deadline));
        // Stopping a running timer leaves a hand-closed poll closed.
        poll.voting_open = false;
        poll.set_timer(start + Duration::from_secs(1), 0);
        assert!(!poll.voting_open);
    }

    #[test]
    fn option_lookup_is_by_exact_key() {
        let poll = Poll {
            id: PollId::generate(),
            question: Question::parse("Pets?").unwrap(),
            options: vec![option("A"), option("B")],
            voting_open: true,
            results_visible: false,
            settings: PollSettings::single(vec![]),
            opened_at: None,
            deadline: None,
            round: 1,
            images: PollImages::default(),
        };
        assert!(poll.option("B").is_some());
        assert!(poll.option("b").is_none());
    }
}
