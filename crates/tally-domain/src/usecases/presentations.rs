use super::access::presenter_error_from_check;
use super::Tally;
use crate::ids::{PresentationId, PresenterId};
use crate::ports::{
    InsertPresentationError, NewPresentation, Ports, PresentationEvents as _,
    PresentationStore as _,
};
use crate::presentation::{Presentation, PresentationDraft, PresentationSummary};
use crate::presenter::{AccessDenied, JoinCode, Power, PresenterToken};
use thiserror::Error;

/// How many random join codes to try before giving up. With a million codes
/// and far fewer live presentations, a second try is already rare.
const JOIN_CODE_ATTEMPTS: usize = 16;

/// Largest page of a presenter's presentations.
pub const MAX_PAGE_SIZE: usize = 100;

/// A new presentation and the token that drives it.
#[derive(Debug)]
pub struct CreatedPresentation {
    pub presentation: Presentation,
    /// The presenter's token: new, or the one the caller presented.
    pub presenter_token: PresenterToken,
}

#[derive(Debug, Error)]
pub enum CreatePresentationError {
    /// The caller presented a token that belongs to no presenter.
    #[error("the presenter token is not recognised")]
    UnknownPresenter,
    #[error("no free join code was found; try again")]
    JoinCodesExhausted,
    /// A poll names an image that was never uploaded.
    #[error("no image {0} was uploaded to this Tally")]
    UnknownImage(crate::deck::image::ImageId),
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

#[derive(Debug, Error)]
pub enum GetPresentationError {
    #[error("no such presentation")]
    NotFound,
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

#[derive(Debug, Error)]
pub enum JoinError {
    #[error("no presentation has this join code")]
    NotFound,
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

#[derive(Debug, Error)]
pub enum ListPresentationsError {
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

#[derive(Debug, Error)]
pub enum DeletePresentationError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(DeletePresentationError);

/// One page of a presenter's presentations.
#[derive(Debug)]
pub struct PresentationPage {
    pub items: Vec<PresentationSummary>,
    /// Pass as `before` to get the next page; `None` on the last page.
    pub next_before: Option<PresentationId>,
}

impl<P: Ports> Tally<P> {
    /// Creates a presentation showing its first poll, voting open.
    ///
    /// Without a credential a new presenter is made and its token returned.
    /// With one, the presentation joins that presenter's list.
    pub async fn create_presentation(
        &self,
        draft: PresentationDraft,
        credential: Option<PresenterToken>,
    ) -> Result<CreatedPresentation, CreatePresentationError> {
        let unavailable = |e: crate::ports::StoreError| CreatePresentationError::Unavailable(e.0);
        if let Some(image) = self
            .first_missing_image(draft.polls().iter())
            .await
            .map_err(unavailable)?
        {
            return Err(CreatePresentationError::UnknownImage(image));
        }
        let (presenter_id, presenter_token, new_presenter_token, created_open) = match credential {
            Some(token) => {
                let id = self
                    .store
                    .find_presenter(token.hash())
                    .await
                    .map_err(unavailable)?
                    .ok_or(CreatePresentationError::UnknownPresenter)?;
                (id, token, None, false)
            }
            None => {
                let token = PresenterToken::generate();
                let hash = token.hash();
                (PresenterId::generate(), token, Some(hash), self.open_mode)
            }
        };
        for _ in 0..JOIN_CODE_ATTEMPTS {
            let new = NewPresentation {
                id: PresentationId::generate(),
                presenter_id,
                new_presenter_token,
                join_code: JoinCode::generate(),
                created_open,
                draft: draft.clone(),
            };
            match self.store.create_presentation(new).await {
                Ok(presentation) => {
                    self.events.changed(&presentation).await;
                    return Ok(CreatedPresentation {
                        presentation,
                        presenter_token,
                    });
                }
                Err(InsertPresentationError::JoinCodeTaken(_)) => continue,
                Err(InsertPresentationError::Store(e)) => return Err(unavailable(e)),
            }
        }
        Err(CreatePresentationError::JoinCodesExhausted)
    }

    /// A presentation, for anyone who knows its id (v4: no credential).
    pub async fn presentation(
        &self,
        id: PresentationId,
    ) -> Result<Presentation, GetPresentationError> {
        self.store
            .get(id)
            .await
            .map_err(|e| GetPresentationError::Unavailable(e.0))?
            .ok_or(GetPresentationError::NotFound)
    }

    /// What an audience member sees after typing a join code.
    pub async fn join(&self, code: &str) -> Result<Presentation, JoinError> {
        // A malformed code can match nothing; it is "not found", not a
        // different error, so that codes cannot be probed for format.
        let code = JoinCode::parse(code).map_err(|_| JoinError::NotFound)?;
        self.store
            .find_by_join_code(code)
            .await
            .map_err(|e| JoinError::Unavailable(e.0))?
            .ok_or(JoinError::NotFound)
    }

    /// The caller's presentations, newest first, `limit` at a time.
    pub async fn list_presentations(
        &self,
        credential: Option<&PresenterToken>,
        before: Option<PresentationId>,
        limit: usize,
    ) -> Result<PresentationPage, ListPresentationsError> {
        let token = credential.ok_or(ListPresentationsError::Denied(AccessDenied::MissingToken))?;
        let presenter = self
            .store
            .find_presenter(token.hash())
            .await
            .map_err(|e| ListPresentationsError::Unavailable(e.0))?
            .ok_or(ListPresentationsError::Denied(AccessDenied::WrongToken))?;
        let limit = limit.clamp(1, MAX_PAGE_SIZE);
        // One extra row tells whether another page exists without a count.
        let mut items = self
            .store
            .list_for_presenter(presenter, before, limit + 1)
            .await
            .map_err(|e| ListPresentationsError::Unavailable(e.0))?;
        let next_before = if items.len() > limit {
            items.truncate(limit);
            items.last().map(|s| s.id)
        } else {
            None
        };
        Ok(PresentationPage { items, next_before })
    }

    /// Deletes a presentation with its polls and votes.
    pub async fn delete_presentation(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
    ) -> Result<(), DeletePresentationError> {
        self.check_presenter(id, credential, Power::Own).await?;
        match self.store.delete(id).await {
            Ok(true) => {
                self.events.deleted(id).await;
                Ok(())
            }
            // Deleted by a concurrent request between the check and now.
            Ok(false) => Err(DeletePresentationError::NotFound),
            Err(e) => Err(DeletePresentationError::Unavailable(e.0)),
        }
    }
}
