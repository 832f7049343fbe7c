//! Judged contests (issue 12). Secrets travel as `Authorization: Bearer`:
//! the owner's (from creating the contest) or an invite link's.

mod definition;
mod export;
mod people;
mod rounds;
mod sheets;

pub use definition::*;
pub use export::*;
pub use people::*;
pub use rounds::*;
pub use sheets::*;

use super::Handled;
use crate::contest_dto::{
    AuditEntryBody, AuditQuery, ConflictsBody, ContestBody, ContestCreatedBody, ContestantBody,
    ExportQuery, FeedbackBody, FeedbackCommentBody, FeedbackLinkBody, JudgeConflictsBody,
    LineupBody, LinkBody, LinkCreatedBody, NewContestBody, NewLinkBody, ProgressBody,
    PublishedBody, RevisedContestBody, RoundResultsBody, SaveSheetBody, SheetBody,
    TiePresentationBody,
};
use crate::extract::PresenterCredential as Credential;
use crate::problem::Problem;
use actix_web::http::header;
use actix_web::{web, HttpResponse};
use bytes::Bytes;
use std::collections::BTreeSet;
use tally_domain::contest::model::{Feedback, StoredMark};
use tally_domain::ports::Ports;
use tally_domain::usecases::{Contests, MarkDraft, ResultsView};
use tally_domain::{
    ContestId, ContestantId, CriterionId, LinkId, PresentationId, PresenterToken, RoundId,
};
use uuid::Uuid;

/// Most audit entries one request returns.
const AUDIT_PAGE: usize = 1000;
/// Rows per chunk of a streamed export.
const EXPORT_CHUNK: usize = 256;

type Ids = web::Path<(Uuid, Uuid)>;

fn ids(path: Ids) -> (ContestId, RoundId) {
    let (contest, round) = path.into_inner();
    (ContestId::from_uuid(contest), RoundId::from_uuid(round))
}
