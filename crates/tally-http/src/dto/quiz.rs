//! The quiz: the name a participant shows as, the leaderboard, a phone's
//! own score.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

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
