//! Q&A: asking, upvoting and listing questions.

use super::rfc3339;
use serde::{Deserialize, Serialize};
use tally_domain::kinds::QuestionView;
use utoipa::ToSchema;
use uuid::Uuid;

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
    /// Optional idempotency key: a UUID the client makes once per question
    /// and sends again on a retry or a double tap. The same key from the
    /// same `client_id` on the same poll stores one question, and every
    /// send answers 201 with its `question_id`; the same key with another
    /// text is refused (409 `submission_reused`). Without it, each request
    /// is a new question.
    #[serde(default)]
    pub submission_id: Option<Uuid>,
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
