//! The read cache's bounds, version guard and code lookups.
#![allow(clippy::unwrap_used)]

use super::*;
use tally_testkit::fakes::FakeWorld;
use tally_testkit::fixtures::poll;

/// A typical slide deck: 10 polls of 4 options.
fn deck() -> tally_domain::PresentationDraft {
    tally_domain::PresentationDraft::new(
        (0..10)
            .map(|i| {
                poll(
                    &format!("Which of these do you prefer, option {i}?"),
                    &["A", "B", "C", "D"],
                )
            })
            .collect(),
    )
    .unwrap()
}

#[tokio::test]
async fn a_typical_presentation_costs_a_few_kilobytes() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let created = tally.create_presentation(deck(), None).await.unwrap();
    let cache = ReadCache::new(ReadCacheSettings::default());
    let snapshot = cache
        .presentation(&tally, created.presentation.id)
        .await
        .unwrap();
    let weight = snapshot.weight();
    // The README quotes this figure.
    assert!((2_000..8_000).contains(&weight), "{weight} bytes");
    let (entries, held) = cache.usage().await;
    assert_eq!((entries, held), (1, weight as u64));
}

#[tokio::test]
async fn the_bound_holds_however_many_presentations_are_read() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let cache = ReadCache::new(ReadCacheSettings {
        max_bytes: 64 * 1024,
        ..ReadCacheSettings::default()
    });
    for _ in 0..100 {
        let created = tally.create_presentation(deck(), None).await.unwrap();
        cache
            .presentation(&tally, created.presentation.id)
            .await
            .unwrap();
    }
    let (entries, held) = cache.usage().await;
    assert!(held <= 64 * 1024, "{held} bytes in {entries} entries");
    assert!(entries >= 5, "the bound is used: {entries}");
}

#[tokio::test]
async fn an_older_state_never_replaces_a_newer_one() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let created = tally.create_presentation(deck(), None).await.unwrap();
    let first = created.presentation;
    let token = created.presenter_token;
    let moved = tally
        .move_slide(first.id, Some(&token), tally_domain::SlideMove::Next)
        .await
        .unwrap();
    let cache = ReadCache::new(ReadCacheSettings::default());
    cache.events().changed(&moved).await;
    cache.events().changed(&first).await;
    let snapshot = cache.presentation(&tally, first.id).await.unwrap();
    assert_eq!(snapshot.version, moved.slide.version);
}

#[tokio::test]
async fn phones_asking_for_a_code_this_process_does_not_know_share_one_lookup() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let created = tally.create_presentation(deck(), None).await.unwrap();
    let code = created.presentation.join_code.as_str().to_owned();
    let cache = ReadCache::new(ReadCacheSettings::default());
    let joins = (0..200).map(|_| cache.join(&tally, &code));
    let answers = futures::future::join_all(joins).await;
    assert!(answers
        .iter()
        .all(|a| a.as_ref().is_ok_and(|s| s.id == created.presentation.id)));
    assert_eq!(world.join_code_lookups().total, 1);
    // And from memory afterwards.
    cache.join(&tally, &code).await.unwrap();
    assert_eq!(world.join_code_lookups().total, 1);
}

#[tokio::test(start_paused = true)]
async fn a_flood_of_different_wrong_codes_is_refused_beyond_the_lookup_bound() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    world.slow_join_code_lookups(CODE_LOOKUP_WAIT * 4);
    let cache = ReadCache::new(ReadCacheSettings::default());
    let codes: Vec<String> = (0..100).map(|n| format!("{:06}", 100_000 + n)).collect();
    let answers =
        futures::future::join_all(codes.iter().map(|code| cache.join(&tally, code))).await;
    let not_found = |a: &Result<_, ResolveError>| matches!(a, Err(ResolveError::NotFound));
    let busy = |a: &Result<_, ResolveError>| matches!(a, Err(ResolveError::Busy));
    // The first code whose answer was `outcome`.
    let first = |outcome: &dyn Fn(&Result<_, ResolveError>) -> bool| {
        codes
            .iter()
            .zip(&answers)
            .find(|(_, a)| outcome(a))
            .map(|(code, _)| code)
            .unwrap()
    };
    let count = |outcome: &dyn Fn(&Result<_, ResolveError>) -> bool| {
        answers.iter().filter(|a| outcome(a)).count()
    };
    assert_eq!(
        (count(&not_found), count(&busy)),
        (CODE_LOOKUPS_AT_ONCE, 100 - CODE_LOOKUPS_AT_ONCE)
    );
    let lookups = world.join_code_lookups();
    assert_eq!(
        (lookups.total, lookups.peak),
        (CODE_LOOKUPS_AT_ONCE, CODE_LOOKUPS_AT_ONCE)
    );
    // The codes found unknown are answered from memory now; a refused
    // one is looked up when asked again.
    world.slow_join_code_lookups(Duration::ZERO);
    assert!(matches!(
        cache.join(&tally, first(&not_found)).await,
        Err(ResolveError::NotFound)
    ));
    assert_eq!(world.join_code_lookups().total, CODE_LOOKUPS_AT_ONCE);
    assert!(matches!(
        cache.join(&tally, first(&busy)).await,
        Err(ResolveError::NotFound)
    ));
    assert_eq!(world.join_code_lookups().total, CODE_LOOKUPS_AT_ONCE + 1);
}
