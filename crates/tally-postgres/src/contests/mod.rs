//! Judged contests in Postgres.
//!
//! Every change and its audit rows commit in one transaction. Changes to a
//! round serialise on the round's row: saving a sheet, reopening one and
//! moving the round each update that row (bumping its version) before
//! anything else, so a sheet saved while the organiser closes the round is
//! either stored entirely before the close or refused entirely after it.
//! A publication stores its snapshot only if the round's version is the
//! one its marks were read at.

mod change;
mod define;
mod definition;
mod links;
mod records;
mod rounds;
mod sheets;

pub use records::UnauditedMark;

/// What every submodule uses.
mod prelude {
    pub(super) use super::change::{
        ensure_contestants_belong, insert_lineup, lineup, Change, Entry,
    };
    pub(super) use super::{failed, mark, round_state, store_error, text, PgContests};
    pub(super) use crate::publication::{columns, publication, Columns};
    pub(super) use deadpool_postgres::{Pool, Transaction};
    pub(super) use std::collections::{BTreeMap, BTreeSet};
    pub(super) use tally_domain::contest::model::{
        Audience, AuditEntry, Caller, Contest, Contestant, Feedback, Link, Role, Round,
        RoundSheets, RoundState, SheetState, StoredMark, StoredSheet,
    };
    pub(super) use tally_domain::contest::publication::Publication;
    pub(super) use tally_domain::contest::revision::Revised;
    pub(super) use tally_domain::contest::{Criterion, Mark, Method, ScoreRange, TieBreak};
    pub(super) use tally_domain::ports::{
        ContestDefinitions, ContestPeople, ContestRecords, ContestRounds, ContestSheets,
        ContestStoreError, NewContest, SheetChanges, StoreError,
    };
    pub(super) use tally_domain::presenter::TokenHash;
    pub(super) use tally_domain::{
        ContestId, ContestantId, CriterionId, LinkId, PollId, PresentationId, RoundId,
    };
    pub(super) use tokio_postgres::types::ToSql;
    pub(super) use tokio_postgres::IsolationLevel;
    pub(super) use uuid::Uuid;
}

use prelude::*;

/// The contest store on Postgres. It stores contests only: a
/// people's-choice poll's votes are read by the use cases through the
/// vote ledger, as every poll's are.
#[derive(Clone, Debug)]
pub struct PgContests {
    pool: Pool,
}

impl PgContests {
    pub fn new(pool: Pool) -> Self {
        Self { pool }
    }

    pub(super) async fn client(&self) -> Result<deadpool_postgres::Object, StoreError> {
        self.pool.get().await.map_err(store_error)
    }
}

fn store_error(e: impl Into<anyhow::Error>) -> StoreError {
    StoreError(e.into())
}

fn failed(e: impl Into<anyhow::Error>) -> ContestStoreError {
    ContestStoreError::Store(store_error(e))
}

fn mark(raw: &str) -> Result<Mark, StoreError> {
    Mark::parse(raw).map_err(|e| store_error(anyhow::anyhow!("stored mark {raw:?}: {e}")))
}

fn text(mark: &Mark) -> String {
    mark.to_string()
}

fn round_state(raw: &str) -> Result<RoundState, StoreError> {
    RoundState::parse(raw).ok_or_else(|| store_error(anyhow::anyhow!("stored round state {raw:?}")))
}
