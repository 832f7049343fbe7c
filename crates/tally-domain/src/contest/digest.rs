//! The digest a published round carries: SHA-256 over a canonical form of
//! what the round counted and what it published, so that anyone holding
//! the export can recompute it and `tally verify` can tell when a stored
//! score or a published standing changed afterwards.
//!
//! The canonical form (version 2) is UTF-8 text:
//!
//! ```text
//! tally-contest-digest-v2
//! round <round uuid>
//! <judge uuid> <contestant uuid> <criterion uuid> <mark>
//! …
//! standing <rank> <contestant uuid> raw=<raw> adjusted=<adjusted> people=<people> votes=<n> judges=<n> <criterion uuid>=<score> …
//! …
//! ```
//!
//! Marks come first, one line each, sorted by the three uuids
//! (lower-case, hyphenated); a mark is a plain decimal without trailing
//! zeros (`7.5`, `8`, `-0.25`). Then one line per published standing, in
//! the published order, with each score as published (`-` for none) and
//! one `<criterion uuid>=<score>` per criterion in the contest's order.
//! Every line ends in `\n`.
//!
//! Version 1 (rounds published before standings were covered) is the same
//! without the standing lines and with the header `tally-contest-digest-v1`.

use super::aggregate::decimal;
use super::model::StoredMark;
use super::results::{RoundResults, StandingView};
use crate::ids::RoundId;
use sha2::{Digest as _, Sha256};
use std::fmt::Write as _;

/// Places enough for any mark: a mark is parsed from at most 30 digits.
const MARK_PLACES: u32 = 30;

/// Which canonical form a digest is taken over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DigestVersion {
    /// The marks only (rounds published before standings were covered).
    V1,
    /// The marks and the published standings.
    V2,
}

impl DigestVersion {
    pub fn number(self) -> i16 {
        match self {
            Self::V1 => 1,
            Self::V2 => 2,
        }
    }

    pub fn from_number(n: i16) -> Option<Self> {
        match n {
            1 => Some(Self::V1),
            2 => Some(Self::V2),
            _ => None,
        }
    }
}

/// The canonical form of `marks` (any order) for `round`, version 1.
pub fn canonical(round: RoundId, marks: &[StoredMark]) -> String {
    let mut text = format!("tally-contest-digest-v1\nround {round}\n");
    mark_lines(&mut text, marks);
    text
}

/// The canonical form of version 2: `marks` (any order), then the
/// standings of `published` in their order.
pub fn canonical_v2(round: RoundId, marks: &[StoredMark], published: &RoundResults) -> String {
    let mut text = format!("tally-contest-digest-v2\nround {round}\n");
    mark_lines(&mut text, marks);
    for s in &published.standings {
        text.push_str(&standing_line(s));
        text.push('\n');
    }
    text
}

/// One standing's figures as the digest covers them (no names: a
/// contestant or criterion renamed after publishing changes none).
pub fn standing_line(s: &StandingView) -> String {
    let shown = |v: &Option<String>| v.as_deref().unwrap_or("-").to_owned();
    let mut line = format!(
        "standing {} {} raw={} adjusted={} people={} votes={} judges={}",
        s.rank,
        s.contestant_id,
        shown(&s.raw),
        shown(&s.adjusted),
        shown(&s.people),
        s.audience_votes,
        s.judges
    );
    for c in &s.by_criterion {
        let _ = write!(line, " {}={}", c.criterion_id, shown(&c.score));
    }
    line
}

fn mark_lines(text: &mut String, marks: &[StoredMark]) {
    let mut lines: Vec<String> = marks
        .iter()
        .map(|m| {
            format!(
                "{} {} {} {}",
                m.judge,
                m.contestant,
                m.criterion,
                decimal(m.mark.value(), MARK_PLACES)
            )
        })
        .collect();
    lines.sort();
    for line in lines {
        let _ = writeln!(text, "{line}");
    }
}

/// SHA-256 of [`canonical`] (version 1), in lower-case hex.
pub fn digest(round: RoundId, marks: &[StoredMark]) -> String {
    sha256_hex(&canonical(round, marks))
}

/// SHA-256 of the canonical form of `version`, in lower-case hex.
pub fn digest_of(
    version: DigestVersion,
    round: RoundId,
    marks: &[StoredMark],
    published: &RoundResults,
) -> String {
    match version {
        DigestVersion::V1 => digest(round, marks),
        DigestVersion::V2 => sha256_hex(&canonical_v2(round, marks, published)),
    }
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .fold(String::with_capacity(64), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contest::Mark;
    use crate::ids::{ContestantId, CriterionId, LinkId};
    use uuid::Uuid;

    fn mark(j: u128, c: u128, k: u128, m: &str) -> StoredMark {
        StoredMark {
            judge: LinkId::from_uuid(Uuid::from_u128(j)),
            contestant: ContestantId::from_uuid(Uuid::from_u128(c)),
            criterion: CriterionId::from_uuid(Uuid::from_u128(k)),
            mark: Mark::parse(m).expect("a mark"),
        }
    }

    #[test]
    fn the_digest_ignores_order_and_notation_but_not_values() {
        let round = RoundId::from_uuid(Uuid::from_u128(9));
        let a = [mark(1, 2, 3, "7.50"), mark(1, 1, 3, "8")];
        let b = [mark(1, 1, 3, "8.0"), mark(1, 2, 3, "7.5")];
        assert_eq!(digest(round, &a), digest(round, &b));
        assert_eq!(
            canonical(round, &a),
            "tally-contest-digest-v1\nround 00000000-0000-0000-0000-000000000009\n\
             00000000-0000-0000-0000-000000000001 00000000-0000-0000-0000-000000000001 \
             00000000-0000-0000-0000-000000000003 8\n\
             00000000-0000-0000-0000-000000000001 00000000-0000-0000-0000-000000000002 \
             00000000-0000-0000-0000-000000000003 7.5\n"
        );
        let changed = [mark(1, 1, 3, "8"), mark(1, 2, 3, "7")];
        assert_ne!(digest(round, &a), digest(round, &changed));
        let other_round = RoundId::from_uuid(Uuid::from_u128(10));
        assert_ne!(digest(round, &a), digest(other_round, &a));
        // The empty round still has a well-defined digest (SHA-256 of the
        // two header lines).
        assert_eq!(digest(round, &[]).len(), 64);
    }

    #[test]
    fn version_two_covers_the_published_standings_as_well() {
        use crate::contest::results::{RoundResults, StandingView};
        let round = RoundId::from_uuid(Uuid::from_u128(9));
        let marks = [mark(1, 2, 3, "7.5")];
        let standing = StandingView {
            rank: 1,
            contestant_id: Uuid::from_u128(2),
            name: "Alto".to_owned(),
            raw: Some("7.5".to_owned()),
            adjusted: Some("7.5".to_owned()),
            by_criterion: Vec::new(),
            judges: 1,
            audience_votes: 0,
            people: None,
            parted_by: None,
        };
        let published = RoundResults {
            round_id: *round.as_uuid(),
            round: "Final".to_owned(),
            method: "weighted_mean".to_owned(),
            sheets: 1,
            standings: vec![standing.clone()],
        };
        let v2 = digest_of(DigestVersion::V2, round, &marks, &published);
        assert_eq!(
            canonical_v2(round, &marks, &published),
            "tally-contest-digest-v2\nround 00000000-0000-0000-0000-000000000009\n\
             00000000-0000-0000-0000-000000000001 00000000-0000-0000-0000-000000000002 \
             00000000-0000-0000-0000-000000000003 7.5\n\
             standing 1 00000000-0000-0000-0000-000000000002 raw=7.5 adjusted=7.5 people=- \
             votes=0 judges=1\n"
        );
        let mut changed = published.clone();
        changed.standings[0].adjusted = Some("99".to_owned());
        assert_ne!(v2, digest_of(DigestVersion::V2, round, &marks, &changed));
        // A renamed contestant is not a changed standing.
        let mut renamed = published.clone();
        renamed.standings[0].name = "Alto (soloist)".to_owned();
        assert_eq!(v2, digest_of(DigestVersion::V2, round, &marks, &renamed));
        // Version 1 never saw the standings.
        assert_eq!(
            digest_of(DigestVersion::V1, round, &marks, &changed),
            digest(round, &marks)
        );
    }
}
