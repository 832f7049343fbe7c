//! The deck as mirrored to Redis: what results need besides the counts.

use anyhow::Context as _;
use serde::{Deserialize, Serialize};
use tally_domain::kinds::{PollType, SettingsDraft};
use tally_domain::{
    OptionKey, OptionValue, Poll, PollDraft, PollId, PollOption, Presentation, Question,
};

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
    /// The poll type; mirrors written before types existed hold single
    /// choice polls only.
    #[serde(default = "single")]
    pub kind: String,
    #[serde(default)]
    pub settings: SettingsDraft,
    #[serde(default = "first_round")]
    pub round: u32,
}

fn first_round() -> u32 {
    1
}

fn single() -> String {
    PollType::Single.as_str().to_owned()
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
                    kind: p.settings.kind.as_str().to_owned(),
                    settings: p.settings.draft(),
                    round: p.round,
                })
                .collect(),
        }
    }

    pub fn poll(&self, id: PollId) -> Option<&DeckPoll> {
        self.polls.iter().find(|p| p.id == *id.as_uuid())
    }
}

impl DeckPoll {
    /// The poll as the domain knows it (`voting_open` is not in the deck).
    pub fn to_poll(&self, voting_open: bool) -> anyhow::Result<Poll> {
        let options = self
            .options
            .iter()
            .map(|(key, value)| {
                Ok(PollOption {
                    key: OptionKey::parse(key.as_str())?,
                    value: OptionValue::parse(value.as_str())?,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let draft = PollDraft::typed(
            Question::parse(self.question.as_str())?,
            options,
            PollType::parse(&self.kind)?,
            self.settings.clone(),
        )
        .context("mirrored poll")?;
        Ok(Poll {
            voting_open,
            round: self.round,
            ..draft.to_poll(PollId::from_uuid(self.id))
        })
    }
}
