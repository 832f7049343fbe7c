//! HTTP adapter.
//!
//! The v4 contract is served exactly at the root paths; Tally's extensions
//! sit beside it. Handlers call use cases on `Tally` and map their error
//! enums to problem+json at this edge, nowhere else.

pub mod admission;
pub mod body_deadline;
pub mod contest_dto;
pub mod dto;
mod errors;
pub mod extract;
pub mod handlers;
pub mod live;
pub mod middleware;
pub mod openapi;
pub mod problem;
pub mod reads;
pub mod telemetry;

pub use handlers::ops::ReadinessCheck;

use actix_web::web;
use extract::{json_config, PRESENTATION_BODY_LIMIT, SMALL_BODY_LIMIT, VOTE_BODY_LIMIT};
use handlers::{audience, console, contests, links, ops, presenter, questions, v4, votes};
use problem::Problem;
use tally_domain::ports::Ports;
use utoipa::OpenApi as _;
use utoipa_swagger_ui::SwaggerUi;

/// Registers every route. The caller adds app data: `web::Data<Tally<P>>`,
/// `telemetry::Telemetry`, `web::Data<ReadinessCheck>`,
/// `web::Data<Arc<live::LiveHub>>` and `web::Data<admission::Admission>`,
/// and wraps the app in [`body_deadline::body_deadline`] (inside) and
/// [`middleware::respond`].
pub fn routes<P: Ports>(cfg: &mut web::ServiceConfig) {
    cfg.app_data(extract::path_config())
        .app_data(extract::query_config())
        .app_data(json_config(SMALL_BODY_LIMIT))
        // v4. Routes are matched in order, each dynamic one by a regex: the
        // vote, by far the most frequent request, comes right after the
        // static /ping (it cost three failed regex matches per vote behind
        // the others), then what every phone does when it joins (resolve
        // the code, read the poll, open the socket: in a join burst, the
        // regex matches of the routes before them were 6% of the servers'
        // CPU).
        .service(web::resource("/ping").get(v4::ping))
        .service(
            web::resource("/presentations/{presentation_id}/polls/current/votes")
                .app_data(json_config(VOTE_BODY_LIMIT))
                .post(v4::cast_vote::<P>)
                .delete(votes::retract_vote::<P>),
        )
        .service(web::resource("/join/{join_code}").get(audience::join::<P>))
        .service(
            web::resource("/presentations/{presentation_id}/polls/current")
                .get(v4::current_poll::<P>)
                .put(v4::next_poll::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/live").get(live::audience_socket::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/access").get(presenter::access::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/links")
                .get(links::links::<P>)
                .post(links::create_link::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/links/{link_id}")
                .delete(links::revoke_link::<P>),
        )
        .configure(handlers::deck_files::import_route::<P>)
        .service(
            web::resource("/presentations/{presentation_id}")
                .get(v4::get_presentation::<P>)
                .delete(presenter::delete_presentation::<P>),
        )
        .service(
            web::resource("/presentations")
                .app_data(json_config(PRESENTATION_BODY_LIMIT))
                .post(v4::create_presentation::<P>),
        )
        // Extensions under /polls/current/... must come before the
        // `{poll_id}` patterns below, which "current" would also match.
        .service(
            web::resource("/presentations/{presentation_id}/polls/current/previous")
                .post(presenter::previous_poll::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/polls/current/index")
                .put(presenter::go_to_poll::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/polls/current/open")
                .post(presenter::open_voting::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/polls/current/close")
                .post(presenter::close_voting::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/polls/current/timer")
                .post(presenter::set_timer::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/polls/{poll_id}/reset")
                .post(presenter::reset_poll::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/polls/{poll_id}/questions")
                .get(questions::list::<P>)
                .post(questions::ask::<P>),
        )
        // Before the `{action}` pattern below, which "upvote" would match.
        .service(
            web::resource(
                "/presentations/{presentation_id}/polls/{poll_id}/questions/{question_id}/upvote",
            )
            .post(questions::upvote::<P>)
            .delete(questions::withdraw_upvote::<P>),
        )
        .service(
            web::resource(
                "/presentations/{presentation_id}/polls/{poll_id}/questions/{question_id}/{action}",
            )
            .post(questions::flag::<P>),
        )
        .service(
            web::resource(
                "/presentations/{presentation_id}/polls/{poll_id}/entries/{entry_id}/{action}",
            )
            .post(questions::moderate_entry::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/participants")
                .post(audience::set_name::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/participants/{client_id}/score")
                .get(audience::score::<P>),
        )
        .service(web::resource("/presentations/{presentation_id}/notes").get(console::notes::<P>))
        .service(
            web::resource("/presentations/{presentation_id}/leaderboard")
                .get(presenter::leaderboard::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/polls/current/results/show")
                .post(presenter::show_results::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/polls/current/results/hide")
                .post(presenter::hide_results::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/polls/{poll_id}/votes")
                .get(v4::list_votes::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/polls/{poll_id}/rounds")
                .get(console::rounds::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/polls/{poll_id}/results")
                .get(presenter::poll_results::<P>),
        )
        .service(web::resource("/presenter/presentations").get(presenter::list_presentations::<P>))
        .service(
            web::resource("/presentations/{presentation_id}/events")
                .get(live::audience_events::<P>),
        )
        .service(
            web::resource("/presentations/{presentation_id}/live/presenter")
                .get(live::presenter_socket::<P>),
        )
        .configure(handlers::settings::routes::<P>)
        .configure(handlers::deck::routes::<P>)
        .configure(handlers::deck_files::routes::<P>)
        .configure(handlers::images::routes::<P>)
        // Operations
        .service(web::resource("/livez").get(ops::livez))
        .service(web::resource("/readyz").get(ops::readyz))
        .service(web::resource("/metrics").get(ops::metrics))
        .service(web::redirect("/docs", "/docs/"))
        .service(SwaggerUi::new("/docs/{_:.*}").url("/openapi.json", openapi::ApiDoc::openapi()))
        .default_service(web::to(not_found));
}

/// Registers the judged contests' routes. The caller adds
/// `web::Data<Contests<P>>` (from `Tally::contests`).
pub fn contest_routes<P: Ports>(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/contests")
            // A judge's sheet can hold every contestant × every criterion.
            .app_data(json_config(PRESENTATION_BODY_LIMIT))
            .service(web::resource("").post(contests::create::<P>))
            .service(
                web::resource("/{contest_id}")
                    .get(contests::get::<P>)
                    .put(contests::revise::<P>),
            )
            .service(
                web::resource("/{contest_id}/links")
                    .get(contests::links::<P>)
                    .post(contests::invite::<P>),
            )
            .service(web::resource("/{contest_id}/links/{link_id}").delete(contests::revoke::<P>))
            .service(
                web::resource("/{contest_id}/presentation")
                    .put(contests::tie_presentation::<P>)
                    .delete(contests::untie_presentation::<P>),
            )
            .service(web::resource("/{contest_id}/conflicts").get(contests::conflicts::<P>))
            .service(
                web::resource("/{contest_id}/judges/{judge_id}/conflicts")
                    .put(contests::set_conflicts::<P>),
            )
            .service(web::resource("/{contest_id}/audit").get(contests::audit::<P>))
            .service(web::resource("/{contest_id}/feedback").get(contests::feedback::<P>))
            .service(
                web::resource("/{contest_id}/contestants/{contestant_id}/feedback-link")
                    .post(contests::release_feedback::<P>),
            )
            .service(
                web::resource("/{contest_id}/rounds/{round_id}/contestants")
                    .put(contests::set_lineup::<P>),
            )
            .service(
                web::resource("/{contest_id}/rounds/{round_id}/open")
                    .post(contests::open_round::<P>),
            )
            .service(
                web::resource("/{contest_id}/rounds/{round_id}/close")
                    .post(contests::close_round::<P>),
            )
            .service(
                web::resource("/{contest_id}/rounds/{round_id}/publish")
                    .post(contests::publish::<P>),
            )
            .service(
                web::resource("/{contest_id}/rounds/{round_id}/progress")
                    .get(contests::progress::<P>),
            )
            .service(
                web::resource("/{contest_id}/rounds/{round_id}/results")
                    .get(contests::results::<P>),
            )
            .service(
                web::resource("/{contest_id}/rounds/{round_id}/export").get(contests::export::<P>),
            )
            .service(
                web::resource("/{contest_id}/rounds/{round_id}/sheet")
                    .get(contests::sheet::<P>)
                    .put(contests::save_sheet::<P>),
            )
            .service(
                web::resource("/{contest_id}/rounds/{round_id}/sheets/{judge_id}/reopen")
                    .post(contests::reopen_sheet::<P>),
            ),
    );
}

async fn not_found() -> actix_web::HttpResponse {
    use actix_web::ResponseError as _;
    Problem::not_found("no such resource").error_response()
}
