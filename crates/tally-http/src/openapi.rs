//! The OpenAPI document, generated from the handlers' annotations.

use crate::{dto, handlers, problem};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
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
        handlers::v4::list_votes,
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
        handlers::ops::livez,
        handlers::ops::readyz,
        handlers::ops::metrics,
    ),
    components(schemas(
        problem::Problem,
        dto::OptionBody, dto::NewPollBody, dto::NewPresentationBody, dto::PresentationCreatedBody,
        dto::PollBody, dto::PresentationBody, dto::VoteBody, dto::VoteListingBody, dto::GoToBody,
        dto::VotingStateBody, dto::ResultsVisibilityBody, dto::OptionResultBody, dto::ResultsBody, dto::JoinBody,
        dto::PresentationSummaryBody, dto::PresentationPageBody,
    )),
    modifiers(&PresenterTokenScheme),
    tags(
        (name = "v4", description = "Interactive Presentations API 4.0.0"),
        (name = "presenter", description = "Tally extensions for presenters"),
        (name = "audience", description = "Tally extensions for phones"),
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
