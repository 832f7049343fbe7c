//! Votes, as cast and as counted.

use crate::ids::{ParticipantId, PollId, PresentationId};
use crate::kinds::encoding::{self, is_plain};
use crate::kinds::{Aggregates, InvalidVote, PollSettings, PollType, RawChoice};
use crate::kinds::{Cloud, Decisions, Moderation, QuestionView};
use crate::poll::{OptionKey, OptionValue, Poll, Question};
use crate::ports::IntakeError;

/// One participant's vote, change or retraction on one poll, as received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ballot {
    pub presentation_id: PresentationId,
    pub poll_id: PollId,
    pub participant: ParticipantId,
    /// The poll type the choice was checked against. The intake refuses the
    /// ballot if the poll has another type (it can only happen when the
    /// edge could not read the poll and sent a v4 key unchecked). `None`
    /// for a retraction, which fits every type.
    pub kind: Option<PollType>,
    /// The choice in its stored form ([`encoding`]), or `None` to retract
    /// the participant's vote.
    pub choice: Option<String>,
    /// The poll's round the choice was checked in, when the edge checked it
    /// against a copy of the poll (every type but single choice, whose key
    /// the intake checks itself). A deck edit that changes what votes mean
    /// starts a round ([`crate::deck`]), so the intake refuses a ballot
    /// checked in another round ([`IntakeError::RoundChanged`]): it was
    /// checked against a definition that no longer holds.
    pub round: Option<u32>,
}

impl Ballot {
    /// A v4 vote: `key` as the client sent it. It is checked against the
    /// poll's options by the intake, atomically with the rest of the vote,
    /// so that the v4 order of errors holds (an unknown key on a poll that
    /// is not on screen is "not current").
    pub fn single(
        presentation_id: PresentationId,
        poll_id: PollId,
        participant: ParticipantId,
        key: impl Into<String>,
    ) -> Self {
        Self {
            presentation_id,
            poll_id,
            participant,
            kind: Some(PollType::Single),
            choice: Some(key.into()),
            round: None,
        }
    }

    /// A vote on a poll with these settings, checked against them. A
    /// single-choice key is left for the intake to check, as in
    /// [`Self::single`].
    ///
    /// # Errors
    /// [`InvalidVote`] when the vote does not fit the poll.
    pub fn checked(
        presentation_id: PresentationId,
        poll_id: PollId,
        (settings, round): (&PollSettings, u32),
        participant: ParticipantId,
        raw: RawChoice,
    ) -> Result<Self, InvalidVote> {
        let (choice, round) = match (settings.kind, raw) {
            (PollType::Single, RawChoice::Key(key)) => (key, None),
            (_, raw) => (settings.check(raw)?.encode(), Some(round)),
        };
        Ok(Self {
            kind: Some(settings.kind),
            choice: Some(choice),
            round,
            ..Self::retraction(presentation_id, poll_id, participant)
        })
    }

    /// Retracts the participant's vote on the poll.
    pub fn retraction(
        presentation_id: PresentationId,
        poll_id: PollId,
        participant: ParticipantId,
    ) -> Self {
        Self {
            presentation_id,
            poll_id,
            participant,
            kind: None,
            choice: None,
            round: None,
        }
    }

    /// Whether the choice can travel to an intake as it is: an unchecked
    /// v4 key must not carry the encoding's separators (no option key can,
    /// so such a key names no option).
    pub fn is_well_formed(&self) -> bool {
        self.kind != Some(PollType::Single) || self.choice.as_deref().is_none_or(is_plain)
    }

    /// The v4 key of a single-choice ballot (for error messages).
    pub fn key(&self) -> &str {
        self.choice.as_deref().map_or("", encoding::key_of)
    }
}

/// What a ballot does to the participant's stored choice (`earlier`, in
/// stored form): the rule every intake applies, atomically with its other
/// checks. `choice` is the ballot's (`None` retracts).
///
/// `Ok(AlreadyCounted)` means nothing changes; the other receipts mean the
/// stored choice becomes `choice`.
///
/// # Errors
/// [`IntakeError::ChangeNotAllowed`] for a retraction and
/// [`IntakeError::AlreadyVotedDifferently`] for a different vote, on a poll
/// without `allow_change`.
pub fn transition(
    earlier: Option<&str>,
    choice: Option<&str>,
    allow_change: bool,
) -> Result<VoteReceipt, IntakeError> {
    match (earlier, choice) {
        (_, None) if !allow_change => Err(IntakeError::ChangeNotAllowed),
        (None, None) => Ok(VoteReceipt::AlreadyCounted),
        (Some(_), None) => Ok(VoteReceipt::Retracted),
        (None, Some(_)) => Ok(VoteReceipt::Counted),
        (Some(old), Some(new)) if old == new => Ok(VoteReceipt::AlreadyCounted),
        (Some(_), Some(_)) if !allow_change => Err(IntakeError::AlreadyVotedDifferently),
        (Some(_), Some(_)) => Ok(VoteReceipt::Changed),
    }
}

/// How an accepted vote was counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteReceipt {
    /// The vote is new and was counted.
    Counted,
    /// The participant had already cast this same vote (or had no vote to
    /// retract); nothing changed. Retries are therefore safe.
    AlreadyCounted,
    /// The vote replaced the participant's earlier one (`allow_change`).
    Changed,
    /// The participant's vote was taken back (`allow_change`).
    Retracted,
}

/// A vote in the presenter's listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoteRecord {
    pub participant: ParticipantId,
    /// The choice in its stored form ([`encoding`]); for a single-choice
    /// poll, the option key.
    pub choice: String,
}

impl VoteRecord {
    /// The option key (v4's listing), for single-choice polls.
    pub fn key(&self) -> &str {
        encoding::key_of(&self.choice)
    }

    /// The vote in one readable line ([`encoding::summary`]): for a
    /// single-choice poll, the key.
    pub fn summary(&self) -> String {
        encoding::summary(&self.choice)
    }
}

/// An open-text entry, as the presenter sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextEntry {
    /// [`crate::kinds::text_entry_id`]: of the participant's text on the
    /// poll, and reveals neither.
    pub entry_id: String,
    pub text: String,
    pub hidden: bool,
}

impl TextEntry {
    /// The entry of `participant`'s encoded open-text `choice`, if it is
    /// one.
    pub fn of(poll: PollId, participant: ParticipantId, choice: &str) -> Option<Self> {
        let text = encoding::text_of(choice)?;
        Some(Self {
            entry_id: crate::kinds::text_entry_id(poll, participant, text),
            text: text.to_owned(),
            hidden: false,
        })
    }
}

/// The count for one option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionTally {
    pub key: OptionKey,
    pub value: OptionValue,
    pub votes: u64,
}

/// A poll's results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PollResults {
    pub poll_id: PollId,
    pub question: Question,
    pub options: Vec<OptionTally>,
    /// Sum of the option counts.
    pub total_votes: u64,
    /// Distinct participants who voted (for single choice, `total_votes`).
    pub participants: u64,
    pub voting_open: bool,
    /// The poll's type and settings, for the type's result fields.
    pub settings: PollSettings,
    /// Every counter of the poll, by type (`options` holds the per-option
    /// vote counts of single, multiple and quiz polls).
    pub aggregates: Aggregates,
    /// Open text: the entries, in participant order.
    pub entries: Vec<TextEntry>,
    /// Q&A: the questions, in listing order ([`crate::kinds::arrange`]).
    pub questions: Vec<QuestionView>,
    /// What holds entries back: the poll's default until
    /// [`PollResults::moderate`] applies the store's.
    pub moderation: Moderation,
    /// Made for the audience ([`PollResults::public`]): nothing held is
    /// left in.
    pub for_audience: bool,
    /// The round these results count (the poll's current one unless asked).
    pub round: u32,
}

impl PollResults {
    /// Results of a poll from its counters, as every ledger reads them.
    pub fn from_counters<'a>(
        poll: &Poll,
        counters: impl IntoIterator<Item = (&'a str, u64)>,
        participants: u64,
        entries: Vec<TextEntry>,
    ) -> Self {
        let aggregates = Aggregates::from_counters(poll.settings.kind, counters, participants);
        let options: Vec<OptionTally> = poll
            .options
            .iter()
            .map(|o| OptionTally {
                key: o.key.clone(),
                value: o.value.clone(),
                votes: aggregates.votes.get(&o.key).copied().unwrap_or(0),
            })
            .collect();
        let mut results = Self {
            poll_id: poll.id,
            question: poll.question.clone(),
            total_votes: options.iter().map(|o| o.votes).sum(),
            options,
            participants,
            voting_open: poll.voting_open,
            settings: poll.settings.clone(),
            aggregates,
            entries,
            questions: Vec::new(),
            moderation: Moderation::default(),
            for_audience: false,
            round: poll.round,
        };
        // Until the store's decisions are applied, entries are held as the
        // poll's settings and the default filter say: never shown by
        // mistake.
        results.moderate(Moderation::new(
            poll.settings.moderated,
            Decisions::default(),
        ));
        results
    }

    /// Applies `moderation`: marks the entries it holds.
    pub fn moderate(&mut self, moderation: Moderation) {
        for entry in &mut self.entries {
            entry.hidden = moderation.holds_entry(&entry.entry_id, &[&entry.text]);
        }
        self.moderation = moderation;
    }

    /// The word cloud, moderated.
    pub fn cloud(&self) -> Cloud {
        let mut cloud = self.aggregates.cloud(self.poll_id, &self.moderation);
        if self.for_audience {
            cloud.held.clear();
        }
        cloud
    }

    /// Whether these results may name a quiz's correct answer: the
    /// presenter's always, the audience's only once voting has closed, so
    /// that nobody copies the answer off the live channel or a neighbour's
    /// phone while voting is still open.
    pub fn reveals_correct(&self) -> bool {
        !self.for_audience || !self.voting_open
    }

    /// The results as the audience may see them: without the entries,
    /// words and questions moderation holds.
    pub fn public(mut self) -> Self {
        self.entries.retain(|e| !e.hidden);
        self.questions.retain(|q| !q.hidden);
        self.for_audience = true;
        self
    }
}
