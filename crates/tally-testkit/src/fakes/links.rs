//! A presentation's own links, in memory, beside the presentation they
//! belong to (so that deleting it deletes them).

use super::{FakeStore, Stored};
use tally_domain::ports::{LinkStoreError, PresentationLinks, StoreError};
use tally_domain::{
    Delegate, DelegateRole, LinkId, NewLink, PresentationId, PresentationLink, PresenterAccess,
};

/// The access as the store reports it: the presenter's, with the links as
/// delegates.
pub(super) fn access(stored: &Stored) -> PresenterAccess {
    let mut access = stored.access.clone();
    access
        .delegates
        .extend(stored.links.iter().map(|(link, hash)| Delegate {
            link: link.id,
            role: DelegateRole::Presentation(link.role),
            token_hash: *hash,
            revoked: link.revoked_at.is_some(),
        }));
    access
}

impl PresentationLinks for FakeStore {
    async fn add_link(
        &self,
        presentation: PresentationId,
        link: NewLink,
    ) -> Result<PresentationLink, LinkStoreError> {
        self.check()?;
        let now = self.world.now();
        let mut state = self.world.lock();
        let stored = state
            .presentations
            .get_mut(&presentation)
            .ok_or(LinkStoreError::NotFound)?;
        let made = PresentationLink {
            id: link.id,
            role: link.role,
            label: link.label,
            created_at: now,
            revoked_at: None,
        };
        stored.links.push((made.clone(), link.token_hash));
        Ok(made)
    }

    async fn links(
        &self,
        presentation: PresentationId,
    ) -> Result<Vec<PresentationLink>, StoreError> {
        self.check()?;
        let state = self.world.lock();
        Ok(state
            .presentations
            .get(&presentation)
            .map(|s| s.links.iter().map(|(link, _)| link.clone()).collect())
            .unwrap_or_default())
    }

    async fn revoke_link(
        &self,
        presentation: PresentationId,
        link: LinkId,
    ) -> Result<PresentationLink, LinkStoreError> {
        self.check()?;
        let now = self.world.now();
        let mut state = self.world.lock();
        let (found, _) = state
            .presentations
            .get_mut(&presentation)
            .and_then(|s| s.links.iter_mut().find(|(l, _)| l.id == link))
            .ok_or(LinkStoreError::LinkNotFound)?;
        found.revoked_at.get_or_insert(now);
        Ok(found.clone())
    }
}
