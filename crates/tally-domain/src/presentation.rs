//! Presentations: an ordered deck of polls, one of which is on screen.

use crate::ids::{PresentationId, PresenterId};
use crate::kinds::ProfanityFilter;
use crate::poll::{Poll, PollDraft};
use crate::presenter::JoinCode;
use crate::settings::LiveSettings;
use std::time::SystemTime;
use thiserror::Error;

/// Most polls in one presentation. A deck is a talk, not a survey.
pub const MAX_POLLS: usize = 200;

/// Why a presentation was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PresentationError {
    #[error("a presentation needs at least one poll")]
    NoPolls,
    #[error("a presentation can have at most {MAX_POLLS} polls")]
    TooManyPolls,
}

/// A presentation as a presenter submits it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PresentationDraft {
    polls: Vec<PollDraft>,
    profanity_filter: ProfanityFilter,
}

impl PresentationDraft {
    /// # Errors
    /// [`PresentationError`] when there are no polls or too many.
    pub fn new(polls: Vec<PollDraft>) -> Result<Self, PresentationError> {
        if polls.is_empty() {
            return Err(PresentationError::NoPolls);
        }
        if polls.len() > MAX_POLLS {
            return Err(PresentationError::TooManyPolls);
        }
        Ok(Self {
            polls,
            profanity_filter: ProfanityFilter::default(),
        })
    }

    /// The draft with `filter` for the audience's text.
    #[must_use]
    pub fn with_profanity_filter(mut self, filter: ProfanityFilter) -> Self {
        self.profanity_filter = filter;
        self
    }

    pub fn polls(&self) -> &[PollDraft] {
        &self.polls
    }

    pub fn profanity_filter(&self) -> ProfanityFilter {
        self.profanity_filter
    }
}

/// A stored presentation with its polls in slide order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Presentation {
    pub id: PresentationId,
    pub presenter_id: PresenterId,
    pub join_code: JoinCode,
    pub polls: Vec<Poll>,
    pub slide: SlideState,
    pub created_at: SystemTime,
    /// How strictly the audience's text is filtered.
    pub profanity_filter: ProfanityFilter,
    /// The settings the live channels act on (see [`crate::settings`]).
    pub live: LiveSettings,
    /// The deck's revision: 1 when created, one more on each stored edit
    /// ([`crate::deck`]); an editor's `If-Match`.
    pub deck_rev: crate::deck::DeckRev,
}

impl Presentation {
    /// The poll on screen. Always present: a presentation has at least one
    /// poll and the index is kept in range by [`SlideMove::apply`] and by a
    /// check constraint in the schema.
    pub fn current_poll(&self) -> Option<&Poll> {
        self.polls.get(self.slide.index)
    }

    /// The poll on screen and its deadline, while its voting is open and a
    /// timer runs: what is to be closed when the deadline passes, so that
    /// every page hears that voting closed without asking.
    pub fn deadline_to_close(&self) -> Option<(crate::ids::PollId, SystemTime)> {
        let poll = self.current_poll().filter(|p| p.voting_open)?;
        Some((poll.id, poll.deadline?))
    }

    /// When the audience (phones and the big screen) gets the results of
    /// the poll on screen: see [`ResultsGate`].
    pub fn results_gate(&self) -> ResultsGate {
        let poll = self.current_poll();
        ResultsGate {
            shown: poll.is_some_and(|p| p.results_visible),
            held_while_open: self.live.hide_results_until_closed
                && poll.is_some_and(|p| p.voting_open),
            deadline: poll.and_then(|p| p.deadline),
        }
    }
}

/// Whether the audience gets the results of the poll on screen: the
/// presenter shows them and, when the presentation holds results until
/// voting closes, voting has closed (by the presenter, or by its timer,
/// which passes without a state change: hence a deadline, not a flag).
/// The presenter's own channel gets results regardless.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ResultsGate {
    /// The presenter shows the results.
    pub shown: bool,
    /// Held back while voting is open (the presenter has not closed it).
    pub held_while_open: bool,
    /// When the poll's timer closes voting, if it has one.
    pub deadline: Option<SystemTime>,
}

impl ResultsGate {
    /// Whether the audience gets the results at `now`.
    pub fn open_at(&self, now: SystemTime) -> bool {
        self.shown && !(self.held_while_open && self.deadline.is_none_or(|d| now < d))
    }

    /// Whether shown results are held back now, until voting closes.
    pub fn held_at(&self, now: SystemTime) -> bool {
        self.shown && !self.open_at(now)
    }
}

/// Which slide is on screen, and how many changes the presentation has seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlideState {
    /// Zero-based index of the poll on screen (v4's `current_poll_index`).
    pub index: usize,
    /// Number of polls in the deck.
    pub poll_count: usize,
    /// Increases on every slide or voting-state change. Mirrors and live
    /// channels use it to tell fresh state from stale.
    pub version: u64,
}

/// A presenter's request to change the slide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlideMove {
    /// v4's PUT on the current poll.
    Next,
    Previous,
    GoTo(usize),
}

/// Why a slide change is impossible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum SlideError {
    #[error("the presentation ran out of polls")]
    PastLastPoll,
    #[error("already at the first poll")]
    BeforeFirstPoll,
    #[error("there is no poll at index {index}; the presentation has {poll_count}")]
    NoSuchSlide { index: usize, poll_count: usize },
}

impl SlideMove {
    /// The slide index this move leads to from `state`.
    ///
    /// # Errors
    /// [`SlideError`] when the move would leave the deck.
    pub fn apply(self, state: SlideState) -> Result<usize, SlideError> {
        match self {
            SlideMove::Next => {
                let next = state.index + 1;
                if next >= state.poll_count {
                    Err(SlideError::PastLastPoll)
                } else {
                    Ok(next)
                }
            }
            SlideMove::Previous => state
                .index
                .checked_sub(1)
                .ok_or(SlideError::BeforeFirstPoll),
            SlideMove::GoTo(index) if index < state.poll_count => Ok(index),
            SlideMove::GoTo(index) => Err(SlideError::NoSuchSlide {
                index,
                poll_count: state.poll_count,
            }),
        }
    }
}

/// A line in a presenter's list of presentations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PresentationSummary {
    pub id: PresentationId,
    pub join_code: JoinCode,
    pub slide: SlideState,
    pub created_at: SystemTime,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(index: usize, poll_count: usize) -> SlideState {
        SlideState {
            index,
            poll_count,
            version: 1,
        }
    }

    #[test]
    fn held_results_reach_the_audience_when_voting_closes() {
        let now = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000);
        let later = now + std::time::Duration::from_secs(10);
        let gate = |shown, held_while_open, deadline| ResultsGate {
            shown,
            held_while_open,
            deadline,
        };
        // Not held: shown is shown.
        assert!(gate(true, false, None).open_at(now));
        assert!(!gate(false, false, None).open_at(now));
        // Held while voting is open, with or without a timer running.
        assert!(!gate(true, true, None).open_at(now));
        assert!(gate(true, true, None).held_at(now));
        assert!(!gate(true, true, Some(later)).open_at(now));
        // The timer ran out: voting closed, results go out.
        assert!(gate(true, true, Some(later)).open_at(later));
        assert!(!gate(true, true, Some(later)).held_at(later));
        // Never shown: neither open nor held.
        assert!(!gate(false, true, None).open_at(now));
        assert!(!gate(false, true, None).held_at(now));
    }

    #[test]
    fn next_moves_forward_until_the_last_poll() {
        assert_eq!(SlideMove::Next.apply(at(0, 2)), Ok(1));
        assert_eq!(
            SlideMove::Next.apply(at(1, 2)),
            Err(SlideError::PastLastPoll)
        );
    }

    #[test]
    fn previous_stops_at_the_first_poll() {
        assert_eq!(SlideMove::Previous.apply(at(1, 3)), Ok(0));
        assert_eq!(
            SlideMove::Previous.apply(at(0, 3)),
            Err(SlideError::BeforeFirstPoll)
        );
    }

    #[test]
    fn go_to_accepts_any_slide_in_the_deck() {
        assert_eq!(SlideMove::GoTo(2).apply(at(0, 3)), Ok(2));
        assert_eq!(SlideMove::GoTo(0).apply(at(2, 3)), Ok(0));
        assert_eq!(
            SlideMove::GoTo(3).apply(at(0, 3)),
            Err(SlideError::NoSuchSlide {
                index: 3,
                poll_count: 3
            })
        );
    }

    #[test]
    fn a_presentation_needs_polls_within_bounds() {
        let poll = || {
            let option = crate::poll::PollOption {
                key: crate::poll::OptionKey::parse("A").unwrap(),
                value: crate::poll::OptionValue::parse("a".to_owned()).unwrap(),
            };
            PollDraft::new(crate::poll::Question::parse("Q?").unwrap(), vec![option]).unwrap()
        };
        assert_eq!(
            PresentationDraft::new(vec![]),
            Err(PresentationError::NoPolls)
        );
        assert!(PresentationDraft::new(vec![poll()]).is_ok());
        assert!(PresentationDraft::new(vec![poll(); MAX_POLLS]).is_ok());
        assert_eq!(
            PresentationDraft::new(vec![poll(); MAX_POLLS + 1]).err(),
            Some(PresentationError::TooManyPolls)
        );
    }
}
