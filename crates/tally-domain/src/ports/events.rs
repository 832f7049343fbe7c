use crate::presentation::Presentation;
use crate::PresentationId;
use std::future::Future;

/// Told after every committed change to a presentation, by the use cases
/// that commit them: the one way "a presentation changed" travels. Its
/// subscribers keep copies of the state (the Redis mirror), tell other
/// processes, and update this process's read cache and live channels. A
/// change another process announces reaches this process's subscribers
/// through the same trait ([`crate::usecases::Announcements`]).
///
/// Neither method can fail the change, which is already committed: an
/// implementation MUST handle its own failures (log them, or switch a path
/// off until it recovers) and MUST return once it has done what it can.
pub trait PresentationEvents: Clone + Send + Sync + 'static {
    /// After a creation, a slide move, or a voting or results-visibility
    /// change; `presentation` is the state the change left.
    fn changed(&self, presentation: &Presentation) -> impl Future<Output = ()> + Send;

    /// After the presentation was deleted. Only its id: a process that
    /// hears of the deletion from another can no longer read its state.
    fn deleted(&self, id: PresentationId) -> impl Future<Output = ()> + Send;
}

/// Two subscribers, told in order.
impl<A: PresentationEvents, B: PresentationEvents> PresentationEvents for (A, B) {
    async fn changed(&self, presentation: &Presentation) {
        self.0.changed(presentation).await;
        self.1.changed(presentation).await;
    }

    async fn deleted(&self, id: PresentationId) {
        self.0.deleted(id).await;
        self.1.deleted(id).await;
    }
}

/// Nobody to tell (a single process without live channels, or a test).
#[derive(Clone, Copy, Debug, Default)]
pub struct NoEvents;

impl PresentationEvents for NoEvents {
    async fn changed(&self, _: &Presentation) {}
    async fn deleted(&self, _: PresentationId) {}
}
