//! Changes another process announces, told to this process's subscribers.

use crate::ports::{PresentationEvents, PresentationStore, StoreError};
use crate::PresentationId;

/// Hears that another process changed a presentation and tells this
/// process's subscribers (the same ones, in the same order, that its own
/// changes reach) the state the change left.
///
/// An announcement carries only the id, and the state is read afresh:
/// announcements can arrive out of order, and a read after the last of
/// them gives the newest state, or finds the presentation deleted, however
/// they were ordered.
///
/// A process hears its own announcements too. Its subscribers then get a
/// state they already hold, which changes nothing: each keeps the highest
/// version it was told (the events contract), and the state it already
/// has is at least as new as the one read after it.
#[derive(Clone, Debug)]
pub struct Announcements<S, E> {
    store: S,
    local: E,
}

impl<S: PresentationStore, E: PresentationEvents> Announcements<S, E> {
    /// `local` is this process's subscribers only: not the one that tells
    /// other processes (each announcement would be announced again, for
    /// ever), nor the shared Redis mirror (the announcing process mirrored
    /// the change before announcing it).
    pub fn new(store: S, local: E) -> Self {
        Self { store, local }
    }

    /// Another process announced a change to `id`.
    ///
    /// # Errors
    /// When the store cannot be read. Nobody is told: the caller decides
    /// how this process's copies catch up.
    pub async fn heard(&self, id: PresentationId) -> Result<(), StoreError> {
        match self.store.get(id).await? {
            Some(presentation) => self.local.changed(&presentation).await,
            None => self.local.deleted(id).await,
        }
        Ok(())
    }
}
