//! Wire shapes of judged contests. Marks, weights and scores are decimal
//! strings ("7.5"), never JSON numbers: a float would lose exactness.

use serde::{Deserialize, Serialize};
use tally_domain::contest::draft::{ContestDraft, CriterionDraft};
use tally_domain::contest::model::{AuditEntry, Contest, Contestant, Link, StoredSheet};
use tally_domain::contest::results::{method_name, RoundResults};
use tally_domain::contest::revision::Revision;
use tally_domain::contest::TieBreak;
use tally_domain::usecases::{JudgeProgress, JudgeSheet};
use tally_domain::{ContestantId, CriterionId, PollId, RoundId};
use utoipa::ToSchema;
use uuid::Uuid;

mod definition;
mod people;
mod results;
mod sheets;

pub use definition::*;
pub use people::*;
pub use results::*;
pub use sheets::*;
