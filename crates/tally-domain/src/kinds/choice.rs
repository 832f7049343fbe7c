//! What a participant chose, as sent and as checked against the poll.

use super::settings::{PollSettings, PollType};
use super::words::{normalise, spelling};
use crate::poll::OptionKey;
use std::collections::{BTreeMap, BTreeSet};

/// A vote's content as the client sent it: the one field it carried.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawChoice {
    Key(String),
    Keys(Vec<String>),
    Ratings(BTreeMap<String, i64>),
    Ranking(Vec<String>),
    Points(BTreeMap<String, i64>),
    Words(Vec<String>),
    Text(String),
}

impl RawChoice {
    fn field(&self) -> &'static str {
        match self {
            RawChoice::Key(_) => "key",
            RawChoice::Keys(_) => "keys",
            RawChoice::Ratings(_) => "ratings",
            RawChoice::Ranking(_) => "ranking",
            RawChoice::Points(_) => "points",
            RawChoice::Words(_) => "words",
            RawChoice::Text(_) => "text",
        }
    }
}

/// A word as it counts (`normal`) and as the participant spelt it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Word {
    pub normal: String,
    pub spelling: String,
}

/// A vote's content, checked: what the aggregates count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Single, and a quiz with one correct key.
    One(OptionKey),
    /// Multiple, and a quiz with several correct keys.
    Many(BTreeSet<OptionKey>),
    /// Scale: each rated statement once.
    Ratings(BTreeMap<OptionKey, i64>),
    /// Ranking: best first.
    Ranking(Vec<OptionKey>),
    /// Points, each above zero (a zero gives nothing and is dropped).
    Points(BTreeMap<OptionKey, u64>),
    /// Word cloud: distinct normal forms.
    Words(Vec<Word>),
    /// Open text, trimmed.
    Text(String),
}

/// Why a vote was refused (400 `invalid_vote`, with this text as detail).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InvalidVote {
    #[error("a {kind} vote carries `{expected}`, not `{got}`")]
    WrongField {
        kind: &'static str,
        expected: &'static str,
        got: &'static str,
    },
    #[error("{0:?} is not one of the poll's option keys")]
    UnknownKey(String),
    #[error("{0:?} appears twice")]
    Repeated(String),
    #[error("the vote holds {got} choices; this poll takes {min} to {max}")]
    ChoiceCount { got: usize, min: usize, max: usize },
    #[error("rating {value} for {key:?} is outside the scale ({min} to {max})")]
    OutOfScale {
        key: String,
        value: i64,
        min: i64,
        max: i64,
    },
    #[error("points must not be negative ({key:?}: {value})")]
    NegativePoints { key: String, value: i64 },
    #[error("the points add up to {sum}, more than the budget of {budget}")]
    OverBudget { sum: u64, budget: u64 },
    #[error("the vote gives no points")]
    NoPoints,
    #[error("an entry is empty once trimmed")]
    Empty,
    #[error("an entry is longer than {max} characters")]
    TooLong { max: usize },
    #[error("the vote holds {got} words; this poll takes 1 to {max}")]
    WordCount { got: usize, max: usize },
    #[error("an entry holds a control character")]
    ControlCharacter,
    #[error("{0} polls take questions, not votes")]
    NotVotable(&'static str),
    #[error("a content slide takes no votes")]
    ContentSlide,
}

impl PollSettings {
    /// The option key `raw` names.
    fn key(&self, raw: &str) -> Result<OptionKey, InvalidVote> {
        self.options
            .iter()
            .find(|k| k.as_str() == raw)
            .cloned()
            .ok_or_else(|| InvalidVote::UnknownKey(raw.to_owned()))
    }

    /// The field a vote on this poll carries.
    pub fn vote_field(&self) -> &'static str {
        match self.kind {
            PollType::Single => "key",
            PollType::Quiz if self.correct.len() == 1 => "key",
            PollType::Multiple | PollType::Quiz => "keys",
            PollType::Scale => "ratings",
            PollType::Ranking => "ranking",
            PollType::Points => "points",
            PollType::Wordcloud => "words",
            PollType::Open => "text",
            PollType::Qa => "questions",
            PollType::Content => "none",
        }
    }

    fn count(&self, got: usize) -> Result<(), InvalidVote> {
        if (self.min_choices..=self.max_choices).contains(&got) {
            Ok(())
        } else {
            Err(InvalidVote::ChoiceCount {
                got,
                min: self.min_choices,
                max: self.max_choices,
            })
        }
    }

    /// Distinct keys, in the order given.
    fn distinct_keys(&self, raw: &[String]) -> Result<Vec<OptionKey>, InvalidVote> {
        let mut seen = BTreeSet::new();
        raw.iter()
            .map(|k| {
                let key = self.key(k)?;
                if seen.insert(key.clone()) {
                    Ok(key)
                } else {
                    Err(InvalidVote::Repeated(k.clone()))
                }
            })
            .collect()
    }

    /// Text trimmed and within `max_length` characters.
    fn text(&self, raw: &str) -> Result<String, InvalidVote> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(InvalidVote::Empty);
        }
        if trimmed.chars().count() > self.max_length {
            return Err(InvalidVote::TooLong {
                max: self.max_length,
            });
        }
        // Newlines are fine in open text; other control characters break
        // rendering, and the stored form of a vote uses some as separators.
        if trimmed.chars().any(|c| c.is_control() && c != '\n') {
            return Err(InvalidVote::ControlCharacter);
        }
        Ok(trimmed.to_owned())
    }

    /// Checks a vote's content against this poll.
    ///
    /// # Errors
    /// The first [`InvalidVote`] found.
    pub fn check(&self, raw: RawChoice) -> Result<Choice, InvalidVote> {
        let expected = self.vote_field();
        match self.kind {
            PollType::Qa => return Err(InvalidVote::NotVotable(self.kind.as_str())),
            PollType::Content => return Err(InvalidVote::ContentSlide),
            _ => {}
        }
        if raw.field() != expected {
            return Err(InvalidVote::WrongField {
                kind: self.kind.as_str(),
                expected,
                got: raw.field(),
            });
        }
        match raw {
            RawChoice::Key(key) => Ok(Choice::One(self.key(&key)?)),
            RawChoice::Keys(keys) => {
                let keys = self.distinct_keys(&keys)?;
                self.count(keys.len())?;
                Ok(Choice::Many(keys.into_iter().collect()))
            }
            RawChoice::Ranking(keys) => {
                let keys = self.distinct_keys(&keys)?;
                self.count(keys.len())?;
                Ok(Choice::Ranking(keys))
            }
            RawChoice::Ratings(ratings) => {
                let (min, max) = self.scale.as_ref().map_or((0, 0), |s| (s.min, s.max));
                if ratings.is_empty() {
                    return Err(InvalidVote::Empty);
                }
                ratings
                    .into_iter()
                    .map(|(key, value)| {
                        if !(min..=max).contains(&value) {
                            return Err(InvalidVote::OutOfScale {
                                key,
                                value,
                                min,
                                max,
                            });
                        }
                        Ok((self.key(&key)?, value))
                    })
                    .collect::<Result<_, _>>()
                    .map(Choice::Ratings)
            }
            RawChoice::Points(points) => {
                let mut given = BTreeMap::new();
                let mut sum: u64 = 0;
                for (key, value) in points {
                    let option = self.key(&key)?;
                    let value = u64::try_from(value)
                        .map_err(|_| InvalidVote::NegativePoints { key, value })?;
                    sum = sum.saturating_add(value);
                    if value > 0 {
                        given.insert(option, value);
                    }
                }
                if sum > self.points_budget {
                    return Err(InvalidVote::OverBudget {
                        sum,
                        budget: self.points_budget,
                    });
                }
                if sum == 0 {
                    return Err(InvalidVote::NoPoints);
                }
                Ok(Choice::Points(given))
            }
            RawChoice::Words(words) => {
                if words.is_empty() || words.len() > self.max_entries {
                    return Err(InvalidVote::WordCount {
                        got: words.len(),
                        max: self.max_entries,
                    });
                }
                // The same word twice in one vote counts once.
                let mut seen = BTreeSet::new();
                let mut checked = Vec::new();
                for raw in words {
                    let text = self.text(&raw)?;
                    let normal = normalise(&text).ok_or(InvalidVote::Empty)?;
                    let spelling = spelling(&text).ok_or(InvalidVote::Empty)?;
                    if seen.insert(normal.clone()) {
                        checked.push(Word { normal, spelling });
                    }
                }
                Ok(Choice::Words(checked))
            }
            RawChoice::Text(text) => Ok(Choice::Text(self.text(&text)?)),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::*;
    use crate::kinds::settings::{ScaleDraft, SettingsDraft};

    fn poll(kind: PollType, options: &[&str], draft: SettingsDraft) -> PollSettings {
        let options = options
            .iter()
            .map(|k| OptionKey::parse(*k).unwrap())
            .collect();
        PollSettings::new(kind, options, draft).unwrap()
    }

    fn strings(raw: &[&str]) -> Vec<String> {
        raw.iter().map(|s| (*s).to_owned()).collect()
    }

    fn map(raw: &[(&str, i64)]) -> BTreeMap<String, i64> {
        raw.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
    }

    #[test]
    fn every_malformed_vote_is_refused() {
        let abc = ["A", "B", "C"];
        let multiple = poll(
            PollType::Multiple,
            &abc,
            SettingsDraft {
                max_choices: Some(2),
                ..SettingsDraft::default()
            },
        );
        let scale = poll(
            PollType::Scale,
            &abc,
            SettingsDraft {
                scale: Some(ScaleDraft {
                    min: 1,
                    max: 5,
                    ..ScaleDraft::default()
                }),
                ..SettingsDraft::default()
            },
        );
        let ranking = poll(PollType::Ranking, &abc, SettingsDraft::default());
        let points = poll(PollType::Points, &abc, SettingsDraft::default());
        let cloud = poll(PollType::Wordcloud, &[], SettingsDraft::default());
        let open = poll(
            PollType::Open,
            &[],
            SettingsDraft {
                max_length: Some(5),
                ..SettingsDraft::default()
            },
        );
        let refused = [
            (&multiple, RawChoice::Key("A".into())),
            (&multiple, RawChoice::Keys(strings(&[]))),
            (&multiple, RawChoice::Keys(strings(&["A", "B", "C"]))),
            (&multiple, RawChoice::Keys(strings(&["A", "A"]))),
            (&multiple, RawChoice::Keys(strings(&["Z"]))),
            (&scale, RawChoice::Ratings(map(&[("A", 6)]))),
            (&scale, RawChoice::Ratings(map(&[("A", 0)]))),
            (&scale, RawChoice::Ratings(map(&[("Z", 3)]))),
            (&scale, RawChoice::Ratings(map(&[]))),
            (&ranking, RawChoice::Ranking(strings(&["A", "B"]))),
            (&ranking, RawChoice::Ranking(strings(&["A", "B", "B"]))),
            (&points, RawChoice::Points(map(&[("A", 60), ("B", 41)]))),
            (&points, RawChoice::Points(map(&[("A", -1), ("B", 10)]))),
            (&points, RawChoice::Points(map(&[("A", 0)]))),
            (&cloud, RawChoice::Words(strings(&[]))),
            (&cloud, RawChoice::Words(strings(&["a", "b", "c", "d"]))),
            (&cloud, RawChoice::Words(strings(&["   "]))),
            (&cloud, RawChoice::Words(strings(&["!!!"]))),
            (&cloud, RawChoice::Words(strings(&[&"x".repeat(26)]))),
            (&open, RawChoice::Text("toolong".into())),
            (&open, RawChoice::Text(" ".into())),
            (&open, RawChoice::Words(strings(&["a"]))),
        ];
        for (poll, raw) in refused {
            assert!(
                poll.check(raw.clone()).is_err(),
                "{:?} accepted {raw:?}",
                poll.kind
            );
        }
    }

    #[test]
    fn valid_votes_are_checked_into_what_counts() {
        let abc = ["A", "B", "C"];
        let points = poll(PollType::Points, &abc, SettingsDraft::default());
        assert_eq!(
            points
                .check(RawChoice::Points(map(&[("A", 60), ("B", 0), ("C", 40)])))
                .unwrap(),
            Choice::Points(
                [("A", 60), ("C", 40)]
                    .iter()
                    .map(|(k, v)| (OptionKey::parse(*k).unwrap(), *v))
                    .collect()
            )
        );
        let cloud = poll(PollType::Wordcloud, &[], SettingsDraft::default());
        let Choice::Words(words) = cloud
            .check(RawChoice::Words(strings(&[
                " Café ",
                "cafe\u{301}",
                "Tea!",
            ])))
            .unwrap()
        else {
            panic!("not words")
        };
        let normals: Vec<&str> = words.iter().map(|w| w.normal.as_str()).collect();
        assert_eq!(normals, ["café", "tea"]);
        let quiz = poll(
            PollType::Quiz,
            &abc,
            SettingsDraft {
                correct: Some(strings(&["B"])),
                ..SettingsDraft::default()
            },
        );
        assert_eq!(quiz.vote_field(), "key");
        let quiz_two = poll(
            PollType::Quiz,
            &abc,
            SettingsDraft {
                correct: Some(strings(&["A", "B"])),
                ..SettingsDraft::default()
            },
        );
        assert_eq!(quiz_two.vote_field(), "keys");
        assert!(quiz_two
            .check(RawChoice::Keys(strings(&["B", "A"])))
            .is_ok());
    }
}
