//! A round's publication as stored: the results in `snapshot` (as before),
//! and what they were computed from in `frozen`, both JSON. The JSON form
//! is the adapter's; the domain's [`Publication`] is what crosses the port.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use tally_domain::contest::digest::DigestVersion;
use tally_domain::contest::model::StoredMark;
use tally_domain::contest::publication::Publication;
use tally_domain::contest::results::{Counted, RoundResults};
use tally_domain::contest::Mark;
use tally_domain::{ContestantId, CriterionId, LinkId, RoundId};
use uuid::Uuid;

#[derive(Serialize, Deserialize)]
struct FrozenMark {
    judge: Uuid,
    contestant: Uuid,
    criterion: Uuid,
    /// An exact decimal, as `Mark` writes it.
    mark: String,
}

/// The `frozen` column (V10 writes the same shape for rounds published
/// before it).
#[derive(Serialize, Deserialize)]
struct Frozen {
    marks: Vec<FrozenMark>,
    judges: BTreeSet<Uuid>,
    lineup: BTreeSet<Uuid>,
    audience: BTreeMap<Uuid, u64>,
    conflicts: BTreeMap<Uuid, BTreeSet<Uuid>>,
}

/// The columns a publication is stored in: `digest`, `digest_version`,
/// `snapshot` and `frozen`.
pub(crate) struct Columns {
    pub digest: String,
    pub version: i16,
    pub snapshot: String,
    pub frozen: String,
}

pub(crate) fn columns(p: &Publication) -> anyhow::Result<Columns> {
    let c = &p.counted;
    let frozen = Frozen {
        marks: c
            .marks
            .iter()
            .map(|m| FrozenMark {
                judge: *m.judge.as_uuid(),
                contestant: *m.contestant.as_uuid(),
                criterion: *m.criterion.as_uuid(),
                mark: m.mark.to_string(),
            })
            .collect(),
        judges: c.judges.iter().map(|j| *j.as_uuid()).collect(),
        lineup: c.lineup.iter().map(|x| *x.as_uuid()).collect(),
        audience: c.audience.iter().map(|(x, n)| (*x.as_uuid(), *n)).collect(),
        conflicts: p
            .conflicts
            .iter()
            .map(|(j, xs)| (*j.as_uuid(), xs.iter().map(|x| *x.as_uuid()).collect()))
            .collect(),
    };
    Ok(Columns {
        digest: p.digest.clone(),
        version: p.version.number(),
        snapshot: serde_json::to_string(&p.results)?,
        frozen: serde_json::to_string(&frozen)?,
    })
}

pub(crate) fn publication(round: RoundId, columns: Columns) -> anyhow::Result<Publication> {
    let results: RoundResults = serde_json::from_str(&columns.snapshot)?;
    let frozen: Frozen = serde_json::from_str(&columns.frozen)?;
    let marks = frozen
        .marks
        .into_iter()
        .map(|m| {
            Ok(StoredMark {
                judge: LinkId::from_uuid(m.judge),
                contestant: ContestantId::from_uuid(m.contestant),
                criterion: CriterionId::from_uuid(m.criterion),
                mark: Mark::parse(&m.mark)
                    .map_err(|e| anyhow::anyhow!("frozen mark {:?}: {e}", m.mark))?,
            })
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(Publication {
        round,
        digest: columns.digest,
        version: DigestVersion::from_number(columns.version)
            .ok_or_else(|| anyhow::anyhow!("digest version {}", columns.version))?,
        results,
        counted: Counted {
            marks,
            judges: frozen.judges.into_iter().map(LinkId::from_uuid).collect(),
            lineup: frozen
                .lineup
                .into_iter()
                .map(ContestantId::from_uuid)
                .collect(),
            audience: frozen
                .audience
                .into_iter()
                .map(|(x, n)| (ContestantId::from_uuid(x), n))
                .collect(),
        },
        conflicts: frozen
            .conflicts
            .into_iter()
            .map(|(j, xs)| {
                (
                    LinkId::from_uuid(j),
                    xs.into_iter().map(ContestantId::from_uuid).collect(),
                )
            })
            .collect(),
    })
}
