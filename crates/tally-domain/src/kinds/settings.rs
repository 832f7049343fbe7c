//! Each poll type's settings, validated when a poll is created.

use super::content::{BodyError, ContentBody};
use crate::poll::OptionKey;
use std::collections::BTreeSet;
use std::time::Duration;

/// The poll types of the contract. A poll without `type` is `Single`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PollType {
    Single,
    Multiple,
    Scale,
    Ranking,
    Points,
    Wordcloud,
    Open,
    Quiz,
    Qa,
    /// A content slide: a heading, a body and an image; no votes.
    Content,
}

impl PollType {
    pub const ALL: [PollType; 10] = [
        PollType::Single,
        PollType::Multiple,
        PollType::Scale,
        PollType::Ranking,
        PollType::Points,
        PollType::Wordcloud,
        PollType::Open,
        PollType::Quiz,
        PollType::Qa,
        PollType::Content,
    ];

    /// # Errors
    /// [`SettingsError::UnknownType`] for any other name.
    pub fn parse(raw: &str) -> Result<Self, SettingsError> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str() == raw)
            .ok_or_else(|| SettingsError::UnknownType(raw.to_owned()))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PollType::Single => "single",
            PollType::Multiple => "multiple",
            PollType::Scale => "scale",
            PollType::Ranking => "ranking",
            PollType::Points => "points",
            PollType::Wordcloud => "wordcloud",
            PollType::Open => "open",
            PollType::Quiz => "quiz",
            PollType::Qa => "qa",
            PollType::Content => "content",
        }
    }

    /// Whether the poll's options are what participants choose among (or,
    /// for a scale, the statements they rate). The others take text.
    pub fn has_options(self) -> bool {
        !matches!(
            self,
            PollType::Wordcloud | PollType::Open | PollType::Qa | PollType::Content
        )
    }

    /// Whether participants vote on the poll at all (a content slide is
    /// only shown; a Q&A poll takes questions through its own endpoints).
    pub fn takes_votes(self) -> bool {
        !matches!(self, PollType::Qa | PollType::Content)
    }

    fn takes(self, field: Field) -> bool {
        use PollType::{Content, Multiple, Open, Points, Qa, Quiz, Ranking, Scale, Wordcloud};
        match field {
            Field::Choices => matches!(self, Multiple | Ranking | Quiz),
            Field::Scale => self == Scale,
            Field::PointsBudget => self == Points,
            Field::MaxEntries => self == Wordcloud,
            Field::MaxLength | Field::Moderated => matches!(self, Wordcloud | Open | Qa),
            Field::Correct | Field::QuizPoints => self == Quiz,
            Field::AllowChange | Field::ResultsAfterVote => !matches!(self, Qa | Content),
            Field::TimeLimit => self != Content,
            Field::Body => self == Content,
        }
    }
}

/// The settings fields that only some types take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Choices,
    Scale,
    PointsBudget,
    MaxEntries,
    MaxLength,
    Correct,
    QuizPoints,
    AllowChange,
    Moderated,
    ResultsAfterVote,
    TimeLimit,
    Body,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Choices => "min_choices/max_choices",
            Field::Scale => "scale",
            Field::PointsBudget => "points_budget",
            Field::MaxEntries => "max_entries",
            Field::MaxLength => "max_length",
            Field::Correct => "correct",
            Field::QuizPoints => "points",
            Field::AllowChange => "allow_change",
            Field::Moderated => "moderated",
            Field::ResultsAfterVote => "results_after_vote",
            Field::TimeLimit => "time_limit_secs",
            Field::Body => "body",
        }
    }
}

/// A scale as a client sent it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ScaleDraft {
    pub min: i64,
    pub max: i64,
    pub min_label: Option<String>,
    pub max_label: Option<String>,
}

/// Settings as a client sent them, every one optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct SettingsDraft {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_choices: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_choices: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<ScaleDraft>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points_budget: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_entries: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correct: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_limit_secs: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_change: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moderated: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub results_after_vote: Option<bool>,
    /// A content slide's text, in the Markdown subset of
    /// [`super::content`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

/// An integer rating range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    pub min_label: Option<String>,
    pub max_label: Option<String>,
}

/// A poll type with its validated settings, and the option keys they were
/// checked against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PollSettings {
    pub kind: PollType,
    pub options: Vec<OptionKey>,
    /// How many options a vote holds (multiple, ranking, quiz; single: 1).
    pub min_choices: usize,
    pub max_choices: usize,
    pub scale: Option<Scale>,
    pub points_budget: u64,
    pub max_entries: usize,
    pub max_length: usize,
    pub correct: BTreeSet<OptionKey>,
    pub time_limit: Option<Duration>,
    /// The most a correct quiz answer earns.
    pub quiz_points: u64,
    pub allow_change: bool,
    pub moderated: bool,
    /// The phone shows the results only to a participant who has voted: a
    /// display choice of the phone, not a rule of the server (the results
    /// a presenter shows are the same for everyone who asks).
    pub results_after_vote: bool,
    /// A content slide's text, if it has any.
    pub body: Option<ContentBody>,
}

/// Limits beyond which a setting is refused: generous for any event, and
/// small enough that no aggregate or answer can grow without bound.
pub const MAX_SCALE_SPAN: i64 = 100;
pub const MAX_POINTS_BUDGET: i64 = 1_000_000;
pub const MAX_WORD_ENTRIES: i64 = 10;
pub const MAX_WORD_LENGTH: i64 = 50;
pub const MAX_TEXT_LENGTH: i64 = 2_000;
pub const MAX_TIME_LIMIT_SECS: i64 = 24 * 3600;
pub const MAX_QUIZ_POINTS: i64 = 100_000;

/// Why a poll's settings were refused (400, with this text as the detail).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    #[error("unknown poll type {0:?}; expected one of single, multiple, scale, ranking, points, wordcloud, open, quiz, qa, content")]
    UnknownType(String),
    #[error("a {0} poll needs options")]
    OptionsRequired(&'static str),
    #[error("a {0} poll takes no options")]
    OptionsNotAllowed(&'static str),
    #[error("{field} does not apply to a {kind} poll")]
    NotForType {
        field: &'static str,
        kind: &'static str,
    },
    #[error("{field} must be between {min} and {max}")]
    OutOfRange {
        field: &'static str,
        min: i64,
        max: i64,
    },
    #[error("min_choices ({min}) is more than max_choices ({max})")]
    MinAboveMax { min: i64, max: i64 },
    #[error("a scale's min ({min}) must be below its max ({max})")]
    EmptyScale { min: i64, max: i64 },
    #[error("a quiz needs correct: the keys of its correct options")]
    CorrectRequired,
    #[error("correct names {0:?}, which is not one of the options")]
    CorrectNotAnOption(String),
    #[error("correct holds {0:?} twice")]
    CorrectTwice(String),
    #[error("correct holds {count} keys, outside min_choices..max_choices ({min} to {max})")]
    CorrectOutsideChoices {
        count: usize,
        min: usize,
        max: usize,
    },
    #[error(transparent)]
    Body(#[from] BodyError),
}

fn in_range(field: &'static str, value: i64, min: i64, max: i64) -> Result<i64, SettingsError> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(SettingsError::OutOfRange { field, min, max })
    }
}

fn to_usize(value: i64) -> usize {
    usize::try_from(value).unwrap_or(0)
}

fn to_u64(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

impl PollSettings {
    /// v4's single choice over `options`, with no extension set.
    pub fn single(options: Vec<OptionKey>) -> Self {
        Self {
            kind: PollType::Single,
            options,
            min_choices: 1,
            max_choices: 1,
            scale: None,
            points_budget: 0,
            max_entries: 0,
            max_length: 0,
            correct: BTreeSet::new(),
            time_limit: None,
            quiz_points: 0,
            allow_change: false,
            moderated: false,
            results_after_vote: false,
            body: None,
        }
    }

    /// The settings as a draft that [`Self::new`] turns back into these
    /// same settings: every field this type takes, filled in. What a store
    /// keeps.
    pub fn draft(&self) -> SettingsDraft {
        let kind = self.kind;
        let int = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        let big = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        SettingsDraft {
            min_choices: kind.takes(Field::Choices).then(|| int(self.min_choices)),
            max_choices: kind.takes(Field::Choices).then(|| int(self.max_choices)),
            scale: self.scale.as_ref().map(|s| ScaleDraft {
                min: s.min,
                max: s.max,
                min_label: s.min_label.clone(),
                max_label: s.max_label.clone(),
            }),
            points_budget: kind
                .takes(Field::PointsBudget)
                .then(|| big(self.points_budget)),
            max_entries: kind.takes(Field::MaxEntries).then(|| int(self.max_entries)),
            max_length: kind.takes(Field::MaxLength).then(|| int(self.max_length)),
            correct: kind
                .takes(Field::Correct)
                .then(|| self.correct.iter().map(|k| k.as_str().to_owned()).collect()),
            time_limit_secs: self.time_limit.map(|t| big(t.as_secs())),
            points: kind.takes(Field::QuizPoints).then(|| big(self.quiz_points)),
            allow_change: kind.takes(Field::AllowChange).then_some(self.allow_change),
            moderated: kind.takes(Field::Moderated).then_some(self.moderated),
            results_after_vote: kind
                .takes(Field::ResultsAfterVote)
                .then_some(self.results_after_vote),
            body: self.body.as_ref().map(|b| b.source().to_owned()),
        }
    }

    /// Checks `draft` for a poll of `kind` over `options` (already
    /// validated as keys, distinct) and fills in the defaults.
    ///
    /// # Errors
    /// The first [`SettingsError`] found.
    pub fn new(
        kind: PollType,
        options: Vec<OptionKey>,
        draft: SettingsDraft,
    ) -> Result<Self, SettingsError> {
        let name = kind.as_str();
        match (kind.has_options(), options.is_empty()) {
            (true, true) => return Err(SettingsError::OptionsRequired(name)),
            (false, false) => return Err(SettingsError::OptionsNotAllowed(name)),
            _ => {}
        }
        let given = [
            (
                Field::Choices,
                draft.min_choices.is_some() || draft.max_choices.is_some(),
            ),
            (Field::Scale, draft.scale.is_some()),
            (Field::PointsBudget, draft.points_budget.is_some()),
            (Field::MaxEntries, draft.max_entries.is_some()),
            (Field::MaxLength, draft.max_length.is_some()),
            (Field::Correct, draft.correct.is_some()),
            (Field::QuizPoints, draft.points.is_some()),
            (Field::AllowChange, draft.allow_change.is_some()),
            (Field::Moderated, draft.moderated.is_some()),
            (Field::ResultsAfterVote, draft.results_after_vote.is_some()),
            (Field::TimeLimit, draft.time_limit_secs.is_some()),
            (Field::Body, draft.body.is_some()),
        ];
        if let Some((field, _)) = given.iter().find(|(f, set)| *set && !kind.takes(*f)) {
            return Err(SettingsError::NotForType {
                field: field.name(),
                kind: name,
            });
        }

        let n = i64::try_from(options.len()).unwrap_or(i64::MAX);
        let (min_choices, max_choices) = match kind {
            PollType::Multiple | PollType::Ranking | PollType::Quiz => {
                let default_min = if kind == PollType::Ranking { n } else { 1 };
                let max = in_range("max_choices", draft.max_choices.unwrap_or(n), 1, n)?;
                let min = in_range(
                    "min_choices",
                    draft.min_choices.unwrap_or(default_min.min(max)),
                    1,
                    n,
                )?;
                if min > max {
                    return Err(SettingsError::MinAboveMax { min, max });
                }
                (to_usize(min), to_usize(max))
            }
            _ => (1, 1),
        };
        let scale = match (kind, draft.scale) {
            (PollType::Scale, scale) => {
                let scale = scale.unwrap_or(ScaleDraft {
                    min: 1,
                    max: 5,
                    ..ScaleDraft::default()
                });
                if scale.min >= scale.max {
                    return Err(SettingsError::EmptyScale {
                        min: scale.min,
                        max: scale.max,
                    });
                }
                if scale.max.saturating_sub(scale.min) > MAX_SCALE_SPAN {
                    return Err(SettingsError::OutOfRange {
                        field: "scale.max - scale.min",
                        min: 1,
                        max: MAX_SCALE_SPAN,
                    });
                }
                Some(Scale {
                    min: scale.min,
                    max: scale.max,
                    min_label: scale.min_label,
                    max_label: scale.max_label,
                })
            }
            _ => None,
        };
        // A count setting: given or defaulted, within 1..=max, for the
        // types that take it; 0 for the others (already refused if given).
        let count = |default_and_max: Option<(i64, i64)>,
                     field: &'static str,
                     given: Option<i64>|
         -> Result<i64, SettingsError> {
            default_and_max.map_or(Ok(0), |(default, max)| {
                in_range(field, given.unwrap_or(default), 1, max)
            })
        };
        let points_budget = to_u64(count(
            (kind == PollType::Points).then_some((100, MAX_POINTS_BUDGET)),
            "points_budget",
            draft.points_budget,
        )?);
        let max_entries = to_usize(count(
            (kind == PollType::Wordcloud).then_some((3, MAX_WORD_ENTRIES)),
            "max_entries",
            draft.max_entries,
        )?);
        let max_length = to_usize(count(
            match kind {
                PollType::Wordcloud => Some((25, MAX_WORD_LENGTH)),
                PollType::Open | PollType::Qa => Some((280, MAX_TEXT_LENGTH)),
                _ => None,
            },
            "max_length",
            draft.max_length,
        )?);
        let (correct, quiz_points) = match kind {
            PollType::Quiz => {
                let keys = draft.correct.ok_or(SettingsError::CorrectRequired)?;
                let mut correct = BTreeSet::new();
                for key in keys {
                    let option = options
                        .iter()
                        .find(|o| o.as_str() == key)
                        .ok_or_else(|| SettingsError::CorrectNotAnOption(key.clone()))?;
                    if !correct.insert(option.clone()) {
                        return Err(SettingsError::CorrectTwice(key));
                    }
                }
                if !(min_choices..=max_choices).contains(&correct.len()) {
                    return Err(SettingsError::CorrectOutsideChoices {
                        count: correct.len(),
                        min: min_choices,
                        max: max_choices,
                    });
                }
                let points = in_range("points", draft.points.unwrap_or(1000), 1, MAX_QUIZ_POINTS)?;
                (correct, to_u64(points))
            }
            _ => (BTreeSet::new(), 0),
        };
        let time_limit = draft
            .time_limit_secs
            .map(|secs| in_range("time_limit_secs", secs, 1, MAX_TIME_LIMIT_SECS))
            .transpose()?
            .map(|secs| Duration::from_secs(to_u64(secs)));
        Ok(Self {
            kind,
            options,
            min_choices,
            max_choices,
            scale,
            points_budget,
            max_entries,
            max_length,
            correct,
            time_limit,
            quiz_points,
            allow_change: draft.allow_change.unwrap_or(false),
            moderated: draft.moderated.unwrap_or(false),
            results_after_vote: draft.results_after_vote.unwrap_or(false),
            body: ContentBody::parse_optional(draft.body)?,
        })
    }
}

#[cfg(test)]
#[path = "settings_tests.rs"]
mod tests;
