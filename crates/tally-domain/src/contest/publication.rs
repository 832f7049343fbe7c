//! What publishing a round freezes, and how `tally verify` checks it.
//!
//! A publication keeps everything its results were computed from (the
//! counted marks, who submitted, the lineup, the conflicts and the
//! audience votes per contestant) beside the results themselves, and a
//! digest over the marks and the published standings. Public results and
//! exports read the publication, never the live sheets: a conflict set
//! after publishing applies to the rounds still to come and leaves a
//! published round as it was announced.

use super::digest::{digest_of, standing_line, DigestVersion};
use super::model::{AuditEntry, Contest, StoredMark, StoredSheet};
use super::results::{results_from, Counted, RoundResults};
use crate::ids::{ContestantId, LinkId, RoundId};
use std::collections::{BTreeMap, BTreeSet};

/// A published round, frozen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Publication {
    pub round: RoundId,
    pub digest: String,
    pub version: DigestVersion,
    pub results: RoundResults,
    pub counted: Counted,
    /// Every judge's excluded contestants when the round was published.
    pub conflicts: BTreeMap<LinkId, BTreeSet<ContestantId>>,
}

impl Publication {
    /// Freezes `round` from its sheets as read (conflicts already left out
    /// of their marks) and the people's-choice votes by option text.
    pub fn freeze(
        contest: &Contest,
        round: RoundId,
        sheets: &[StoredSheet],
        conflicts: BTreeMap<LinkId, BTreeSet<ContestantId>>,
        audience: &BTreeMap<String, u64>,
    ) -> Self {
        let counted = Counted::of(contest, round, sheets, audience);
        let results = results_from(contest, round, &counted);
        let version = DigestVersion::V2;
        Self {
            round,
            digest: digest_of(version, round, &counted.marks, &results),
            version,
            results,
            counted,
            conflicts,
        }
    }

    /// The marks the digest covers, as exports list them.
    pub fn marks(&self) -> &[StoredMark] {
        &self.counted.marks
    }

    /// Everything in the publication that does not hold together: the
    /// digest against the marks and standings it covers, and the published
    /// standings against the ones the frozen marks give under `contest`'s
    /// criteria and method. Names are left out of the comparison: a
    /// contestant or a criterion may be renamed after publishing.
    pub fn differences(&self, contest: &Contest) -> Vec<String> {
        let mut out = Vec::new();
        let recomputed = digest_of(self.version, self.round, self.marks(), &self.results);
        if recomputed != self.digest {
            out.push(format!(
                "digest mismatch: published {} but the frozen marks and standings give {recomputed}",
                self.digest
            ));
        }
        let expected = results_from(contest, self.round, &self.counted);
        if expected.sheets != self.results.sheets {
            out.push(format!(
                "published {} sheets but the frozen marks come from {}",
                self.results.sheets, expected.sheets
            ));
        }
        let published = figures(&self.results);
        let recounted = figures(&expected);
        if published.len() != recounted.len() {
            out.push(format!(
                "published {} standings but the frozen lineup has {}",
                published.len(),
                recounted.len()
            ));
        }
        for (shown, right) in published.iter().zip(&recounted) {
            if shown != right {
                out.push(format!(
                    "standing changed after publishing: published {shown} but the frozen marks give {right}"
                ));
            }
        }
        out
    }

    /// The frozen marks against the audit log: each must be the value the
    /// log last recorded for it before the round was published, and every
    /// mark the log holds then for a counted judge and a lineup contestant
    /// not excluded must be frozen.
    pub fn differences_from_audit(&self, log: &[AuditEntry]) -> Vec<String> {
        type Key = (LinkId, ContestantId, crate::ids::CriterionId);
        let published_at = log
            .iter()
            .rfind(|e| e.action == "publish" && e.round == Some(self.round))
            .map_or(i64::MAX, |e| e.seq);
        let mut audited: BTreeMap<Key, Option<&str>> = BTreeMap::new();
        for e in log
            .iter()
            .filter(|e| e.action == "mark" && e.round == Some(self.round) && e.seq < published_at)
        {
            if let (Some(j), Some(c), Some(k)) = (e.judge, e.contestant, e.criterion) {
                audited.insert((j, c, k), e.after.as_deref());
            }
        }
        let mut out = Vec::new();
        let frozen: BTreeMap<Key, String> = self
            .marks()
            .iter()
            .map(|m| ((m.judge, m.contestant, m.criterion), m.mark.to_string()))
            .collect();
        for (key, value) in &frozen {
            let logged = audited.get(key).copied().flatten();
            let same = logged
                .and_then(|l| super::Mark::parse(l).ok())
                .is_some_and(|l| l.to_string() == *value);
            if !same {
                out.push(format!(
                    "frozen mark judge {} contestant {} criterion {} is {value} but the audit log says {}",
                    key.0,
                    key.1,
                    key.2,
                    logged.unwrap_or("nothing")
                ));
            }
        }
        let none = BTreeSet::new();
        for (key, logged) in &audited {
            let (judge, contestant, _) = key;
            let counts = self.counted.judges.contains(judge)
                && self.counted.lineup.contains(contestant)
                && !self
                    .conflicts
                    .get(judge)
                    .unwrap_or(&none)
                    .contains(contestant);
            if counts && logged.is_some() && !frozen.contains_key(key) {
                out.push(format!(
                    "the audit log holds judge {} contestant {} criterion {} = {} but the publication left it out",
                    key.0,
                    key.1,
                    key.2,
                    logged.unwrap_or_default()
                ));
            }
        }
        out
    }
}

/// Each standing's figures without names, as one comparable line.
fn figures(results: &RoundResults) -> Vec<String> {
    results.standings.iter().map(standing_line).collect()
}
