//! Q&A polls: questions the audience asks and upvotes, and the presenter
//! answers, pins, hides or approves.

use super::moderation::{Decision, Moderation};
use crate::ids::QuestionId;
use std::cmp::Reverse;
use std::time::SystemTime;

/// The most questions one participant may ask on one poll: plenty for a
/// person, and a bound on what one client can flood the list with.
pub const MAX_QUESTIONS_PER_PARTICIPANT: u64 = 10;

/// Why a question's text was refused (400 `invalid_question`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QuestionTextError {
    #[error("a question holds 1 to {max} characters once trimmed")]
    Length { max: usize },
    #[error("a question must not contain control characters other than line breaks")]
    ControlCharacter,
}

/// A question's text: trimmed, 1 to the poll's `max_length` characters,
/// no control characters but line breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionText(String);

impl QuestionText {
    /// # Errors
    /// [`QuestionTextError`] for an empty or too long text, or one with
    /// control characters.
    pub fn parse(raw: &str, max_length: usize) -> Result<Self, QuestionTextError> {
        let text = raw.trim();
        let length = text.chars().count();
        if length == 0 || length > max_length {
            return Err(QuestionTextError::Length { max: max_length });
        }
        if text.chars().any(|c| c.is_control() && c != '\n') {
            return Err(QuestionTextError::ControlCharacter);
        }
        Ok(Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A question as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asked {
    pub id: QuestionId,
    pub text: String,
    pub asked_at: SystemTime,
    pub upvotes: u64,
    pub answered: bool,
    pub pinned: bool,
    /// The presenter's moderation decision, if any.
    pub decision: Option<Decision>,
}

/// A question as listed: with whether moderation holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionView {
    pub asked: Asked,
    pub hidden: bool,
}

/// What the presenter does to a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionFlag {
    Answered,
    Pin,
    Unpin,
    Hide,
    Approve,
}

impl QuestionFlag {
    /// The flag a path segment names (`answered`, `pin`, `unpin`, `hide`,
    /// `approve`).
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "answered" => Some(Self::Answered),
            "pin" => Some(Self::Pin),
            "unpin" => Some(Self::Unpin),
            "hide" => Some(Self::Hide),
            "approve" => Some(Self::Approve),
            _ => None,
        }
    }
}

/// How questions are listed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QuestionOrder {
    /// Most upvoted first; equal upvotes, asked earlier first.
    #[default]
    Top,
    /// Asked most recently first.
    Recent,
}

impl QuestionOrder {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "top" => Some(Self::Top),
            "recent" => Some(Self::Recent),
            _ => None,
        }
    }
}

/// The questions in listing order, each with whether `moderation` holds
/// it. Pinned questions come first and answered ones last (a presenter
/// works down the list); within those groups, `order` decides. Ids break
/// every tie, so the order is total and the same on every process.
pub fn arrange(
    questions: Vec<Asked>,
    moderation: &Moderation,
    order: QuestionOrder,
) -> Vec<QuestionView> {
    let mut views: Vec<QuestionView> = questions
        .into_iter()
        .map(|asked| QuestionView {
            hidden: moderation.holds(asked.decision, &[&asked.text]),
            asked,
        })
        .collect();
    match order {
        QuestionOrder::Top => views.sort_by_key(|QuestionView { asked: q, .. }| {
            (
                Reverse(q.pinned),
                q.answered,
                Reverse(q.upvotes),
                q.asked_at,
                q.id,
            )
        }),
        QuestionOrder::Recent => views.sort_by_key(|QuestionView { asked: q, .. }| {
            (
                Reverse(q.pinned),
                q.answered,
                Reverse(q.asked_at),
                Reverse(q.id),
            )
        }),
    }
    views
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::moderation::ProfanityFilter;
    use std::time::Duration;

    fn asked(n: u64, upvotes: u64) -> Asked {
        Asked {
            id: QuestionId::from_uuid(uuid::Uuid::from_u128(u128::from(n))),
            text: format!("question {n}"),
            asked_at: SystemTime::UNIX_EPOCH + Duration::from_secs(n),
            upvotes,
            answered: false,
            pinned: false,
            decision: None,
        }
    }

    fn texts(views: &[QuestionView]) -> Vec<&str> {
        views.iter().map(|q| q.asked.text.as_str()).collect()
    }

    #[test]
    fn top_and_recent_put_pinned_first_and_answered_last() {
        let questions = vec![
            asked(1, 5),
            Asked {
                answered: true,
                ..asked(2, 9)
            },
            asked(3, 5),
            Asked {
                pinned: true,
                ..asked(4, 0)
            },
            asked(5, 7),
        ];
        let moderation = Moderation::default();
        let top = arrange(questions.clone(), &moderation, QuestionOrder::Top);
        assert_eq!(
            texts(&top),
            [
                "question 4",
                "question 5",
                "question 1",
                "question 3",
                "question 2"
            ]
        );
        let recent = arrange(questions, &moderation, QuestionOrder::Recent);
        assert_eq!(
            texts(&recent),
            [
                "question 4",
                "question 5",
                "question 3",
                "question 1",
                "question 2"
            ]
        );
    }

    #[test]
    fn held_questions_are_marked_hidden() {
        let moderation = Moderation {
            filter: ProfanityFilter::Standard,
            held_until_approved: true,
            decisions: Default::default(),
        };
        let views = arrange(
            vec![
                asked(1, 0),
                Asked {
                    decision: Some(Decision::Approved),
                    ..asked(2, 0)
                },
            ],
            &moderation,
            QuestionOrder::Recent,
        );
        assert_eq!(
            views
                .iter()
                .map(|q| (q.asked.upvotes, q.hidden))
                .collect::<Vec<_>>(),
            [(0, false), (0, true)]
        );
    }

    #[test]
    fn question_texts_are_trimmed_and_bounded() {
        assert_eq!(
            QuestionText::parse("  Why?  ", 280).unwrap().as_str(),
            "Why?"
        );
        assert_eq!(
            QuestionText::parse("   ", 280),
            Err(QuestionTextError::Length { max: 280 })
        );
        assert!(QuestionText::parse(&"é".repeat(280), 280).is_ok());
        assert!(QuestionText::parse(&"é".repeat(281), 280).is_err());
        assert_eq!(
            QuestionText::parse("a\u{7}b", 280),
            Err(QuestionTextError::ControlCharacter)
        );
        assert!(QuestionText::parse("line\nbreak", 280).is_ok());
    }
}
