//! A recount: the stored counters of each poll and round against the vote
//! rows, as `tally verify` and the tests check them. The rows are the
//! truth; the counters must equal the sum of the marks of their choices
//! (`kinds::encoding`).

use std::collections::{BTreeMap, BTreeSet};
use tally_domain::kinds::encoding::marks;
use tally_domain::{PollId, PresentationId};
use tokio_postgres::GenericClient;
use uuid::Uuid;

/// One poll's round, counted from both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PollCounters {
    pub presentation: PresentationId,
    pub poll: PollId,
    pub round: i32,
    /// `tallies`.
    pub stored: BTreeMap<String, u64>,
    /// The sum of the marks of the vote rows with a choice.
    pub from_rows: BTreeMap<String, u64>,
    /// Vote rows with a choice (participants).
    pub rows: u64,
}

impl PollCounters {
    /// The fields whose two counts differ.
    pub fn differing(&self) -> impl Iterator<Item = &String> {
        self.fields()
            .into_iter()
            .filter(|f| self.stored.get(*f) != self.from_rows.get(*f))
    }

    /// Every field either side counts.
    pub fn fields(&self) -> BTreeSet<&String> {
        self.stored.keys().chain(self.from_rows.keys()).collect()
    }
}

const POLLS: &str = "SELECT q.presentation_id, q.id, r.round FROM polls q \
     CROSS JOIN LATERAL (SELECT DISTINCT round FROM votes WHERE poll_id = q.id \
                         UNION SELECT DISTINCT round FROM tallies WHERE poll_id = q.id \
                         UNION SELECT q.round) r \
     WHERE $1::uuid IS NULL OR q.presentation_id = $1 ORDER BY q.presentation_id, q.position, r.round";
const ROWS: &str =
    "SELECT v.poll_id, v.round, v.choice FROM votes v JOIN polls q ON q.id = v.poll_id \
     WHERE ($1::uuid IS NULL OR q.presentation_id = $1) AND v.choice IS NOT NULL";
const TALLIES: &str = "SELECT t.poll_id, t.round, t.field, t.count FROM tallies t \
     JOIN polls q ON q.id = t.poll_id WHERE $1::uuid IS NULL OR q.presentation_id = $1";

/// Every poll and round of `presentation` (of every presentation when
/// `None`), counted from the counters and from the rows.
///
/// # Errors
/// When Postgres fails.
pub async fn counters<C: GenericClient>(
    client: &C,
    presentation: Option<PresentationId>,
) -> anyhow::Result<Vec<PollCounters>> {
    let id: Option<Uuid> = presentation.map(|p| *p.as_uuid());
    let params: &[&(dyn tokio_postgres::types::ToSql + Sync)] = &[&id];
    let (polls, rows, tallies) = tokio::try_join!(
        client.query(POLLS, params),
        client.query(ROWS, params),
        client.query(TALLIES, params),
    )?;
    let mut by_poll: BTreeMap<(Uuid, i32), PollCounters> = BTreeMap::new();
    let mut order = Vec::new();
    for row in &polls {
        let key = (row.try_get::<_, Uuid>(1)?, row.try_get::<_, i32>(2)?);
        order.push(key);
        by_poll.insert(
            key,
            PollCounters {
                presentation: PresentationId::from_uuid(row.try_get(0)?),
                poll: PollId::from_uuid(key.0),
                round: key.1,
                stored: BTreeMap::new(),
                from_rows: BTreeMap::new(),
                rows: 0,
            },
        );
    }
    for row in &rows {
        let key = (row.try_get::<_, Uuid>(0)?, row.try_get::<_, i32>(1)?);
        let choice: &str = row.try_get(2)?;
        if let Some(poll) = by_poll.get_mut(&key) {
            poll.rows += 1;
            for (field, amount) in marks(choice) {
                *poll.from_rows.entry(field.to_owned()).or_default() += amount;
            }
        }
    }
    for row in &tallies {
        let key = (row.try_get::<_, Uuid>(0)?, row.try_get::<_, i32>(1)?);
        if let Some(poll) = by_poll.get_mut(&key) {
            let count = u64::try_from(row.try_get::<_, i64>(3)?)?;
            poll.stored.insert(row.try_get(2)?, count);
        }
    }
    Ok(order
        .into_iter()
        .filter_map(|key| by_poll.remove(&key))
        .collect())
}

/// One Q&A question's upvotes, counted from both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpvoteCount {
    pub poll: PollId,
    pub question: Uuid,
    /// `questions.upvotes`.
    pub stored: u64,
    /// Rows of `question_upvotes`.
    pub rows: u64,
}

const UPVOTES: &str = "SELECT x.poll_id, x.id, x.upvotes::bigint, \
       (SELECT count(*) FROM question_upvotes u WHERE u.question_id = x.id) \
     FROM questions x JOIN polls q ON q.id = x.poll_id \
     WHERE $1::uuid IS NULL OR q.presentation_id = $1 ORDER BY x.poll_id, x.id";

/// Every question of `presentation` (of every presentation when `None`),
/// its upvote count against its upvote rows.
///
/// # Errors
/// When Postgres fails.
pub async fn upvotes<C: GenericClient>(
    client: &C,
    presentation: Option<PresentationId>,
) -> anyhow::Result<Vec<UpvoteCount>> {
    let id: Option<Uuid> = presentation.map(|p| *p.as_uuid());
    client
        .query(UPVOTES, &[&id])
        .await?
        .iter()
        .map(|row| {
            Ok(UpvoteCount {
                poll: PollId::from_uuid(row.try_get(0)?),
                question: row.try_get(1)?,
                stored: u64::try_from(row.try_get::<_, i64>(2)?)?,
                rows: u64::try_from(row.try_get::<_, i64>(3)?)?,
            })
        })
        .collect()
}
