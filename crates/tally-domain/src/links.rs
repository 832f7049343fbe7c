//! A presentation's own links: secrets the presenter hands to other people
//! (the venue PC, a co-presenter, a moderator), each carrying a role and
//! revocable on its own. Contests have invite links of their own; these
//! need no contest.

use crate::ids::LinkId;
use crate::presenter::{Power, TokenHash};
use std::time::SystemTime;
use thiserror::Error;

/// What a presentation link lets its holder do there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkRole {
    /// Opens the big screen, nothing else ([`Power::View`]).
    Screen,
    /// Co-presents: runs the slides and voting, moderates, but neither
    /// deletes the presentation nor manages its links ([`Power::Run`]).
    Run,
    /// Moderates the audience's text ([`Power::Moderate`]).
    Moderate,
}

impl LinkRole {
    pub const ALL: [LinkRole; 3] = [LinkRole::Screen, LinkRole::Run, LinkRole::Moderate];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Screen => "screen",
            Self::Run => "run",
            Self::Moderate => "moderate",
        }
    }

    /// The role named `raw` exactly (as the API and the store spell it).
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == raw)
    }

    /// The strongest power the role carries; it includes those below it.
    pub fn power(self) -> Power {
        match self {
            Self::Screen => Power::View,
            Self::Run => Power::Run,
            Self::Moderate => Power::Moderate,
        }
    }
}

/// Longest label, in characters: a name for the person or the room ("Hall
/// B projector"), shown in the presenter's list, not a note.
pub const MAX_LABEL_CHARS: usize = 80;

/// A link's label as the presenter typed it: trimmed, 1 to
/// [`MAX_LABEL_CHARS`] characters, no control characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkLabel(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("a link's label is 1 to {MAX_LABEL_CHARS} characters without control characters")]
pub struct InvalidLabel;

impl LinkLabel {
    /// # Errors
    /// [`InvalidLabel`] when it is blank, too long or holds a control
    /// character (a newline would break the list it is shown in).
    pub fn parse(raw: &str) -> Result<Self, InvalidLabel> {
        let label = raw.trim();
        let length = label.chars().count();
        if (1..=MAX_LABEL_CHARS).contains(&length) && !label.chars().any(char::is_control) {
            Ok(Self(label.to_owned()))
        } else {
            Err(InvalidLabel)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A link to be stored: its secret is already hashed; the secret itself is
/// never stored.
#[derive(Clone, Debug)]
pub struct NewLink {
    pub id: LinkId,
    pub role: LinkRole,
    pub label: Option<LinkLabel>,
    pub token_hash: TokenHash,
}

/// A presentation link as the presenter's list shows it (without its hash:
/// the store hands hashes only to the access check).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PresentationLink {
    pub id: LinkId,
    pub role: LinkRole,
    pub label: Option<LinkLabel>,
    pub created_at: SystemTime,
    /// When it stopped working; `None` while it works.
    pub revoked_at: Option<SystemTime>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_carry_their_power() {
        for role in LinkRole::ALL {
            assert_eq!(LinkRole::parse(role.as_str()), Some(role));
        }
        assert_eq!(LinkRole::parse("Screen"), None);
        assert_eq!(LinkRole::parse("cohost"), None);
        assert_eq!(LinkRole::parse(""), None);
        assert_eq!(LinkRole::Screen.power(), Power::View);
        assert_eq!(LinkRole::Run.power(), Power::Run);
        assert_eq!(LinkRole::Moderate.power(), Power::Moderate);
    }

    #[test]
    fn labels_are_trimmed_bounded_and_single_line() {
        assert_eq!(LinkLabel::parse("  Hall B  ").unwrap().as_str(), "Hall B");
        assert_eq!(LinkLabel::parse("   "), Err(InvalidLabel));
        assert_eq!(LinkLabel::parse(""), Err(InvalidLabel));
        assert_eq!(LinkLabel::parse("a\nb"), Err(InvalidLabel));
        let longest = "é".repeat(MAX_LABEL_CHARS);
        assert!(LinkLabel::parse(&longest).is_ok());
        assert_eq!(LinkLabel::parse(&format!("{longest}é")), Err(InvalidLabel));
    }
}
