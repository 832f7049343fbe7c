//! The presenter's links for other people (see [`crate::links`]): made,
//! listed and revoked with the presenter's own token only, since a link
//! can carry as much power as a co-presenter's.

use super::access::presenter_error_from_check;
use super::Tally;
use crate::ids::{LinkId, PresentationId};
use crate::links::{InvalidLabel, LinkLabel, LinkRole, NewLink, PresentationLink};
use crate::ports::{LinkStoreError, Ports, PresentationLinks as _};
use crate::presenter::{AccessDenied, Power, PresenterToken};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum CreateLinkError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("a link's role is screen, run or moderate")]
    InvalidRole,
    #[error(transparent)]
    InvalidLabel(#[from] InvalidLabel),
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(CreateLinkError);

#[derive(Debug, Error)]
pub enum ListLinksError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(ListLinksError);

#[derive(Debug, Error)]
pub enum RevokeLinkError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("the presentation has no such link")]
    LinkNotFound,
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(RevokeLinkError);

impl<P: Ports> Tally<P> {
    /// Makes a link with `role` (`screen`, `run` or `moderate`) and an
    /// optional label. Its secret is returned here once and never stored.
    ///
    /// # Errors
    /// As any presenter operation needing [`Power::Own`]; then
    /// [`CreateLinkError::InvalidRole`] or
    /// [`CreateLinkError::InvalidLabel`] for what cannot be stored.
    pub async fn create_link(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
        role: &str,
        label: Option<&str>,
    ) -> Result<(PresentationLink, PresenterToken), CreateLinkError> {
        // The caller is checked first, so that a stranger learns nothing
        // about what the presentation would accept.
        self.check_presenter(id, credential, Power::Own).await?;
        let role = LinkRole::parse(role).ok_or(CreateLinkError::InvalidRole)?;
        let label = label.map(LinkLabel::parse).transpose()?;
        let token = PresenterToken::generate();
        let new = NewLink {
            id: LinkId::generate(),
            role,
            label,
            token_hash: token.hash(),
        };
        let link = self.store.add_link(id, new).await.map_err(|e| match e {
            // Deleted between the check and now.
            LinkStoreError::NotFound | LinkStoreError::LinkNotFound => CreateLinkError::NotFound,
            LinkStoreError::Store(e) => CreateLinkError::Unavailable(e.0),
        })?;
        Ok((link, token))
    }

    /// The presentation's links, oldest first, revoked ones included.
    ///
    /// # Errors
    /// As any presenter operation needing [`Power::Own`].
    pub async fn links(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
    ) -> Result<Vec<PresentationLink>, ListLinksError> {
        self.check_presenter(id, credential, Power::Own).await?;
        self.store
            .links(id)
            .await
            .map_err(|e| ListLinksError::Unavailable(e.0))
    }

    /// Revokes a link: its holder is refused (`LinkRevoked`) from the next
    /// request on. Revoking it again is not an error.
    ///
    /// # Errors
    /// As any presenter operation needing [`Power::Own`];
    /// [`RevokeLinkError::LinkNotFound`] when the presentation has no such
    /// link.
    pub async fn revoke_link(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
        link: LinkId,
    ) -> Result<PresentationLink, RevokeLinkError> {
        self.check_presenter(id, credential, Power::Own).await?;
        self.store.revoke_link(id, link).await.map_err(|e| match e {
            LinkStoreError::NotFound | LinkStoreError::LinkNotFound => {
                RevokeLinkError::LinkNotFound
            }
            LinkStoreError::Store(e) => RevokeLinkError::Unavailable(e.0),
        })
    }
}
