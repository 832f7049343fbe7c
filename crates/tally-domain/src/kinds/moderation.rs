//! Moderation of audience text: word-cloud words, open-text entries and Q&A
//! questions.
//!
//! An entry is shown unless it is held. The presenter's decision on an
//! entry wins; without one, an entry is held when its poll is moderated
//! (held until approved) or when the presentation's profanity filter
//! matches it. So a false positive of the filter can be approved, and an
//! approved entry that is then changed is a new entry, held again if it
//! has to be.

use crate::ids::{ParticipantId, PollId};
use rustrict::{CensorStr as _, Type};
use sha2::{Digest as _, Sha256};
use std::collections::BTreeMap;

/// How strict a presentation's profanity filter is (`rustrict`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ProfanityFilter {
    /// Nothing is held for its words.
    Off,
    /// Profane, offensive or sexual text, and severely mean text (the
    /// filter's own default, `rustrict::Type::INAPPROPRIATE`).
    #[default]
    Standard,
    /// Also mildly mean text: insults such as "idiot".
    Strict,
}

/// Refused filter name (400 `invalid_presentation`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown profanity_filter {0:?}; expected one of off, standard, strict")]
pub struct UnknownFilter(pub String);

impl ProfanityFilter {
    pub const ALL: [ProfanityFilter; 3] = [Self::Off, Self::Standard, Self::Strict];

    /// # Errors
    /// [`UnknownFilter`] for any other name.
    pub fn parse(raw: &str) -> Result<Self, UnknownFilter> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str() == raw)
            .ok_or_else(|| UnknownFilter(raw.to_owned()))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::Standard => "standard",
            Self::Strict => "strict",
        }
    }

    /// Whether the filter holds `text`.
    pub fn matches(self, text: &str) -> bool {
        match self {
            Self::Off => false,
            Self::Standard => text.is(Type::INAPPROPRIATE),
            Self::Strict => text.is(
                (Type::PROFANE | Type::OFFENSIVE | Type::SEXUAL | Type::MEAN)
                    & Type::MILD_OR_HIGHER,
            ),
        }
    }
}

/// The presenter's decision on one entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Decision {
    Approved,
    Hidden,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Approved => "approved",
            Self::Hidden => "hidden",
        }
    }

    /// The stored name back; `None` for anything else.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "approved" => Some(Self::Approved),
            "hidden" => Some(Self::Hidden),
            _ => None,
        }
    }
}

/// What the store keeps for a poll's moderation: the presentation's filter
/// and the presenter's decisions on entries, by entry id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    pub filter: ProfanityFilter,
    pub by_entry: BTreeMap<String, Decision>,
}

/// Everything that decides whether a poll's entries are shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Moderation {
    pub filter: ProfanityFilter,
    /// The poll is `moderated`: entries wait for the presenter's approval.
    pub held_until_approved: bool,
    pub decisions: BTreeMap<String, Decision>,
}

impl Moderation {
    /// A poll's moderation from its `moderated` setting and what the store
    /// keeps.
    pub fn new(held_until_approved: bool, decisions: Decisions) -> Self {
        Self {
            filter: decisions.filter,
            held_until_approved,
            decisions: decisions.by_entry,
        }
    }

    /// Whether an entry with the presenter's `decision` (if any) and these
    /// `texts` (its spellings) is held.
    pub fn holds(&self, decision: Option<Decision>, texts: &[&str]) -> bool {
        match decision {
            Some(Decision::Approved) => false,
            Some(Decision::Hidden) => true,
            None => self.held_until_approved || texts.iter().any(|t| self.filter.matches(t)),
        }
    }

    /// Whether the entry `entry_id` (decisions kept by id) is held.
    pub fn holds_entry(&self, entry_id: &str, texts: &[&str]) -> bool {
        self.holds(self.decisions.get(entry_id).copied(), texts)
    }
}

/// 16 hex digits of a hash of `parts`: an id that is stable for them,
/// safe in a URL, and reveals none of them.
fn short_hash(parts: &[&[u8]]) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
        hash.update((part.len() as u64).to_be_bytes());
        hash.update(part);
    }
    hash.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// An open-text entry's id: of the participant's text on the poll. A
/// changed text is a new entry, so approving an entry never approves what
/// it is later changed to.
pub fn text_entry_id(poll: PollId, participant: ParticipantId, text: &str) -> String {
    short_hash(&[
        poll.as_uuid().as_bytes(),
        participant.as_uuid().as_bytes(),
        text.as_bytes(),
    ])
}

/// A word-cloud word's id: of its normal form on the poll, so a decision
/// covers every spelling of the word.
pub fn word_entry_id(poll: PollId, normal: &str) -> String {
    short_hash(&[poll.as_uuid().as_bytes(), normal.as_bytes()])
}

/// Whether `raw` looks like an entry id (16 lower-case hex digits).
pub fn is_entry_id(raw: &str) -> bool {
    raw.len() == 16 && raw.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_presenter_decides_before_the_filter_and_the_hold() {
        let moderation = |held, filter| Moderation {
            filter,
            held_until_approved: held,
            decisions: BTreeMap::new(),
        };
        let open = moderation(false, ProfanityFilter::Standard);
        assert!(!open.holds(None, &["More breaks"]));
        assert!(open.holds(None, &["shit"]));
        assert!(!open.holds(Some(Decision::Approved), &["shit"]));
        assert!(open.holds(Some(Decision::Hidden), &["More breaks"]));
        let held = moderation(true, ProfanityFilter::Off);
        assert!(held.holds(None, &["More breaks"]));
        assert!(!held.holds(Some(Decision::Approved), &["More breaks"]));
        assert!(!moderation(false, ProfanityFilter::Off).holds(None, &["shit"]));
    }

    #[test]
    fn strict_holds_what_standard_lets_through() {
        // rustrict rates "idiot" as mildly mean.
        assert!(!ProfanityFilter::Standard.matches("idiot"));
        assert!(ProfanityFilter::Strict.matches("idiot"));
        assert!(ProfanityFilter::Standard.matches("damn"));
        assert!(!ProfanityFilter::Strict.matches("coffee"));
        for filter in ProfanityFilter::ALL {
            assert_eq!(ProfanityFilter::parse(filter.as_str()), Ok(filter));
        }
        assert!(ProfanityFilter::parse("lenient").is_err());
    }

    #[test]
    fn entry_ids_are_stable_distinct_and_url_safe() {
        let poll = PollId::generate();
        let who = ParticipantId::from_uuid(uuid::Uuid::nil());
        let id = text_entry_id(poll, who, "hello");
        assert!(is_entry_id(&id));
        assert_eq!(id, text_entry_id(poll, who, "hello"));
        assert_ne!(id, text_entry_id(poll, who, "hello!"));
        assert_eq!(word_entry_id(poll, "café"), word_entry_id(poll, "café"));
        assert_ne!(word_entry_id(poll, "café"), word_entry_id(poll, "cafe"));
        assert!(!is_entry_id("3F1C9A0B2D4E5F60"));
        assert!(!is_entry_id("../../etc/passwd"));
    }
}
