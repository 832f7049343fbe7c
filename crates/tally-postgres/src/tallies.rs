//! The counters of every poll type (`tallies`), moved in the transaction
//! that writes the vote rows, by the net change of their marks.

use anyhow::Context as _;
use deadpool_postgres::Transaction;
use std::collections::BTreeMap;
use tokio_postgres::types::ToSql;
use uuid::Uuid;

/// Locks the counters that exist, in (poll, round, field) order, so that
/// concurrent writers (flushers, direct votes) take them in one order and
/// cannot deadlock on them.
const LOCK: &str = "\
    SELECT 1 FROM tallies \
    WHERE (poll_id, round, field) IN ( \
        SELECT * FROM unnest($1::uuid[], $2::int4[], $3::text[])) \
    ORDER BY poll_id, round, field FOR UPDATE";

/// Raises counters, creating those that do not exist yet.
const RAISE: &str = "\
    INSERT INTO tallies (poll_id, round, field, count) \
    SELECT poll_id, round, field, delta \
    FROM unnest($1::uuid[], $2::int4[], $3::text[], $4::int8[]) AS t(poll_id, round, field, delta) \
    ORDER BY poll_id, round, field \
    ON CONFLICT (poll_id, round, field) DO UPDATE SET count = tallies.count + excluded.count";

/// Lowers counters, which must exist: an INSERT's candidate row would be
/// checked against `count >= 0` before its conflict is seen. A counter
/// going below zero violates that check, and a missing one updates no row
/// (the caller compares the rows updated): either way the rows and the
/// counters would disagree, so the transaction fails instead.
const LOWER: &str = "\
    UPDATE tallies t SET count = t.count + d.delta \
    FROM unnest($1::uuid[], $2::int4[], $3::text[], $4::int8[]) AS d(poll_id, round, field, delta) \
    WHERE t.poll_id = d.poll_id AND t.round = d.round AND t.field = d.field";

/// Counters that reached zero go.
const DROP_ZEROS: &str = "\
    DELETE FROM tallies \
    WHERE (poll_id, round, field) IN ( \
        SELECT * FROM unnest($1::uuid[], $2::int4[], $3::text[])) \
      AND count = 0";

/// One side of the moves, as the statements' array parameters.
#[derive(Default)]
struct Columns {
    polls: Vec<Uuid>,
    rounds: Vec<i32>,
    fields: Vec<String>,
    deltas: Vec<i64>,
}

impl Columns {
    fn keys(&self) -> [&(dyn ToSql + Sync); 3] {
        [&self.polls, &self.rounds, &self.fields]
    }

    fn moves(&self) -> [&(dyn ToSql + Sync); 4] {
        [&self.polls, &self.rounds, &self.fields, &self.deltas]
    }

    fn push(&mut self, (poll, round, field): &(Uuid, i32, String), delta: i64) {
        self.polls.push(*poll);
        self.rounds.push(*round);
        self.fields.push(field.clone());
        self.deltas.push(delta);
    }
}

/// Net changes of counters, summed per counter (one statement may change a
/// row only once), in (poll, round, field) order.
#[derive(Debug, Default)]
pub(crate) struct Moves(BTreeMap<(Uuid, i32, String), i64>);

impl Moves {
    pub(crate) fn add(&mut self, poll: Uuid, round: i32, changes: &[(&str, i64)]) {
        for (field, delta) in changes {
            *self
                .0
                .entry((poll, round, (*field).to_owned()))
                .or_default() += delta;
        }
    }

    /// Applies the moves (nothing to do when there are none). The four
    /// statements go out together (pipelined) and run in order.
    pub(crate) async fn apply(self, tx: &Transaction<'_>) -> anyhow::Result<()> {
        let (mut all, mut up, mut down) =
            (Columns::default(), Columns::default(), Columns::default());
        for (key, delta) in self.0 {
            if delta != 0 {
                all.push(&key, delta);
                if delta > 0 { &mut up } else { &mut down }.push(&key, delta);
            }
        }
        if all.polls.is_empty() {
            return Ok(());
        }
        let (lock, raise, lower, drop_zeros) = tokio::try_join!(
            tx.prepare_cached(LOCK),
            tx.prepare_cached(RAISE),
            tx.prepare_cached(LOWER),
            tx.prepare_cached(DROP_ZEROS),
        )
        .context("preparing")?;
        let (all_keys, up_moves, down_moves) = (all.keys(), up.moves(), down.moves());
        let (_, _, lowered, _) = tokio::try_join!(
            tx.execute(&lock, &all_keys),
            tx.execute(&raise, &up_moves),
            tx.execute(&lower, &down_moves),
            tx.execute(&drop_zeros, &all_keys),
        )
        .context("moving counters")?;
        anyhow::ensure!(
            lowered == down.polls.len() as u64,
            "a counter to lower is missing: the counters and the vote rows disagree"
        );
        Ok(())
    }
}
