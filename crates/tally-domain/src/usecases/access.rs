use super::Tally;
use crate::ids::PresentationId;
use crate::ports::{ContestPeople as _, Ports, PresentationStore as _, StoreError};
use crate::presenter::{AccessDenied, Holder, JoinCode, Power, PresenterAccess, PresenterToken};
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

/// Proof that the caller holds a presentation's presenter token: made only
/// by [`Tally::prove_presenter`], so a use case that takes one (tying a
/// contest to the presentation) cannot run without the check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OwnedPresentation(PresentationId);

impl OwnedPresentation {
    pub fn id(self) -> PresentationId {
        self.0
    }
}

impl<P: Ports> Tally<P> {
    /// Checks that `credential` lets its holder use `power` on
    /// `presentation` (see [`Power`] for who may do what).
    pub(super) async fn check_presenter(
        &self,
        presentation: PresentationId,
        credential: Option<&PresenterToken>,
        power: Power,
    ) -> Result<Holder, PresenterCheckError> {
        Ok(self.authorized(presentation, credential, power).await?.0)
    }

    async fn authorized(
        &self,
        presentation: PresentationId,
        credential: Option<&PresenterToken>,
        power: Power,
    ) -> Result<(Holder, PresenterAccess), PresenterCheckError> {
        // Who besides the presenter acts on it: the presentation's own
        // links come with the access, the contests tied to it add theirs;
        // both reads at once.
        let (access, delegates) = futures::try_join!(
            self.store.access(presentation),
            self.contests.delegates(presentation)
        )?;
        let mut access = access.ok_or(PresenterCheckError::NotFound)?;
        access.delegates.extend(delegates);
        let holder = access.authorize(credential, self.open_mode, power)?;
        Ok((holder, access))
    }

    /// Who `credential` is on the presentation: the presenter, one of the
    /// presentation's links, or a contest's co-host or moderator (for pages
    /// that show each only what they may do), and the audience's join code
    /// (for a delegate's big screen).
    ///
    /// # Errors
    /// As any presenter operation, when it lets its holder do nothing there.
    pub async fn presentation_holder(
        &self,
        presentation: PresentationId,
        credential: Option<&PresenterToken>,
    ) -> Result<(Holder, JoinCode), PresenterCheckError> {
        let (holder, access) = self
            .authorized(presentation, credential, Power::View)
            .await?;
        Ok((holder, access.join_code))
    }

    /// Checks that `token` is the presentation's own presenter token, the
    /// one power no delegate has.
    ///
    /// # Errors
    /// As any presenter operation.
    pub async fn prove_presenter(
        &self,
        presentation: PresentationId,
        token: Option<&PresenterToken>,
    ) -> Result<OwnedPresentation, PresenterCheckError> {
        self.check_presenter(presentation, token, Power::Own)
            .await?;
        Ok(OwnedPresentation(presentation))
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
