//! Request handlers: translate HTTP to a use case call and back. No rules
//! live here.

pub mod audience;
pub mod ops;
pub mod presenter;
pub mod v4;

use crate::problem::Problem;
use tally_domain::{PollId, PresentationId};
use uuid::Uuid;

type Handled = Result<actix_web::HttpResponse, Problem>;

fn presentation_id(id: Uuid) -> PresentationId {
    PresentationId::from_uuid(id)
}

fn poll_id(id: Uuid) -> PollId {
    PollId::from_uuid(id)
}
