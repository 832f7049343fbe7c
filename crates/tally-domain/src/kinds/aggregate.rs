//! A poll's live aggregates, moved by each vote, change and retraction.
//!
//! The aggregates hold counts only (integers), so adding a choice and
//! removing it again restores them exactly; derived figures (means,
//! medians, Borda points) are computed when results are read. A change is
//! "remove the old choice, add the new one". Zero counts are dropped, so
//! the aggregates of any history equal those recomputed from the final
//! choices (the property test below).

use super::choice::Choice;
use super::moderation::{word_entry_id, Moderation};
use crate::ids::PollId;
use crate::poll::OptionKey;
use std::collections::BTreeMap;

/// The most words a word cloud's results list.
pub const WORDS_SHOWN: usize = 100;

/// Counts behind a poll's results, for every type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Aggregates {
    /// Participants with a choice counted.
    pub participants: u64,
    /// Single, multiple, quiz: votes per option.
    pub votes: BTreeMap<OptionKey, u64>,
    /// Scale: per statement, rating -> count.
    pub ratings: BTreeMap<OptionKey, BTreeMap<i64, u64>>,
    /// Ranking: per option, position (1 = best) -> count.
    pub positions: BTreeMap<OptionKey, BTreeMap<usize, u64>>,
    /// Points: per option, the points given.
    pub points: BTreeMap<OptionKey, u64>,
    /// Word cloud: per normal form, spelling -> count.
    pub words: BTreeMap<String, BTreeMap<String, u64>>,
    /// Open text: entries counted.
    pub texts: u64,
}

fn bump<K: Ord>(map: &mut BTreeMap<K, u64>, key: K, by: u64, up: bool) {
    if up {
        *map.entry(key).or_default() += by;
    } else if let Some(count) = map.get_mut(&key) {
        *count = count.saturating_sub(by);
        if *count == 0 {
            map.remove(&key);
        }
    }
}

fn bump_nested<K: Ord, J: Ord>(
    map: &mut BTreeMap<K, BTreeMap<J, u64>>,
    key: K,
    inner: J,
    up: bool,
) {
    let entry = map.entry(key);
    let inner_map = entry.or_default();
    bump(inner_map, inner, 1, up);
    map.retain(|_, m| !m.is_empty());
}

/// One statement of a scale: how it was rated.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionRating {
    pub key: OptionKey,
    pub count: u64,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub distribution: BTreeMap<i64, u64>,
}

/// One option of a ranking: its Borda points and positions.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionRanking {
    pub key: OptionKey,
    pub borda: u64,
    pub mean_position: Option<f64>,
    /// Count at 1st, 2nd, … (as many as the poll has options).
    pub positions: Vec<u64>,
}

/// A word of the cloud: the spelling used most, and the count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordCount {
    /// For moderation: [`word_entry_id`] of the word's normal form.
    pub entry_id: String,
    pub word: String,
    pub count: u64,
}

impl Aggregates {
    /// The aggregates of `choices`, one per participant.
    pub fn of<'a>(choices: impl IntoIterator<Item = &'a Choice>) -> Self {
        let mut aggregates = Self::default();
        for choice in choices {
            aggregates.add(choice);
        }
        aggregates
    }

    /// Counts a participant's choice.
    pub fn add(&mut self, choice: &Choice) {
        self.apply(choice, true);
    }

    /// Takes back a choice counted before (a change or a retraction).
    pub fn remove(&mut self, choice: &Choice) {
        self.apply(choice, false);
    }

    fn apply(&mut self, choice: &Choice, up: bool) {
        self.participants = if up {
            self.participants + 1
        } else {
            self.participants.saturating_sub(1)
        };
        match choice {
            Choice::One(key) => bump(&mut self.votes, key.clone(), 1, up),
            Choice::Many(keys) => {
                for key in keys {
                    bump(&mut self.votes, key.clone(), 1, up);
                }
            }
            Choice::Ratings(ratings) => {
                for (key, rating) in ratings {
                    bump_nested(&mut self.ratings, key.clone(), *rating, up);
                }
            }
            Choice::Ranking(keys) => {
                for (index, key) in keys.iter().enumerate() {
                    bump_nested(&mut self.positions, key.clone(), index + 1, up);
                }
            }
            Choice::Points(points) => {
                for (key, given) in points {
                    bump(&mut self.points, key.clone(), *given, up);
                }
            }
            Choice::Words(words) => {
                for word in words {
                    bump_nested(
                        &mut self.words,
                        word.normal.clone(),
                        word.spelling.clone(),
                        up,
                    );
                }
            }
            Choice::Text(_) => {
                self.texts = if up {
                    self.texts + 1
                } else {
                    self.texts.saturating_sub(1)
                };
            }
        }
    }

    /// Sum of the option counts (single, multiple, quiz).
    pub fn total_votes(&self) -> u64 {
        self.votes.values().sum()
    }

    /// Each statement's ratings, in `options` order.
    pub fn scale(&self, options: &[OptionKey]) -> Vec<OptionRating> {
        options
            .iter()
            .map(|key| {
                let distribution = self.ratings.get(key).cloned().unwrap_or_default();
                let count: u64 = distribution.values().sum();
                let sum: i128 = distribution
                    .iter()
                    .map(|(rating, n)| i128::from(*rating) * i128::from(*n))
                    .sum();
                OptionRating {
                    key: key.clone(),
                    count,
                    mean: (count > 0).then(|| sum as f64 / count as f64),
                    median: median(&distribution, count),
                    distribution,
                }
            })
            .collect()
    }

    /// Each option's Borda points and positions, most points first (ties
    /// in `options` order). An option ranked at position p of n gets n − p
    /// points; unranked options get none.
    pub fn ranking(&self, options: &[OptionKey]) -> Vec<OptionRanking> {
        let n = options.len();
        let mut ranked: Vec<OptionRanking> = options
            .iter()
            .map(|key| {
                let at = self.positions.get(key);
                let positions: Vec<u64> = (1..=n)
                    .map(|p| at.and_then(|m| m.get(&p)).copied().unwrap_or(0))
                    .collect();
                let times: u64 = positions.iter().sum();
                let borda = positions
                    .iter()
                    .zip(1..=n)
                    .map(|(count, p)| count * (n - p) as u64)
                    .sum();
                let position_sum: u64 =
                    positions.iter().zip(1..=n).map(|(c, p)| c * p as u64).sum();
                OptionRanking {
                    key: key.clone(),
                    borda,
                    mean_position: (times > 0).then(|| position_sum as f64 / times as f64),
                    positions,
                }
            })
            .collect();
        // Stable: equal points keep the deck's order.
        ranked.sort_by_key(|r| std::cmp::Reverse(r.borda));
        ranked
    }

    /// Each option's points and the mean per participant, in `options`
    /// order.
    pub fn points(&self, options: &[OptionKey]) -> Vec<(OptionKey, u64, Option<f64>)> {
        options
            .iter()
            .map(|key| {
                let points = self.points.get(key).copied().unwrap_or(0);
                let mean =
                    (self.participants > 0).then(|| points as f64 / self.participants as f64);
                (key.clone(), points, mean)
            })
            .collect()
    }

    /// The cloud of poll `poll`: each word under the spelling used most
    /// (ties: the first in code-point order), most frequent first (ties:
    /// alphabetical), at most [`WORDS_SHOWN`] shown and as many held.
    /// Words `moderation` holds are counted (the stored counters keep
    /// them) but not shown.
    pub fn cloud(&self, poll: PollId, moderation: &Moderation) -> Cloud {
        let mut cloud = Cloud::default();
        for (normal, spellings) in &self.words {
            let count = spellings.values().sum();
            let Some((word, _)) = spellings
                .iter()
                .max_by(|(a, m), (b, n)| m.cmp(n).then_with(|| b.cmp(a)))
            else {
                continue;
            };
            let entry_id = word_entry_id(poll, normal);
            let texts: Vec<&str> = std::iter::once(normal.as_str())
                .chain(spellings.keys().map(String::as_str))
                .collect();
            let held = moderation.holds_entry(&entry_id, &texts);
            let word = WordCount {
                entry_id,
                word: word.clone(),
                count,
            };
            if held {
                cloud.held.push(word);
            } else {
                cloud.shown.push(word);
            }
        }
        for words in [&mut cloud.shown, &mut cloud.held] {
            words.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.word.cmp(&b.word)));
            words.truncate(WORDS_SHOWN);
        }
        cloud
    }
}

/// A word cloud: the words shown, and those moderation holds (for the
/// presenter's queue).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cloud {
    pub shown: Vec<WordCount>,
    pub held: Vec<WordCount>,
}

/// The median rating of a distribution holding `count` ratings.
fn median(distribution: &BTreeMap<i64, u64>, count: u64) -> Option<f64> {
    if count == 0 {
        return None;
    }
    // The k-th rating in order, 1-based.
    let nth = |k: u64| {
        let mut seen = 0;
        distribution.iter().find_map(|(rating, n)| {
            seen += n;
            (seen >= k).then_some(*rating)
        })
    };
    let (low, high) = (nth(count.div_ceil(2))?, nth(count / 2 + 1)?);
    Some((low as f64 + high as f64) / 2.0)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::kinds::choice::Word;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    fn key(k: &str) -> OptionKey {
        OptionKey::parse(k).unwrap()
    }

    fn keys() -> Vec<OptionKey> {
        ["A", "B", "C", "D"].iter().map(|k| key(k)).collect()
    }

    #[test]
    fn borda_points_and_mean_positions_on_a_known_example() {
        // Four options; three full rankings and one partial.
        let rankings = [
            vec!["A", "B", "C", "D"],
            vec!["B", "A", "D", "C"],
            vec!["A", "C", "B", "D"],
            vec!["C", "A"],
        ];
        let choices: Vec<Choice> = rankings
            .iter()
            .map(|r| Choice::Ranking(r.iter().map(|k| key(k)).collect()))
            .collect();
        let ranked = Aggregates::of(&choices).ranking(&keys());
        // By hand, Borda: A = 3+2+3+2 = 10, B = 2+3+1 = 6, C = 1+0+2+3 = 6,
        // D = 0+1+0 = 1; mean positions: A (1+2+1+2)/4, B (2+1+3)/3,
        // C (3+4+2+1)/4, D (4+3+4)/3. B and C tie on points: deck order.
        let summary: Vec<(&str, u64, Option<f64>, Vec<u64>)> = ranked
            .iter()
            .map(|r| {
                (
                    r.key.as_str(),
                    r.borda,
                    r.mean_position,
                    r.positions.clone(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                ("A", 10, Some(6.0 / 4.0), vec![2, 2, 0, 0]),
                ("B", 6, Some(6.0 / 3.0), vec![1, 1, 1, 0]),
                ("C", 6, Some(10.0 / 4.0), vec![1, 1, 1, 1]),
                ("D", 1, Some(11.0 / 3.0), vec![0, 0, 1, 2]),
            ]
        );
    }

    #[test]
    fn scale_means_and_medians_on_a_known_example() {
        let ratings = [
            [("A", 1), ("B", 5)],
            [("A", 2), ("B", 5)],
            [("A", 4), ("B", 3)],
            [("A", 5), ("B", 4)],
        ];
        let choices: Vec<Choice> = ratings
            .iter()
            .map(|r| Choice::Ratings(r.iter().map(|(k, v)| (key(k), *v)).collect()))
            .collect();
        let scale = Aggregates::of(&choices).scale(&keys()[..3]);
        assert_eq!(
            (scale[0].count, scale[0].mean, scale[0].median),
            (4, Some(3.0), Some(3.0))
        );
        assert_eq!(
            (scale[1].count, scale[1].mean, scale[1].median),
            (4, Some(4.25), Some(4.5))
        );
        assert_eq!(
            (scale[2].count, scale[2].mean, scale[2].median),
            (0, None, None)
        );
    }

    #[test]
    fn the_cloud_shows_the_spelling_used_most() {
        let word = |normal: &str, spelling: &str| Word {
            normal: normal.into(),
            spelling: spelling.into(),
        };
        let choices = [
            Choice::Words(vec![word("café", "Café"), word("tea", "tea")]),
            Choice::Words(vec![word("café", "café"), word("shit", "Shit")]),
            Choice::Words(vec![word("café", "Café")]),
        ];
        // "shit" is counted but, matched by the profanity filter, held.
        let poll = PollId::generate();
        let cloud = Aggregates::of(&choices).cloud(poll, &Moderation::default());
        let shown: Vec<(&str, u64)> = cloud
            .shown
            .iter()
            .map(|w| (w.word.as_str(), w.count))
            .collect();
        assert_eq!(shown, [("Café", 3), ("tea", 1)]);
        assert_eq!(cloud.shown[0].entry_id, word_entry_id(poll, "café"));
        let held: Vec<(&str, u64)> = cloud
            .held
            .iter()
            .map(|w| (w.word.as_str(), w.count))
            .collect();
        assert_eq!(held, [("Shit", 1)]);
        // The presenter approves it, and hides "tea".
        let moderation = Moderation {
            decisions: [
                (
                    word_entry_id(poll, "shit"),
                    crate::kinds::Decision::Approved,
                ),
                (word_entry_id(poll, "tea"), crate::kinds::Decision::Hidden),
            ]
            .into(),
            ..Moderation::default()
        };
        let cloud = Aggregates::of(&choices).cloud(poll, &moderation);
        let shown: Vec<&str> = cloud.shown.iter().map(|w| w.word.as_str()).collect();
        assert_eq!(shown, ["Café", "Shit"]);
        assert_eq!(cloud.held.len(), 1);
    }

    fn choice() -> impl Strategy<Value = Choice> {
        let option = prop::sample::select(keys());
        prop_oneof![
            option.clone().prop_map(Choice::One),
            prop::collection::btree_set(option.clone(), 1..=4).prop_map(Choice::Many),
            prop::collection::btree_map(option.clone(), 1i64..=5, 1..=4).prop_map(Choice::Ratings),
            Just(()).prop_perturb(|(), mut rng| {
                let mut order = keys();
                for i in (1..order.len()).rev() {
                    order.swap(i, rng.random_range(0..=i));
                }
                order.truncate(rng.random_range(1..=order.len()));
                Choice::Ranking(order)
            }),
            prop::collection::btree_map(option, 1u64..=50, 1..=4).prop_map(Choice::Points),
            prop::collection::btree_set("[a-c]{1,2}", 1..=3).prop_map(
                |normals: BTreeSet<String>| {
                    Choice::Words(
                        normals
                            .into_iter()
                            .map(|n| Word {
                                spelling: n.to_uppercase(),
                                normal: n,
                            })
                            .collect(),
                    )
                }
            ),
            "[a-z]{1,5}".prop_map(Choice::Text),
        ]
    }

    /// A participant's action: a vote (new or replacing theirs) or a
    /// retraction.
    #[derive(Clone, Debug)]
    enum Action {
        Vote(u8, Choice),
        Retract(u8),
    }

    fn action() -> impl Strategy<Value = Action> {
        prop_oneof![
            3 => (0u8..6, choice()).prop_map(|(p, c)| Action::Vote(p, c)),
            1 => (0u8..6).prop_map(Action::Retract),
        ]
    }

    proptest! {
        #[test]
        fn any_history_aggregates_as_its_final_choices(actions in prop::collection::vec(action(), 0..60)) {
            let mut live = Aggregates::default();
            let mut last: BTreeMap<u8, Choice> = BTreeMap::new();
            for action in actions {
                match action {
                    Action::Vote(participant, choice) => {
                        if let Some(earlier) = last.insert(participant, choice.clone()) {
                            live.remove(&earlier);
                        }
                        live.add(&choice);
                    }
                    Action::Retract(participant) => {
                        if let Some(earlier) = last.remove(&participant) {
                            live.remove(&earlier);
                        }
                    }
                }
            }
            prop_assert_eq!(live, Aggregates::of(last.values()));
        }
    }
}
