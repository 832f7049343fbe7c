//! The contest use cases on the in-memory contest store: who may do what,
//! what is checked before the store is asked, what publishing freezes,
//! and corrections. The fake passes the same contract suite as Postgres
//! (tally-testkit's `contests_contract_tests!`).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::BTreeSet;
use tally_domain::contest::draft::{ContestDraft, CriterionDraft};
use tally_domain::contest::model::{Contest, RoundState, SheetState};
use tally_domain::contest::revision::Revision;
use tally_domain::ports::ContestRounds as _;
use tally_domain::usecases::{
    ContestDenied, ContestReadError, Contests, LinkError, MarkDraft, ReviseContestError,
    RoundError, SheetError,
};
use tally_domain::{
    Ballot, ContestId, ContestantId, CriterionId, LinkId, ParticipantId, PresenterToken, RoundId,
};
use tally_testkit::fakes::{FakeContests, FakePorts, FakeWorld};
use tally_testkit::fixtures::deck;

fn criterion(name: &str, weight: &str, step: &str) -> CriterionDraft {
    CriterionDraft {
        name: name.to_owned(),
        description: String::new(),
        weight: weight.to_owned(),
        min: "1".to_owned(),
        max: "10".to_owned(),
        step: step.to_owned(),
    }
}

fn choir() -> ContestDraft {
    ContestDraft {
        title: "Spring choir contest".to_owned(),
        method: "weighted_mean".to_owned(),
        criteria: vec![criterion("Voice", "2", "0.5"), criterion("Stage", "1", "1")],
        contestants: vec!["Alto".to_owned(), "Bass".to_owned(), "Cello".to_owned()],
        rounds: vec!["Final".to_owned()],
        ..ContestDraft::default()
    }
}

/// A contest on the fakes, its owner's secret and two judges.
struct Event {
    contests: Contests<FakePorts>,
    store: FakeContests,
    contest: Contest,
    owner: PresenterToken,
    judges: Vec<(LinkId, PresenterToken)>,
}

impl Event {
    async fn new(draft: &ContestDraft) -> Self {
        let world = FakeWorld::new();
        let store = world.contests();
        let contests = world.tally(false).0.contests();
        let (contest, owner) = contests.create(draft).await.unwrap();
        let mut judges = Vec::new();
        for name in ["Ann", "Ben"] {
            let (link, token) = contests
                .invite(contest.id, Some(&owner), "judge", name)
                .await
                .unwrap();
            judges.push((link.id, token));
        }
        Self {
            contests,
            store,
            contest,
            owner,
            judges,
        }
    }

    fn id(&self) -> ContestId {
        self.contest.id
    }

    fn round(&self) -> RoundId {
        self.contest.rounds[0].id
    }

    fn who(&self, name: &str) -> ContestantId {
        self.contest
            .contestants
            .iter()
            .find(|c| c.name == name)
            .unwrap()
            .id
    }

    fn on(&self, name: &str) -> CriterionId {
        self.contest
            .criteria
            .iter()
            .find(|(_, c)| c.name() == name)
            .unwrap()
            .0
    }

    fn marks(&self, triples: &[(&str, &str, &str)]) -> Vec<MarkDraft> {
        triples
            .iter()
            .map(|(who, on, value)| MarkDraft {
                contestant: self.who(who),
                criterion: self.on(on),
                value: Some((*value).to_owned()),
            })
            .collect()
    }

    /// Judge `j` scores everyone `base + i` on both criteria and submits.
    async fn submit_all(&self, j: usize, base: u32) {
        let triples: Vec<(String, &str, String)> = ["Alto", "Bass", "Cello"]
            .iter()
            .zip(0..)
            .flat_map(|(who, i)| {
                ["Voice", "Stage"]
                    .into_iter()
                    .map(move |on| ((*who).to_owned(), on, (base + i).to_string()))
            })
            .collect();
        let borrowed: Vec<(&str, &str, &str)> = triples
            .iter()
            .map(|(w, o, v)| (w.as_str(), *o, v.as_str()))
            .collect();
        let sheet = self
            .contests
            .save_sheet(
                self.id(),
                Some(&self.judges[j].1),
                self.round(),
                &self.marks(&borrowed),
                &[],
                true,
            )
            .await
            .unwrap();
        assert_eq!(sheet.sheet.state, SheetState::Submitted);
    }

    async fn save(
        &self,
        j: usize,
        marks: Vec<MarkDraft>,
        submit: bool,
    ) -> Result<tally_domain::usecases::JudgeSheet, SheetError> {
        self.contests
            .save_sheet(
                self.id(),
                Some(&self.judges[j].1),
                self.round(),
                &marks,
                &[],
                submit,
            )
            .await
    }

    async fn open(&self) {
        self.contests
            .open_round(self.id(), Some(&self.owner), self.round())
            .await
            .unwrap();
    }

    async fn close(&self) {
        self.contests
            .close_round(self.id(), Some(&self.owner), self.round())
            .await
            .unwrap();
    }

    /// The definition as it is, as a revision that changes nothing yet.
    fn revision(&self) -> Revision {
        let mut draft = choir();
        draft.title.clone_from(&self.contest.title);
        Revision {
            draft,
            criteria: self
                .contest
                .criteria
                .iter()
                .map(|(id, _)| Some(*id))
                .collect(),
            contestants: self
                .contest
                .contestants
                .iter()
                .map(|c| Some(c.id))
                .collect(),
            rounds: self.contest.rounds.iter().map(|r| Some(r.id)).collect(),
        }
    }
}

#[tokio::test]
async fn each_role_does_only_what_it_may() {
    let e = Event::new(&choir()).await;
    let (cohost_link, cohost) = e
        .contests
        .invite(e.id(), Some(&e.owner), "cohost", "Cory")
        .await
        .unwrap();
    // A co-host runs rounds but does not invite; a judge does neither.
    e.contests
        .open_round(e.id(), Some(&cohost), e.round())
        .await
        .unwrap();
    let denied = e
        .contests
        .invite(e.id(), Some(&cohost), "judge", "Dan")
        .await;
    assert!(
        matches!(denied, Err(LinkError::Denied(ContestDenied::Role))),
        "{denied:?}"
    );
    let judge = &e.judges[0].1;
    let denied = e.contests.close_round(e.id(), Some(judge), e.round()).await;
    assert!(
        matches!(denied, Err(RoundError::Denied(ContestDenied::Role))),
        "{denied:?}"
    );
    // No secret, a stranger's secret, a revoked one.
    let denied = e.contests.close_round(e.id(), None, e.round()).await;
    assert!(matches!(
        denied,
        Err(RoundError::Denied(ContestDenied::MissingToken))
    ));
    let stranger = PresenterToken::generate();
    let denied = e
        .contests
        .close_round(e.id(), Some(&stranger), e.round())
        .await;
    assert!(matches!(
        denied,
        Err(RoundError::Denied(ContestDenied::UnknownToken))
    ));
    e.contests
        .revoke(e.id(), Some(&e.owner), cohost_link.id)
        .await
        .unwrap();
    let denied = e
        .contests
        .close_round(e.id(), Some(&cohost), e.round())
        .await;
    assert!(matches!(
        denied,
        Err(RoundError::Denied(ContestDenied::Revoked))
    ));
    // Only the owner corrects the contest.
    let denied = e.contests.revise(e.id(), Some(judge), &e.revision()).await;
    assert!(matches!(
        denied,
        Err(ReviseContestError::Denied(ContestDenied::Role))
    ));
}

#[tokio::test]
async fn a_sheet_is_checked_before_the_store_is_asked() {
    let e = Event::new(&choir()).await;
    let judge = &e.judges[0].1;
    let early = e.save(0, e.marks(&[("Alto", "Voice", "8")]), false).await;
    assert!(
        matches!(early, Err(SheetError::RoundState(RoundState::Draft))),
        "{early:?}"
    );
    e.open().await;
    for (value, what) in [
        ("8.25", "off the step"),
        ("11", "off the range"),
        ("eight", "not a number"),
    ] {
        let refused = e.save(0, e.marks(&[("Alto", "Voice", value)]), false).await;
        assert!(
            matches!(refused, Err(SheetError::InvalidMark { .. })),
            "{what}: {refused:?}"
        );
    }
    let mut stranger = e.marks(&[("Alto", "Voice", "8")]);
    stranger[0].contestant = ContestantId::generate();
    assert!(matches!(
        e.save(0, stranger, false).await,
        Err(SheetError::ContestantNotFound)
    ));
    let mut unknown = e.marks(&[("Alto", "Voice", "8")]);
    unknown[0].criterion = CriterionId::generate();
    assert!(matches!(
        e.save(0, unknown, false).await,
        Err(SheetError::CriterionNotFound)
    ));
    let long = "x".repeat(4001);
    let refused = e
        .contests
        .save_sheet(
            e.id(),
            Some(judge),
            e.round(),
            &[],
            &[(e.who("Alto"), long)],
            false,
        )
        .await;
    assert!(matches!(refused, Err(SheetError::InvalidComment)));
    // Nothing of the refused saves was stored.
    let sheet = e
        .contests
        .judge_sheet(e.id(), Some(judge), e.round())
        .await
        .unwrap();
    assert!(sheet.sheet.marks.is_empty());
    // A submission needs every mark: 3 contestants × 2 criteria.
    let refused = e.save(0, e.marks(&[("Alto", "Voice", "8")]), true).await;
    assert!(
        matches!(refused, Err(SheetError::Incomplete(5))),
        "{refused:?}"
    );
}

#[tokio::test]
async fn publishing_freezes_what_the_results_were_computed_from() {
    let e = Event::new(&choir()).await;
    e.open().await;
    e.submit_all(0, 7).await;
    e.submit_all(1, 5).await;
    // Published only once closed.
    let early = e.contests.publish(e.id(), Some(&e.owner), e.round()).await;
    assert!(
        matches!(early, Err(RoundError::State(RoundState::Open))),
        "{early:?}"
    );
    e.close().await;
    let digest = e
        .contests
        .publish(e.id(), Some(&e.owner), e.round())
        .await
        .unwrap();
    let public = e.contests.results(e.id(), None, e.round()).await.unwrap();
    assert_eq!(public.digest.as_deref(), Some(digest.as_str()));
    let (_, marks) = e
        .contests
        .export(e.id(), Some(&e.owner), e.round())
        .await
        .unwrap();
    assert_eq!(marks.len(), 12);

    // A conflict set afterwards applies to rounds to come, not this one.
    let excluded: BTreeSet<ContestantId> = [e.who("Alto")].into();
    e.contests
        .set_conflicts(e.id(), Some(&e.owner), e.judges[0].0, &excluded)
        .await
        .unwrap();
    let after = e.contests.results(e.id(), None, e.round()).await.unwrap();
    assert_eq!(after.results, public.results);
    let (_, marks) = e
        .contests
        .export(e.id(), Some(&e.owner), e.round())
        .await
        .unwrap();
    assert_eq!(marks.len(), 12);
    let publication = e.store.published(e.id(), e.round()).await.unwrap().unwrap();
    let contest = e.contests.contest(e.id()).await.unwrap();
    assert_eq!(publication.differences(&contest), Vec::<String>::new());
    // Published is frozen.
    let refused = e
        .contests
        .reopen_sheet(e.id(), Some(&e.owner), e.round(), e.judges[0].0)
        .await;
    assert!(
        matches!(refused, Err(RoundError::State(RoundState::Published))),
        "{refused:?}"
    );
}

#[tokio::test]
async fn results_stay_private_until_published() {
    let e = Event::new(&choir()).await;
    let anyone = e.contests.results(e.id(), None, e.round()).await;
    assert!(matches!(
        anyone,
        Err(ContestReadError::Denied(ContestDenied::MissingToken))
    ));
    let judge = e
        .contests
        .results(e.id(), Some(&e.judges[0].1), e.round())
        .await;
    assert!(matches!(
        judge,
        Err(ContestReadError::Denied(ContestDenied::Role))
    ));
    assert!(e
        .contests
        .results(e.id(), Some(&e.owner), e.round())
        .await
        .is_ok());
}

#[tokio::test]
async fn people_s_choice_is_read_as_every_poll_and_waits_for_it_to_close() {
    // The audience votes on the event's presentation, whose options are
    // named like the contestants.
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let created = tally.create_presentation(deck(1), None).await.unwrap();
    let (deck, token) = (created.presentation, created.presenter_token);
    let poll = deck.polls[0].id;
    world.contests().add_poll(deck.id, poll, true);
    for key in ["B", "B", "B", "A"] {
        let voter = ParticipantId::from_uuid(uuid::Uuid::new_v4());
        tally
            .cast_vote(Ballot::single(deck.id, poll, voter, key))
            .await
            .unwrap();
    }
    let mut draft = choir();
    draft.contestants = ["Option A", "Option B", "Option C"]
        .map(str::to_owned)
        .to_vec();
    draft.audience = Some((poll, "1".to_owned()));
    let contests = tally.contests();
    let (contest, owner) = contests.create(&draft).await.unwrap();
    let round = contest.rounds[0].id;
    contests
        .open_round(contest.id, Some(&owner), round)
        .await
        .unwrap();
    contests
        .close_round(contest.id, Some(&owner), round)
        .await
        .unwrap();
    // The poll is on screen with its voting open: not yet.
    let refused = contests.publish(contest.id, Some(&owner), round).await;
    assert!(
        matches!(refused, Err(RoundError::AudienceOpen)),
        "{refused:?}"
    );
    tally
        .set_voting(deck.id, Some(&token), false)
        .await
        .unwrap();
    contests
        .publish(contest.id, Some(&owner), round)
        .await
        .unwrap();
    let results = contests
        .results(contest.id, None, round)
        .await
        .unwrap()
        .results;
    let b = results
        .standings
        .iter()
        .find(|s| s.name == "Option B")
        .unwrap();
    assert_eq!((b.audience_votes, b.people.as_deref()), (3, Some("0.75")));
}

#[tokio::test]
async fn a_correction_is_refused_once_marks_would_change_meaning() {
    let e = Event::new(&choir()).await;
    // Before any mark: a weight may change.
    let mut heavier = e.revision();
    heavier.draft.criteria[0].weight = "3".to_owned();
    let revised = e
        .contests
        .revise(e.id(), Some(&e.owner), &heavier)
        .await
        .unwrap();
    assert_eq!(revised.criteria[0].1.weight().to_string(), "3");
    // A judge saves a draft mark in the final.
    e.open().await;
    e.save(0, e.marks(&[("Alto", "Voice", "8")]), false)
        .await
        .unwrap();
    let mut lighter = heavier.clone();
    lighter.draft.criteria[0].weight = "1".to_owned();
    let refused = e.contests.revise(e.id(), Some(&e.owner), &lighter).await;
    match refused {
        Err(ReviseContestError::Locked(why)) => {
            assert!(why.contains("round Final has saved marks"), "{why}");
            assert!(why.contains("Voice (weight 3"), "{why}");
        }
        other => panic!("{other:?}"),
    }
    // A renamed criterion and a new title still go through.
    let mut renamed = heavier.clone();
    renamed.draft.criteria[1].name = "Stagecraft".to_owned();
    renamed.draft.title = "Spring choir contest 2026".to_owned();
    let revised = e
        .contests
        .revise(e.id(), Some(&e.owner), &renamed)
        .await
        .unwrap();
    assert_eq!(revised.criteria[1].1.name(), "Stagecraft");
    // An open round cannot be removed.
    let mut fewer = renamed.clone();
    fewer.draft.rounds.clear();
    fewer.draft.rounds.push("Encore".to_owned());
    fewer.rounds = vec![None];
    let refused = e.contests.revise(e.id(), Some(&e.owner), &fewer).await;
    assert!(
        matches!(refused, Err(ReviseContestError::Locked(_))),
        "{refused:?}"
    );
}

#[tokio::test]
async fn progress_says_what_each_judge_still_lacks() {
    let e = Event::new(&choir()).await;
    e.open().await;
    e.save(0, e.marks(&[("Alto", "Voice", "8")]), false)
        .await
        .unwrap();
    let progress = e
        .contests
        .progress(e.id(), Some(&e.owner), e.round())
        .await
        .unwrap();
    let seen: Vec<(usize, usize, usize)> = progress
        .iter()
        .map(|p| (p.scored, p.expected, p.missing.len()))
        .collect();
    assert_eq!(seen, [(1, 6, 5), (0, 6, 6)]);
}

#[tokio::test]
async fn feedback_reaches_its_contestant_without_judges_names() {
    let e = Event::new(&choir()).await;
    e.open().await;
    let note = vec![(
        e.contests.contest(e.id()).await.unwrap().contestants[1].id,
        "Lovely low notes".to_owned(),
    )];
    let marks = e.marks(&[
        ("Alto", "Voice", "8"),
        ("Alto", "Stage", "8"),
        ("Bass", "Voice", "8"),
        ("Bass", "Stage", "8"),
        ("Cello", "Voice", "8"),
        ("Cello", "Stage", "8"),
    ]);
    e.contests
        .save_sheet(e.id(), Some(&e.judges[0].1), e.round(), &marks, &note, true)
        .await
        .unwrap();
    let link = e
        .contests
        .release_feedback(e.id(), Some(&e.owner), e.who("Bass"))
        .await
        .unwrap();
    let feedback = e.contests.feedback(e.id(), Some(&link)).await.unwrap();
    assert_eq!(feedback.contestant.name, "Bass");
    assert_eq!(
        feedback.comments,
        [("Final".to_owned(), "Lovely low notes".to_owned())]
    );
    let stranger = e.contests.feedback(e.id(), Some(&e.owner)).await;
    assert!(matches!(
        stranger,
        Err(ContestReadError::Denied(ContestDenied::UnknownToken))
    ));
}
