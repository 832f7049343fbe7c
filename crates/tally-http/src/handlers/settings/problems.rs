//! The settings use cases' errors as problems.

use crate::errors::NO_PRESENTATION;
use crate::problem::Problem;
use actix_web::http::StatusCode;
use tally_domain::settings::LogoError;
use tally_domain::usecases::{ChangeSettingsError, ReadSettingsError, SetLogoError};

/// 422: the body is well-formed JSON, but a field's value is refused.
pub(super) fn invalid(code: &'static str, e: &dyn std::fmt::Display) -> Problem {
    Problem::new(StatusCode::UNPROCESSABLE_ENTITY, code, e.to_string())
}

impl From<ReadSettingsError> for Problem {
    fn from(e: ReadSettingsError) -> Self {
        match e {
            ReadSettingsError::NotFound => Problem::not_found(NO_PRESENTATION),
            ReadSettingsError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<ChangeSettingsError> for Problem {
    fn from(e: ChangeSettingsError) -> Self {
        match e {
            ChangeSettingsError::NotFound => Problem::not_found(NO_PRESENTATION),
            ChangeSettingsError::Denied(denied) => denied.into(),
            ChangeSettingsError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<SetLogoError> for Problem {
    fn from(e: SetLogoError) -> Self {
        match e {
            SetLogoError::NotFound => Problem::not_found(NO_PRESENTATION),
            SetLogoError::Denied(denied) => denied.into(),
            SetLogoError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<LogoError> for Problem {
    fn from(e: LogoError) -> Self {
        let (status, code) = match e {
            LogoError::Empty => (StatusCode::BAD_REQUEST, "logo_empty"),
            LogoError::TooManyBytes => (StatusCode::PAYLOAD_TOO_LARGE, "logo_too_large"),
            LogoError::Svg => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "logo_svg_refused"),
            LogoError::UnsupportedType => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "logo_type_unsupported")
            }
            LogoError::Undecodable(_) => (StatusCode::UNPROCESSABLE_ENTITY, "logo_undecodable"),
            LogoError::TooManyPixels { .. } => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "logo_dimensions_too_large",
            ),
        };
        Problem::new(status, code, e.to_string())
    }
}
