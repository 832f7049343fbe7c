//! A presentation's settings and logo (issue 25, "the event's look").

pub mod logo;
mod problems;

pub use logo::{get_logo, put_logo, remove_logo};

use super::{presentation_id, Handled};
use crate::dto::{SettingsBody, SettingsPatchBody};
use crate::extract::PresenterCredential;
use crate::problem::Problem;
use actix_web::{web, HttpResponse};
use tally_domain::ports::Ports;
use tally_domain::settings::{Colour, ScreenLocale, SettingsPatch, Title, TypeScale};
use tally_domain::usecases::Tally;
use uuid::Uuid;

/// Registers the settings routes (called from [`crate::routes`]).
pub fn routes<P: Ports>(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/presentations/{presentation_id}/settings")
            .get(get_settings::<P>)
            .patch(change_settings::<P>),
    )
    .service(
        web::resource("/presentations/{presentation_id}/logo")
            .get(get_logo::<P>)
            .put(put_logo::<P>)
            .delete(remove_logo::<P>),
    );
}

/// The presentation's settings, with the palette to apply. Public: the
/// phones and the big screen read it (nothing in it is secret). Pages
/// refetch it when the live state's `settings_rev` changes.
#[utoipa::path(get, path = "/presentations/{presentation_id}/settings", tag = "settings",
    params(("presentation_id" = Uuid, Path)),
    responses((status = 200, body = SettingsBody),
        (status = 404, body = Problem), (status = 503, body = Problem)))]
pub async fn get_settings<P: Ports>(tally: web::Data<Tally<P>>, id: web::Path<Uuid>) -> Handled {
    let id = presentation_id(*id);
    let view = tally.presentation_settings(id).await?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-cache"))
        .json(SettingsBody::new(id, &view)))
}

/// Change some settings: fields left out stay as they are. The live
/// channels' state then carries a new `settings_rev`. Whoever runs the
/// presentation (its presenter, a co-host).
#[utoipa::path(patch, path = "/presentations/{presentation_id}/settings", tag = "settings",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    request_body = SettingsPatchBody,
    responses((status = 200, body = SettingsBody),
        (status = 400, body = Problem, description = "`malformed_json`, `invalid_body` (a field of the wrong type, or an unknown field)"),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem, description = "A field's value: `invalid_title` (over 120 characters, control characters), `invalid_locale`, `invalid_accent`, `invalid_background` (not `#rrggbb`), `invalid_type_scale` (not 0.8–1.6)"),
        (status = 503, body = Problem)))]
pub async fn change_settings<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
    body: web::Json<SettingsPatchBody>,
) -> Handled {
    let id = presentation_id(*id);
    let patch = patch_of(body.into_inner())?;
    let view = tally.change_settings(id, credential.token(), patch).await?;
    Ok(HttpResponse::Ok().json(SettingsBody::new(id, &view)))
}

/// Each field validated by its newtype, each refusal with its own code.
fn patch_of(body: SettingsPatchBody) -> Result<SettingsPatch, Problem> {
    let colour = |raw: Option<String>, code: &'static str| {
        raw.map(|raw| Colour::parse(&raw).map_err(|e| problems::invalid(code, &e)))
            .transpose()
    };
    Ok(SettingsPatch {
        title: body
            .title
            .map(|t| Title::parse(t.as_deref().unwrap_or("")))
            .transpose()
            .map_err(|e| problems::invalid("invalid_title", &e))?,
        locale: body
            .locale
            .map(|l| ScreenLocale::parse(&l))
            .transpose()
            .map_err(|e| problems::invalid("invalid_locale", &e))?,
        qa_always_open: body.qa_always_open,
        hide_results_until_closed: body.hide_results_until_closed,
        accent: colour(body.accent, "invalid_accent")?,
        background: colour(body.background, "invalid_background")?,
        type_scale: body
            .type_scale
            .map(TypeScale::parse)
            .transpose()
            .map_err(|e| problems::invalid("invalid_type_scale", &e))?,
    })
}
