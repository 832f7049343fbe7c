//! A poll as submitted and as shown: its options, type and settings.

use serde::{Deserialize, Serialize};
use tally_domain::deck::image::ImagesDraft;
use tally_domain::kinds::{Block, PollSettings, PollType, ScaleDraft, SettingsDraft};
use tally_domain::Poll;
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

impl OptionBody {
    /// A poll's options as shown.
    pub fn list(options: &[tally_domain::PollOption]) -> Vec<Self> {
        options
            .iter()
            .map(|o| Self {
                key: o.key.as_str().to_owned(),
                value: o.value.as_str().to_owned(),
            })
            .collect()
    }
}

/// A poll as submitted. v4 clients may echo the read-only `poll_id`; it is
/// ignored. Beside v4's fields, the poll-type fields of `poll-types.md`:
/// without `type` (and without them) a poll is v4's single choice.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewPollBody {
    #[schema(
        example = "Which pet?",
        min_length = 1,
        max_length = 1000,
        pattern = r"\S"
    )]
    pub question: String,
    /// Up to 64 options, with unique keys: at least one for the types that
    /// choose among options (or rate them: `scale`), none for `wordcloud`,
    /// `open` and `qa`.
    #[serde(default)]
    #[schema(max_items = 64)]
    pub options: Vec<OptionBody>,
    /// Tally: the presenter's notes on this poll, up to 2000 characters
    /// (newlines allowed; blank is none). Only `GET
    /// /presentations/{presentation_id}/notes` shows them: never a read
    /// the audience can make.
    #[serde(default)]
    #[schema(example = "Ask who came by train first.", max_length = 2000)]
    pub notes: Option<String>,
    /// Tally: images beside the question and options, each uploaded first
    /// (`POST /presentations/{id}/images`) and with its alt text:
    /// `{"question": {"image_id", "alt"}, "options": {"A": {"image_id",
    /// "alt"}}}`.
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub images: Option<ImagesDraft>,
    #[serde(flatten)]
    pub settings: PollSettingsBody,
}

/// A scale's range (`type: "scale"`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScaleBody {
    #[schema(example = 1)]
    pub min: i64,
    #[schema(example = 5)]
    pub max: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "Not at all")]
    pub min_label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "Completely")]
    pub max_label: Option<String>,
}

/// A poll's type and settings (`poll-types.md`). Each field applies to the
/// types its description names; given for another type, it is refused.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct PollSettingsBody {
    /// `single` (default), `multiple`, `scale`, `ranking`, `points`,
    /// `wordcloud`, `open`, `quiz`, `qa`, or `content` (a content slide:
    /// the question is its heading, `body` its text, an image optional;
    /// it takes no votes).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "multiple")]
    pub kind: Option<String>,
    /// multiple, ranking, quiz: fewest options a vote holds (default 1;
    /// ranking: all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_choices: Option<i64>,
    /// multiple, ranking, quiz: most options a vote holds (default: all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_choices: Option<i64>,
    /// scale: the rating range (default 1 to 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<ScaleBody>,
    /// points: points each participant spreads (default 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_budget: Option<i64>,
    /// wordcloud: words per participant (default 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_entries: Option<i64>,
    /// wordcloud, open, qa: characters per entry (default 25 for
    /// wordcloud, 280 otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<i64>,
    /// quiz (required): the keys of the correct options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correct: Option<Vec<String>>,
    /// Every type: voting closes by itself this long after it opens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit_secs: Option<i64>,
    /// quiz: the most points a correct answer earns (default 1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<i64>,
    /// Every type but qa: a participant may replace or retract their vote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_change: Option<bool>,
    /// wordcloud, open, qa: new entries wait for the presenter's approval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moderated: Option<bool>,
    /// Every type but qa (default false): the phone shows the results only
    /// to a participant who has voted. A display choice of the phone; the
    /// server's reads are the same for everyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results_after_vote: Option<bool>,
    /// content: the slide's text (at most 2,000 characters) in a Markdown
    /// subset: paragraphs, `**bold**`, `*italic*`, `-` and `1.` lists one
    /// level deep. Anything else (HTML, links, images, headings, code,
    /// quotes) is refused with its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "Welcome to **Tally Day**.\n\n- Wi-Fi: tally-guest\n- Lunch at 12:30")]
    pub body: Option<String>,
}

impl PollSettingsBody {
    pub(super) fn is_empty(&self) -> bool {
        self.kind.is_none() && self.clone().into_draft() == SettingsDraft::default()
    }

    pub(super) fn into_draft(self) -> SettingsDraft {
        SettingsDraft {
            min_choices: self.min_choices,
            max_choices: self.max_choices,
            scale: self.scale.map(|s| ScaleDraft {
                min: s.min,
                max: s.max,
                min_label: s.min_label,
                max_label: s.max_label,
            }),
            points_budget: self.points_budget,
            max_entries: self.max_entries,
            max_length: self.max_length,
            correct: self.correct,
            time_limit_secs: self.time_limit_secs,
            points: self.points,
            allow_change: self.allow_change,
            moderated: self.moderated,
            results_after_vote: self.results_after_vote,
            body: self.body,
        }
    }

    /// The settings a poll shows: none for a v4 single-choice poll, so that
    /// its body is exactly v4's.
    pub(crate) fn of(settings: &PollSettings) -> Self {
        if plain_settings(settings) {
            return Self::default();
        }
        let draft = settings.draft();
        Self {
            kind: Some(settings.kind.as_str().to_owned()),
            min_choices: draft.min_choices,
            max_choices: draft.max_choices,
            scale: draft.scale.map(|s| ScaleBody {
                min: s.min,
                max: s.max,
                min_label: s.min_label,
                max_label: s.max_label,
            }),
            points_budget: draft.points_budget,
            max_entries: draft.max_entries,
            max_length: draft.max_length,
            // The answer is not shown before the results are.
            correct: None,
            time_limit_secs: draft.time_limit_secs,
            points: draft.points,
            allow_change: draft.allow_change,
            moderated: draft.moderated,
            results_after_vote: draft.results_after_vote,
            body: draft.body,
        }
    }
}

/// A poll as shown (v4 Poll). Never carries votes. A poll of another type
/// than v4's single choice also shows its type and settings (never the
/// quiz's correct keys).
#[derive(Debug, Serialize, ToSchema)]
pub struct PollBody {
    pub poll_id: Uuid,
    pub question: String,
    pub options: Vec<OptionBody>,
    #[serde(flatten)]
    pub settings: PollSettingsBody,
    /// Tally, on polls with a `type`: the field a vote on this poll carries
    /// (`key`, `keys`, `ratings`, …). A quiz's depends on how many keys
    /// are correct, which the poll does not otherwise show.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "keys")]
    pub vote_field: Option<&'static str>,
    /// Tally: the poll's images, when it has any (as on creation).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub images: Option<ImagesDraft>,
    /// Tally, on a content slide with a `body`: the body read as blocks
    /// (`paragraph`, `bullets`, `numbered`) of spans (`text`, with `strong`
    /// and `emphasis` when set). Pages draw these as text, never as markup.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Vec<Object>>)]
    pub body_blocks: Option<Vec<Block>>,
}

impl From<&Poll> for PollBody {
    fn from(poll: &Poll) -> Self {
        Self {
            poll_id: *poll.id.as_uuid(),
            question: poll.question.as_str().to_owned(),
            options: OptionBody::list(&poll.options),
            settings: PollSettingsBody::of(&poll.settings),
            vote_field: (!is_plain_v4(poll) && poll.settings.kind != PollType::Content)
                .then(|| poll.settings.vote_field()),
            images: (!poll.images.is_empty()).then(|| poll.images.draft()),
            body_blocks: poll.settings.body.as_ref().map(|b| b.blocks().to_vec()),
        }
    }
}

/// A v4 single-choice poll with no setting or image of Tally's: its body
/// is exactly v4's, without `type` or any extension field.
fn is_plain_v4(poll: &Poll) -> bool {
    poll.images.is_empty() && plain_settings(&poll.settings)
}

/// Settings v4's single choice has: none of Tally's.
fn plain_settings(settings: &PollSettings) -> bool {
    *settings == PollSettings::single(settings.options.clone())
}
