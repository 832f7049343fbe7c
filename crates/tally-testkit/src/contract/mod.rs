//! Port contract suites: one per port, each case a generic function, and a
//! macro per suite that turns every case into a test for one
//! implementation. Every suite runs against the fake in [`crate::fakes`]
//! and against each real adapter (and the failover composition, for the
//! ports it implements):
//!
//! | port | suite | macro |
//! |---|---|---|
//! | `PresentationStore`, `VoteIntake`, `VoteLedger` | [`store`], [`deck`], [`settings`], [`intake`], [`ledger`], [`types`] | [`crate::port_contract_tests`] |
//! | `VoteQueue`, `VoteArchive` | [`flow`] | [`crate::flow_contract_tests`] |
//! | `PresentationEvents` | [`events`] | [`crate::events_contract_tests`] |
//! | `IntakeSwitch` | [`switch`] | [`crate::switch_contract_tests`] |
//! | `VoteMetrics`, `IntakeMetrics`, `FlushMetrics` | [`metrics`] | [`crate::metrics_contract_tests`] |
//! | `Clock` | [`clock`] | [`crate::clock_contract_tests`] |
//! | `PresentationLinks` (kept by the presentation store) | [`links`] | [`crate::links_contract_tests`] |
//! | `QuestionBoard` | [`board`] | [`crate::board_contract_tests`] |
//! | `ContestStore` (`ContestDefinitions`, `ContestPeople`, `ContestSheets`, `ContestRounds`, `ContestRecords`) | [`contests`] | [`crate::contests_contract_tests`] |

pub mod board;
pub mod clock;
pub mod contests;
pub mod deck;
pub mod evented;
pub mod events;
pub mod flow;
pub mod intake;
pub mod ledger;
pub mod links;
pub mod metrics;
pub mod settings;
pub mod store;
pub mod switch;
pub mod types;

use tally_domain::ports::{PresentationStore, VoteIntake, VoteLedger};

/// A set of port implementations sharing one backing state, as a contract
/// test needs them: the store to set up presentations, the intake to vote,
/// the ledger to read back.
pub trait Adapters: Send + Sync + 'static {
    type Store: PresentationStore;
    type Intake: VoteIntake;
    type Ledger: VoteLedger;
    fn store(&self) -> &Self::Store;
    fn intake(&self) -> &Self::Intake;
    fn ledger(&self) -> &Self::Ledger;
    /// The ledger of another process over the same stores (a second
    /// server): the cases of the rule "reads include every acknowledged
    /// vote" vote through [`Self::intake`] and read here. The same ledger
    /// where there is no process of its own to tell apart (the fakes).
    fn reader(&self) -> &Self::Ledger {
        self.ledger()
    }
    /// Lets `duration` pass on the clock the store and the intake keep time
    /// by (for timers): real time, unless the implementation has a clock of
    /// its own.
    fn pass(&self, duration: std::time::Duration) -> impl std::future::Future<Output = ()> + Send {
        tokio::time::sleep(duration)
    }
}

/// Expands to one `#[tokio::test]` per contract case. `$make` is an async
/// expression that yields a fresh [`Adapters`] value for each test.
#[macro_export]
macro_rules! port_contract_tests {
    ($make:expr) => {
        $crate::port_contract_tests!(@cases $make;
            store::create_then_get_returns_the_first_poll_on_screen,
            store::unknown_ids_are_absent,
            store::a_taken_join_code_stores_nothing,
            store::presenters_are_found_by_token_hash,
            store::access_reflects_how_it_was_created,
            store::slide_moves_follow_the_deck_and_bump_the_version,
            store::a_refused_move_changes_nothing,
            store::concurrent_moves_serialise,
            store::voting_state_is_per_poll_and_survives_navigation,
            store::results_visibility_is_per_poll_and_off_by_default,
            store::delete_removes_the_presentation_once,
            store::listing_is_newest_first_keyset_paged_and_per_presenter,
            store::join_codes_find_their_presentation,
            store::state_versions_follow_changes_and_omit_unknown_ids,
            store::polls_on_screen_follow_the_slide_and_omit_unknown_ids,
            store::notes_are_kept_per_poll_and_apart_from_the_polls,
            store::expired_voting_closes_once_and_only_at_its_deadline,
            deck::a_revision_is_stored_whole_and_keeps_the_slide_and_its_votes,
            deck::stale_and_impossible_revisions_store_nothing,
            deck::an_edit_that_changes_what_votes_mean_starts_a_round,
            deck::a_removed_poll_leaves_with_its_votes,
            deck::a_ballot_checked_before_such_an_edit_is_refused,
            deck::images_are_stored_once_by_their_content,
            deck::polls_keep_their_images,
            deck::unused_images_are_swept_after_their_grace,
            settings::settings_start_at_the_defaults,
            settings::a_patch_changes_what_it_names_and_bumps_both_versions,
            settings::concurrent_patches_both_apply,
            settings::logos_are_stored_replaced_and_removed,
            settings::changes_to_unknown_or_deleted_presentations_are_not_found,
            intake::a_vote_is_counted_once_and_repeats_are_acknowledged,
            intake::a_different_second_vote_is_refused,
            intake::refusals_come_in_the_documented_order,
            intake::a_vote_for_a_poll_that_left_the_screen_is_refused,
            intake::concurrent_identical_votes_count_once,
            ledger::unknown_polls_are_not_found,
            ledger::results_count_per_option_in_order,
            ledger::a_fresh_poll_lists_no_votes,
            ledger::votes_are_listed_in_participant_order,
            ledger::the_current_round_includes_every_acknowledged_vote,
            ledger::a_past_round_includes_every_vote_acknowledged_before_the_reset,
            ledger::quiz_answers_include_every_acknowledged_answer,
            types::every_type_counts_a_vote_once_and_refuses_a_different_one,
            types::changes_and_retractions_move_the_counts_exactly,
            types::a_ballot_checked_for_another_type_is_refused,
            types::a_content_slide_keeps_its_body_and_takes_no_ballot,
            types::borda_points_and_mean_positions_on_a_known_example,
            types::word_cloud_words_count_under_their_normal_form,
            types::votes_after_the_deadline_are_refused,
            types::a_reset_starts_a_new_round,
        );
    };
    (@cases $make:expr; $($module:ident :: $case:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $case() {
                let adapters = $make;
                $crate::contract::$module::$case(&adapters).await;
            }
        )*
    };
}
