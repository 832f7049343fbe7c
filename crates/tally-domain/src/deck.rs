//! Editing a deck that already exists, perhaps live: a typo on stage, an
//! option the audience suggested, a slide moved (issue 26).
//!
//! A revision is the whole deck again, as an editor holds it, with the id
//! of each poll it keeps (`None` for a new one), in the new slide order.
//! [`revise`] validates it against the deck as stored and lists every edit,
//! each marked with whether it would change what the poll's votes mean.
//!
//! **When an edit is refused.** Counts stay true:
//!
//! | edit | allowed on a poll whose current round has votes? |
//! |---|---|
//! | the question, an option's text, the presenter's notes, the options' order | yes, and recorded |
//! | an option added; a display setting (timer, changes allowed, moderation, results after voting) | yes, and recorded |
//! | a poll added; the polls' order | yes (the poll on screen stays on screen) |
//! | an option removed (or its key changed); the type; a setting that decides what a vote may hold or is worth (choices, scale, budget, entries, length, correct answers, quiz points) | only with `reset_round`: the votes so far stay, under their round, and the poll counts from zero in a new one |
//! | a poll removed | never once it has a vote in any round; never while it is on screen |
//!
//! **The round is the fence.** An edit that changes what votes mean always
//! starts a new round of the poll, even when the current one is empty, and
//! keeps the poll's voting state. A vote an intake checked against the old
//! definition (a copy not yet told of the edit) is then counted in the old
//! round, where it is valid, never in the new one; an intake that checks
//! ballots against a cached definition sends the round it checked against
//! and the atomic step refuses a ballot checked for another round.

pub mod document;
pub mod image;
pub mod outline;

use crate::ids::PollId;
use crate::kinds::PollSettings;
use crate::poll::{PollDraft, PresenterNotes};
use crate::presentation::{Presentation, MAX_POLLS};
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use thiserror::Error;

/// The deck's revision number: what an editor's `If-Match` names. It moves
/// on every stored revision and on nothing else (a slide change is not an
/// edit), so an editor's copy goes stale only when someone else edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeckRev(pub u64);

impl fmt::Display for DeckRev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// One poll of a revision.
#[derive(Clone, Debug)]
pub struct PollRevision {
    /// The stored poll this is; `None` for a new poll.
    pub id: Option<PollId>,
    pub draft: PollDraft,
    /// The editor accepts that an edit which changes what votes mean
    /// closes the current round: its votes stay readable under it.
    pub reset_round: bool,
}

/// The whole deck again, in the new slide order.
#[derive(Clone, Debug)]
pub struct DeckRevision {
    pub polls: Vec<PollRevision>,
}

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DeckRevisionError {
    #[error("a presentation needs at least one poll")]
    NoPolls,
    #[error("a presentation can have at most {MAX_POLLS} polls")]
    TooManyPolls,
    /// An id that is not one of the deck's polls, or named twice.
    #[error("poll {0} is not one of the presentation's, or is named twice")]
    UnknownPoll(PollId),
    /// The poll on screen cannot be removed: the presenter moves off it
    /// first, so the audience never loses the slide it is answering.
    #[error("poll {0} is on screen; move to another slide before removing it")]
    PollOnScreen(PollId),
}

/// What an edit changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EditKind {
    PollAdded,
    PollRemoved,
    /// The poll moved to another place in the deck.
    PollMoved,
    Question,
    OptionText,
    OptionAdded,
    OptionRemoved,
    OptionsReordered,
    Type,
    /// A setting that decides what a vote may hold or what it is worth.
    Rules,
    /// A setting about how the poll runs or shows (timer, changes allowed,
    /// moderation, results after voting).
    Display,
    Notes,
    /// An image beside the question or an option, or its alt text.
    Images,
    /// A content slide's text.
    Body,
}

impl EditKind {
    /// A stable name, for the audit record and for problem details.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PollAdded => "poll_added",
            Self::PollRemoved => "poll_removed",
            Self::PollMoved => "poll_moved",
            Self::Question => "question",
            Self::OptionText => "option_text",
            Self::OptionAdded => "option_added",
            Self::OptionRemoved => "option_removed",
            Self::OptionsReordered => "options_reordered",
            Self::Type => "type",
            Self::Rules => "rules",
            Self::Display => "display",
            Self::Notes => "notes",
            Self::Images => "images",
            Self::Body => "body",
        }
    }

    /// The kind [`Self::as_str`] names.
    pub fn parse(raw: &str) -> Option<Self> {
        [
            Self::PollAdded,
            Self::PollRemoved,
            Self::PollMoved,
            Self::Question,
            Self::OptionText,
            Self::OptionAdded,
            Self::OptionRemoved,
            Self::OptionsReordered,
            Self::Type,
            Self::Rules,
            Self::Display,
            Self::Notes,
            Self::Images,
            Self::Body,
        ]
        .into_iter()
        .find(|k| k.as_str() == raw)
    }

    /// Whether the edit changes what the poll's votes mean: such an edit
    /// needs an empty current round or `reset_round`, and starts a round.
    pub fn alters_votes(self) -> bool {
        matches!(self, Self::OptionRemoved | Self::Type | Self::Rules)
    }
}

/// One edit, as the record keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeckEdit {
    pub poll: PollId,
    pub what: EditKind,
    /// The option it is about, for option edits.
    pub option: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl DeckEdit {
    fn new(poll: PollId, what: EditKind) -> Self {
        Self {
            poll,
            what,
            option: None,
            before: None,
            after: None,
        }
    }

    fn change(mut self, before: impl Into<String>, after: impl Into<String>) -> Self {
        self.before = Some(before.into());
        self.after = Some(after.into());
        self
    }

    fn on(mut self, option: &str) -> Self {
        self.option = Some(option.to_owned());
        self
    }
}

/// A poll of the revised deck.
#[derive(Clone, Debug)]
pub struct RevisedPoll {
    pub id: PollId,
    pub draft: PollDraft,
    /// Not stored yet.
    pub added: bool,
    /// An edit changes what its votes mean: a new round starts.
    pub new_round: bool,
    /// The editor accepted closing the current round (`reset_round`).
    pub reset_accepted: bool,
}

/// The deck as revised, and its edits (none when nothing changed).
#[derive(Clone, Debug)]
pub struct RevisedDeck {
    /// In the new slide order.
    pub polls: Vec<RevisedPoll>,
    pub removed: Vec<PollId>,
    pub edits: Vec<DeckEdit>,
}

impl RevisedDeck {
    /// The kept polls whose current round must have no vote for the
    /// revision to be made: an edit changes what their votes mean and the
    /// editor did not accept a new round. With the first such edit of each.
    pub fn needs_empty_round(&self) -> Vec<(PollId, &DeckEdit)> {
        self.polls
            .iter()
            .filter(|p| p.new_round && !p.reset_accepted)
            .filter_map(|p| {
                let edit = self
                    .edits
                    .iter()
                    .find(|e| e.poll == p.id && e.what.alters_votes())?;
                Some((p.id, edit))
            })
            .collect()
    }

    /// Whether anything changed.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }
}

/// Validates `revision` against `deck` (with its presenter's `notes`) and
/// lists its edits.
///
/// # Errors
/// [`DeckRevisionError`] for a deck of no or too many polls, an id that is
/// not the deck's or is named twice, and removing the poll on screen.
pub fn revise(
    deck: &Presentation,
    notes: &[(PollId, PresenterNotes)],
    revision: DeckRevision,
) -> Result<RevisedDeck, DeckRevisionError> {
    if revision.polls.is_empty() {
        return Err(DeckRevisionError::NoPolls);
    }
    if revision.polls.len() > MAX_POLLS {
        return Err(DeckRevisionError::TooManyPolls);
    }
    let stored: HashMap<PollId, (usize, &crate::Poll)> = deck
        .polls
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, (i, p)))
        .collect();
    let notes: HashMap<PollId, &PresenterNotes> = notes.iter().map(|(id, n)| (*id, n)).collect();
    let mut seen = BTreeSet::new();
    for id in revision.polls.iter().filter_map(|p| p.id) {
        if !stored.contains_key(&id) || !seen.insert(id) {
            return Err(DeckRevisionError::UnknownPoll(id));
        }
    }
    let removed: Vec<PollId> = deck
        .polls
        .iter()
        .map(|p| p.id)
        .filter(|id| !seen.contains(id))
        .collect();
    if let Some(on_screen) = deck.current_poll().filter(|p| removed.contains(&p.id)) {
        return Err(DeckRevisionError::PollOnScreen(on_screen.id));
    }

    let mut edits: Vec<DeckEdit> = removed
        .iter()
        .map(|id| DeckEdit::new(*id, EditKind::PollRemoved))
        .collect();
    // A kept poll moved when the kept polls' relative order changed.
    let kept_before: Vec<PollId> = deck
        .polls
        .iter()
        .map(|p| p.id)
        .filter(|id| seen.contains(id))
        .collect();
    let kept_after: Vec<PollId> = revision.polls.iter().filter_map(|p| p.id).collect();
    let mut polls = Vec::with_capacity(revision.polls.len());
    for (slide, poll) in revision.polls.into_iter().enumerate() {
        let Some(id) = poll.id else {
            let id = PollId::generate();
            edits.push(DeckEdit::new(id, EditKind::PollAdded).change("", (slide + 1).to_string()));
            polls.push(RevisedPoll {
                id,
                draft: poll.draft,
                added: true,
                new_round: false,
                reset_accepted: false,
            });
            continue;
        };
        let (was, before) = stored[&id];
        let place = kept_after.iter().position(|k| *k == id);
        if place != kept_before.iter().position(|k| *k == id) {
            edits.push(
                DeckEdit::new(id, EditKind::PollMoved)
                    .change((was + 1).to_string(), (slide + 1).to_string()),
            );
        }
        let start = edits.len();
        poll_edits(id, before, notes.get(&id).copied(), &poll.draft, &mut edits);
        let new_round = edits[start..].iter().any(|e| e.what.alters_votes());
        polls.push(RevisedPoll {
            id,
            draft: poll.draft,
            added: false,
            new_round,
            reset_accepted: poll.reset_round,
        });
    }
    Ok(RevisedDeck {
        polls,
        removed,
        edits,
    })
}

/// The edits that turn the stored `poll` into `draft`.
fn poll_edits(
    id: PollId,
    poll: &crate::Poll,
    notes: Option<&PresenterNotes>,
    draft: &PollDraft,
    edits: &mut Vec<DeckEdit>,
) {
    if poll.question != *draft.question() {
        edits.push(
            DeckEdit::new(id, EditKind::Question)
                .change(poll.question.as_str(), draft.question().as_str()),
        );
    }
    let old: HashMap<&str, &str> = poll
        .options
        .iter()
        .map(|o| (o.key.as_str(), o.value.as_str()))
        .collect();
    let new: HashMap<&str, &str> = draft
        .options()
        .iter()
        .map(|o| (o.key.as_str(), o.value.as_str()))
        .collect();
    for option in &poll.options {
        let key = option.key.as_str();
        match new.get(key) {
            None => edits.push(
                DeckEdit::new(id, EditKind::OptionRemoved)
                    .on(key)
                    .change(option.value.as_str(), ""),
            ),
            Some(value) if *value != option.value.as_str() => edits.push(
                DeckEdit::new(id, EditKind::OptionText)
                    .on(key)
                    .change(option.value.as_str(), *value),
            ),
            Some(_) => {}
        }
    }
    for option in draft.options() {
        if !old.contains_key(option.key.as_str()) {
            edits.push(
                DeckEdit::new(id, EditKind::OptionAdded)
                    .on(option.key.as_str())
                    .change("", option.value.as_str()),
            );
        }
    }
    if kept_order(&poll.options, &new) != kept_order(draft.options(), &old) {
        edits.push(DeckEdit::new(id, EditKind::OptionsReordered));
    }
    settings_edits(id, &poll.settings, draft.settings(), edits);
    let body = |s: &PollSettings| s.body.as_ref().map_or("", |b| b.source()).to_owned();
    if poll.settings.kind == draft.settings().kind && body(&poll.settings) != body(draft.settings())
    {
        edits.push(
            DeckEdit::new(id, EditKind::Body).change(body(&poll.settings), body(draft.settings())),
        );
    }
    if poll.images != *draft.images() {
        edits.push(DeckEdit::new(id, EditKind::Images));
    }
    let old_notes = notes.map_or("", PresenterNotes::as_str);
    let new_notes = draft.notes().map_or("", PresenterNotes::as_str);
    if old_notes != new_notes {
        edits.push(DeckEdit::new(id, EditKind::Notes).change(old_notes, new_notes));
    }
}

/// The keys of `options` that `other` has too, in `options`' order.
fn kept_order<'a>(options: &'a [crate::PollOption], other: &HashMap<&str, &str>) -> Vec<&'a str> {
    options
        .iter()
        .map(|o| o.key.as_str())
        .filter(|k| other.contains_key(k))
        .collect()
}

/// The settings' edits: the type, the rules a vote is checked and scored
/// by, and the rest. The option keys are compared as options, above.
fn settings_edits(id: PollId, old: &PollSettings, new: &PollSettings, edits: &mut Vec<DeckEdit>) {
    if old.kind != new.kind {
        edits.push(DeckEdit::new(id, EditKind::Type).change(old.kind.as_str(), new.kind.as_str()));
        return;
    }
    let rules =
        |s: &PollSettings| {
            format!(
            "choices {}..{}, scale {:?}, budget {}, entries {}, length {}, correct {:?}, points {}",
            s.min_choices,
            s.max_choices,
            s.scale,
            s.points_budget,
            s.max_entries,
            s.max_length,
            s.correct.iter().map(crate::OptionKey::as_str).collect::<Vec<_>>(),
            s.quiz_points
        )
        };
    let (before, after) = (rules(old), rules(new));
    if before != after {
        edits.push(DeckEdit::new(id, EditKind::Rules).change(before, after));
    }
    let display = |s: &PollSettings| {
        format!(
            "time limit {:?}, changes {}, moderated {}, results after vote {}",
            s.time_limit.map(|d| d.as_secs()),
            s.allow_change,
            s.moderated,
            s.results_after_vote
        )
    };
    let (before, after) = (display(old), display(new));
    if before != after {
        edits.push(DeckEdit::new(id, EditKind::Display).change(before, after));
    }
}

#[cfg(test)]
#[path = "deck_tests.rs"]
mod tests;
