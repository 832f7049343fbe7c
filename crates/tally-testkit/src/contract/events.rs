//! The change events contract: whatever a subscriber does with an event
//! (mirror it, announce it, push it to sockets), what it holds follows the
//! newest committed state, never an older one, and lets go of a deleted
//! presentation. Events may be told out of order (two use cases commit
//! and tell concurrently), so "newest" means the highest version.

use super::store::create_in;
use crate::fixtures::deck;
use std::future::Future;
use std::time::Duration;
use tally_domain::ports::{PresentationEvents, PresentationStore};
use tally_domain::{Presentation, PresentationId, SlideMove};

/// A subscriber, and a way to see what it holds.
pub trait Subscribed: Send + Sync + 'static {
    type Store: PresentationStore;
    type Events: PresentationEvents;
    fn store(&self) -> &Self::Store;
    fn events(&self) -> &Self::Events;
    /// Called once the presentation exists and before any event about it:
    /// someone starts following it (a live channel opens, say).
    fn follow(&self, presentation: &Presentation) -> impl Future<Output = ()> + Send;
    /// The slide version the subscriber holds for the presentation; `None`
    /// once it let go of it.
    fn seen(&self, id: PresentationId) -> impl Future<Output = Option<u64>> + Send;
    /// Returns once the subscriber has acted on every event told so far.
    /// One that acts before `changed` or `deleted` returns has nothing to
    /// wait for; one that tells other processes waits until they heard.
    fn caught_up(&self) -> impl Future<Output = ()> + Send {
        std::future::ready(())
    }
}

/// How long a subscriber may take to act on an event.
const DEADLINE: Duration = Duration::from_secs(5);

/// Subscribers that tell other processes do so asynchronously: wait
/// (bounded) for `expected`.
async fn settles<S: Subscribed>(subscribed: &S, id: PresentationId, expected: Option<u64>) {
    let deadline = tokio::time::Instant::now() + DEADLINE;
    loop {
        let seen = subscribed.seen(id).await;
        if seen == expected {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the subscriber holds {seen:?}, expected {expected:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits (bounded) until the subscriber has acted on every event told.
async fn caught_up<S: Subscribed>(subscribed: &S) {
    tokio::time::timeout(DEADLINE, subscribed.caught_up())
        .await
        .expect("the subscriber acted on every event in time");
}

async fn followed<S: Subscribed>(subscribed: &S) -> Presentation {
    let p = create_in(subscribed.store(), deck(3)).await;
    subscribed.follow(&p).await;
    subscribed.events().changed(&p).await;
    settles(subscribed, p.id, Some(1)).await;
    p
}

pub async fn each_change_is_followed<S: Subscribed>(subscribed: &S) {
    let p = followed(subscribed).await;
    let moved = subscribed
        .store()
        .move_slide(p.id, SlideMove::Next)
        .await
        .unwrap();
    subscribed.events().changed(&moved).await;
    settles(subscribed, p.id, Some(2)).await;
    let closed = subscribed.store().set_voting(p.id, false).await.unwrap();
    subscribed.events().changed(&closed).await;
    settles(subscribed, p.id, Some(3)).await;
}

pub async fn an_older_state_never_replaces_a_newer_one<S: Subscribed>(subscribed: &S) {
    let p = followed(subscribed).await;
    let store = subscribed.store();
    let older = store.move_slide(p.id, SlideMove::Next).await.unwrap();
    let newer = store.move_slide(p.id, SlideMove::Next).await.unwrap();
    subscribed.events().changed(&newer).await;
    settles(subscribed, p.id, Some(3)).await;
    subscribed.events().changed(&older).await;
    // Only once the older event was acted on does "still the newer" mean
    // anything.
    caught_up(subscribed).await;
    assert_eq!(subscribed.seen(p.id).await, Some(3));
}

pub async fn a_deletion_is_followed<S: Subscribed>(subscribed: &S) {
    let p = followed(subscribed).await;
    assert!(subscribed.store().delete(p.id).await.unwrap());
    subscribed.events().deleted(p.id).await;
    settles(subscribed, p.id, None).await;
}

/// Neither method can fail the change, so both return, even about a
/// presentation nobody follows or that no longer exists.
pub async fn events_nobody_follows_return<S: Subscribed>(subscribed: &S) {
    let p = create_in(subscribed.store(), deck(1)).await;
    let events = subscribed.events();
    tokio::time::timeout(Duration::from_secs(5), async {
        events.changed(&p).await;
        subscribed.store().delete(p.id).await.unwrap();
        events.deleted(p.id).await;
        events.deleted(p.id).await;
    })
    .await
    .expect("the events returned");
    settles(subscribed, p.id, None).await;
}

/// One `#[tokio::test]` per events case; `$make` is an async expression
/// that yields a fresh [`Subscribed`].
#[macro_export]
macro_rules! events_contract_tests {
    ($make:expr) => {
        $crate::events_contract_tests!(@cases $make;
            each_change_is_followed,
            an_older_state_never_replaces_a_newer_one,
            a_deletion_is_followed,
            events_nobody_follows_return,
        );
    };
    (@cases $make:expr; $($case:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $case() {
                let subscribed = $make;
                $crate::contract::events::$case(&subscribed).await;
            }
        )*
    };
}
