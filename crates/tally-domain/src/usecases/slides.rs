use super::access::presenter_error_from_check;
use super::Tally;
use crate::ids::PresentationId;
use crate::ports::{
    Ports, PresentationEvents as _, PresentationStore as _, SlideChangeError, VotingChangeError,
};
use crate::presentation::{Presentation, SlideError, SlideMove};
use crate::presenter::{AccessDenied, PresenterToken};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum MoveSlideError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error(transparent)]
    Slide(SlideError),
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(MoveSlideError);

#[derive(Debug, Error)]
pub enum SetVotingError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(SetVotingError);

impl From<VotingChangeError> for SetVotingError {
    fn from(e: VotingChangeError) -> Self {
        match e {
            VotingChangeError::NotFound => SetVotingError::NotFound,
            VotingChangeError::Store(s) => SetVotingError::Unavailable(s.0),
        }
    }
}

impl<P: Ports> Tally<P> {
    /// Changes the slide, returning the presentation as it now is.
    pub async fn move_slide(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
        slide_move: SlideMove,
    ) -> Result<Presentation, MoveSlideError> {
        self.check_presenter(id, credential).await?;
        let presentation = self
            .store
            .move_slide(id, slide_move)
            .await
            .map_err(|e| match e {
                SlideChangeError::NotFound => MoveSlideError::NotFound,
                SlideChangeError::Slide(s) => MoveSlideError::Slide(s),
                SlideChangeError::Store(s) => MoveSlideError::Unavailable(s.0),
            })?;
        self.events.changed(&presentation).await;
        Ok(presentation)
    }

    /// Shows or hides the results of the poll on screen to the audience;
    /// returns the presentation as it now is.
    pub async fn set_results_visible(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
        visible: bool,
    ) -> Result<Presentation, SetVotingError> {
        self.check_presenter(id, credential).await?;
        let presentation = self.store.set_results_visible(id, visible).await?;
        self.events.changed(&presentation).await;
        Ok(presentation)
    }

    /// Opens or closes voting on the poll on screen; returns the
    /// presentation as it now is.
    pub async fn set_voting(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
        open: bool,
    ) -> Result<Presentation, SetVotingError> {
        self.check_presenter(id, credential).await?;
        let presentation = self.store.set_voting(id, open).await?;
        self.events.changed(&presentation).await;
        Ok(presentation)
    }
}
