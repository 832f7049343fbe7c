//! A presentation's links for other people (a big screen, a co-presenter,
//! a moderator). Only the presenter's own token manages them.

use super::{presentation_id, Handled};
use crate::dto::{NewPresentationLinkBody, PresentationLinkBody, PresentationLinkCreatedBody};
use crate::extract::PresenterCredential;
use crate::live::LiveHub;
use crate::problem::Problem;
use actix_web::{web, HttpResponse};
use std::sync::Arc;
use tally_domain::ports::Ports;
use tally_domain::usecases::Tally;
use tally_domain::LinkId;
use uuid::Uuid;

/// Make a link with a role. The answer holds its secret and the page to
/// open with it, this once only.
#[utoipa::path(post, path = "/presentations/{presentation_id}/links", tag = "presenter",
    params(("presentation_id" = Uuid, Path)), request_body = NewPresentationLinkBody,
    security(("presenter_token" = [])),
    responses((status = 201, body = PresentationLinkCreatedBody),
        (status = 400, body = Problem, description = "`invalid_role` or `invalid_label`"),
        (status = 401, body = Problem),
        (status = 403, body = Problem, description = "not the presenter's own token"),
        (status = 404, body = Problem), (status = 503, body = Problem)))]
pub async fn create_link<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
    body: web::Json<NewPresentationLinkBody>,
) -> Handled {
    let id = presentation_id(*id);
    let (link, token) = tally
        .create_link(id, credential.token(), &body.role, body.label.as_deref())
        .await?;
    Ok(HttpResponse::Created().json(PresentationLinkCreatedBody::new(id, &link, &token)))
}

/// The presentation's links, oldest first, revoked ones included; never
/// their secrets.
#[utoipa::path(get, path = "/presentations/{presentation_id}/links", tag = "presenter",
    params(("presentation_id" = Uuid, Path)), security(("presenter_token" = [])),
    responses((status = 200, body = [PresentationLinkBody]), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 503, body = Problem)))]
pub async fn links<P: Ports>(
    tally: web::Data<Tally<P>>,
    credential: PresenterCredential,
    id: web::Path<Uuid>,
) -> Handled {
    let links = tally
        .links(presentation_id(*id), credential.token())
        .await?;
    Ok(HttpResponse::Ok().json(
        links
            .iter()
            .map(PresentationLinkBody::from)
            .collect::<Vec<_>>(),
    ))
}

/// Revoke a link: it stops working at once (its holder gets 403
/// `link_revoked`), and its open live sockets close with 4403. Revoking it again changes nothing.
#[utoipa::path(delete, path = "/presentations/{presentation_id}/links/{link_id}", tag = "presenter",
    params(("presentation_id" = Uuid, Path), ("link_id" = Uuid, Path)),
    security(("presenter_token" = [])),
    responses((status = 200, body = PresentationLinkBody, description = "Revoked (or was already)"),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem, description = "no such presentation, or no such link on it"),
        (status = 503, body = Problem)))]
pub async fn revoke_link<P: Ports>(
    tally: web::Data<Tally<P>>,
    hub: web::Data<Arc<LiveHub>>,
    credential: PresenterCredential,
    path: web::Path<(Uuid, Uuid)>,
) -> Handled {
    let (id, link) = path.into_inner();
    let link = tally
        .revoke_link(
            presentation_id(id),
            credential.token(),
            LinkId::from_uuid(link),
        )
        .await?;
    // Live sockets opened with the link close now on this process (4403).
    hub.recheck_access();
    Ok(HttpResponse::Ok().json(PresentationLinkBody::from(&link)))
}
