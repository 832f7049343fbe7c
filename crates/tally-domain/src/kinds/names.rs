//! Participants' display names on the quiz leaderboard.

use crate::ids::{ParticipantId, PresentationId};
use rustrict::CensorStr as _;
use sha2::{Digest as _, Sha256};

/// Longest display name, in characters.
pub const MAX_NAME_CHARS: usize = 30;

/// Why a display name was refused (400, each reason with its own problem
/// code, so that a phone can say which in the participant's language).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("a name needs at least one character that is not a space")]
    Empty,
    #[error("a name holds at most {MAX_NAME_CHARS} characters once trimmed")]
    TooLong,
    #[error("a name must not contain control characters")]
    ControlCharacter,
    #[error("this name is not allowed")]
    Inappropriate,
}

/// A name a participant chose: trimmed, 1 to 30 characters, no control
/// characters, and passed by the profanity filter (`rustrict`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DisplayName(String);

impl DisplayName {
    /// # Errors
    /// [`NameError`] for a name too short or long, with control
    /// characters, or that the filter finds inappropriate.
    pub fn parse(raw: &str) -> Result<Self, NameError> {
        let name = raw.trim();
        if name.is_empty() {
            return Err(NameError::Empty);
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(NameError::TooLong);
        }
        if name.chars().any(char::is_control) {
            return Err(NameError::ControlCharacter);
        }
        if is_inappropriate(name) {
            return Err(NameError::Inappropriate);
        }
        Ok(Self(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether the profanity filter finds `text` inappropriate (profane,
/// offensive, sexual or mean, at its default threshold).
pub fn is_inappropriate(text: &str) -> bool {
    text.is_inappropriate()
}

/// The name a participant without one shows as: stable for the
/// participant and the presentation, and revealing neither id.
pub fn pseudonym(presentation: PresentationId, participant: ParticipantId) -> String {
    const ANIMALS: [&str; 16] = [
        "Otter", "Falcon", "Panda", "Lynx", "Heron", "Koala", "Bison", "Gecko", "Puffin", "Tapir",
        "Walrus", "Quokka", "Ibex", "Marten", "Orca", "Wombat",
    ];
    let digest = Sha256::new()
        .chain_update(presentation.as_uuid().as_bytes())
        .chain_update(participant.as_uuid().as_bytes())
        .finalize();
    let animal = ANIMALS[usize::from(digest[0]) % ANIMALS.len()];
    format!("{animal} {:02X}{:02X}", digest[1], digest[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_bounded_and_filtered() {
        assert_eq!(DisplayName::parse("  Ada  ").unwrap().as_str(), "Ada");
        assert_eq!(DisplayName::parse("   "), Err(NameError::Empty));
        assert_eq!(DisplayName::parse(&"x".repeat(31)), Err(NameError::TooLong));
        assert!(DisplayName::parse(&"é".repeat(30)).is_ok());
        assert_eq!(
            DisplayName::parse("a\u{7}b"),
            Err(NameError::ControlCharacter)
        );
        assert_eq!(
            DisplayName::parse("shit head"),
            Err(NameError::Inappropriate)
        );
        assert!(
            DisplayName::parse("Scunthorpe").is_ok(),
            "no false positive"
        );
    }

    #[test]
    fn pseudonyms_are_stable_per_participant_and_presentation() {
        let (p, q) = (PresentationId::generate(), PresentationId::generate());
        let someone = ParticipantId::from_uuid(uuid::Uuid::new_v4());
        assert_eq!(pseudonym(p, someone), pseudonym(p, someone));
        assert_ne!(pseudonym(p, someone), pseudonym(q, someone));
    }
}
