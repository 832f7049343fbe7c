use crate::presentation::Presentation;
use std::future::Future;

/// Told after every committed change to a presentation, by the use cases
/// that commit them: the one way "a presentation changed" travels. Its
/// subscribers keep copies of the state (the Redis mirror), tell other
/// processes, and update live channels.
///
/// Neither method can fail the change, which is already committed: an
/// implementation MUST handle its own failures (log them, or switch a path
/// off until it recovers) and MUST return once it has done what it can.
pub trait PresentationEvents: Clone + Send + Sync + 'static {
    /// After a creation, a slide move, or a voting or results-visibility
    /// change; `presentation` is the state the change left.
    fn changed(&self, presentation: &Presentation) -> impl Future<Output = ()> + Send;

    /// After the presentation was deleted; `presentation` is its last
    /// state.
    fn deleted(&self, presentation: &Presentation) -> impl Future<Output = ()> + Send;
}

/// Two subscribers, told in order.
impl<A: PresentationEvents, B: PresentationEvents> PresentationEvents for (A, B) {
    async fn changed(&self, presentation: &Presentation) {
        self.0.changed(presentation).await;
        self.1.changed(presentation).await;
    }

    async fn deleted(&self, presentation: &Presentation) {
        self.0.deleted(presentation).await;
        self.1.deleted(presentation).await;
    }
}

/// Nobody to tell (a single process without live channels, or a test).
#[derive(Clone, Copy, Debug, Default)]
pub struct NoEvents;

impl PresentationEvents for NoEvents {
    async fn changed(&self, _: &Presentation) {}
    async fn deleted(&self, _: &Presentation) {}
}
