use std::future::Future;

/// Which intake a vote takes: the fast one (Redis) while it is up, the
/// direct one (Postgres) while it is down. Shared by every vote of a
/// process, its health probe and its recovery.
///
/// The fallback permits make switching back lossless: recovery marks the
/// fast path up, then waits at the [`Self::fallback_barrier`] for every
/// direct vote that began before, and only then merges the direct votes
/// into the fast path's live counters.
///
/// None of these can fail: an implementation is in-process state.
pub trait IntakeSwitch: Clone + Send + Sync + 'static {
    /// Held by a vote on the direct path until it is committed.
    type Permit: Send;

    /// Whether votes should take the fast path now.
    fn is_up(&self) -> bool;

    /// Switches to the direct path. Returns whether this call changed the
    /// state (exactly one of several racing calls MUST return `true`), and
    /// MUST wake every [`Self::wait_down`] waiter when it does.
    fn mark_down(&self, why: &str) -> bool;

    /// Switches back to the fast path. Returns whether this call changed
    /// the state.
    fn mark_up(&self) -> bool;

    /// Resolves when the switch is next marked down; at once if it is down.
    fn wait_down(&self) -> impl Future<Output = ()> + Send;

    /// A permit to vote on the direct path, or `None` when the fast path
    /// is up (again) and the vote should go there.
    fn fallback_permit(&self) -> impl Future<Output = Option<Self::Permit>> + Send;

    /// Resolves once every permit handed out before the call has been
    /// dropped. Permits asked for meanwhile wait behind it, and MUST then
    /// see the state as it is after the barrier.
    fn fallback_barrier(&self) -> impl Future<Output = ()> + Send;
}
