use super::Tally;
use crate::ids::PresentationId;
use crate::ports::{Ports, PresentationStore as _, StoreError};
use crate::presenter::{AccessDenied, PresenterToken};
use thiserror::Error;

/// Why a caller could not act as a presentation's presenter. Every
/// presenter use case's error converts from it.
#[derive(Debug, Error)]
pub enum PresenterCheckError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Denied(#[from] AccessDenied),
    #[error(transparent)]
    Unavailable(#[from] StoreError),
}

impl<P: Ports> Tally<P> {
    /// Checks that `credential` lets its holder drive `presentation`.
    pub(super) async fn check_presenter(
        &self,
        presentation: PresentationId,
        credential: Option<&PresenterToken>,
    ) -> Result<(), PresenterCheckError> {
        let access = self
            .store
            .access(presentation)
            .await?
            .ok_or(PresenterCheckError::NotFound)?;
        access.authorize(credential, self.open_mode)?;
        Ok(())
    }
}

/// Gives a use-case error enum the three variants every presenter operation
/// can fail with, and the conversion from [`PresenterCheckError`].
macro_rules! presenter_error_from_check {
    ($name:ident) => {
        impl From<$crate::usecases::PresenterCheckError> for $name {
            fn from(error: $crate::usecases::PresenterCheckError) -> Self {
                match error {
                    $crate::usecases::PresenterCheckError::NotFound => $name::NotFound,
                    $crate::usecases::PresenterCheckError::Denied(denied) => $name::Denied(denied),
                    $crate::usecases::PresenterCheckError::Unavailable(e) => {
                        $name::Unavailable(e.0)
                    }
                }
            }
        }
    };
}
pub(super) use presenter_error_from_check;
