//! The contest store contract (`ContestStore`, five traits): every method,
//! the errors each doc says it MUST return, that a refused change stores
//! and records nothing, the append-only audit log, round versions and the
//! publication a round freezes. Runs on `FakeContests` and on
//! `PgContests`.
//!
//! Contests are built through [`ContestDraft`], as the use cases build
//! them, so every case stores valid data.

pub mod definitions;
pub mod log;
pub mod people;
pub mod revisions;
pub mod rounds;
pub mod sheets;

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use tally_domain::contest::draft::{ContestDraft, CriterionDraft};
use tally_domain::contest::model::{
    AuditEntry, Contest, Link, Role, RoundSheets, RoundState, StoredSheet,
};
use tally_domain::contest::publication::Publication;
use tally_domain::contest::Mark;
use tally_domain::ports::{
    ContestDefinitions as _, ContestPeople as _, ContestRecords as _, ContestRounds as _,
    ContestSheets as _, ContestStore, MarkChange, NewContest, SheetChanges,
};
use tally_domain::{
    ContestId, ContestantId, CriterionId, LinkId, PollId, PresentationId, PresenterToken, RoundId,
};

/// A contest store, and a way to make what contests refer to exist.
pub trait ContestAdapters: Send + Sync + 'static {
    type Contests: ContestStore;
    fn contests(&self) -> &Self::Contests;
    /// A presentation that exists, with a single-choice poll and a
    /// multiple-choice poll.
    fn presentation(&self) -> impl Future<Output = Stage> + Send;
}

/// What [`ContestAdapters::presentation`] made.
#[derive(Clone, Copy, Debug)]
pub struct Stage {
    pub presentation: PresentationId,
    pub single: PollId,
    pub multiple: PollId,
}

/// Expands to one `#[tokio::test]` per case of the contest contract.
/// `$make` is an async expression that yields a fresh [`ContestAdapters`].
#[macro_export]
macro_rules! contests_contract_tests {
    ($make:expr) => {
        $crate::contests_contract_tests!(@cases $make;
            definitions::create_then_get_returns_the_contest_with_every_round_a_draft,
            definitions::a_people_s_choice_poll_must_be_a_single_choice_poll,
            definitions::the_audit_log_pages_after_a_position,
            definitions::a_poll_is_found_in_its_presentation,
            revisions::a_revision_replaces_the_definition_and_records_each_edit,
            revisions::a_revision_touching_a_marked_round_is_refused_whole,
            revisions::a_removed_contestant_leaves_lineups_conflicts_and_feedback,
            people::callers_are_the_owner_or_the_contest_s_links,
            people::links_are_listed_in_the_order_they_were_added_and_audited,
            people::revoking_is_for_good_idempotent_and_audited_once,
            people::tying_a_presentation_is_audited_once_per_change,
            people::a_tied_contest_s_cohosts_and_moderators_are_the_presentation_s_delegates,
            people::a_presentation_that_does_not_exist_leaves_the_contest_untied,
            people::conflicts_replace_a_judge_s_exclusions_and_are_audited,
            people::conflicts_are_for_the_contest_s_judges_and_contestants,
            people::feedback_shows_comments_of_submitted_sheets_in_round_order,
            sheets::a_saved_sheet_reads_back_and_each_change_is_audited,
            sheets::sheets_lists_every_judge_s_sheet_at_the_round_s_version,
            sheets::a_sheet_is_saved_only_while_its_round_is_open,
            sheets::a_sheet_checked_against_another_lineup_is_refused,
            sheets::a_submission_needs_every_mark_and_locks_the_sheet,
            sheets::conflicts_leave_marks_out_of_reads_and_submissions,
            sheets::reopening_unlocks_a_submitted_sheet_and_is_audited,
            rounds::rounds_move_only_from_the_given_states_and_each_move_is_audited,
            rounds::a_draft_round_s_lineup_changes_and_each_change_is_audited,
            rounds::a_publication_reads_back_exactly_as_stored,
            rounds::publishing_needs_a_closed_round_at_the_version_read,
            rounds::every_change_that_can_move_results_moves_the_round_s_version,
            rounds::a_published_round_is_frozen,
            log::a_contest_s_life_is_logged_in_order,
            log::a_refused_change_stores_nothing_and_records_nothing,
        );
    };
    (@cases $make:expr; $($module:ident :: $case:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $case() {
                let adapters = $make;
                $crate::contract::contests::$module::$case(&adapters).await;
            }
        )*
    };
}

/// A stored contest: two criteria (Voice, Style), three contestants
/// (Alto, Bass, Cello), two rounds (Heat, Final), every round a draft.
#[derive(Clone, Debug)]
pub struct Staged {
    pub id: ContestId,
    pub contest: Contest,
    pub owner: PresenterToken,
    pub heat: RoundId,
    pub fin: RoundId,
    pub alto: ContestantId,
    pub bass: ContestantId,
    pub cello: ContestantId,
    pub voice: CriterionId,
    pub style: CriterionId,
}

impl Staged {
    /// Every contestant: each round's lineup until it is narrowed.
    pub fn everyone(&self) -> BTreeSet<ContestantId> {
        BTreeSet::from([self.alto, self.bass, self.cello])
    }
}

/// The draft every case starts from.
pub fn draft() -> ContestDraft {
    let criterion = |name: &str, weight: &str| CriterionDraft {
        name: name.to_owned(),
        description: format!("How good the {name} is"),
        weight: weight.to_owned(),
        min: "0".to_owned(),
        max: "10".to_owned(),
        step: "0.5".to_owned(),
    };
    ContestDraft {
        title: "Choir".to_owned(),
        method: "weighted_mean".to_owned(),
        criteria: vec![criterion("Voice", "2"), criterion("Style", "1")],
        contestants: vec!["Alto".to_owned(), "Bass".to_owned(), "Cello".to_owned()],
        rounds: vec!["Heat".to_owned(), "Final".to_owned()],
        tie_break_criterion: Some("Voice".to_owned()),
        ..ContestDraft::default()
    }
}

/// Stores a contest from [`draft`].
pub async fn staged<A: ContestAdapters>(adapters: &A) -> Staged {
    let contest = draft().validate().expect("a valid draft");
    let owner = PresenterToken::generate();
    adapters
        .contests()
        .create(NewContest {
            contest: contest.clone(),
            owner: owner.hash(),
        })
        .await
        .expect("create");
    Staged {
        id: contest.id,
        heat: contest.rounds[0].id,
        fin: contest.rounds[1].id,
        alto: contest.contestants[0].id,
        bass: contest.contestants[1].id,
        cello: contest.contestants[2].id,
        voice: contest.criteria[0].0,
        style: contest.criteria[1].0,
        contest,
        owner,
    }
}

/// A new invite link of `role` on the contest, added by the owner.
pub async fn link<A: ContestAdapters>(
    adapters: &A,
    id: ContestId,
    role: Role,
    name: &str,
) -> LinkId {
    let link = LinkId::generate();
    adapters
        .contests()
        .add_link(
            id,
            link,
            role,
            name,
            PresenterToken::generate().hash(),
            "owner",
        )
        .await
        .expect("add_link");
    link
}

pub async fn judge<A: ContestAdapters>(adapters: &A, id: ContestId, name: &str) -> LinkId {
    link(adapters, id, Role::Judge, name).await
}

/// Moves the round from `from` to `to`, as the owner.
pub async fn moved<A: ContestAdapters>(
    adapters: &A,
    id: ContestId,
    round: RoundId,
    from: RoundState,
    to: RoundState,
) {
    adapters
        .contests()
        .move_round(id, round, &[from], to, "owner")
        .await
        .expect("move_round");
}

pub fn mark(text: &str) -> Mark {
    Mark::parse(text).expect("a mark")
}

/// Marks to save against the round's whole lineup (as created).
pub fn marks(s: &Staged, marks: &[(ContestantId, CriterionId, Option<&str>)]) -> SheetChanges {
    SheetChanges {
        marks: marks
            .iter()
            .map(|(contestant, criterion, value)| MarkChange {
                contestant: *contestant,
                criterion: *criterion,
                mark: value.map(mark),
            })
            .collect(),
        lineup: s.everyone(),
        ..SheetChanges::default()
    }
}

/// Nothing to change but a submission expecting `n` marks.
pub fn submit(s: &Staged, n: usize) -> SheetChanges {
    SheetChanges {
        submit: Some(n),
        ..marks(s, &[])
    }
}

/// The contest's whole audit log.
pub async fn log_of<A: ContestAdapters>(adapters: &A, id: ContestId) -> Vec<AuditEntry> {
    adapters
        .contests()
        .audit(id, 0, 10_000)
        .await
        .expect("audit")
}

/// The log's entries after the first `n`.
pub async fn log_after<A: ContestAdapters>(
    adapters: &A,
    id: ContestId,
    n: usize,
) -> Vec<AuditEntry> {
    log_of(adapters, id).await.split_off(n)
}

/// An audit entry's content, without its position and time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Said {
    pub actor: String,
    pub action: String,
    pub round: Option<RoundId>,
    pub judge: Option<LinkId>,
    pub contestant: Option<ContestantId>,
    pub criterion: Option<CriterionId>,
    pub before: Option<String>,
    pub after: Option<String>,
}

pub fn said(entries: &[AuditEntry]) -> Vec<Said> {
    entries
        .iter()
        .map(|e| Said {
            actor: e.actor.clone(),
            action: e.action.clone(),
            round: e.round,
            judge: e.judge,
            contestant: e.contestant,
            criterion: e.criterion,
            before: e.before.clone(),
            after: e.after.clone(),
        })
        .collect()
}

/// An expected entry of `action` by `actor` that names nothing else yet.
pub fn says(actor: &str, action: &str) -> Said {
    Said {
        actor: actor.to_owned(),
        action: action.to_owned(),
        ..Said::default()
    }
}

pub fn text(s: &str) -> Option<String> {
    Some(s.to_owned())
}

/// Ids as the log lists a set of them: comma-separated, in order.
pub fn listed(ids: &BTreeSet<ContestantId>) -> String {
    ids.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// A sheet with its marks and comments in one order (the port promises
/// none within a sheet).
pub fn sorted(mut sheet: StoredSheet) -> StoredSheet {
    sheet.marks.sort_by_key(|m| (m.contestant, m.criterion));
    sheet.comments.sort();
    sheet
}

pub async fn sheet_of<A: ContestAdapters>(
    adapters: &A,
    s: &Staged,
    round: RoundId,
    judge: LinkId,
) -> StoredSheet {
    sorted(
        adapters
            .contests()
            .sheet(s.id, round, judge)
            .await
            .expect("sheet"),
    )
}

pub async fn seen<A: ContestAdapters>(adapters: &A, id: ContestId, round: RoundId) -> i64 {
    adapters
        .contests()
        .sheets(id, round)
        .await
        .expect("sheets")
        .seen
}

/// Freezes the closed round as the use case does, from what the store
/// reads now; the publication and the version it was read at.
pub async fn freeze<A: ContestAdapters>(
    adapters: &A,
    id: ContestId,
    round: RoundId,
    audience: &BTreeMap<String, u64>,
) -> (Publication, i64) {
    let store = adapters.contests();
    let contest = store.get(id).await.expect("get").expect("the contest");
    let sheets = store.sheets(id, round).await.expect("sheets");
    let conflicts = store.conflicts(id).await.expect("conflicts");
    let publication = Publication::freeze(&contest, round, &sheets.sheets, conflicts, audience);
    (publication, sheets.seen)
}

/// Everything the store holds of a contest, read through the port.
#[derive(Debug, PartialEq)]
pub struct Everything {
    pub contest: Option<Contest>,
    pub links: Vec<Link>,
    pub conflicts: BTreeMap<LinkId, BTreeSet<ContestantId>>,
    pub sheets: Vec<RoundSheets>,
    pub published: Vec<Option<Publication>>,
    pub log: Vec<AuditEntry>,
}

pub async fn everything<A: ContestAdapters>(adapters: &A, s: &Staged) -> Everything {
    let store = adapters.contests();
    let mut sheets = Vec::new();
    let mut published = Vec::new();
    for round in [s.heat, s.fin] {
        let mut read = store.sheets(s.id, round).await.expect("sheets");
        read.sheets = read.sheets.into_iter().map(sorted).collect();
        sheets.push(read);
        published.push(store.published(s.id, round).await.expect("published"));
    }
    Everything {
        contest: store.get(s.id).await.expect("get"),
        links: store.links(s.id).await.expect("links"),
        conflicts: store.conflicts(s.id).await.expect("conflicts"),
        sheets,
        published,
        log: log_of(adapters, s.id).await,
    }
}
