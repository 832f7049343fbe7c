//! The deck as mirrored to Redis: what results need besides the counts.

use serde::{Deserialize, Serialize};
use tally_domain::{PollId, Presentation};

#[derive(Debug, Serialize, Deserialize)]
pub struct Deck {
    pub polls: Vec<DeckPoll>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct DeckPoll {
    pub id: uuid::Uuid,
    pub question: String,
    /// (key, value) in display order.
    pub options: Vec<(String, String)>,
}

impl Deck {
    pub fn of(presentation: &Presentation) -> Self {
        Self {
            polls: presentation
                .polls
                .iter()
                .map(|p| DeckPoll {
                    id: *p.id.as_uuid(),
                    question: p.question.as_str().to_owned(),
                    options: p
                        .options
                        .iter()
                        .map(|o| (o.key.as_str().to_owned(), o.value.as_str().to_owned()))
                        .collect(),
                })
                .collect(),
        }
    }

    pub fn poll(&self, id: PollId) -> Option<&DeckPoll> {
        self.polls.iter().find(|p| p.id == *id.as_uuid())
    }
}
