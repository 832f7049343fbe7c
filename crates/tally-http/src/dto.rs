//! Wire shapes. v4 shapes are exact: no extra fields in v4 responses.
//! Extension shapes sit beside them.

use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::SystemTime;
use tally_domain::kinds::{
    PollSettings, PollType, ProfanityFilter, QuestionView, RawChoice, ScaleDraft, SettingsDraft,
};
use tally_domain::poll::PollError;
use tally_domain::{
    Holder, JoinCode, OptionKey, OptionValue, Poll, PollDraft, PollOption, PollResults, Power,
    Presentation, PresentationDraft, PresentationSummary, Question, VoteRecord,
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
    /// `wordcloud`, `open`, `quiz` or `qa`.
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
}

impl PollSettingsBody {
    fn is_empty(&self) -> bool {
        self.kind.is_none() && self.clone().into_draft() == SettingsDraft::default()
    }

    fn into_draft(self) -> SettingsDraft {
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
        }
    }

    /// The settings a poll shows: none for a v4 single-choice poll, so that
    /// its body is exactly v4's.
    fn of(settings: &PollSettings) -> Self {
        if is_plain_v4(settings) {
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
        }
    }
}

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
                let question = Question::parse(poll.question)?;
                if poll.settings.is_empty() {
                    return Ok(PollDraft::new(question, options)?);
                }
                let kind = poll
                    .settings
                    .kind
                    .as_deref()
                    .map_or(Ok(PollType::Single), PollType::parse)
                    .map_err(PollError::from)?;
                Ok(PollDraft::typed(
                    question,
                    options,
                    kind,
                    poll.settings.into_draft(),
                )?)
            })
            .collect::<Result<Vec<_>, Problem>>()?;
        Ok(PresentationDraft::new(polls)?.with_profanity_filter(filter))
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
            settings: PollSettingsBody::of(&poll.settings),
            vote_field: (!is_plain_v4(&poll.settings)).then(|| poll.settings.vote_field()),
        }
    }
}

/// A v4 single-choice poll with no setting of Tally's: its body is exactly
/// v4's, without `type` or any extension field.
fn is_plain_v4(settings: &PollSettings) -> bool {
    *settings == PollSettings::single(settings.options.clone())
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

/// A vote (v4 Vote request, with the poll types' fields). It carries
/// exactly one of `key` (single; quiz with one correct key), `keys`
/// (multiple; quiz with several), `ratings` (scale), `ranking`, `points`,
/// `words` (wordcloud) or `text` (open), as the poll's type takes.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteBody {
    #[schema(example = "A", min_length = 1, max_length = 32)]
    pub key: Option<String>,
    /// The voter's stable id. Voting again with the same vote is a no-op.
    pub client_id: Uuid,
    pub poll_id: Uuid,
    /// Distinct option keys.
    #[schema(example = json!(["A", "C"]))]
    pub keys: Option<Vec<String>>,
    /// Option key to an integer rating within the scale.
    #[schema(example = json!({"A": 4, "B": 2}))]
    pub ratings: Option<BTreeMap<String, i64>>,
    /// Distinct option keys, best first.
    #[schema(example = json!(["B", "A", "C"]))]
    pub ranking: Option<Vec<String>>,
    /// Option key to points; the sum is above 0 and within the budget.
    #[schema(example = json!({"A": 60, "C": 40}))]
    pub points: Option<BTreeMap<String, i64>>,
    /// 1 to `max_entries` words.
    #[schema(example = json!(["coffee", "tea"]))]
    pub words: Option<Vec<String>>,
    /// Open text.
    #[schema(example = "More breaks, please")]
    pub text: Option<String>,
}

impl VoteBody {
    /// The one choice field the body carries.
    ///
    /// # Errors
    /// `invalid_vote` when it carries none or several.
    pub fn raw_choice(&mut self) -> Result<RawChoice, Problem> {
        let mut given = [
            self.key.take().map(RawChoice::Key),
            self.keys.take().map(RawChoice::Keys),
            self.ratings.take().map(RawChoice::Ratings),
            self.ranking.take().map(RawChoice::Ranking),
            self.points.take().map(RawChoice::Points),
            self.words.take().map(RawChoice::Words),
            self.text.take().map(RawChoice::Text),
        ]
        .into_iter()
        .flatten();
        match (given.next(), given.next()) {
            (Some(raw), None) => Ok(raw),
            (None, _) => Err(Problem::bad_request(
                "invalid_vote",
                "the vote carries none of key, keys, ratings, ranking, points, words, text",
            )),
            (Some(_), Some(_)) => Err(Problem::bad_request(
                "invalid_vote",
                "the vote carries more than one of key, keys, ratings, ranking, points, words, text",
            )),
        }
    }
}

/// A retraction (`DELETE …/polls/current/votes`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RetractBody {
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
            key: v.summary(),
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

/// Who a presenter credential is on a presentation, and what it may do
/// there (see `tally_domain::Power`).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AccessBody {
    /// `presenter`, or the contest link's role: `cohost` or `moderator`.
    #[schema(example = "cohost")]
    pub role: String,
    /// Of `own` (delete the presentation), `run` (slides, voting, timers,
    /// resets, result visibility, the vote list, the quiz leaderboard) and
    /// `moderate` (results with held audience text, the presenter
    /// channels, moderating audience text).
    #[schema(example = json!(["run", "moderate"]))]
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

/// Voting state of the poll on screen. `voting_open` is the presenter's
/// switch; with a timer, voting also closes at `deadline_ms`.
#[derive(Debug, Serialize, ToSchema)]
pub struct VotingStateBody {
    pub poll_id: Uuid,
    pub voting_open: bool,
    #[serde(flatten)]
    pub timer: Option<TimerBody>,
}

impl From<&Poll> for VotingStateBody {
    fn from(poll: &Poll) -> Self {
        Self {
            poll_id: *poll.id.as_uuid(),
            voting_open: poll.voting_open,
            timer: TimerBody::of(poll),
        }
    }
}

/// A running timer, by the server's clock.
#[derive(Debug, Serialize, ToSchema)]
pub struct TimerBody {
    /// When voting closes, in milliseconds since the Unix epoch.
    pub deadline_ms: u64,
    /// Milliseconds left at `server_time_ms` (0 once passed).
    pub ms_left: u64,
    /// The server's time when this body was made, in milliseconds since the
    /// Unix epoch: a client counts down from here with its own clock.
    pub server_time_ms: u64,
}

impl TimerBody {
    pub fn of(poll: &Poll) -> Option<Self> {
        let deadline = poll.deadline?;
        let ms = |t: SystemTime| {
            t.duration_since(SystemTime::UNIX_EPOCH)
                .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        };
        let now = SystemTime::now();
        Some(Self {
            deadline_ms: ms(deadline),
            ms_left: ms(deadline).saturating_sub(ms(now)),
            server_time_ms: ms(now),
        })
    }
}

/// `POST …/polls/current/timer` body.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TimerRequestBody {
    /// Seconds to add to the running timer (or to start one with); 0 stops
    /// it. At most 86400.
    #[schema(example = 20, maximum = 86400)]
    pub seconds: u64,
}

/// Whether the audience sees the results of the poll on screen.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResultsVisibilityBody {
    pub poll_id: Uuid,
    pub results_visible: bool,
}

/// One option in a poll's results. Which counts it carries depends on the
/// poll's type (`poll-types.md`): `votes` (single, multiple, quiz); `count`,
/// `mean`, `median`, `distribution` (scale); `borda`, `mean_position`,
/// `positions` (ranking); `points`, `mean` (points).
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct OptionResultBody {
    pub key: String,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub votes: Option<u64>,
    /// Scale: how many rated the statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// Scale: the mean rating; points: the mean points per participant.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mean: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub median: Option<f64>,
    /// Scale: rating (as a string) to how many gave it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = json!({"4": 12, "5": 3}))]
    pub distribution: Option<BTreeMap<String, u64>>,
    /// Ranking: n − p points for each ranking at position p of n.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub borda: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mean_position: Option<f64>,
    /// Ranking: how many ranked it 1st, 2nd, …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub positions: Option<Vec<u64>>,
    /// Points: the points given to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<u64>,
}

/// A word of a word cloud: the spelling used most, and the count.
#[derive(Debug, Serialize, ToSchema)]
pub struct WordResultBody {
    pub word: String,
    pub count: u64,
    /// For `…/entries/{entry_id}/hide` and `/approve`: stable for the
    /// word's normal form on the poll.
    #[schema(example = "9b2e61f0c4d8a7e3")]
    pub entry_id: String,
}

/// A Q&A question.
#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionResultBody {
    pub question_id: Uuid,
    pub text: String,
    pub upvotes: u64,
    pub answered: bool,
    pub pinned: bool,
    /// Held by moderation (the presenter's results only; the audience's
    /// lists leave held questions out).
    pub hidden: bool,
    /// RFC 3339, UTC.
    pub asked_at: String,
}

impl From<&QuestionView> for QuestionResultBody {
    fn from(view: &QuestionView) -> Self {
        let q = &view.asked;
        Self {
            question_id: *q.id.as_uuid(),
            text: q.text.clone(),
            upvotes: q.upvotes,
            answered: q.answered,
            pinned: q.pinned,
            hidden: view.hidden,
            asked_at: rfc3339(q.asked_at),
        }
    }
}

/// POST …/questions body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AskBody {
    pub client_id: Uuid,
    /// 1 to the poll's `max_length` characters (default 280) once trimmed.
    #[schema(example = "Will the slides be shared?")]
    pub text: String,
}

/// 201 answer to POST …/questions.
#[derive(Debug, Serialize, ToSchema)]
pub struct AskedBody {
    pub question_id: Uuid,
}

/// POST and DELETE …/questions/{question_id}/upvote body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct UpvoteBody {
    pub client_id: Uuid,
}

/// GET …/questions query.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct QuestionsQuery {
    /// `top` (most upvoted first; the default) or `recent`. Pinned
    /// questions come first and answered ones last either way.
    pub sort: Option<String>,
}

/// An open-text entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct EntryResultBody {
    /// Of the participant's text on the poll (a changed text is a new
    /// entry); reveals neither the client id nor anything else.
    pub entry_id: String,
    pub text: String,
    pub hidden: bool,
}

/// A poll's results. Every type has `poll_id`, `type`, `participants` and
/// `round`; the other fields are the type's (`poll-types.md`).
#[derive(Debug, Serialize, ToSchema)]
#[schema(examples(
    json!({"poll_id": "0190f3c4-0000-7000-8000-000000000001", "type": "single", "round": 1,
           "question": "Which pet?", "voting_open": true, "participants": 3, "total_votes": 3,
           "options": [{"key": "A", "value": "Cats", "votes": 2}, {"key": "B", "value": "Dogs", "votes": 1}]}),
    json!({"poll_id": "0190f3c4-0000-7000-8000-000000000002", "type": "scale", "round": 1,
           "question": "How clear was it?", "voting_open": true, "participants": 2,
           "options": [{"key": "A", "value": "The talk", "count": 2, "mean": 4.5, "median": 4.5,
                        "distribution": {"4": 1, "5": 1}}]}),
    json!({"poll_id": "0190f3c4-0000-7000-8000-000000000003", "type": "ranking", "round": 1,
           "question": "Order these", "voting_open": true, "participants": 1,
           "options": [{"key": "B", "value": "Beta", "borda": 2, "mean_position": 1.0, "positions": [1, 0, 0]},
                       {"key": "A", "value": "Alpha", "borda": 1, "mean_position": 2.0, "positions": [0, 1, 0]},
                       {"key": "C", "value": "Gamma", "borda": 0, "mean_position": 3.0, "positions": [0, 0, 1]}]}),
    json!({"poll_id": "0190f3c4-0000-7000-8000-000000000004", "type": "points", "round": 1,
           "question": "Spend 100 points", "voting_open": true, "participants": 1,
           "options": [{"key": "A", "value": "Alpha", "points": 60, "mean": 60.0},
                       {"key": "B", "value": "Beta", "points": 40, "mean": 40.0}]}),
    json!({"poll_id": "0190f3c4-0000-7000-8000-000000000005", "type": "wordcloud", "round": 1,
           "question": "One word?", "voting_open": true, "participants": 2,
           "words": [{"word": "Café", "count": 2, "entry_id": "9b2e61f0c4d8a7e3"},
                     {"word": "tea", "count": 1, "entry_id": "05d1c3b7e9a2f468"}],
           "held_words": [{"word": "Shit", "count": 1, "entry_id": "7c40e2a9b1d6f385"}]}),
    json!({"poll_id": "0190f3c4-0000-7000-8000-000000000006", "type": "open", "round": 1,
           "question": "Feedback?", "voting_open": true, "participants": 1,
           "entries": [{"entry_id": "3f1c9a0b2d4e5f60", "text": "More breaks", "hidden": false}]}),
    json!({"poll_id": "0190f3c4-0000-7000-8000-000000000007", "type": "quiz", "round": 1,
           "question": "2 + 2?", "voting_open": false, "participants": 2, "total_votes": 2,
           "correct": ["B"],
           "options": [{"key": "A", "value": "3", "votes": 0}, {"key": "B", "value": "4", "votes": 2}]}),
    json!({"poll_id": "0190f3c4-0000-7000-8000-000000000008", "type": "qa", "round": 1,
           "question": "Questions for the speaker", "voting_open": true, "participants": 0,
           "questions": [{"question_id": "0190f3c4-0000-7000-8000-0000000000a1",
                          "text": "Will the slides be shared?", "upvotes": 12, "answered": false,
                          "pinned": true, "hidden": false, "asked_at": "2026-11-22T10:15:02.120Z"}]}),
))]
pub struct ResultsBody {
    pub poll_id: Uuid,
    #[serde(rename = "type")]
    pub kind: String,
    /// The round the counts belong to (a reset starts a new one).
    pub round: u32,
    pub question: String,
    pub voting_open: bool,
    /// Distinct participants with a vote counted.
    pub participants: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<OptionResultBody>>,
    /// Single, multiple, quiz: the sum of the option counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_votes: Option<u64>,
    /// Quiz: the correct keys.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correct: Option<Vec<String>>,
    /// Word cloud: the words shown, most frequent first, at most 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<Vec<WordResultBody>>,
    /// Word cloud, presenter only: the words moderation holds (the
    /// profanity filter, or a moderated poll before approval), at most
    /// 100, for the moderation queue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_words: Option<Vec<WordResultBody>>,
    /// Open text. The audience's copy leaves held entries out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entries: Option<Vec<EntryResultBody>>,
    /// Q&A: pinned first, then by upvotes, answered last. The audience's
    /// copy leaves held questions out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub questions: Option<Vec<QuestionResultBody>>,
}

impl From<PollResults> for ResultsBody {
    fn from(r: PollResults) -> Self {
        let kind = r.settings.kind;
        let keys: Vec<OptionKey> = r.options.iter().map(|o| o.key.clone()).collect();
        let value_of = |key: &OptionKey| {
            r.options
                .iter()
                .find(|o| o.key == *key)
                .map_or_else(String::new, |o| o.value.as_str().to_owned())
        };
        let option = |key: &OptionKey| OptionResultBody {
            key: key.as_str().to_owned(),
            value: value_of(key),
            ..OptionResultBody::default()
        };
        let aggregates = &r.aggregates;
        let mut cloud = (kind == PollType::Wordcloud).then(|| r.cloud());
        let words = |list: Vec<tally_domain::kinds::WordCount>| -> Vec<WordResultBody> {
            list.into_iter()
                .map(|w| WordResultBody {
                    word: w.word,
                    count: w.count,
                    entry_id: w.entry_id,
                })
                .collect()
        };
        let options = match kind {
            PollType::Single | PollType::Multiple | PollType::Quiz => Some(
                r.options
                    .iter()
                    .map(|o| OptionResultBody {
                        votes: Some(o.votes),
                        ..option(&o.key)
                    })
                    .collect(),
            ),
            PollType::Scale => Some(
                aggregates
                    .scale(&keys)
                    .into_iter()
                    .map(|s| OptionResultBody {
                        count: Some(s.count),
                        mean: s.mean,
                        median: s.median,
                        distribution: Some(
                            s.distribution
                                .iter()
                                .map(|(rating, n)| (rating.to_string(), *n))
                                .collect(),
                        ),
                        ..option(&s.key)
                    })
                    .collect(),
            ),
            PollType::Ranking => Some(
                aggregates
                    .ranking(&keys)
                    .into_iter()
                    .map(|s| OptionResultBody {
                        borda: Some(s.borda),
                        mean_position: s.mean_position,
                        positions: Some(s.positions.clone()),
                        ..option(&s.key)
                    })
                    .collect(),
            ),
            PollType::Points => Some(
                aggregates
                    .points(&keys)
                    .into_iter()
                    .map(|(key, points, mean)| OptionResultBody {
                        points: Some(points),
                        mean,
                        ..option(&key)
                    })
                    .collect(),
            ),
            PollType::Wordcloud | PollType::Open | PollType::Qa => None,
        };
        Self {
            poll_id: *r.poll_id.as_uuid(),
            kind: kind.as_str().to_owned(),
            round: r.round,
            question: r.question.as_str().to_owned(),
            voting_open: r.voting_open,
            participants: r.participants,
            total_votes: matches!(kind, PollType::Single | PollType::Multiple | PollType::Quiz)
                .then_some(r.total_votes),
            correct: (kind == PollType::Quiz).then(|| {
                r.settings
                    .correct
                    .iter()
                    .map(|k| k.as_str().to_owned())
                    .collect()
            }),
            words: cloud.as_mut().map(|c| words(std::mem::take(&mut c.shown))),
            held_words: cloud.filter(|_| !r.for_audience).map(|c| words(c.held)),
            questions: (kind == PollType::Qa)
                .then(|| r.questions.iter().map(QuestionResultBody::from).collect()),
            entries: (kind == PollType::Open).then(|| {
                r.entries
                    .iter()
                    .map(|e| EntryResultBody {
                        entry_id: e.entry_id.clone(),
                        text: e.text.clone(),
                        hidden: e.hidden,
                    })
                    .collect()
            }),
            options,
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

/// `POST /presentations/{id}/participants`: the name a participant shows
/// as on the leaderboard.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ParticipantBody {
    pub client_id: Uuid,
    /// 1 to 30 characters once trimmed; the profanity filter applies.
    #[schema(example = "Ada", min_length = 1, max_length = 30)]
    pub name: String,
}

/// A row of the quiz leaderboard.
#[derive(Debug, Serialize, ToSchema)]
pub struct StandingBody {
    /// The participant's name, or a stable pseudonym such as "Otter 3F1C".
    pub name: String,
    pub score: u64,
    /// Correct answers.
    pub correct: u64,
    /// 1 for the best; equal scores share a rank (1, 1, 3).
    pub rank: u64,
}

/// A poll's round after a reset.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoundBody {
    pub poll_id: Uuid,
    /// The round now counting (the first is 1).
    pub round: u32,
    pub voting_open: bool,
}

/// Query of a poll's results.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct RoundQuery {
    /// An earlier round (1 is the first); the current one when absent.
    #[param(minimum = 1)]
    pub round: Option<u32>,
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

/// A participant's own quiz score.
#[derive(Debug, Serialize, ToSchema)]
pub struct ScoreBody {
    /// Points over every quiz poll of the presentation.
    #[schema(example = 1875)]
    pub score: u64,
    /// Correct answers.
    #[schema(example = 2)]
    pub correct: u64,
}
