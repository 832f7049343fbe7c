//! Slide images ([`crate::deck::image`]): uploaded by whoever runs a
//! presentation, read by anyone who has the id.

use super::access::presenter_error_from_check;
use super::Tally;
use crate::deck::image::{ImageId, StoredImage};
use crate::ids::PresentationId;
use crate::picture::Picture;
use crate::ports::{Ports, PresentationStore as _, SettingsChangeError};
use crate::presenter::{AccessDenied, Power, PresenterToken};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreImageError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(StoreImageError);

#[derive(Debug, Error)]
pub enum ReadImageError {
    #[error("no image with this id")]
    NotFound,
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

impl<P: Ports> Tally<P> {
    /// The first image the `drafts` name that was never uploaded, if any:
    /// a deck may only name stored images.
    pub(super) async fn first_missing_image<'a>(
        &self,
        drafts: impl Iterator<Item = &'a crate::PollDraft>,
    ) -> Result<Option<ImageId>, crate::ports::StoreError> {
        let images: Vec<ImageId> = drafts.flat_map(|p| p.images().ids().cloned()).collect();
        if images.is_empty() {
            return Ok(None);
        }
        Ok(self.store.missing_images(&images).await?.into_iter().next())
    }

    /// Checks, before an upload is read and decoded, that `credential` may
    /// add images: nobody else makes the server decode images.
    pub async fn may_store_image(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
    ) -> Result<(), StoreImageError> {
        self.check_presenter(id, credential, Power::Run).await?;
        Ok(())
    }

    /// Stores a decoded, re-encoded upload ([`Picture`]) for the
    /// presentation; returns its id.
    pub async fn store_image(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
        picture: &Picture,
    ) -> Result<ImageId, StoreImageError> {
        self.check_presenter(id, credential, Power::Run).await?;
        self.store
            .store_image(id, picture)
            .await
            .map_err(|e| match e {
                SettingsChangeError::NotFound => StoreImageError::NotFound,
                SettingsChangeError::Store(s) => StoreImageError::Unavailable(s.0),
            })
    }

    /// A stored image, for anyone with its id (it names the content: only
    /// someone shown the slide, or its file, has it).
    pub async fn image(&self, image: &ImageId) -> Result<StoredImage, ReadImageError> {
        self.store
            .image(image)
            .await
            .map_err(|e| ReadImageError::Unavailable(e.0))?
            .ok_or(ReadImageError::NotFound)
    }
}
