//! The OpenAPI document, generated from the handlers' annotations.

use crate::middleware::V4_ROUTES;
use crate::problem::PROBLEM_JSON;
use crate::{contest_dto as cd, dto, handlers, problem};
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Tally",
        description = "Live polling. Serves the Interactive Presentations API 4.0.0 unchanged at the root paths, with Tally's extensions beside it. Errors are RFC 9457 problem documents.",
    ),
    paths(
        handlers::v4::ping,
        handlers::v4::create_presentation,
        handlers::v4::get_presentation,
        handlers::v4::current_poll,
        handlers::v4::next_poll,
        handlers::v4::cast_vote,
        handlers::votes::retract_vote,
        handlers::presenter::set_timer,
        handlers::presenter::reset_poll,
        handlers::presenter::leaderboard,
        handlers::console::notes,
        handlers::console::rounds,
        handlers::audience::set_name,
        handlers::audience::score,
        handlers::questions::ask,
        handlers::questions::upvote,
        handlers::questions::withdraw_upvote,
        handlers::questions::list,
        handlers::questions::flag,
        handlers::questions::moderate_entry,
        handlers::v4::list_votes,
        handlers::presenter::access,
        handlers::links::create_link,
        handlers::links::links,
        handlers::links::revoke_link,
        handlers::presenter::previous_poll,
        handlers::presenter::go_to_poll,
        handlers::presenter::open_voting,
        handlers::presenter::close_voting,
        handlers::presenter::show_results,
        handlers::presenter::hide_results,
        handlers::presenter::poll_results,
        handlers::presenter::delete_presentation,
        handlers::presenter::list_presentations,
        handlers::audience::join,
        handlers::deck::get_deck,
        handlers::deck::put_deck,
        handlers::deck::deck_edits,
        handlers::deck_files::export_deck,
        handlers::deck_files::import_deck,
        handlers::deck_files::read_outline,
        handlers::templates::templates,
        handlers::templates::template,
        handlers::images::upload,
        handlers::images::get,
        handlers::settings::get_settings,
        handlers::settings::change_settings,
        handlers::settings::logo::put_logo,
        handlers::settings::logo::remove_logo,
        handlers::settings::logo::get_logo,
        handlers::contests::create,
        handlers::contests::get,
        handlers::contests::revise,
        handlers::contests::invite,
        handlers::contests::links,
        handlers::contests::revoke,
        handlers::contests::tie_presentation,
        handlers::contests::untie_presentation,
        handlers::contests::set_conflicts,
        handlers::contests::conflicts,
        handlers::contests::set_lineup,
        handlers::contests::open_round,
        handlers::contests::close_round,
        handlers::contests::publish,
        handlers::contests::reopen_sheet,
        handlers::contests::progress,
        handlers::contests::results,
        handlers::contests::export,
        handlers::contests::audit,
        handlers::contests::sheet,
        handlers::contests::save_sheet,
        handlers::contests::release_feedback,
        handlers::contests::feedback,
        handlers::ops::livez,
        handlers::ops::readyz,
        handlers::ops::metrics,
    ),
    components(schemas(
        problem::Problem,
        dto::DeckBody, dto::DeckPollBody, dto::DeckRevisionBody, dto::RevisedPollBody, dto::DeckEditBody, dto::DeckEditsBody,
        dto::SettingsPatchBody, dto::SettingsBody, dto::LogoRefBody, dto::PaletteBody, dto::WarningBody,
        dto::OptionBody, dto::NewPollBody, dto::NewPresentationBody, dto::PresentationCreatedBody,
        dto::PollBody, dto::PresentationBody, dto::VoteBody, dto::VoteListingBody, dto::GoToBody,
        dto::AccessBody, dto::NewPresentationLinkBody, dto::PresentationLinkBody,
        dto::PresentationLinkCreatedBody, dto::VotingStateBody, dto::ResultsVisibilityBody, dto::OptionResultBody, dto::ResultsBody, dto::JoinBody,
        dto::PresentationSummaryBody, dto::PresentationPageBody,
        dto::PollSettingsBody, dto::ScaleBody, dto::RetractBody, dto::WordResultBody,
        dto::EntryResultBody, dto::TimerBody, dto::TimerRequestBody, dto::RoundBody, dto::RoundsBody, dto::RoundCountBody,
        dto::ParticipantBody, dto::ScoreBody, dto::StandingBody, dto::QuestionResultBody, dto::AskBody,
        dto::AskedBody, dto::UpvoteBody,
        cd::CriterionInput, cd::AudienceInput, cd::NewContestBody, cd::RevisedContestBody, cd::RevisedCriterionInput, cd::RevisedEntryInput, cd::CriterionBody,
        cd::ContestantBody, cd::RoundStateBody, cd::ContestBody, cd::ContestCreatedBody,
        cd::NewLinkBody, cd::LinkBody, cd::LinkCreatedBody, cd::TiePresentationBody, cd::LineupBody,
        cd::ConflictsBody,
        cd::JudgeConflictsBody, cd::MarkInput, cd::CommentInput, cd::SaveSheetBody, cd::MarkBody,
        cd::CommentBody, cd::SheetBody, cd::MissingBody, cd::ProgressBody, cd::CriterionScoreBody,
        cd::ContestStandingBody, cd::RoundResultsBody, cd::PublishedBody, cd::AuditEntryBody,
        cd::FeedbackLinkBody, cd::FeedbackCommentBody, cd::FeedbackBody,
    )),
    modifiers(&PresenterTokenScheme, &ErrorsAsServed),
    tags(
        (name = "v4", description = "Interactive Presentations API 4.0.0"),
        (name = "presenter", description = "Tally extensions for presenters"),
        (name = "audience", description = "Tally extensions for phones"),
        (name = "poll types", description = "Poll types beyond single choice (poll-types.md)"),
        (name = "deck", description = "Editing a deck, live or not: the whole deck with its revision (ETag / If-Match), and the record of edits"),
        (name = "settings", description = "A presentation's settings and the event's look: title, big-screen language, switches, colours, type scale, logo"),
        (name = "contests", description = "Judged contests: criteria, judges, score sheets, audit, publishing"),
        (name = "ops", description = "Health and metrics"),
    )
)]
#[derive(Debug)]
pub struct ApiDoc;

#[derive(Debug)]
struct PresenterTokenScheme;

impl Modify for PresenterTokenScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "presenter_token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Makes the document say what the server sends on errors, in one place
/// rather than on every handler:
/// - extension routes answer errors as `application/problem+json` whatever
///   the client accepts; v4 routes as `application/json` (v4 promises that
///   media type), or `application/problem+json` when asked for;
/// - a route that takes a body can answer 413 (too large) and 415 (not
///   JSON);
/// - 429, 503 and 504 carry `Retry-After`.
#[derive(Debug)]
struct ErrorsAsServed;

impl Modify for ErrorsAsServed {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in &mut openapi.paths.paths {
            let v4 = V4_ROUTES.contains(&path.as_str());
            for operation in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                add_body_errors(operation);
                for (status, response) in &mut operation.responses.responses {
                    if let RefOr::T(response) = response {
                        as_served(status, response, v4);
                    }
                }
            }
        }
    }
}

fn problem_response(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
}

fn add_body_errors(operation: &mut Operation) {
    if operation.request_body.is_none() {
        return;
    }
    for (status, description) in [
        ("413", "The body is over the size limit"),
        (
            "415",
            "The body is not sent as JSON (Content-Type: application/json)",
        ),
    ] {
        operation
            .responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| RefOr::T(problem_response(description)));
    }
}

fn as_served(status: &str, response: &mut Response, v4: bool) {
    if !(status.starts_with('4') || status.starts_with('5')) {
        return;
    }
    if let Some(json) = response.content.shift_remove("application/json") {
        if v4 {
            response
                .content
                .insert("application/json".to_owned(), json.clone());
        }
        response.content.insert(PROBLEM_JSON.to_owned(), json);
    }
    if ["429", "503", "504"].contains(&status) {
        response.headers.insert(
            "Retry-After".to_owned(),
            HeaderBuilder::new()
                .schema(utoipa::openapi::ObjectBuilder::new().schema_type(utoipa::openapi::Type::Integer))
                .description(Some(
                    "Seconds to wait before sending the same request again; the body's retry_after_ms says it in milliseconds",
                ))
                .build(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;
    use tally_domain::poll::{MAX_KEY_CHARS, MAX_OPTIONS, MAX_QUESTION_CHARS, MAX_VALUE_CHARS};
    use tally_domain::presentation::MAX_POLLS;

    fn document() -> Value {
        serde_json::to_value(ApiDoc::openapi()).unwrap()
    }

    #[test]
    fn the_schemas_carry_the_domains_limits() {
        let doc = document();
        // A schema's own properties, or those of its allOf part (the poll
        // types' settings are flattened into polls).
        let schema = |name: &str| {
            let schema = &doc["components"]["schemas"][name];
            schema["allOf"]
                .as_array()
                .and_then(|parts| parts.iter().find(|p| p["properties"].is_object()))
                .unwrap_or(schema)["properties"]
                .clone()
        };
        let presentation = schema("NewPresentationBody");
        assert_eq!(presentation["polls"]["maxItems"], MAX_POLLS);
        assert_eq!(presentation["polls"]["minItems"], 1);
        let poll = schema("NewPollBody");
        assert_eq!(poll["options"]["maxItems"], MAX_OPTIONS);
        assert_eq!(poll["question"]["maxLength"], MAX_QUESTION_CHARS);
        let option = schema("OptionBody");
        assert_eq!(option["key"]["maxLength"], MAX_KEY_CHARS);
        assert_eq!(option["value"]["maxLength"], MAX_VALUE_CHARS);
        assert_eq!(option["value"]["pattern"], NOT_BLANK_PATTERN);
        assert_eq!(schema("VoteBody")["key"]["maxLength"], MAX_KEY_CHARS);
    }

    /// The "not blank" pattern of the text fields.
    const NOT_BLANK_PATTERN: &str = "\\S";

    #[test]
    fn errors_are_documented_with_the_media_types_they_are_sent_with() {
        let doc = document();
        let vote = &doc["paths"]["/presentations/{presentation_id}/polls/current/votes"]["post"]
            ["responses"];
        for status in ["400", "413", "415", "429"] {
            let content = &vote[status]["content"];
            assert!(
                content["application/json"].is_object(),
                "{status}: {content}"
            );
            assert!(content[PROBLEM_JSON].is_object(), "{status}: {content}");
        }
        assert!(vote["429"]["headers"]["Retry-After"].is_object());
        let go_to = &doc["paths"]["/presentations/{presentation_id}/polls/current/index"]["put"]
            ["responses"];
        for status in ["400", "415"] {
            let content = &go_to[status]["content"];
            assert!(content["application/json"].is_null(), "{status}: {content}");
            assert!(content[PROBLEM_JSON].is_object(), "{status}: {content}");
        }
    }
}
