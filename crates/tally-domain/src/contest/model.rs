//! A contest as stored: its criteria, contestants, rounds and invite links,
//! the roles those links carry, and the states of rounds and sheets.

use super::aggregate::{Method, TieBreak};
use super::rules::{Criterion, Mark};
use crate::ids::{ContestId, ContestantId, CriterionId, LinkId, PollId, PresentationId, RoundId};
use std::collections::BTreeSet;
use std::fmt;

/// What an invite link lets its holder do. The owner holds the contest's
/// own secret, not a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Runs the contest: rounds, conflicts, reopening, results, publishing.
    Cohost,
    /// Moderates audience text; sees nothing private of the contest.
    Moderator,
    /// Scores on their own sheet.
    Judge,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cohost => "cohost",
            Self::Moderator => "moderator",
            Self::Judge => "judge",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "cohost" => Some(Self::Cohost),
            "moderator" => Some(Self::Moderator),
            "judge" => Some(Self::Judge),
            _ => None,
        }
    }
}

/// Who a bearer secret names, within one contest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caller {
    Owner,
    Link {
        id: LinkId,
        role: Role,
        revoked: bool,
    },
}

impl Caller {
    /// How the audit log names this caller.
    pub fn actor(&self) -> String {
        match self {
            Self::Owner => "owner".to_owned(),
            Self::Link { id, role, .. } => format!("{}:{id}", role.as_str()),
        }
    }
}

/// A round's life: drafted, opened for scoring, closed (reopenable), and
/// published (frozen for good).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RoundState {
    Draft,
    Open,
    Closed,
    Published,
}

impl RoundState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Open => "open",
            Self::Closed => "closed",
            Self::Published => "published",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "draft" => Some(Self::Draft),
            "open" => Some(Self::Open),
            "closed" => Some(Self::Closed),
            "published" => Some(Self::Published),
            _ => None,
        }
    }
}

impl fmt::Display for RoundState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A judge's sheet in a round: saved drafts, then submitted (locked until
/// the organiser reopens it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SheetState {
    Draft,
    Submitted,
}

impl SheetState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "draft" => Some(Self::Draft),
            "submitted" => Some(Self::Submitted),
            _ => None,
        }
    }
}

/// People's choice: the votes of a single-choice poll, matched to
/// contestants by option text, add `weight` × the contestant's share of the
/// votes to the adjusted score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Audience {
    pub poll: PollId,
    pub weight: Mark,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contestant {
    pub id: ContestantId,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Round {
    pub id: RoundId,
    pub name: String,
    pub state: RoundState,
    /// Set once published.
    pub digest: Option<String>,
    /// The contestants this round scores (a final takes only the
    /// finalists); fixed once the round opens.
    pub lineup: BTreeSet<ContestantId>,
}

/// A contest with everything public about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contest {
    pub id: ContestId,
    pub title: String,
    pub criteria: Vec<(CriterionId, Criterion)>,
    pub contestants: Vec<Contestant>,
    pub rounds: Vec<Round>,
    pub method: Method,
    /// After the adjusted score, in order; then a shared rank.
    pub tie_breaks: Vec<TieBreak>,
    pub audience: Option<Audience>,
    /// The event's presentation, tied by its owner with the presenter
    /// token: the contest's co-hosts run it and its moderators moderate
    /// the audience's text there (see [`crate::Power`]).
    pub presentation: Option<PresentationId>,
}

impl Contest {
    pub fn round(&self, id: RoundId) -> Option<&Round> {
        self.rounds.iter().find(|r| r.id == id)
    }

    pub fn criterion_index(&self, id: CriterionId) -> Option<usize> {
        self.criteria.iter().position(|(c, _)| *c == id)
    }

    pub fn has_contestant(&self, id: ContestantId) -> bool {
        self.contestants.iter().any(|c| c.id == id)
    }

    /// The contestants `round` scores, in the contest's order; none for a
    /// round that is not the contest's.
    pub fn lineup(&self, round: RoundId) -> impl Iterator<Item = &Contestant> {
        let lineup = self.round(round).map(|r| &r.lineup);
        self.contestants
            .iter()
            .filter(move |c| lineup.is_some_and(|l| l.contains(&c.id)))
    }
}

/// An invite link as the organiser sees it (the secret is shown only once,
/// when it is made).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub id: LinkId,
    pub role: Role,
    pub name: String,
    pub revoked: bool,
}

/// One stored mark of a round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredMark {
    pub judge: LinkId,
    pub contestant: ContestantId,
    pub criterion: CriterionId,
    pub mark: Mark,
}

/// A judge's sheet in a round, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredSheet {
    pub judge: LinkId,
    pub state: SheetState,
    pub marks: Vec<StoredMark>,
    pub comments: Vec<(ContestantId, String)>,
}

/// Every sheet of a round, and the round's version they were read at: a
/// publication succeeds only if nothing of the round changed after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundSheets {
    pub sheets: Vec<StoredSheet>,
    pub seen: i64,
}

/// One line of the audit log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    pub seq: i64,
    pub round: Option<RoundId>,
    /// RFC 3339.
    pub at: String,
    pub actor: String,
    pub action: String,
    pub judge: Option<LinkId>,
    pub contestant: Option<ContestantId>,
    pub criterion: Option<CriterionId>,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// What a contestant's feedback link shows: the judges' comments on them
/// from submitted sheets, as (round name, text), without judges' names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feedback {
    pub contestant: Contestant,
    pub comments: Vec<(String, String)>,
}
