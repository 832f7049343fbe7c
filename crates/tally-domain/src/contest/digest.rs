//! The digest a published round carries: SHA-256 over a canonical form of
//! every submitted mark, so that anyone holding the scores can recompute it
//! and `tally verify` can tell when a stored score changed afterwards.
//!
//! The canonical form is UTF-8 text:
//!
//! ```text
//! tally-contest-digest-v1
//! round <round uuid>
//! <judge uuid> <contestant uuid> <criterion uuid> <mark>
//! …
//! ```
//!
//! one line per mark, sorted by the three uuids (lower-case, hyphenated),
//! each line ending in `\n`. A mark is written as a plain decimal without
//! trailing zeros (`7.5`, `8`, `-0.25`).

use super::aggregate::decimal;
use super::model::StoredMark;
use crate::ids::RoundId;
use sha2::{Digest as _, Sha256};
use std::fmt::Write as _;

/// Places enough for any mark: a mark is parsed from at most 30 digits.
const MARK_PLACES: u32 = 30;

/// The canonical form of `marks` (any order) for `round`.
pub fn canonical(round: RoundId, marks: &[StoredMark]) -> String {
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
    let mut text = format!("tally-contest-digest-v1\nround {round}\n");
    for line in lines {
        let _ = writeln!(text, "{line}");
    }
    text
}

/// SHA-256 of [`canonical`], in lower-case hex.
pub fn digest(round: RoundId, marks: &[StoredMark]) -> String {
    Sha256::digest(canonical(round, marks).as_bytes())
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
}
