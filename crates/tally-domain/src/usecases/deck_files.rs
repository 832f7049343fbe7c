//! A deck as a file ([`crate::deck::document`]): written from a
//! presentation, read into a new one.

use super::access::presenter_error_from_check;
use super::{CreatePresentationError, CreatedPresentation, Tally};
use crate::deck::document::{DeckDocument, DocumentError};
use crate::ids::PresentationId;
use crate::ports::{Ports, PresentationEvents as _, PresentationStore as _};
use crate::presenter::{AccessDenied, Power, PresenterToken};
use crate::settings::SettingsPatch;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ExportDeckError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(ExportDeckError);

#[derive(Debug, Error)]
pub enum ImportDeckError {
    #[error(transparent)]
    Invalid(#[from] DocumentError),
    #[error(transparent)]
    Create(#[from] CreatePresentationError),
}

impl<P: Ports> Tally<P> {
    /// The deck as a file, with the presenter's notes: for whoever runs
    /// the presentation.
    pub async fn export_deck(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
    ) -> Result<DeckDocument, ExportDeckError> {
        self.check_presenter(id, credential, Power::Run).await?;
        let deck = self.deck_with_notes(id).await.map_err(|e| {
            e.0.map_or(ExportDeckError::NotFound, ExportDeckError::Unavailable)
        })?;
        let settings = self
            .store
            .settings(id)
            .await
            .map_err(|e| ExportDeckError::Unavailable(e.0))?
            .ok_or(ExportDeckError::NotFound)?;
        Ok(DeckDocument::of(
            &deck.presentation,
            &deck.notes,
            settings.choices.title.as_ref(),
        ))
    }

    /// A new presentation from a deck file, as
    /// [`Self::create_presentation`] makes one, with the file's title.
    pub async fn import_deck(
        &self,
        document: DeckDocument,
        credential: Option<PresenterToken>,
    ) -> Result<CreatedPresentation, ImportDeckError> {
        let imported = document.into_deck()?;
        let mut created = self.create_presentation(imported.draft, credential).await?;
        if let Some(title) = imported.title {
            let patch = SettingsPatch {
                title: Some(Some(title)),
                ..SettingsPatch::default()
            };
            // The presentation exists (just made); a failure here leaves it
            // without its title, which the presenter can set, rather than
            // failing an import that created something.
            match self
                .store
                .change_settings(created.presentation.id, patch)
                .await
            {
                Ok((_, presentation)) => {
                    self.events.changed(&presentation).await;
                    created.presentation = presentation;
                }
                Err(e) => tracing::warn!(error = %e, "an imported deck's title was not stored"),
            }
        }
        Ok(created)
    }
}
