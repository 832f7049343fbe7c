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
pub mod encoding;
pub mod names;
pub mod quiz;
pub mod settings;
pub mod words;

pub use aggregate::{Aggregates, OptionRanking, OptionRating, WordCount};
pub use choice::{Choice, InvalidVote, RawChoice, Word};
pub use names::{pseudonym, DisplayName, NameError};
pub use quiz::{leaderboard, score, Standing};
pub use settings::{PollSettings, PollType, Scale, ScaleDraft, SettingsDraft, SettingsError};
pub use words::normalise;
