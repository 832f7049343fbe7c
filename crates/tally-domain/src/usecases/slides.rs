use super::access::presenter_error_from_check;
use super::Tally;
use crate::ids::{PollId, PresentationId};
use crate::ports::{
    self, Ports, PresentationEvents as _, PresentationStore as _, SlideChangeError,
    VotingChangeError,
};
use crate::presentation::{Presentation, SlideError, SlideMove};
use crate::presenter::{AccessDenied, Power, PresenterToken};
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

#[derive(Debug, Error)]
pub enum SetTimerError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("a timer runs for at most {max} seconds")]
    TooLong { max: u64 },
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(SetTimerError);

impl From<VotingChangeError> for SetTimerError {
    fn from(e: VotingChangeError) -> Self {
        match e {
            VotingChangeError::NotFound => SetTimerError::NotFound,
            VotingChangeError::Store(s) => SetTimerError::Unavailable(s.0),
        }
    }
}

#[derive(Debug, Error)]
pub enum ResetPollError {
    #[error("no such presentation")]
    NotFound,
    #[error("the presentation has no such poll")]
    PollNotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(ResetPollError);

impl<P: Ports> Tally<P> {
    /// Starts a new round of a poll (`POST …/polls/{poll_id}/reset`): its
    /// results count from zero and the audience can vote again; earlier
    /// rounds stay readable. Returns the presentation as it now is.
    pub async fn reset_poll(
        &self,
        id: PresentationId,
        poll: PollId,
        credential: Option<&PresenterToken>,
    ) -> Result<Presentation, ResetPollError> {
        self.check_presenter(id, credential, Power::Run).await?;
        let presentation = self.store.reset_poll(id, poll).await.map_err(|e| match e {
            ports::ResetPollError::NotFound => ResetPollError::NotFound,
            ports::ResetPollError::PollNotFound => ResetPollError::PollNotFound,
            ports::ResetPollError::Store(s) => ResetPollError::Unavailable(s.0),
        })?;
        self.events.changed(&presentation).await;
        Ok(presentation)
    }

    /// Starts (or extends) the timer of the poll on screen by `seconds`, or
    /// stops it with 0; returns the presentation as it now is. The store's
    /// clock decides, and every intake compares the deadline with the clock
    /// of the store it counts in.
    pub async fn set_timer(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
        seconds: u64,
    ) -> Result<Presentation, SetTimerError> {
        let max = crate::kinds::settings::MAX_TIME_LIMIT_SECS.unsigned_abs();
        if seconds > max {
            return Err(SetTimerError::TooLong { max });
        }
        self.check_presenter(id, credential, Power::Run).await?;
        let presentation = self.store.set_timer(id, seconds).await?;
        self.events.changed(&presentation).await;
        Ok(presentation)
    }

    /// Changes the slide, returning the presentation as it now is.
    pub async fn move_slide(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
        slide_move: SlideMove,
    ) -> Result<Presentation, MoveSlideError> {
        self.check_presenter(id, credential, Power::Run).await?;
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
        self.check_presenter(id, credential, Power::Run).await?;
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
        self.check_presenter(id, credential, Power::Run).await?;
        let presentation = self.store.set_voting(id, open).await?;
        self.events.changed(&presentation).await;
        Ok(presentation)
    }
}
