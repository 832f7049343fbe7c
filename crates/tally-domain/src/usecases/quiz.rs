//! Display names and the quiz leaderboard (`poll-types.md`).

use super::access::presenter_error_from_check;
use super::Tally;
use crate::ids::{ParticipantId, PresentationId};
use crate::kinds::encoding::marks;
use crate::kinds::{leaderboard, pseudonym, score, DisplayName, NameError, PollType, Standing};
use crate::ports::{
    LedgerError, NameChangeError, Ports, PresentationStore as _, QuizAnswer, VoteLedger as _,
};
use crate::presentation::Presentation;
use crate::presenter::{AccessDenied, Power, PresenterToken};
use std::collections::{BTreeSet, HashMap};
use std::time::Duration;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum SetNameError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Invalid(#[from] NameError),
    #[error("presentation store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

#[derive(Debug, Error)]
pub enum LeaderboardError {
    #[error("no such presentation")]
    NotFound,
    #[error(transparent)]
    Denied(AccessDenied),
    #[error("store unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}
presenter_error_from_check!(LeaderboardError);

/// Each participant's score and correct answers over the quiz polls of
/// `presentation`, from their answers: a correct answer earns
/// [`score`] for the time from its poll's opening to the answer.
pub fn scores(
    presentation: &Presentation,
    answers: &[QuizAnswer],
) -> HashMap<ParticipantId, (u64, u64)> {
    let mut totals: HashMap<ParticipantId, (u64, u64)> = HashMap::new();
    for answer in answers {
        let Some(poll) = presentation.polls.iter().find(|p| p.id == answer.poll) else {
            continue;
        };
        let settings = &poll.settings;
        if settings.kind != PollType::Quiz {
            continue;
        }
        let given: BTreeSet<&str> = marks(&answer.choice).into_iter().map(|(k, _)| k).collect();
        let correct = given == settings.correct.iter().map(|k| k.as_str()).collect();
        let elapsed = poll.opened_at.map_or(Duration::ZERO, |opened| {
            answer
                .answered_at
                .duration_since(opened)
                .unwrap_or(Duration::ZERO)
        });
        let earned = score(settings.quiz_points, correct, elapsed, settings.time_limit);
        let total = totals.entry(answer.participant).or_default();
        total.0 += earned;
        total.1 += u64::from(correct);
    }
    totals
}

impl<P: Ports> Tally<P> {
    /// Sets the name a participant shows as on the leaderboard.
    pub async fn set_name(
        &self,
        id: PresentationId,
        participant: ParticipantId,
        raw: &str,
    ) -> Result<(), SetNameError> {
        let name = DisplayName::parse(raw)?;
        self.store
            .set_name(id, participant, &name)
            .await
            .map_err(|e| match e {
                NameChangeError::NotFound => SetNameError::NotFound,
                NameChangeError::Store(s) => SetNameError::Unavailable(s.0),
            })
    }

    /// The leaderboard over every quiz poll of the presentation: highest
    /// score first, equal scores sharing a rank. A participant without a
    /// name shows as a stable pseudonym. The big screen shows it, so a
    /// screen link may read it.
    pub async fn leaderboard(
        &self,
        id: PresentationId,
        credential: Option<&PresenterToken>,
    ) -> Result<Vec<Standing>, LeaderboardError> {
        self.check_presenter(id, credential, Power::View).await?;
        let unavailable = |e: anyhow::Error| LeaderboardError::Unavailable(e);
        let (totals, names) = futures::try_join!(self.quiz_scores(id), async {
            self.store.names(id).await.map_err(|e| unavailable(e.0))
        })?;
        let names: HashMap<ParticipantId, DisplayName> = names.into_iter().collect();
        Ok(leaderboard(totals.into_iter().map(
            |(participant, (points, correct))| {
                let name = names
                    .get(&participant)
                    .map_or_else(|| pseudonym(id, participant), |n| n.as_str().to_owned());
                (name, points, correct)
            },
        )))
    }

    /// Every participant's quiz score and correct answers, without names
    /// or ranks. Not for the presenter only: the HTTP edge gives each phone
    /// its own entry (it knows its participant id), from one computation
    /// shared by every phone for a moment.
    ///
    /// # Errors
    /// [`LeaderboardError::NotFound`] for an unknown presentation;
    /// [`LeaderboardError::Unavailable`] when a store fails.
    pub async fn quiz_scores(
        &self,
        id: PresentationId,
    ) -> Result<HashMap<ParticipantId, (u64, u64)>, LeaderboardError> {
        let unavailable = |e: anyhow::Error| LeaderboardError::Unavailable(e);
        let (presentation, answers) = futures::try_join!(
            async {
                self.store
                    .get(id)
                    .await
                    .map_err(|e| unavailable(e.0))?
                    .ok_or(LeaderboardError::NotFound)
            },
            async {
                self.ledger.quiz_answers(id).await.map_err(|e| match e {
                    LedgerError::Unavailable(e) => unavailable(e),
                    other => unavailable(anyhow::anyhow!("{other}")),
                })
            },
        )?;
        Ok(scores(&presentation, &answers))
    }
}
