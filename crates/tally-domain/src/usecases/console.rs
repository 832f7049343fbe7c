//! What the presenter's console reads beyond v4: the presenter's notes.

use super::access::presenter_error_from_check;
use super::Tally;
use crate::ids::{PollId, PresentationId};
use crate::poll::PresenterNotes;
use crate::ports::{Ports, PresentationStore as _};
use crate::presenter::{AccessDenied, Power, PresenterToken};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum NotesError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(NotesError);

impl<P: Ports> Tally<P> {
    /// The notes of the presentation's polls that have notes, in slide
    /// order. Whoever runs the show reads them ([`Power::Run`]): the
    /// presenter and a co-host, never the audience.
    pub async fn presenter_notes(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
    ) -> Result<Vec<(PollId, PresenterNotes)>, NotesError> {
        self.check_presenter(id, credential, Power::Run).await?;
        self.store
            .notes(id)
            .await
            .map_err(|e| NotesError::Unavailable(e.0))
    }
}
