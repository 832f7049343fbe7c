//! Wire shapes, one file per feature. v4 shapes are exact: no extra fields
//! in v4 responses. Extension shapes sit beside them.

mod deck;
mod links;
mod polls;
mod presentations;
mod questions;
mod quiz;
mod results;
mod settings;
mod slides;
mod votes;

pub use deck::{
    DeckBody, DeckEditBody, DeckEditsBody, DeckPollBody, DeckRevisionBody, RevisedPollBody,
};
pub use links::{NewPresentationLinkBody, PresentationLinkBody, PresentationLinkCreatedBody};
pub use polls::{NewPollBody, OptionBody, PollBody, PollSettingsBody, ScaleBody};
pub use presentations::{
    AccessBody, JoinBody, NewPresentationBody, PageQuery, PresentationBody,
    PresentationCreatedBody, PresentationPageBody, PresentationSummaryBody,
};
pub use questions::{AskBody, AskedBody, QuestionResultBody, QuestionsQuery, UpvoteBody};
pub use quiz::{ParticipantBody, ScoreBody, StandingBody};
pub use results::{
    EntryResultBody, OptionResultBody, ResultsBody, RoundCountBody, RoundQuery, RoundsBody,
    WordResultBody,
};
pub use settings::{LogoRefBody, PaletteBody, SettingsBody, SettingsPatchBody, WarningBody};
pub use slides::{
    GoToBody, ResultsVisibilityBody, RoundBody, TimerBody, TimerRequestBody, VotingStateBody,
};
pub use votes::{RetractBody, VoteBody, VoteListingBody};

use std::time::SystemTime;

fn rfc3339(t: SystemTime) -> String {
    humantime::format_rfc3339_millis(t).to_string()
}
