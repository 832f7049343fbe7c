//! A presentation's settings and logo: read by anyone (the phones and the
//! big screen apply them; nothing in them is secret), changed by whoever
//! runs the presentation.

use super::access::presenter_error_from_check;
use super::Tally;
use crate::ids::{PollId, PresentationId};
use crate::kinds::PollType;
use crate::ports::{Ports, PresentationEvents as _, PresentationStore as _, SettingsChangeError};
use crate::presentation::Presentation;
use crate::presenter::{AccessDenied, Power, PresenterToken};
use crate::settings::{Logo, Palette, PresentationSettings, SettingsPatch, StoredLogo};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ReadSettingsError {
    #[error("no such presentation")]
    NotFound,
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

#[derive(Debug, Error)]
pub enum ChangeSettingsError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(ChangeSettingsError);

#[derive(Debug, Error)]
pub enum SetLogoError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(SetLogoError);

impl From<SettingsChangeError> for ChangeSettingsError {
    fn from(e: SettingsChangeError) -> Self {
        match e {
            SettingsChangeError::NotFound => Self::NotFound,
            SettingsChangeError::Store(s) => Self::Unavailable(s.0),
        }
    }
}

impl From<SettingsChangeError> for SetLogoError {
    fn from(e: SettingsChangeError) -> Self {
        match e {
            SettingsChangeError::NotFound => Self::NotFound,
            SettingsChangeError::Store(s) => Self::Unavailable(s.0),
        }
    }
}

/// The settings as the pages read them.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingsView {
    pub settings: PresentationSettings,
    /// The colours to apply, made readable.
    pub palette: Palette,
    /// The deck's Q&A poll (its first), which a phone offers on every
    /// slide when `qa_always_open` is on.
    pub qa_poll: Option<PollId>,
}

impl SettingsView {
    fn of(settings: PresentationSettings, presentation: &Presentation) -> Self {
        Self {
            palette: settings.palette(),
            qa_poll: presentation
                .polls
                .iter()
                .find(|p| p.settings.kind == PollType::Qa)
                .map(|p| p.id),
            settings,
        }
    }
}

impl<P: Ports> Tally<P> {
    /// The presentation's settings, with the palette to apply.
    pub async fn presentation_settings(
        &self,
        id: PresentationId,
    ) -> Result<SettingsView, ReadSettingsError> {
        let unavailable = |e: crate::ports::StoreError| ReadSettingsError::Unavailable(e.0);
        let (settings, presentation) =
            futures::try_join!(self.store.settings(id), self.store.get(id)).map_err(unavailable)?;
        let (Some(settings), Some(presentation)) = (settings, presentation) else {
            return Err(ReadSettingsError::NotFound);
        };
        Ok(SettingsView::of(settings, &presentation))
    }

    /// Changes some settings (`PATCH …/settings`); returns them as they now
    /// are. The live channels tell the pages (a new `settings_rev`).
    pub async fn change_settings(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
        patch: SettingsPatch,
    ) -> Result<SettingsView, ChangeSettingsError> {
        self.check_presenter(id, credential, Power::Run).await?;
        let (settings, presentation) = self.store.change_settings(id, patch).await?;
        self.events.changed(&presentation).await;
        Ok(SettingsView::of(settings, &presentation))
    }

    /// Checks, before an upload is read and decoded, that `credential`
    /// may change the logo: nobody else makes the server decode images.
    pub async fn may_set_logo(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
    ) -> Result<(), SetLogoError> {
        self.check_presenter(id, credential, Power::Run).await?;
        Ok(())
    }

    /// Stores (`Some`) or removes (`None`) the logo; returns the settings
    /// as they now are.
    pub async fn set_logo(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
        logo: Option<Logo>,
    ) -> Result<SettingsView, SetLogoError> {
        self.check_presenter(id, credential, Power::Run).await?;
        let (settings, presentation) = self.store.set_logo(id, logo).await?;
        self.events.changed(&presentation).await;
        Ok(SettingsView::of(settings, &presentation))
    }

    /// The logo, `None` when there is none (or no such presentation).
    pub async fn logo(&self, id: PresentationId) -> Result<Option<StoredLogo>, ReadSettingsError> {
        self.store
            .logo(id)
            .await
            .map_err(|e| ReadSettingsError::Unavailable(e.0))
    }
}
