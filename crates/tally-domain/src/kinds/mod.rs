//! Poll types beyond v4's single choice, as `../shared/spec/poll-types.md`
//! defines them: each type's settings and their validation, the votes each
//! type takes, how votes aggregate (so that a change or a retraction moves
//! the aggregates exactly back), how word-cloud words are normalised, and
//! how quiz answers score.
//!
//! Pure rules, checked by unit and property tests. The intakes and stores
//! keep a vote in the encoded form of [`encoding`].

pub mod aggregate;
pub mod choice;
pub mod content;
pub mod encoding;
pub mod moderation;
pub mod names;
pub mod qa;
pub mod quiz;
pub mod settings;
pub mod words;

pub use aggregate::{Aggregates, Cloud, OptionRanking, OptionRating, WordCount};
pub use choice::{Choice, InvalidVote, RawChoice, Word};
pub use content::{Block, BodyError, ContentBody, Span};
pub use moderation::{
    text_entry_id, word_entry_id, Decision, Decisions, Moderation, ProfanityFilter, UnknownFilter,
};
pub use names::{pseudonym, DisplayName, NameError};
pub use qa::{
    arrange, Asked, QuestionFlag, QuestionOrder, QuestionText, QuestionTextError, QuestionView,
};
pub use quiz::{leaderboard, score, Standing};
pub use settings::{PollSettings, PollType, Scale, ScaleDraft, SettingsDraft, SettingsError};
pub use words::normalise;
