use super::StoreError;
use crate::ids::{LinkId, PresentationId};
use crate::links::{NewLink, PresentationLink};
use std::future::Future;
use thiserror::Error;

/// Why a link could not be stored or revoked. Nothing changes in any of
/// these cases.
#[derive(Debug, Error)]
pub enum LinkStoreError {
    #[error("no such presentation")]
    NotFound,
    #[error("the presentation has no such link")]
    LinkNotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A presentation's own links (see [`crate::links`]). Implemented by the
/// presentation store, since [`super::PresentationStore::access`] reports
/// each link's hash and whether it is revoked beside the presenter's.
pub trait PresentationLinks: Clone + Send + Sync + 'static {
    /// Stores a new link on the presentation, working, created now by the
    /// store's clock, and returns it as stored. From then on
    /// [`super::PresentationStore::access`] lists it among the delegates.
    ///
    /// # Errors
    /// MUST return [`LinkStoreError::NotFound`] for an unknown
    /// presentation, storing nothing.
    fn add_link(
        &self,
        presentation: PresentationId,
        link: NewLink,
    ) -> impl Future<Output = Result<PresentationLink, LinkStoreError>> + Send;

    /// The presentation's links, oldest first, revoked ones included;
    /// empty for an unknown presentation. Deleting the presentation deletes
    /// its links.
    ///
    /// # Errors
    /// MUST return [`StoreError`] only when the store fails.
    fn links(
        &self,
        presentation: PresentationId,
    ) -> impl Future<Output = Result<Vec<PresentationLink>, StoreError>> + Send;

    /// Revokes the link and returns it as it now is. Once this returns,
    /// [`super::PresentationStore::access`] reports it revoked, so that it
    /// is refused at once. Revoking a revoked link changes nothing (it keeps
    /// the time it was first revoked).
    ///
    /// # Errors
    /// MUST return [`LinkStoreError::LinkNotFound`] when the presentation
    /// has no link with this id (another presentation's included),
    /// changing nothing.
    fn revoke_link(
        &self,
        presentation: PresentationId,
        link: LinkId,
    ) -> impl Future<Output = Result<PresentationLink, LinkStoreError>> + Send;
}
