//! A round's results, publication and export.

use super::*;

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CriterionScoreBody {
    pub criterion_id: Uuid,
    pub name: String,
    pub score: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ContestStandingBody {
    /// 1-based; tied contestants share it.
    pub rank: usize,
    pub contestant_id: Uuid,
    pub name: String,
    /// The weighted mean of the judges' totals.
    pub raw: Option<String>,
    /// The contest method's score (audience component included), which
    /// orders the ranking.
    pub adjusted: Option<String>,
    pub by_criterion: Vec<CriterionScoreBody>,
    pub judges: usize,
    pub audience_votes: u64,
    pub people: Option<String>,
    /// Set when this contestant has the same adjusted score as the one
    /// above and the tie-break chain placed it below: the criterion's name,
    /// or `audience`.
    pub parted_by: Option<String>,
}

/// A round's results. Before publishing only organisers see them (live);
/// after, anyone sees the frozen results and their digest.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RoundResultsBody {
    pub round_id: Uuid,
    pub round: String,
    pub method: String,
    /// Submitted sheets counted.
    pub sheets: usize,
    pub published: bool,
    /// SHA-256 (hex) of the canonical form of every counted mark and the
    /// published standings (README, "Judged contests"); set once
    /// published. `tally verify` recomputes it.
    pub digest: Option<String>,
    pub standings: Vec<ContestStandingBody>,
}

impl RoundResultsBody {
    pub fn new(r: RoundResults, digest: Option<String>) -> Self {
        Self {
            round_id: r.round_id,
            round: r.round,
            method: r.method,
            sheets: r.sheets,
            published: digest.is_some(),
            digest,
            standings: r
                .standings
                .into_iter()
                .map(|s| ContestStandingBody {
                    rank: s.rank,
                    contestant_id: s.contestant_id,
                    name: s.name,
                    raw: s.raw,
                    adjusted: s.adjusted,
                    by_criterion: s
                        .by_criterion
                        .into_iter()
                        .map(|c| CriterionScoreBody {
                            criterion_id: c.criterion_id,
                            name: c.name,
                            score: c.score,
                        })
                        .collect(),
                    judges: s.judges,
                    audience_votes: s.audience_votes,
                    people: s.people,
                    parted_by: s.parted_by,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PublishedBody {
    pub digest: String,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ExportQuery {
    /// `json` (default) or `csv`.
    pub format: Option<String>,
    /// CSV only: `ranking` (default) or `marks` (every submitted mark).
    pub table: Option<String>,
}
