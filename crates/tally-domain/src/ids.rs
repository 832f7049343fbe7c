//! Identifiers. Each is a distinct type so that a poll id can never be passed
//! where a presentation id is expected.

use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

macro_rules! uuid_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Uuid);

        impl $name {
            /// Wraps an existing UUID (from storage or a request).
            pub const fn from_uuid(id: Uuid) -> Self {
                Self(id)
            }

            /// The underlying UUID.
            pub const fn as_uuid(&self) -> &Uuid {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                Self(id)
            }
        }
    };
}

uuid_id!(
    /// A presentation (a deck of polls). New ids are UUIDv7, so they sort by
    /// creation time: that is what makes keyset pagination of a presenter's
    /// presentations cheap.
    PresentationId
);
uuid_id!(
    /// A poll (one slide).
    PollId
);
uuid_id!(
    /// A member of the audience, as identified by the client (`client_id`).
    ParticipantId
);
uuid_id!(
    /// The owner of presentations, identified by a presenter token.
    PresenterId
);

impl PresentationId {
    /// A fresh, time-ordered id.
    pub fn generate() -> Self {
        Self(Uuid::now_v7())
    }
}

impl PollId {
    /// A fresh id.
    pub fn generate() -> Self {
        Self(Uuid::now_v7())
    }
}

impl PresenterId {
    /// A fresh id.
    pub fn generate() -> Self {
        Self(Uuid::now_v7())
    }
}

uuid_id!(
    /// A Q&A question. New ids are UUIDv7, so they sort by when they were
    /// asked.
    QuestionId
);

impl QuestionId {
    /// A fresh, time-ordered id.
    pub fn generate() -> Self {
        Self(Uuid::now_v7())
    }
}

uuid_id!(
    /// A client's key for one audience submission (a Q&A question): sent
    /// again, as a double tap or a retry does, it stands for the same
    /// submission, so the item is stored once.
    SubmissionId
);

uuid_id!(
    /// A judged contest.
    ContestId
);
uuid_id!(
    /// A contestant (an entry) of a contest.
    ContestantId
);
uuid_id!(
    /// A judging criterion of a contest.
    CriterionId
);
uuid_id!(
    /// A round of a contest (preliminaries, finals).
    RoundId
);
uuid_id!(
    /// An invite link of a contest; a judge is a link with the judge role.
    LinkId
);

/// Fresh time-ordered ids for the contest's entities.
macro_rules! generated {
    ($($name:ident),*) => {$(
        impl $name {
            /// A fresh, time-ordered id.
            pub fn generate() -> Self {
                Self(Uuid::now_v7())
            }
        }
    )*};
}
generated!(ContestId, ContestantId, CriterionId, RoundId, LinkId);
