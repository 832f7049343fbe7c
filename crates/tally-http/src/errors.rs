//! The edge: each use case's error enum mapped to a status and a problem.

use crate::problem::Problem;
use crate::reads::ResolveError;
use actix_web::http::StatusCode;
use tally_domain::kinds::NameError;
use tally_domain::poll::{PollError, TextError};
use tally_domain::ports::IntakeError;
use tally_domain::presentation::PresentationError;
use tally_domain::presenter::AccessDenied;
use tally_domain::usecases::{
    AskQuestionError, CheckBallotError, CreateLinkError, CreatePresentationError,
    DeletePresentationError, GetPresentationError, LeaderboardError, ListLinksError,
    ListPresentationsError, ListQuestionsError, ListVotesError, ModerateError, MoveSlideError,
    NotesError, PollResultsError, ResetPollError, RevokeLinkError, SetNameError, SetTimerError,
    SetVotingError, UpvoteError,
};
use tally_domain::usecases::{
    ContestDenied, ContestReadError, CreateContestError, LinkError, PresenterCheckError,
    ReviseContestError, RoundError, SheetError, TiePresentationError,
};
use tally_domain::SlideError;

pub(crate) const NO_PRESENTATION: &str = "no presentation with this id";
const NO_POLL: &str = "the presentation has no poll with this id";

impl From<AccessDenied> for Problem {
    fn from(denied: AccessDenied) -> Self {
        match denied {
            AccessDenied::MissingToken => {
                Problem::unauthorized("presenter_token_required", denied.to_string())
            }
            AccessDenied::WrongToken => Problem::new(
                StatusCode::FORBIDDEN,
                "presenter_token_rejected",
                denied.to_string(),
            ),
            // The same codes as a contest gives its links.
            AccessDenied::LinkRevoked => {
                Problem::new(StatusCode::FORBIDDEN, "link_revoked", denied.to_string())
            }
            AccessDenied::RoleForbidden(_) => {
                Problem::new(StatusCode::FORBIDDEN, "role_forbidden", denied.to_string())
            }
        }
    }
}

impl From<TextError> for Problem {
    fn from(e: TextError) -> Self {
        Problem::bad_request("invalid_text", e.to_string())
    }
}

impl From<PollError> for Problem {
    fn from(e: PollError) -> Self {
        Problem::bad_request("invalid_poll", e.to_string())
    }
}

impl From<PresentationError> for Problem {
    fn from(e: PresentationError) -> Self {
        Problem::bad_request("invalid_presentation", e.to_string())
    }
}

impl From<CreatePresentationError> for Problem {
    fn from(e: CreatePresentationError) -> Self {
        match e {
            CreatePresentationError::UnknownPresenter => {
                Problem::unauthorized("presenter_token_unknown", e.to_string())
            }
            CreatePresentationError::JoinCodesExhausted => Problem::unavailable(&e),
            CreatePresentationError::UnknownImage(ref image) => unknown_image(image, &e),
            CreatePresentationError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

/// 422 `unknown_image` (member `image_id`): a deck names an image never
/// uploaded here.
pub(crate) fn unknown_image(
    image: &tally_domain::deck::image::ImageId,
    e: &dyn std::fmt::Display,
) -> Problem {
    Problem::new(
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
        "unknown_image",
        e.to_string(),
    )
    .with("image_id", image.as_str())
}

impl From<GetPresentationError> for Problem {
    fn from(e: GetPresentationError) -> Self {
        match e {
            GetPresentationError::NotFound => Problem::not_found(NO_PRESENTATION),
            GetPresentationError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<ResolveError> for Problem {
    fn from(e: ResolveError) -> Self {
        match e {
            ResolveError::NotFound => Problem::not_found("no presentation has this join code"),
            ResolveError::Busy => Problem::overloaded(crate::reads::CODE_LOOKUP_RETRY_MS),
            ResolveError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<ListPresentationsError> for Problem {
    fn from(e: ListPresentationsError) -> Self {
        match e {
            ListPresentationsError::Denied(denied) => denied.into(),
            ListPresentationsError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<DeletePresentationError> for Problem {
    fn from(e: DeletePresentationError) -> Self {
        match e {
            DeletePresentationError::NotFound => Problem::not_found(NO_PRESENTATION),
            DeletePresentationError::Denied(denied) => denied.into(),
            DeletePresentationError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<SlideError> for Problem {
    fn from(e: SlideError) -> Self {
        match e {
            SlideError::PastLastPoll => Problem::conflict("no_more_polls", e.to_string()),
            SlideError::BeforeFirstPoll => Problem::conflict("at_first_poll", e.to_string()),
            SlideError::NoSuchSlide { .. } => Problem::bad_request("no_such_slide", e.to_string()),
        }
    }
}

impl From<MoveSlideError> for Problem {
    fn from(e: MoveSlideError) -> Self {
        match e {
            MoveSlideError::NotFound => Problem::not_found(NO_PRESENTATION),
            MoveSlideError::Denied(denied) => denied.into(),
            MoveSlideError::Slide(slide) => slide.into(),
            MoveSlideError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<SetNameError> for Problem {
    fn from(e: SetNameError) -> Self {
        match e {
            SetNameError::NotFound => Problem::not_found(NO_PRESENTATION),
            // One code per reason: the phone words each in its language.
            SetNameError::Invalid(ref reason) => Problem::bad_request(
                match reason {
                    NameError::Empty => "name_empty",
                    NameError::TooLong => "name_too_long",
                    NameError::ControlCharacter => "name_control_character",
                    NameError::Inappropriate => "name_not_allowed",
                },
                e.to_string(),
            ),
            SetNameError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<NotesError> for Problem {
    fn from(e: NotesError) -> Self {
        match e {
            NotesError::NotFound => Problem::not_found(NO_PRESENTATION),
            NotesError::Denied(denied) => denied.into(),
            NotesError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<LeaderboardError> for Problem {
    fn from(e: LeaderboardError) -> Self {
        match e {
            LeaderboardError::NotFound => Problem::not_found(NO_PRESENTATION),
            LeaderboardError::Denied(denied) => denied.into(),
            LeaderboardError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<ResetPollError> for Problem {
    fn from(e: ResetPollError) -> Self {
        match e {
            ResetPollError::NotFound => Problem::not_found(NO_PRESENTATION),
            ResetPollError::PollNotFound => Problem::not_found(NO_POLL),
            ResetPollError::Denied(denied) => denied.into(),
            ResetPollError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<SetTimerError> for Problem {
    fn from(e: SetTimerError) -> Self {
        match e {
            SetTimerError::NotFound => Problem::not_found(NO_PRESENTATION),
            SetTimerError::Denied(denied) => denied.into(),
            SetTimerError::TooLong { .. } => Problem::bad_request("invalid_timer", e.to_string()),
            SetTimerError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<SetVotingError> for Problem {
    fn from(e: SetVotingError) -> Self {
        match e {
            SetVotingError::NotFound => Problem::not_found(NO_PRESENTATION),
            SetVotingError::Denied(denied) => denied.into(),
            SetVotingError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<IntakeError> for Problem {
    fn from(e: IntakeError) -> Self {
        match e {
            IntakeError::PresentationNotFound => Problem::not_found(NO_PRESENTATION),
            IntakeError::PollNotFound => Problem::not_found(NO_POLL),
            IntakeError::PollNotCurrent => Problem::conflict("poll_not_current", e.to_string()),
            IntakeError::VotingClosed => Problem::conflict("voting_closed", e.to_string()),
            IntakeError::UnknownOption(_) => Problem::bad_request("unknown_option", e.to_string()),
            IntakeError::AlreadyVotedDifferently | IntakeError::ChangeNotAllowed => {
                Problem::conflict("already_voted", e.to_string())
            }
            IntakeError::WrongType => Problem::bad_request("invalid_vote", e.to_string()),
            // Checked again once already (`handlers::votes::take`): the
            // deck was edited twice at once. Nothing was stored.
            IntakeError::RoundChanged => Problem::conflict("poll_changed", e.to_string()),
            IntakeError::Unavailable(cause) => Problem::unavailable(&cause),
            IntakeError::Overloaded => Problem::overloaded(crate::admission::RETRY_AFTER_MS),
            IntakeError::OutcomeUnknown(cause) => Problem::outcome_unknown(&cause),
        }
    }
}

impl From<CheckBallotError> for Problem {
    fn from(e: CheckBallotError) -> Self {
        match e {
            CheckBallotError::NotFound => Problem::not_found(NO_PRESENTATION),
            CheckBallotError::PollNotFound => Problem::not_found(NO_POLL),
            CheckBallotError::Invalid(invalid) => {
                Problem::bad_request("invalid_vote", invalid.to_string())
            }
            CheckBallotError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<ListVotesError> for Problem {
    fn from(e: ListVotesError) -> Self {
        match e {
            ListVotesError::NotFound => Problem::not_found(NO_PRESENTATION),
            ListVotesError::PollNotFound => Problem::not_found(NO_POLL),
            ListVotesError::PollNotCurrent => Problem::conflict("poll_not_current", e.to_string()),
            ListVotesError::Denied(denied) => denied.into(),
            ListVotesError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<PollResultsError> for Problem {
    fn from(e: PollResultsError) -> Self {
        match e {
            PollResultsError::NotFound => Problem::not_found(NO_PRESENTATION),
            PollResultsError::PollNotFound => Problem::not_found(NO_POLL),
            PollResultsError::RoundNotFound => Problem::not_found(e.to_string()),
            PollResultsError::Denied(denied) => denied.into(),
            PollResultsError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<AskQuestionError> for Problem {
    fn from(e: AskQuestionError) -> Self {
        match e {
            AskQuestionError::NotFound => Problem::not_found(NO_PRESENTATION),
            AskQuestionError::PollNotFound => Problem::not_found(NO_POLL),
            AskQuestionError::NotQa(_) => Problem::conflict("not_a_qa_poll", e.to_string()),
            AskQuestionError::Invalid(_) => Problem::bad_request("invalid_question", e.to_string()),
            AskQuestionError::Limit => Problem::conflict("question_limit", e.to_string()),
            AskQuestionError::SubmissionReused => {
                Problem::conflict("submission_reused", e.to_string())
            }
            AskQuestionError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<UpvoteError> for Problem {
    fn from(e: UpvoteError) -> Self {
        match e {
            UpvoteError::QuestionNotFound => Problem::not_found(e.to_string()),
            UpvoteError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<ListQuestionsError> for Problem {
    fn from(e: ListQuestionsError) -> Self {
        match e {
            ListQuestionsError::NotFound => Problem::not_found(NO_PRESENTATION),
            ListQuestionsError::PollNotFound => Problem::not_found(NO_POLL),
            ListQuestionsError::NotQa(_) => Problem::conflict("not_a_qa_poll", e.to_string()),
            ListQuestionsError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<ModerateError> for Problem {
    fn from(e: ModerateError) -> Self {
        match e {
            ModerateError::NotFound => Problem::not_found(NO_PRESENTATION),
            ModerateError::PollNotFound => Problem::not_found(NO_POLL),
            ModerateError::QuestionNotFound => Problem::not_found(e.to_string()),
            ModerateError::NoEntries(_) => Problem::conflict("no_entries", e.to_string()),
            ModerateError::MalformedEntryId => Problem::bad_request("invalid_entry", e.to_string()),
            ModerateError::Denied(denied) => denied.into(),
            ModerateError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

// Judged contests.

const NO_CONTEST: &str = "no contest with this id";
const NO_ROUND: &str = "the contest has no round with this id";

impl From<ContestDenied> for Problem {
    fn from(denied: ContestDenied) -> Self {
        let forbidden = |code| Problem::new(StatusCode::FORBIDDEN, code, denied.to_string());
        match denied {
            ContestDenied::MissingToken => {
                Problem::unauthorized("contest_secret_required", denied.to_string())
            }
            ContestDenied::UnknownToken => forbidden("contest_secret_rejected"),
            ContestDenied::Revoked => forbidden("link_revoked"),
            ContestDenied::Role => forbidden("role_forbidden"),
        }
    }
}

impl From<CreateContestError> for Problem {
    fn from(e: CreateContestError) -> Self {
        match e {
            CreateContestError::Invalid(_) | CreateContestError::AudiencePoll => {
                Problem::bad_request("invalid_contest", e.to_string())
            }
            CreateContestError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<ReviseContestError> for Problem {
    fn from(e: ReviseContestError) -> Self {
        match e {
            ReviseContestError::NotFound => Problem::not_found(NO_CONTEST),
            ReviseContestError::Invalid(_) | ReviseContestError::AudiencePoll => {
                Problem::bad_request("invalid_contest", e.to_string())
            }
            ReviseContestError::Locked(_) => Problem::conflict("contest_locked", e.to_string()),
            ReviseContestError::Denied(d) => d.into(),
            ReviseContestError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<ContestReadError> for Problem {
    fn from(e: ContestReadError) -> Self {
        match e {
            ContestReadError::NotFound => Problem::not_found(NO_CONTEST),
            ContestReadError::RoundNotFound => Problem::not_found(NO_ROUND),
            ContestReadError::Denied(d) => d.into(),
            ContestReadError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<LinkError> for Problem {
    fn from(e: LinkError) -> Self {
        match e {
            LinkError::NotFound => Problem::not_found(NO_CONTEST),
            LinkError::LinkNotFound | LinkError::JudgeNotFound | LinkError::ContestantNotFound => {
                Problem::not_found(e.to_string())
            }
            LinkError::InvalidRole | LinkError::InvalidName => {
                Problem::bad_request("invalid_link", e.to_string())
            }
            LinkError::Denied(d) => d.into(),
            LinkError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<PresenterCheckError> for Problem {
    fn from(e: PresenterCheckError) -> Self {
        match e {
            PresenterCheckError::NotFound => Problem::not_found(NO_PRESENTATION),
            PresenterCheckError::Denied(denied) => denied.into(),
            PresenterCheckError::Unavailable(cause) => Problem::unavailable(&cause.0),
        }
    }
}

impl From<TiePresentationError> for Problem {
    fn from(e: TiePresentationError) -> Self {
        match e {
            TiePresentationError::NotFound => Problem::not_found(NO_CONTEST),
            TiePresentationError::Denied(d) => d.into(),
            TiePresentationError::Presentation(check) => check.into(),
            TiePresentationError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<RoundError> for Problem {
    fn from(e: RoundError) -> Self {
        match e {
            RoundError::NotFound => Problem::not_found(NO_CONTEST),
            RoundError::RoundNotFound => Problem::not_found(NO_ROUND),
            RoundError::JudgeNotFound => Problem::not_found(e.to_string()),
            RoundError::State(_) => Problem::conflict("round_state", e.to_string()),
            RoundError::SheetNotSubmitted => {
                Problem::conflict("sheet_not_submitted", e.to_string())
            }
            RoundError::Changed => Problem::conflict("round_changed", e.to_string()),
            RoundError::InvalidLineup => Problem::bad_request("invalid_lineup", e.to_string()),
            RoundError::AudienceOpen => Problem::conflict("audience_voting_open", e.to_string()),
            RoundError::Denied(d) => d.into(),
            RoundError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<SheetError> for Problem {
    fn from(e: SheetError) -> Self {
        match e {
            SheetError::NotFound => Problem::not_found(NO_CONTEST),
            SheetError::RoundNotFound => Problem::not_found(NO_ROUND),
            SheetError::ContestantNotFound | SheetError::CriterionNotFound => {
                Problem::bad_request("invalid_sheet", e.to_string())
            }
            SheetError::InvalidMark { .. } => Problem::bad_request("invalid_mark", e.to_string()),
            SheetError::InvalidComment => Problem::bad_request("invalid_comment", e.to_string()),
            SheetError::RoundState(_) => Problem::conflict("round_not_open", e.to_string()),
            SheetError::Submitted => Problem::conflict("sheet_submitted", e.to_string()),
            SheetError::Incomplete(_) => Problem::conflict("sheet_incomplete", e.to_string()),
            SheetError::Changed => Problem::conflict("round_changed", e.to_string()),
            SheetError::Denied(d) => d.into(),
            SheetError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<CreateLinkError> for Problem {
    fn from(e: CreateLinkError) -> Self {
        match e {
            CreateLinkError::NotFound => Problem::not_found(NO_PRESENTATION),
            CreateLinkError::Denied(denied) => denied.into(),
            CreateLinkError::InvalidRole => Problem::bad_request("invalid_role", e.to_string()),
            CreateLinkError::InvalidLabel(_) => {
                Problem::bad_request("invalid_label", e.to_string())
            }
            CreateLinkError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<ListLinksError> for Problem {
    fn from(e: ListLinksError) -> Self {
        match e {
            ListLinksError::NotFound => Problem::not_found(NO_PRESENTATION),
            ListLinksError::Denied(denied) => denied.into(),
            ListLinksError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}

impl From<RevokeLinkError> for Problem {
    fn from(e: RevokeLinkError) -> Self {
        match e {
            RevokeLinkError::NotFound => Problem::not_found(NO_PRESENTATION),
            RevokeLinkError::Denied(denied) => denied.into(),
            RevokeLinkError::LinkNotFound => {
                Problem::new(StatusCode::NOT_FOUND, "link_not_found", e.to_string())
            }
            RevokeLinkError::Unavailable(cause) => Problem::unavailable(&cause),
        }
    }
}
