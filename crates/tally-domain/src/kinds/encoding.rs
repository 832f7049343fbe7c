//! The stored form of a choice, shared by every intake and store.
//!
//! A checked [`Choice`] is encoded as its *marks*: the aggregate counters
//! it moves, each with the amount. The encoding is canonical (the same
//! choice always gives the same string), so "the same vote again" is a
//! string comparison, and it is self-describing, so an intake can take a
//! vote back (a change or a retraction) from the stored string alone. The
//! Redis script does exactly what [`marks`] does, in Lua.
//!
//! - marks are separated by U+001E;
//! - a mark is a counter field, then, if the amount is not 1, U+001D and
//!   the amount in decimal;
//! - a field made of parts (statement and rating, option and position,
//!   normal form and spelling) separates them with U+001F;
//! - open text is U+001C followed by the text, and moves no counter (its
//!   entries are the votes themselves).
//!
//! Keys and entries never hold these characters: option keys and vote text
//! refuse control characters.

use super::aggregate::Aggregates;
use super::choice::{Choice, Word};
use super::settings::PollType;
use crate::poll::OptionKey;
use std::collections::BTreeMap;

const MARK: char = '\u{1e}';
const AMOUNT: char = '\u{1d}';
const PART: char = '\u{1f}';
const TEXT: char = '\u{1c}';

/// Whether `raw` can stand in an encoded choice as it is: a single-choice
/// key arrives unchecked (the intake checks it against the options), so it
/// must not smuggle separators in.
pub fn is_plain(raw: &str) -> bool {
    !raw.is_empty() && !raw.chars().any(|c| ('\u{1c}'..='\u{1f}').contains(&c))
}

fn mark(out: &mut String, field: &str, amount: u64) {
    if !out.is_empty() {
        out.push(MARK);
    }
    out.push_str(field);
    if amount != 1 {
        out.push(AMOUNT);
        out.push_str(&amount.to_string());
    }
}

fn pair(left: &str, right: impl std::fmt::Display) -> String {
    format!("{left}{PART}{right}")
}

impl Choice {
    /// The canonical stored form (see the module's documentation).
    pub fn encode(&self) -> String {
        let mut out = String::new();
        match self {
            Choice::One(key) => mark(&mut out, key.as_str(), 1),
            Choice::Many(keys) => keys.iter().for_each(|k| mark(&mut out, k.as_str(), 1)),
            Choice::Ratings(ratings) => ratings
                .iter()
                .for_each(|(k, r)| mark(&mut out, &pair(k.as_str(), r), 1)),
            Choice::Ranking(keys) => keys
                .iter()
                .enumerate()
                .for_each(|(i, k)| mark(&mut out, &pair(k.as_str(), i + 1), 1)),
            Choice::Points(points) => points
                .iter()
                .for_each(|(k, n)| mark(&mut out, k.as_str(), *n)),
            Choice::Words(words) => {
                let mut words: Vec<&Word> = words.iter().collect();
                words.sort();
                words
                    .iter()
                    .for_each(|w| mark(&mut out, &pair(&w.normal, &w.spelling), 1));
            }
            Choice::Text(text) => {
                out.push(TEXT);
                out.push_str(text);
            }
        }
        out
    }
}

/// The counters an encoded choice moves, with the amounts.
pub fn marks(encoded: &str) -> Vec<(&str, u64)> {
    if encoded.starts_with(TEXT) {
        return Vec::new();
    }
    encoded
        .split(MARK)
        .filter(|m| !m.is_empty())
        .map(|m| match m.rsplit_once(AMOUNT) {
            Some((field, amount)) => (field, amount.parse().unwrap_or(0)),
            None => (m, 1),
        })
        .collect()
}

/// The text of an encoded open-text choice.
pub fn text_of(encoded: &str) -> Option<&str> {
    encoded.strip_prefix(TEXT)
}

/// A readable one-line form of an encoded choice, for listings and
/// exports: a single key as it is; otherwise the marks separated by ", ",
/// with their parts and amounts joined by "=" (`A=60, C=40`; ranking:
/// `B=1, A=2`); open text as the text.
pub fn summary(encoded: &str) -> String {
    if let Some(text) = text_of(encoded) {
        return text.to_owned();
    }
    marks(encoded)
        .into_iter()
        .map(|(field, amount)| {
            let field = field.replace(PART, "=");
            if amount == 1 {
                field
            } else {
                format!("{field}={amount}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The option key of a single-choice (or one-key quiz) encoded choice.
pub fn key_of(encoded: &str) -> &str {
    marks(encoded).first().map_or("", |(field, _)| field)
}

/// The net change of counters when `old` is replaced by `new` (either may
/// be absent: a first vote, a retraction), without zero entries, sorted by
/// field (so that stores lock counters in one order).
pub fn net_change<'a>(old: Option<&'a str>, new: Option<&'a str>) -> Vec<(&'a str, i64)> {
    let mut net: BTreeMap<&str, i64> = BTreeMap::new();
    for (encoded, sign) in [(old, -1_i64), (new, 1)] {
        for (field, amount) in encoded.map(marks).unwrap_or_default() {
            *net.entry(field).or_default() += sign * i64::try_from(amount).unwrap_or(i64::MAX);
        }
    }
    net.into_iter().filter(|(_, n)| *n != 0).collect()
}

impl Aggregates {
    /// The aggregates of a poll of `kind` from its stored counters (as
    /// [`marks`] names them) and its participant count. Counters that do
    /// not parse for the type are ignored.
    pub fn from_counters<'a>(
        kind: PollType,
        counters: impl IntoIterator<Item = (&'a str, u64)>,
        participants: u64,
    ) -> Self {
        let mut aggregates = Aggregates {
            participants,
            ..Aggregates::default()
        };
        let key = |raw: &str| OptionKey::parse(raw).ok();
        for (field, count) in counters {
            if count == 0 {
                continue;
            }
            let split = field.split_once(PART);
            match kind {
                PollType::Single | PollType::Multiple | PollType::Quiz => {
                    if let Some(k) = key(field) {
                        *aggregates.votes.entry(k).or_default() += count;
                    }
                }
                PollType::Points => {
                    if let Some(k) = key(field) {
                        *aggregates.points.entry(k).or_default() += count;
                    }
                }
                PollType::Scale => {
                    if let Some((Some(k), Ok(rating))) =
                        split.map(|(k, r)| (key(k), r.parse::<i64>()))
                    {
                        *aggregates
                            .ratings
                            .entry(k)
                            .or_default()
                            .entry(rating)
                            .or_default() += count;
                    }
                }
                PollType::Ranking => {
                    if let Some((Some(k), Ok(position))) =
                        split.map(|(k, p)| (key(k), p.parse::<usize>()))
                    {
                        *aggregates
                            .positions
                            .entry(k)
                            .or_default()
                            .entry(position)
                            .or_default() += count;
                    }
                }
                PollType::Wordcloud => {
                    if let Some((normal, spelling)) = split {
                        *aggregates
                            .words
                            .entry(normal.to_owned())
                            .or_default()
                            .entry(spelling.to_owned())
                            .or_default() += count;
                    }
                }
                PollType::Open | PollType::Qa | PollType::Content => {}
            }
        }
        if kind == PollType::Open {
            aggregates.texts = participants;
        }
        aggregates
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::kinds::choice::RawChoice;
    use crate::kinds::settings::{PollSettings, SettingsDraft};
    use proptest::prelude::*;

    fn keys(raw: &[&str]) -> Vec<OptionKey> {
        raw.iter().map(|k| OptionKey::parse(*k).unwrap()).collect()
    }

    #[test]
    fn encodings_are_canonical_and_read_back_as_their_marks() {
        let points = PollSettings::new(
            PollType::Points,
            keys(&["A", "B", "C"]),
            SettingsDraft::default(),
        )
        .unwrap();
        let one = points
            .check(RawChoice::Points(
                [("C".into(), 40), ("A".into(), 60)].into(),
            ))
            .unwrap();
        assert_eq!(one.encode(), "A\u{1d}60\u{1e}C\u{1d}40");
        assert_eq!(marks(&one.encode()), [("A", 60), ("C", 40)]);

        let cloud =
            PollSettings::new(PollType::Wordcloud, vec![], SettingsDraft::default()).unwrap();
        let a = cloud
            .check(RawChoice::Words(vec!["Tea".into(), "Café".into()]))
            .unwrap();
        let b = cloud
            .check(RawChoice::Words(vec!["Café".into(), "Tea".into()]))
            .unwrap();
        assert_eq!(a.encode(), b.encode(), "word order does not matter");

        let open = PollSettings::new(PollType::Open, vec![], SettingsDraft::default()).unwrap();
        let text = open.check(RawChoice::Text(" hello ".into())).unwrap();
        assert!(marks(&text.encode()).is_empty());
        assert_eq!(text_of(&text.encode()), Some("hello"));
    }

    #[test]
    fn a_change_nets_out_the_counters_both_choices_share() {
        assert_eq!(
            net_change(Some("A\u{1e}B"), Some("B\u{1e}C")),
            [("A", -1), ("C", 1)]
        );
        assert_eq!(net_change(None, Some("A\u{1d}5")), [("A", 5)]);
        assert_eq!(net_change(Some("A"), None), [("A", -1)]);
        assert!(net_change(Some("A"), Some("A")).is_empty());
    }

    #[test]
    fn separators_are_not_plain() {
        assert!(is_plain("A"));
        assert!(!is_plain(""));
        assert!(!is_plain("A\u{1e}B"));
    }

    /// Choices of one poll type: (the type, a history of votes and
    /// retractions by six participants).
    fn history() -> impl Strategy<Value = (PollType, Vec<(u8, Option<Choice>)>)> {
        let option = || prop::sample::select(keys(&["A", "B", "C", "D"]));
        let of_kind = move |kind: PollType| -> BoxedStrategy<Choice> {
            match kind {
                PollType::Single | PollType::Quiz => option().prop_map(Choice::One).boxed(),
                PollType::Multiple => prop::collection::btree_set(option(), 1..=4)
                    .prop_map(Choice::Many)
                    .boxed(),
                PollType::Scale => prop::collection::btree_map(option(), -2i64..=5, 1..=4)
                    .prop_map(Choice::Ratings)
                    .boxed(),
                PollType::Ranking => Just(keys(&["A", "B", "C", "D"]))
                    .prop_shuffle()
                    .prop_flat_map(|all| (1..=all.len()).prop_map(move |n| all[..n].to_vec()))
                    .prop_map(Choice::Ranking)
                    .boxed(),
                PollType::Points => prop::collection::btree_map(option(), 1u64..=100, 1..=4)
                    .prop_map(Choice::Points)
                    .boxed(),
                PollType::Wordcloud => {
                    prop::collection::btree_map("[a-c]{1,2}", "[a-cA-C]{1,2}", 1..=3)
                        .prop_map(|words| {
                            Choice::Words(
                                words
                                    .into_iter()
                                    .map(|(normal, spelling)| Word { normal, spelling })
                                    .collect(),
                            )
                        })
                        .boxed()
                }
                PollType::Open | PollType::Qa | PollType::Content => {
                    "[a-z ]{1,8}".prop_map(Choice::Text).boxed()
                }
            }
        };
        prop::sample::select(PollType::ALL[..8].to_vec()).prop_flat_map(move |kind| {
            let step = (0u8..6, prop::option::weighted(0.8, of_kind(kind)));
            (Just(kind), prop::collection::vec(step, 0..40))
        })
    }

    proptest! {
        /// Every type: counters moved as the intakes move them (each action
        /// by the net change from the participant's stored choice) read
        /// back as the aggregates of the final choices.
        #[test]
        fn moved_counters_read_back_as_the_final_choices((kind, steps) in history()) {
            let mut counters: BTreeMap<String, i64> = BTreeMap::new();
            let mut stored: BTreeMap<u8, String> = BTreeMap::new();
            let mut last: BTreeMap<u8, Choice> = BTreeMap::new();
            for (participant, choice) in steps {
                let new = choice.as_ref().map(Choice::encode);
                let old = stored.get(&participant).cloned();
                for (field, delta) in net_change(old.as_deref(), new.as_deref()) {
                    *counters.entry(field.to_owned()).or_default() += delta;
                }
                counters.retain(|_, n| *n != 0);
                match (new, choice) {
                    (Some(encoded), Some(choice)) => {
                        stored.insert(participant, encoded);
                        last.insert(participant, choice);
                    }
                    _ => {
                        stored.remove(&participant);
                        last.remove(&participant);
                    }
                }
            }
            prop_assert!(counters.values().all(|n| *n > 0), "{counters:?}");
            let read = Aggregates::from_counters(
                kind,
                counters.iter().map(|(f, n)| (f.as_str(), n.unsigned_abs())),
                last.len() as u64,
            );
            let mut want = Aggregates::of(last.values());
            if kind != PollType::Open {
                want.texts = 0;
            }
            prop_assert_eq!(read, want);
        }
    }
}
