//! A poll's results, in the fields of its type, and which round to read.

use super::QuestionResultBody;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use tally_domain::kinds::PollType;
use tally_domain::{OptionKey, PollResults};
use utoipa::ToSchema;
use uuid::Uuid;

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
    /// Quiz: the correct keys; for the audience only once voting has
    /// closed.
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
            PollType::Wordcloud | PollType::Open | PollType::Qa | PollType::Content => None,
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
            correct: (kind == PollType::Quiz && r.reveals_correct()).then(|| {
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

/// A poll's rounds, first to current (`GET …/polls/{poll_id}/rounds`).
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"poll_id": "0190f3c4-0000-7000-8000-000000000001", "current_round": 2,
    "rounds": [{"round": 1, "responses": 41}, {"round": 2, "responses": 12}]}))]
pub struct RoundsBody {
    pub poll_id: Uuid,
    /// The round votes count in now (the last of `rounds`).
    pub current_round: u32,
    pub rounds: Vec<RoundCountBody>,
}

/// One round and how many took part: its results are
/// `GET …/polls/{poll_id}/results?round=N`.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoundCountBody {
    pub round: u32,
    /// Distinct participants with a vote counted in the round.
    pub responses: u64,
}

/// Query of a poll's results.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct RoundQuery {
    /// An earlier round (1 is the first); the current one when absent.
    #[param(minimum = 1)]
    pub round: Option<u32>,
}
