//! A presentation's links for other people: made, listed, revoked.

use super::rfc3339;
use serde::{Deserialize, Serialize};
use tally_domain::{LinkRole, PresentationId, PresentationLink, PresenterToken};
use utoipa::ToSchema;
use uuid::Uuid;

/// POST /presentations/{id}/links body.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPresentationLinkBody {
    /// `screen` (opens only the big screen), `run` (co-presents: slides,
    /// voting, moderation; not deleting, not links) or `moderate` (the
    /// audience's text only).
    #[schema(example = "screen")]
    pub role: String,
    /// Who or where it is for, shown in the list.
    #[schema(example = "Hall B projector", min_length = 1, max_length = 80)]
    pub label: Option<String>,
}

/// A link as the presenter's list shows it. Its secret is never shown
/// again after it was made.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PresentationLinkBody {
    pub link_id: Uuid,
    /// `screen`, `run` or `moderate`.
    pub role: String,
    pub label: Option<String>,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// RFC 3339, UTC; null while the link works.
    pub revoked_at: Option<String>,
}

impl From<&PresentationLink> for PresentationLinkBody {
    fn from(l: &PresentationLink) -> Self {
        Self {
            link_id: *l.id.as_uuid(),
            role: l.role.as_str().to_owned(),
            label: l.label.as_ref().map(|l| l.as_str().to_owned()),
            created_at: rfc3339(l.created_at),
            revoked_at: l.revoked_at.map(rfc3339),
        }
    }
}

/// A new link with its secret, shown only this once.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PresentationLinkCreatedBody {
    pub link_id: Uuid,
    pub role: String,
    pub label: Option<String>,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// The link's secret: a bearer token like the presenter's, with the
    /// role's powers only.
    #[schema(example = "tly_3q2-7w…")]
    pub token: String,
    /// The page to open, relative to this server, with the secret in the
    /// fragment (which browsers never send to a server):
    /// `/screen/{id}#<token>` for `screen`, `/present/{id}#<token>` for
    /// `run` and `moderate`.
    #[schema(example = "/screen/0190f7a0-0000-7000-8000-000000000000#tly_3q2-7w…")]
    pub url: String,
}

impl PresentationLinkCreatedBody {
    pub fn new(
        presentation: PresentationId,
        link: &PresentationLink,
        token: &PresenterToken,
    ) -> Self {
        let page = match link.role {
            LinkRole::Screen => "screen",
            LinkRole::Run | LinkRole::Moderate => "present",
        };
        let listed = PresentationLinkBody::from(link);
        Self {
            link_id: listed.link_id,
            role: listed.role,
            label: listed.label,
            created_at: listed.created_at,
            token: token.expose().to_owned(),
            url: format!("/{page}/{presentation}#{}", token.expose()),
        }
    }
}
