//! Changes other processes announce, told to this process's subscribers:
//! on the in-memory fakes.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use tally_domain::ports::PresentationStore as _;
use tally_domain::usecases::Announcements;
use tally_domain::SlideMove;
use tally_testkit::contract::store::create_in;
use tally_testkit::fakes::{FakeEvents, FakeWorld, Told};
use tally_testkit::fixtures::deck;

#[tokio::test]
async fn an_announced_change_reaches_the_subscribers_as_the_store_holds_it_now() {
    let world = FakeWorld::new();
    let store = world.store();
    let local = FakeEvents::default();
    let announcements = Announcements::new(store.clone(), local.clone());
    let p = create_in(&store, deck(3)).await;
    store.move_slide(p.id, SlideMove::Next).await.unwrap();
    store.move_slide(p.id, SlideMove::Next).await.unwrap();
    // Two announcements, heard after both changes: each reads the newest.
    announcements.heard(p.id).await.unwrap();
    announcements.heard(p.id).await.unwrap();
    let newest = Told::Changed {
        id: p.id,
        version: 3,
    };
    assert_eq!(local.told(), [newest, newest]);
}

#[tokio::test]
async fn an_announced_deletion_reaches_the_subscribers_as_a_deletion() {
    let world = FakeWorld::new();
    let store = world.store();
    let local = FakeEvents::default();
    let announcements = Announcements::new(store.clone(), local.clone());
    let p = create_in(&store, deck(1)).await;
    assert!(store.delete(p.id).await.unwrap());
    announcements.heard(p.id).await.unwrap();
    assert_eq!(local.told(), [Told::Deleted { id: p.id }]);
}

#[tokio::test]
async fn an_announcement_that_cannot_be_read_tells_nobody() {
    let world = FakeWorld::new();
    let store = world.store();
    let local = FakeEvents::default();
    let announcements = Announcements::new(store.clone(), local.clone());
    let p = create_in(&store, deck(1)).await;
    world.fail(true);
    assert!(announcements.heard(p.id).await.is_err());
    assert_eq!(local.told(), []);
}
