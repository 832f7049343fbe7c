//! The poll types' part of the intake and ledger contracts
//! (`poll-types.md`): every type's votes, identical re-votes, changes and
//! retractions, and the results they give. Each case runs on every intake
//! (the fake, Postgres's direct path, Redis's spike path, the failover).

use super::store::create;
use super::Adapters;
use crate::fixtures::{one, typed};
use std::collections::BTreeMap;
use tally_domain::kinds::{Aggregates, PollType, RawChoice, SettingsDraft};
use tally_domain::ports::{
    IntakeError, LedgerError, PresentationStore as _, VoteIntake as _, VoteLedger as _,
};
use tally_domain::{Ballot, OptionKey, ParticipantId, PollResults, Presentation, VoteReceipt};

fn someone() -> ParticipantId {
    ParticipantId::from_uuid(uuid::Uuid::new_v4())
}

fn strings(raw: &[&str]) -> Vec<String> {
    raw.iter().map(|s| (*s).to_owned()).collect()
}

fn numbers(raw: &[(&str, i64)]) -> BTreeMap<String, i64> {
    raw.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
}

fn keys(raw: &[&str]) -> Vec<OptionKey> {
    raw.iter().map(|k| OptionKey::parse(*k).unwrap()).collect()
}

/// The ballot of `raw` on the presentation's first poll, checked as the
/// edge checks it.
fn ballot(p: &Presentation, voter: ParticipantId, raw: RawChoice) -> Ballot {
    let poll = &p.polls[0];
    Ballot::checked(p.id, poll.id, (&poll.settings, poll.round), voter, raw).expect("a valid vote")
}

async fn cast<A: Adapters>(
    adapters: &A,
    p: &Presentation,
    voter: ParticipantId,
    raw: RawChoice,
) -> Result<VoteReceipt, IntakeError> {
    adapters.intake().cast(ballot(p, voter, raw)).await
}

async fn retract<A: Adapters>(
    adapters: &A,
    p: &Presentation,
    voter: ParticipantId,
) -> Result<VoteReceipt, IntakeError> {
    adapters
        .intake()
        .cast(Ballot::retraction(p.id, p.polls[0].id, voter))
        .await
}

async fn results<A: Adapters>(adapters: &A, p: &Presentation) -> PollResults {
    adapters
        .ledger()
        .results(p.id, p.polls[0].id)
        .await
        .expect("results")
}

/// A presentation of one poll of `kind`.
async fn poll_of<A: Adapters>(
    adapters: &A,
    kind: PollType,
    options: &[&str],
    settings: SettingsDraft,
) -> Presentation {
    let (p, _) = create(adapters, one(typed("Which?", kind, options, settings))).await;
    p
}

/// Two different votes of each votable type, as the contract's tables give
/// them.
fn two_votes(kind: PollType) -> (RawChoice, RawChoice) {
    match kind {
        PollType::Single => (RawChoice::Key("A".into()), RawChoice::Key("B".into())),
        PollType::Multiple => (
            RawChoice::Keys(strings(&["A", "C"])),
            RawChoice::Keys(strings(&["B"])),
        ),
        PollType::Scale => (
            RawChoice::Ratings(numbers(&[("A", 4), ("B", 2)])),
            RawChoice::Ratings(numbers(&[("A", 5)])),
        ),
        PollType::Ranking => (
            RawChoice::Ranking(strings(&["B", "A", "C"])),
            RawChoice::Ranking(strings(&["C", "B", "A"])),
        ),
        PollType::Points => (
            RawChoice::Points(numbers(&[("A", 60), ("C", 40)])),
            RawChoice::Points(numbers(&[("B", 100)])),
        ),
        PollType::Wordcloud => (
            RawChoice::Words(strings(&["Coffee", "tea"])),
            RawChoice::Words(strings(&["water"])),
        ),
        PollType::Open => (
            RawChoice::Text("More breaks".into()),
            RawChoice::Text("Fewer slides".into()),
        ),
        PollType::Quiz => (RawChoice::Key("B".into()), RawChoice::Key("A".into())),
        PollType::Qa | PollType::Content => unreachable!("{kind:?} takes no votes"),
    }
}

fn settings_of(kind: PollType, allow_change: bool) -> SettingsDraft {
    SettingsDraft {
        correct: (kind == PollType::Quiz).then(|| strings(&["B"])),
        allow_change: Some(allow_change),
        ..SettingsDraft::default()
    }
}

fn options_of(kind: PollType) -> &'static [&'static str] {
    if kind.has_options() {
        &["A", "B", "C"]
    } else {
        &[]
    }
}

/// The aggregates the ledger must show: those of the choices, recomputed.
fn expected(p: &Presentation, raws: &[RawChoice]) -> Aggregates {
    let settings = &p.polls[0].settings;
    let choices: Vec<_> = raws
        .iter()
        .map(|raw| settings.check(raw.clone()).expect("valid"))
        .collect();
    Aggregates::of(&choices)
}

/// The types that take votes (Q&A takes questions; a content slide
/// nothing).
fn votable() -> impl Iterator<Item = PollType> {
    PollType::ALL.into_iter().filter(|k| k.takes_votes())
}

pub async fn every_type_counts_a_vote_once_and_refuses_a_different_one<A: Adapters>(adapters: &A) {
    for kind in votable() {
        let p = poll_of(adapters, kind, options_of(kind), settings_of(kind, false)).await;
        let (first, second) = two_votes(kind);
        let (voter, other) = (someone(), someone());
        assert_eq!(
            cast(adapters, &p, voter, first.clone()).await.unwrap(),
            VoteReceipt::Counted,
            "{kind:?}"
        );
        assert_eq!(
            cast(adapters, &p, voter, first.clone()).await.unwrap(),
            VoteReceipt::AlreadyCounted,
            "{kind:?}: the same vote again"
        );
        assert!(
            matches!(
                cast(adapters, &p, voter, second.clone()).await,
                Err(IntakeError::AlreadyVotedDifferently)
            ),
            "{kind:?}: a different vote without allow_change"
        );
        assert!(
            matches!(
                retract(adapters, &p, voter).await,
                Err(IntakeError::ChangeNotAllowed)
            ),
            "{kind:?}: a retraction without allow_change"
        );
        cast(adapters, &p, other, second.clone()).await.unwrap();
        let got = results(adapters, &p).await;
        let want = expected(&p, &[first, second]);
        assert_eq!(got.participants, 2, "{kind:?}");
        assert_eq!(
            Aggregates {
                texts: 0,
                ..got.aggregates.clone()
            },
            Aggregates { texts: 0, ..want },
            "{kind:?}"
        );
        let entries = got.entries.len();
        assert_eq!(entries, if kind == PollType::Open { 2 } else { 0 });
        let listed = adapters.ledger().votes(p.id, p.polls[0].id).await.unwrap();
        assert_eq!(listed.len(), 2, "{kind:?}");
    }
}

pub async fn changes_and_retractions_move_the_counts_exactly<A: Adapters>(adapters: &A) {
    for kind in votable() {
        let p = poll_of(adapters, kind, options_of(kind), settings_of(kind, true)).await;
        let (first, second) = two_votes(kind);
        let (voter, other) = (someone(), someone());
        let step = |raw: RawChoice| cast(adapters, &p, voter, raw);
        assert_eq!(step(first.clone()).await.unwrap(), VoteReceipt::Counted);
        assert_eq!(step(second.clone()).await.unwrap(), VoteReceipt::Changed);
        assert_eq!(
            step(second.clone()).await.unwrap(),
            VoteReceipt::AlreadyCounted
        );
        assert_eq!(step(first.clone()).await.unwrap(), VoteReceipt::Changed);
        cast(adapters, &p, other, second.clone()).await.unwrap();
        let got = results(adapters, &p).await;
        assert_eq!(
            got.aggregates,
            expected(&p, &[first.clone(), second.clone()]),
            "{kind:?} after changes"
        );

        assert_eq!(
            retract(adapters, &p, voter).await.unwrap(),
            VoteReceipt::Retracted,
            "{kind:?}"
        );
        assert_eq!(
            retract(adapters, &p, voter).await.unwrap(),
            VoteReceipt::AlreadyCounted,
            "{kind:?}: nothing left to retract"
        );
        let got = results(adapters, &p).await;
        assert_eq!(
            got.aggregates,
            expected(&p, std::slice::from_ref(&second)),
            "{kind:?} after the retraction"
        );
        let listed = adapters.ledger().votes(p.id, p.polls[0].id).await.unwrap();
        assert_eq!(
            listed.iter().map(|v| v.participant).collect::<Vec<_>>(),
            [other],
            "{kind:?}"
        );
        // Voting again after a retraction counts anew.
        assert_eq!(step(first.clone()).await.unwrap(), VoteReceipt::Counted);
        assert_eq!(
            results(adapters, &p).await.aggregates,
            expected(&p, &[first, second]),
            "{kind:?} after voting again"
        );
    }
}

pub async fn a_ballot_checked_for_another_type_is_refused<A: Adapters>(adapters: &A) {
    let p = poll_of(
        adapters,
        PollType::Multiple,
        &["A", "B", "C"],
        SettingsDraft::default(),
    )
    .await;
    let unchecked = Ballot::single(p.id, p.polls[0].id, someone(), "A");
    assert!(matches!(
        adapters.intake().cast(unchecked).await,
        Err(IntakeError::WrongType)
    ));
    assert_eq!(results(adapters, &p).await.participants, 0);
}

/// A content slide is stored with its body and takes no ballot, not even
/// one that skipped the edge's check: the intake refuses it as of another
/// type, and nothing is counted.
pub async fn a_content_slide_keeps_its_body_and_takes_no_ballot<A: Adapters>(adapters: &A) {
    let body = "Welcome **all**\n\n- Wi-Fi: guest";
    let p = poll_of(
        adapters,
        PollType::Content,
        &[],
        SettingsDraft {
            body: Some(body.to_owned()),
            ..SettingsDraft::default()
        },
    )
    .await;
    let stored = adapters
        .store()
        .get(p.id)
        .await
        .expect("read back")
        .expect("stored");
    let settings = &stored.polls[0].settings;
    assert_eq!(settings.kind, PollType::Content);
    assert_eq!(settings.body.as_ref().map(|b| b.source()), Some(body));
    assert_eq!(settings, &p.polls[0].settings);
    let unchecked = Ballot::single(p.id, p.polls[0].id, someone(), "A");
    assert!(matches!(
        adapters.intake().cast(unchecked).await,
        Err(IntakeError::WrongType)
    ));
    assert_eq!(results(adapters, &p).await.participants, 0);
}

/// Three rankings of A, B, C (n = 3): A B C, B A C, A C B. Borda: A gets
/// 2 + 1 + 2 = 5, B 1 + 2 + 0 = 3, C 0 + 0 + 1 = 1. Mean positions: A
/// 4/3, B 6/3, C 8/3.
pub async fn borda_points_and_mean_positions_on_a_known_example<A: Adapters>(adapters: &A) {
    let p = poll_of(
        adapters,
        PollType::Ranking,
        &["A", "B", "C"],
        SettingsDraft::default(),
    )
    .await;
    for order in [["A", "B", "C"], ["B", "A", "C"], ["A", "C", "B"]] {
        cast(adapters, &p, someone(), RawChoice::Ranking(strings(&order)))
            .await
            .unwrap();
    }
    let ranked = results(adapters, &p)
        .await
        .aggregates
        .ranking(&keys(&["A", "B", "C"]));
    let got: Vec<(&str, u64, Vec<u64>)> = ranked
        .iter()
        .map(|r| (r.key.as_str(), r.borda, r.positions.clone()))
        .collect();
    assert_eq!(
        got,
        [
            ("A", 5, vec![2, 1, 0]),
            ("B", 3, vec![1, 1, 1]),
            ("C", 1, vec![0, 1, 2])
        ]
    );
    let means: Vec<f64> = ranked.iter().filter_map(|r| r.mean_position).collect();
    for (got, want) in means.iter().zip([4.0 / 3.0, 2.0, 8.0 / 3.0]) {
        assert!((got - want).abs() < 1e-9, "{means:?}");
    }
}

/// Tricky spellings of one word count as one, shown as spelt most; emoji
/// are words; punctuation around a word goes.
pub async fn word_cloud_words_count_under_their_normal_form<A: Adapters>(adapters: &A) {
    let p = poll_of(
        adapters,
        PollType::Wordcloud,
        &[],
        SettingsDraft {
            max_entries: Some(3),
            ..SettingsDraft::default()
        },
    )
    .await;
    let votes: [&[&str]; 5] = [
        &["Café", "☕"],
        &["cafe\u{301}", "☕!"],
        &["CAFÉ!", "«tea»"],
        &["  Café  ", "Tea"],
        &["ｃａｆé", "tea."],
    ];
    for words in votes {
        cast(adapters, &p, someone(), RawChoice::Words(strings(words)))
            .await
            .unwrap();
    }
    let cloud = results(adapters, &p).await.cloud().shown;
    let got: Vec<(&str, u64)> = cloud.iter().map(|w| (w.word.as_str(), w.count)).collect();
    // Café: spelt "Café" twice, "café", "CAFÉ", "ｃａｆé" once each; tea:
    // "tea" twice ("«tea»", "tea."), "Tea" once.
    assert_eq!(got, [("Café", 5), ("tea", 3), ("☕", 2)]);
}

/// A time limit starts when the poll comes on screen; a vote after the
/// deadline is refused as voting closed; the presenter's timer stops,
/// restarts and runs out the same way.
pub async fn votes_after_the_deadline_are_refused<A: Adapters>(adapters: &A) {
    use tally_domain::ports::PresentationStore as _;
    let limited = SettingsDraft {
        time_limit_secs: Some(1),
        ..SettingsDraft::default()
    };
    let draft = tally_domain::PresentationDraft::new(vec![
        typed("Timed?", PollType::Single, &["A", "B"], limited.clone()),
        typed("Later?", PollType::Multiple, &["A", "B"], limited),
    ])
    .unwrap();
    let (p, _) = create(adapters, draft).await;
    let (first, second) = (&p.polls[0], &p.polls[1]);
    let opened = first.opened_at.expect("the first poll opens at once");
    assert_eq!(
        first.deadline,
        Some(opened + std::time::Duration::from_secs(1))
    );
    assert_eq!((second.opened_at, second.deadline), (None, None));

    let vote = |key: &str| {
        adapters
            .intake()
            .cast(Ballot::single(p.id, first.id, someone(), key))
    };
    assert_eq!(vote("A").await.unwrap(), VoteReceipt::Counted);
    adapters.pass(std::time::Duration::from_millis(1_200)).await;
    assert!(matches!(vote("B").await, Err(IntakeError::VotingClosed)));

    let stopped = adapters.store().set_timer(p.id, 0).await.unwrap();
    assert_eq!(stopped.polls[0].deadline, None);
    assert_eq!(vote("B").await.unwrap(), VoteReceipt::Counted);
    let running = adapters.store().set_timer(p.id, 1).await.unwrap();
    assert!(running.polls[0].deadline.is_some());
    assert!(running.polls[0].voting_open);
    assert_eq!(vote("A").await.unwrap(), VoteReceipt::Counted);
    adapters.pass(std::time::Duration::from_millis(1_200)).await;
    assert!(matches!(vote("A").await, Err(IntakeError::VotingClosed)));
    assert_eq!(results(adapters, &p).await.total_votes, 3);

    // The next poll's limit starts when it comes on screen.
    let moved = adapters
        .store()
        .move_slide(p.id, tally_domain::SlideMove::Next)
        .await
        .unwrap();
    let shown = &moved.polls[1];
    assert_eq!(
        shown.deadline,
        shown
            .opened_at
            .map(|at| at + std::time::Duration::from_secs(1))
    );
}

/// A reset starts a new round: results count from zero, a participant votes
/// again, and the rounds are told apart.
pub async fn a_reset_starts_a_new_round<A: Adapters>(adapters: &A) {
    use tally_domain::ports::{PresentationStore as _, ResetPollError};
    let p = poll_of(
        adapters,
        PollType::Single,
        &["A", "B", "C"],
        SettingsDraft::default(),
    )
    .await;
    let poll = p.polls[0].id;
    let (voter, other) = (someone(), someone());
    let vote = |who, key: &str| adapters.intake().cast(Ballot::single(p.id, poll, who, key));
    vote(voter, "A").await.unwrap();
    vote(other, "A").await.unwrap();
    assert_eq!(p.polls[0].round, 1);

    let reset = adapters.store().reset_poll(p.id, poll).await.unwrap();
    assert_eq!(reset.polls[0].round, 2);
    assert!(reset.polls[0].voting_open);
    let fresh = results(adapters, &p).await;
    assert_eq!(
        (fresh.round, fresh.participants, fresh.total_votes),
        (2, 0, 0)
    );
    // The same participant votes again, differently: a new round.
    assert_eq!(vote(voter, "B").await.unwrap(), VoteReceipt::Counted);
    let now = results(adapters, &p).await;
    let counts: Vec<u64> = now.options.iter().map(|o| o.votes).collect();
    assert_eq!((now.round, counts), (2, vec![0, 1, 0]));
    let listed = adapters.ledger().votes(p.id, poll).await.unwrap();
    assert_eq!(listed.iter().map(|v| v.key()).collect::<Vec<_>>(), ["B"]);

    let ledger = adapters.ledger();
    assert_eq!(ledger.round_results(p.id, poll, 2).await.unwrap(), now);
    let first = ledger.round_results(p.id, poll, 1).await.unwrap();
    assert_eq!(first.round, 1);
    for missing in [0, 3] {
        assert!(matches!(
            ledger.round_results(p.id, poll, missing).await,
            Err(LedgerError::RoundNotFound)
        ));
    }
    assert!(matches!(
        adapters
            .store()
            .reset_poll(p.id, tally_domain::PollId::generate())
            .await,
        Err(ResetPollError::PollNotFound)
    ));
    assert!(matches!(
        adapters
            .store()
            .reset_poll(tally_domain::PresentationId::generate(), poll)
            .await,
        Err(ResetPollError::NotFound)
    ));
}
