//! The clock contract.

use std::time::Duration;
use tally_domain::ports::Clock;

pub async fn time_is_since_the_epoch_and_never_goes_back<C: Clock>(clock: &C) {
    let first = clock.now_ms();
    assert!(first > 1_600_000_000_000, "ms since the epoch: {first}");
    let mut last = first;
    for _ in 0..10_000 {
        let now = clock.now_ms();
        assert!(now >= last, "went back from {last} to {now}");
        last = now;
    }
}

pub async fn a_sleep_lasts_at_least_its_duration<C: Clock>(clock: &C) {
    let before = clock.now_ms();
    clock.sleep(Duration::from_millis(30)).await;
    assert!(clock.now_ms() >= before + 30);
    let before = clock.now_ms();
    clock.sleep(Duration::ZERO).await;
    assert!(clock.now_ms() >= before);
}

/// One `#[tokio::test]` per clock case; `$make` yields a fresh clock.
#[macro_export]
macro_rules! clock_contract_tests {
    ($make:expr) => {
        $crate::clock_contract_tests!(@cases $make;
            time_is_since_the_epoch_and_never_goes_back,
            a_sleep_lasts_at_least_its_duration,
        );
    };
    (@cases $make:expr; $($case:ident),* $(,)?) => {
        $(
            #[tokio::test]
            async fn $case() {
                let clock = $make;
                $crate::contract::clock::$case(&clock).await;
            }
        )*
    };
}
