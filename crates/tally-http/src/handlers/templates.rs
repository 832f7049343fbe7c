//! The built-in deck templates (issue 26), in each language the pages
//! speak: `GET /templates?locale=` lists them, `GET /templates/{name}` gives
//! one as a deck file. A locale Tally has no templates in gets English.

use super::Handled;
use crate::problem::Problem;
use actix_web::http::header;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use tally_domain::deck::document::DeckDocument;

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/templates").get(templates))
        .service(web::resource("/templates/{name}").get(template));
}

/// The templates' names, in the order they are offered.
const NAMES: [&str; 4] = ["icebreaker", "quiz", "retrospective", "event-feedback"];

/// One language's templates, in [`NAMES`]' order; `$dir` is its folder
/// under `templates/` ("" for English).
macro_rules! written_in {
    ($dir:literal) => {
        [
            include_str!(concat!("../../templates/", $dir, "icebreaker.json")),
            include_str!(concat!("../../templates/", $dir, "quiz.json")),
            include_str!(concat!("../../templates/", $dir, "retrospective.json")),
            include_str!(concat!("../../templates/", $dir, "event-feedback.json")),
        ]
    };
}

/// Every template in every language, English first (the fallback); each a
/// deck file the tests import.
const TEMPLATES: [(&str, [&str; 4]); 5] = [
    ("en", written_in!("")),
    ("de", written_in!("de/")),
    ("fr", written_in!("fr/")),
    ("es", written_in!("es/")),
    ("ar", written_in!("ar/")),
];

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct LocaleQuery {
    /// A language tag such as `de` or `fr-CH` (its language is what
    /// counts); absent or without templates: English.
    pub locale: Option<String>,
}

/// The language asked for, if Tally has templates in it, else English.
fn language(query: &LocaleQuery) -> (&'static str, &'static [&'static str; 4]) {
    let asked = query
        .locale
        .as_deref()
        .and_then(|tag| tag.split(['-', '_']).next())
        .map(str::to_ascii_lowercase);
    let found = TEMPLATES
        .iter()
        .find(|(code, _)| asked.as_deref() == Some(*code))
        .unwrap_or(&TEMPLATES[0]);
    (found.0, &found.1)
}

/// Each language's list, read from its deck files once (they are built in
/// and never change), ready to send.
static LISTS: std::sync::LazyLock<Vec<(&'static str, web::Bytes)>> =
    std::sync::LazyLock::new(|| {
        TEMPLATES
            .iter()
            .map(|(locale, written)| {
                let list: Vec<serde_json::Value> = NAMES
                    .iter()
                    .zip(written.iter())
                    .filter_map(|(name, raw)| {
                        let document: DeckDocument = serde_json::from_str(raw).ok()?;
                        Some(serde_json::json!({
                            "name": name, "title": document.title, "slides": document.polls.len(),
                        }))
                    })
                    .collect();
                let body = serde_json::json!({ "locale": locale, "templates": list });
                (*locale, web::Bytes::from(body.to_string()))
            })
            .collect()
    });

/// The built-in templates' names and titles, in the language asked for.
#[utoipa::path(get, path = "/templates", tag = "deck", params(LocaleQuery),
    responses((status = 200, body = Object, description = "`{\"locale\", \"templates\": [{\"name\", \"title\", \"slides\"}]}`")))]
pub async fn templates(query: web::Query<LocaleQuery>) -> Handled {
    let (locale, _) = language(&query);
    let body = LISTS
        .iter()
        .find(|(l, _)| *l == locale)
        .map(|(_, body)| body.clone())
        .unwrap_or_default();
    Ok(HttpResponse::Ok()
        .content_type(header::ContentType::json())
        .body(body))
}

/// One built-in template as a deck file, to open in the editor or import,
/// in the language asked for (`Content-Language` says which).
#[utoipa::path(get, path = "/templates/{name}", tag = "deck",
    params(("name" = String, Path, description = "icebreaker, quiz, retrospective or event-feedback"), LocaleQuery),
    responses((status = 200, body = Object, description = "A deck file"), (status = 404, body = Problem)))]
pub async fn template(name: web::Path<String>, query: web::Query<LocaleQuery>) -> Handled {
    let (locale, written) = language(&query);
    let raw = NAMES
        .iter()
        .position(|n| *n == name.as_str())
        .map(|i| written[i])
        .ok_or_else(|| Problem::not_found("no template with this name"))?;
    Ok(HttpResponse::Ok()
        .content_type(header::ContentType::json())
        .insert_header((header::CONTENT_LANGUAGE, locale))
        .body(raw))
}
