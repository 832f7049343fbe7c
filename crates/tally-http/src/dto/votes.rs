//! Votes as cast, retracted and listed.

use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use tally_domain::kinds::RawChoice;
use tally_domain::VoteRecord;
use utoipa::ToSchema;
use uuid::Uuid;

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
