//! The intake switch contract. Cases take a constructor, `make(up)`.

use std::time::Duration;
use tally_domain::ports::IntakeSwitch;

/// Long enough for a spawned task to reach its await; the cases check that
/// something did NOT happen within it.
const SETTLE: Duration = Duration::from_millis(50);

pub async fn it_starts_as_asked_and_each_change_is_reported_once<S: IntakeSwitch>(
    make: impl Fn(bool) -> S,
) {
    let switch = make(true);
    assert!(switch.is_up());
    assert!(!make(false).is_up());
    assert!(switch.mark_down("test"));
    assert!(!switch.mark_down("again"));
    assert!(!switch.is_up());
    assert!(switch.mark_up());
    assert!(!switch.mark_up());
    assert!(switch.is_up());
}

pub async fn racing_marks_report_exactly_one_change<S: IntakeSwitch>(make: impl Fn(bool) -> S) {
    let switch = make(true);
    let racers: Vec<_> = (0..16)
        .map(|_| {
            let switch = switch.clone();
            tokio::spawn(async move { switch.mark_down("race") })
        })
        .collect();
    let mut changed = 0;
    for racer in racers {
        changed += usize::from(racer.await.unwrap());
    }
    assert_eq!(changed, 1);
}

pub async fn waiters_wake_when_it_goes_down<S: IntakeSwitch>(make: impl Fn(bool) -> S) {
    let switch = make(true);
    let waiter = tokio::spawn({
        let switch = switch.clone();
        async move { switch.wait_down().await }
    });
    tokio::time::sleep(SETTLE).await;
    assert!(!waiter.is_finished(), "woke while the switch was up");
    switch.mark_down("test");
    tokio::time::timeout(Duration::from_secs(5), waiter)
        .await
        .expect("the waiter woke")
        .unwrap();
    // Already down: at once.
    tokio::time::timeout(Duration::from_secs(1), switch.wait_down())
        .await
        .expect("no wait while down");
}

pub async fn permits_are_given_only_while_down<S: IntakeSwitch>(make: impl Fn(bool) -> S) {
    let switch = make(true);
    assert!(switch.fallback_permit().await.is_none());
    switch.mark_down("test");
    let first = switch.fallback_permit().await;
    let second = switch.fallback_permit().await;
    assert!(first.is_some() && second.is_some(), "permits are shared");
}

pub async fn the_barrier_waits_for_earlier_permits_and_later_ones_see_it_up<S: IntakeSwitch>(
    make: impl Fn(bool) -> S,
) {
    let switch = make(false);
    let held = switch.fallback_permit().await.expect("down: a permit");
    switch.mark_up();
    let barrier = tokio::spawn({
        let switch = switch.clone();
        async move { switch.fallback_barrier().await }
    });
    tokio::time::sleep(SETTLE).await;
    assert!(!barrier.is_finished(), "passed a permit still held");
    drop(held);
    tokio::time::timeout(Duration::from_secs(5), barrier)
        .await
        .expect("the barrier opened once the permit was dropped")
        .unwrap();
    assert!(
        switch.fallback_permit().await.is_none(),
        "up after the barrier"
    );
    // With no permit out, the barrier is immediate.
    tokio::time::timeout(Duration::from_secs(1), switch.fallback_barrier())
        .await
        .expect("no permit held");
}

/// One `#[tokio::test]` per switch case; `$make` is a `Fn(bool) -> S`.
#[macro_export]
macro_rules! switch_contract_tests {
    ($make:expr) => {
        $crate::switch_contract_tests!(@cases $make;
            it_starts_as_asked_and_each_change_is_reported_once,
            racing_marks_report_exactly_one_change,
            waiters_wake_when_it_goes_down,
            permits_are_given_only_while_down,
            the_barrier_waits_for_earlier_permits_and_later_ones_see_it_up,
        );
    };
    (@cases $make:expr; $($case:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $case() {
                $crate::contract::switch::$case($make).await;
            }
        )*
    };
}
