//! From judges' marks to a ranking: the organiser's method, raw and
//! adjusted scores side by side, and the tie-break chain.
//!
//! - **Raw** is the weighted mean: each judge's marks for a contestant are
//!   weighted by criterion into one total, and the totals are averaged.
//! - **Adjusted** is the chosen [`Method`]'s score. Both are always given,
//!   so an organiser can explain every rank.
//! - **Conflicts of interest** leave gaps: a judge excluded from a
//!   contestant has no marks for them, and every mean is over the judges
//!   who did score (a trimmed mean trims only when enough did).
//! - **Exactness.** Everything is a rational number except the square root
//!   in z-scores, which is computed with integer arithmetic to
//!   [`SQRT_DECIMALS`] decimals. Adjusted scores are then rounded to
//!   [`DECIMALS`] decimals before they are compared, so two contestants
//!   whose exact scores are equal are tied on every machine, and a rank
//!   never depends on floating-point noise.

use super::rules::{Criterion, Mark};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, Zero};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Decimals kept of an adjusted score for ranking and display.
pub const DECIMALS: u32 = 12;
/// Decimals to which a standard deviation is computed.
pub const SQRT_DECIMALS: u32 = 30;

/// How marks become a contestant's adjusted score; one per contest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Method {
    /// The mean of the judges' weighted totals (the same as raw).
    WeightedMean,
    /// The same, after dropping a contestant's highest and lowest total
    /// when at least `min_judges` judges scored them (choir and skating
    /// tabulation). Below that, nothing is dropped.
    TrimmedMean { min_judges: usize },
    /// Each judge's marks on each criterion become z-scores over the
    /// contestants that judge scored (mark minus the judge's mean, over the
    /// judge's standard deviation) before weighting, so a harsh judge and a
    /// lenient one count alike. A judge who gave every contestant the same
    /// mark on a criterion says nothing about order there and is left out
    /// of that criterion's mean.
    ZScore,
}

impl Method {
    /// A trimmed mean; trimming needs at least three totals to leave one.
    pub fn trimmed(min_judges: usize) -> Option<Self> {
        (min_judges >= 3).then_some(Self::TrimmedMean { min_judges })
    }
}

/// One step of the tie-break chain, tried in order after the adjusted
/// score; contestants still equal after the last step share a rank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TieBreak {
    /// The higher score on this criterion (by index), under the same method.
    Criterion(usize),
    /// More audience votes (people's choice).
    Audience,
}

/// One mark: a judge's score for a contestant on a criterion (by index).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet<J, C> {
    pub judge: J,
    pub contestant: C,
    pub criterion: usize,
    pub mark: Mark,
}

/// A contestant's place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing<C> {
    pub contestant: C,
    /// 1-based; equal contestants share it (1, 2, 2, 4).
    pub rank: usize,
    /// The weighted mean; `None` when no judge scored the contestant.
    pub raw: Option<BigRational>,
    /// The method's score, rounded to [`DECIMALS`]; `None` without marks.
    pub adjusted: Option<BigRational>,
    /// The method's score on each criterion, rounded (for tie-breaks and
    /// for explaining a rank); `None` where no judge scored it.
    pub by_criterion: Vec<Option<BigRational>>,
    /// How many judges scored the contestant.
    pub judges: usize,
    pub audience: u64,
    /// The audience component included in `adjusted`, rounded: the
    /// people's-choice weight × this contestant's share of the votes.
    /// `None` when the contest has no audience component.
    pub people: Option<BigRational>,
    /// The tie-break that placed this contestant below the one above,
    /// whose adjusted score is the same; `None` otherwise.
    pub parted_by: Option<TieBreak>,
}

/// Every contestant's standing, best first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranking<C> {
    pub standings: Vec<Standing<C>>,
}

impl<C: Clone + Ord> Ranking<C> {
    /// Each contestant's rank, in contestant order (for comparing rankings).
    pub fn ranks(&self) -> BTreeMap<C, usize> {
        self.standings
            .iter()
            .map(|s| (s.contestant.clone(), s.rank))
            .collect()
    }
}

/// Ranks `contestants` by `sheets` under `method`, breaking ties by
/// `tie_breaks` and then sharing the rank. Marks naming a criterion
/// outside `criteria` or a contestant outside `contestants` are ignored;
/// sheets are validated when they are saved, not here.
pub fn rank<J: Clone + Ord, C: Clone + Ord>(
    criteria: &[Criterion],
    contestants: &[C],
    sheets: &[Sheet<J, C>],
    method: &Method,
    tie_breaks: &[TieBreak],
    audience: &BTreeMap<C, u64>,
) -> Ranking<C> {
    rank_with_people(
        criteria,
        contestants,
        sheets,
        method,
        tie_breaks,
        audience,
        None,
    )
}

/// [`rank`], with people's choice as a weighted component: a contestant's
/// adjusted score gains `people_weight` × their share of all audience
/// votes (so a contestant with every vote gains the whole weight). Only
/// contestants some judge scored get it: the audience adds to a judged
/// score, it does not replace one.
pub fn rank_with_people<J: Clone + Ord, C: Clone + Ord>(
    criteria: &[Criterion],
    contestants: &[C],
    sheets: &[Sheet<J, C>],
    method: &Method,
    tie_breaks: &[TieBreak],
    audience: &BTreeMap<C, u64>,
    people_weight: Option<&BigRational>,
) -> Ranking<C> {
    let votes: u64 = contestants
        .iter()
        .map(|c| audience.get(c).copied().unwrap_or(0))
        .sum();
    let people_of = |c: &C| {
        people_weight.map(|w| {
            if votes == 0 {
                return BigRational::zero();
            }
            let share =
                BigRational::new(audience.get(c).copied().unwrap_or(0).into(), votes.into());
            round(&(w * share), DECIMALS)
        })
    };
    let marks = Marks::collect(criteria.len(), contestants, sheets);
    let weights: Vec<&BigRational> = criteria.iter().map(|c| c.weight().value()).collect();
    let z = matches!(method, Method::ZScore).then(|| marks.z_scores());
    let mut standings: Vec<Standing<C>> = contestants
        .iter()
        .map(|c| {
            let totals = marks.totals(c, &weights);
            let raw = mean(totals.iter());
            let (adjusted, by_criterion) = match (method, &z) {
                (Method::ZScore, Some(z)) => {
                    let per: Vec<Option<BigRational>> = (0..criteria.len())
                        .map(|k| z.get(&(c.clone(), k)).and_then(|zs| mean(zs.iter())))
                        .collect();
                    let scored = !totals.is_empty();
                    (scored.then(|| weighted_or_zero(&per, &weights)), per)
                }
                _ => {
                    let trim = match method {
                        Method::TrimmedMean { min_judges } => Some(*min_judges),
                        _ => None,
                    };
                    let per = (0..criteria.len())
                        .map(|k| trimmed_mean(marks.on(c, k), trim))
                        .collect();
                    (trimmed_mean(totals.clone(), trim), per)
                }
            };
            let people = people_of(c);
            let adjusted = adjusted.map(|a| match &people {
                Some(p) => round(&a, DECIMALS) + p,
                None => round(&a, DECIMALS),
            });
            Standing {
                contestant: c.clone(),
                rank: 0,
                raw,
                adjusted,
                people,
                by_criterion: by_criterion
                    .into_iter()
                    .map(|s| s.map(|s| round(&s, DECIMALS)))
                    .collect(),
                judges: totals.len(),
                audience: audience.get(c).copied().unwrap_or(0),
                parted_by: None,
            }
        })
        .collect();
    let by_step = |step: &TieBreak, a: &Standing<C>, b: &Standing<C>| match step {
        TieBreak::Criterion(k) => desc(
            &a.by_criterion.get(*k).cloned().flatten(),
            &b.by_criterion.get(*k).cloned().flatten(),
        ),
        TieBreak::Audience => b.audience.cmp(&a.audience),
    };
    // The adjusted score, then the first tie-break that tells them apart
    // (and which one it was).
    let order = |a: &Standing<C>, b: &Standing<C>| -> (Ordering, Option<TieBreak>) {
        let ord = desc(&a.adjusted, &b.adjusted);
        if ord != Ordering::Equal {
            return (ord, None);
        }
        tie_breaks
            .iter()
            .map(|step| (by_step(step, a, b), Some(*step)))
            .find(|(ord, _)| *ord != Ordering::Equal)
            .unwrap_or((Ordering::Equal, None))
    };
    standings.sort_by(|a, b| order(a, b).0.then_with(|| a.contestant.cmp(&b.contestant)));
    for i in 0..standings.len() {
        let (ord, step) = match i {
            0 => (Ordering::Less, None),
            _ => order(&standings[i - 1], &standings[i]),
        };
        standings[i].parted_by = step;
        standings[i].rank = if ord == Ordering::Equal {
            standings[i - 1].rank
        } else {
            i + 1
        };
    }
    Ranking { standings }
}

/// Higher first; a missing score after every present one.
fn desc(a: &Option<BigRational>, b: &Option<BigRational>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.cmp(a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The marks, by judge and contestant, one slot per criterion.
struct Marks<J, C> {
    by: BTreeMap<(J, C), Vec<Option<BigRational>>>,
    criteria: usize,
}

impl<J: Clone + Ord, C: Clone + Ord> Marks<J, C> {
    fn collect(criteria: usize, contestants: &[C], sheets: &[Sheet<J, C>]) -> Self {
        let known: BTreeSet<&C> = contestants.iter().collect();
        let mut by = BTreeMap::new();
        for s in sheets {
            if s.criterion >= criteria || !known.contains(&s.contestant) {
                continue;
            }
            let slots = by
                .entry((s.judge.clone(), s.contestant.clone()))
                .or_insert_with(|| vec![None; criteria]);
            slots[s.criterion] = Some(s.mark.value().clone());
        }
        Self { by, criteria }
    }

    /// The marks each judge gave `c`, one slot per criterion.
    fn sheets_of<'a>(&'a self, c: &'a C) -> impl Iterator<Item = &'a [Option<BigRational>]> {
        self.by
            .iter()
            .filter(move |((_, who), _)| who == c)
            .map(|(_, slots)| slots.as_slice())
    }

    /// Each judge's weighted total for `c`, over the criteria they scored.
    fn totals(&self, c: &C, weights: &[&BigRational]) -> Vec<BigRational> {
        self.sheets_of(c)
            .filter_map(|slots| {
                let scored: Vec<(&BigRational, &BigRational)> = slots
                    .iter()
                    .zip(weights)
                    .filter_map(|(m, w)| m.as_ref().map(|m| (m, *w)))
                    .collect();
                let weight: BigRational = scored.iter().map(|(_, w)| (*w).clone()).sum();
                (!weight.is_zero())
                    .then(|| scored.iter().map(|(m, w)| *m * *w).sum::<BigRational>() / weight)
            })
            .collect()
    }

    /// Every judge's mark for `c` on criterion `k`.
    fn on(&self, c: &C, k: usize) -> Vec<BigRational> {
        self.sheets_of(c)
            .filter_map(|slots| slots[k].clone())
            .collect()
    }

    /// The z-scores, by contestant and criterion: one per judge whose
    /// marks on that criterion vary.
    fn z_scores(&self) -> BTreeMap<(C, usize), Vec<BigRational>> {
        let judges: BTreeSet<&J> = self.by.keys().map(|(j, _)| j).collect();
        let mut out: BTreeMap<(C, usize), Vec<BigRational>> = BTreeMap::new();
        for judge in judges {
            for k in 0..self.criteria {
                let marks: Vec<(&C, &BigRational)> = self
                    .by
                    .iter()
                    .filter(|((j, _), _)| j == judge)
                    .filter_map(|((_, c), slots)| slots[k].as_ref().map(|m| (c, m)))
                    .collect();
                let Some(m) = mean(marks.iter().map(|(_, x)| *x)) else {
                    continue;
                };
                let variance = mean(marks.iter().map(|(_, x)| {
                    let d = *x - &m;
                    &d * &d
                }))
                .unwrap_or_else(BigRational::zero);
                if variance.is_zero() {
                    continue;
                }
                let sd = sqrt(&variance);
                for (c, x) in marks {
                    out.entry((c.clone(), k)).or_default().push((x - &m) / &sd);
                }
            }
        }
        out
    }
}

fn mean<B: std::borrow::Borrow<BigRational>>(
    values: impl IntoIterator<Item = B>,
) -> Option<BigRational> {
    let mut sum = BigRational::zero();
    let mut n = 0u64;
    for v in values {
        sum += v.borrow();
        n += 1;
    }
    (n > 0).then(|| sum / BigRational::from_integer(n.into()))
}

/// The mean, after dropping the highest and the lowest value when there
/// are at least `trim` values.
fn trimmed_mean(mut values: Vec<BigRational>, trim: Option<usize>) -> Option<BigRational> {
    if trim.is_some_and(|t| values.len() >= t.max(3)) {
        values.sort();
        values.pop();
        values.remove(0);
    }
    mean(values.iter())
}

/// Σ weight × score over the criteria, over Σ weight; a criterion without
/// a score counts as 0 (no judge's marks on it varied).
fn weighted_or_zero(scores: &[Option<BigRational>], weights: &[&BigRational]) -> BigRational {
    let total: BigRational = weights.iter().map(|w| (*w).clone()).sum();
    let sum: BigRational = scores
        .iter()
        .zip(weights)
        .filter_map(|(s, w)| s.as_ref().map(|s| s * *w))
        .sum();
    sum / total
}

/// √v for v > 0, rounded down to [`SQRT_DECIMALS`] decimals, in integers.
fn sqrt(v: &BigRational) -> BigRational {
    let scale = BigInt::from(10u32).pow(SQRT_DECIMALS);
    let scaled = v.numer() * &scale * &scale / v.denom();
    BigRational::new(scaled.sqrt(), scale)
}

/// `v` rounded half away from zero to `places` decimals.
pub fn round(v: &BigRational, places: u32) -> BigRational {
    let scale = BigRational::from_integer(BigInt::from(10u32).pow(places));
    (v * &scale).round() / scale
}

/// `v` as a decimal string with at most `places` decimals (trailing zeros
/// dropped), for display and for canonical forms.
pub fn decimal(v: &BigRational, places: u32) -> String {
    let scale = BigInt::from(10u32).pow(places);
    let n = (v * BigRational::from_integer(scale.clone()))
        .round()
        .to_integer();
    let sign = if n.is_negative() { "-" } else { "" };
    let n = n.abs();
    let (whole, fraction) = (&n / &scale, &n % &scale);
    let fraction = format!("{fraction:0>width$}", width = places as usize);
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contest::rules::ScoreRange;
    use proptest::prelude::*;

    fn criterion(name: &str, weight: &str) -> Criterion {
        let range = ScoreRange::new(
            Mark::from_integer(0),
            Mark::from_integer(10),
            Mark::parse("0.5").unwrap(),
        )
        .unwrap();
        Criterion::new(name, "", Mark::parse(weight).unwrap(), range).unwrap()
    }

    /// Sheets from `(judge, contestant, [mark per criterion])`; `None`
    /// where a mark is missing.
    fn sheets(
        rows: &[(&'static str, &'static str, &[i64])],
    ) -> Vec<Sheet<&'static str, &'static str>> {
        rows.iter()
            .flat_map(|(j, c, marks)| {
                marks.iter().enumerate().map(move |(k, m)| Sheet {
                    judge: *j,
                    contestant: *c,
                    criterion: k,
                    mark: Mark::from_integer(*m),
                })
            })
            .collect()
    }

    fn shown(
        r: &Ranking<&str>,
        f: impl Fn(&Standing<&str>) -> Option<BigRational>,
    ) -> Vec<(String, usize, String)> {
        r.standings
            .iter()
            .map(|s| {
                (
                    s.contestant.to_owned(),
                    s.rank,
                    f(s).map(|v| decimal(&v, 6)).unwrap_or_default(),
                )
            })
            .collect()
    }

    /// A lenient judge with a wide spread and a harsh one with a narrow
    /// spread. By hand: L's mean is 6 and standard deviation √(32/3), so
    /// its z-scores are A √1.5, B −√1.5, C 0; H's mean is 13/3 and
    /// standard deviation √(8/9), so A −√2, B and C 1/√2. Averaged:
    /// A (√1.5 − √2)/2 = −0.094734, B (1/√2 − √1.5)/2 = −0.258819,
    /// C (1/√2)/2 = 0.353553. The raw means are A 6.5, C 5.5, B 3.5: the
    /// lenient judge's spread decides the raw order; z-scores give both
    /// judges the same say, and C, whom both liked, comes first.
    #[test]
    fn z_scores_undo_a_lenient_judges_spread() {
        let criteria = [criterion("Overall", "1")];
        let marks = sheets(&[
            ("L", "A", &[10]),
            ("L", "B", &[2]),
            ("L", "C", &[6]),
            ("H", "A", &[3]),
            ("H", "B", &[5]),
            ("H", "C", &[5]),
        ]);
        let go = |method| {
            rank(
                &criteria,
                &["A", "B", "C"],
                &marks,
                &method,
                &[],
                &BTreeMap::new(),
            )
        };
        let raw = go(Method::WeightedMean);
        assert_eq!(
            shown(&raw, |s| s.raw.clone()),
            [
                ("A".into(), 1, "6.5".into()),
                ("C".into(), 2, "5.5".into()),
                ("B".into(), 3, "3.5".into())
            ]
        );
        let z = go(Method::ZScore);
        assert_eq!(
            shown(&z, |s| s.adjusted.clone()),
            [
                ("C".into(), 1, "0.353553".into()),
                ("A".into(), 2, "-0.094734".into()),
                ("B".into(), 3, "-0.258819".into()),
            ]
        );
        // Raw stays beside adjusted, to explain the rank.
        assert_eq!(decimal(z.standings[0].raw.as_ref().unwrap(), 6), "5.5");
    }

    /// Five judges; J5 has a conflict with Y, and J4 and J5 with Z. With
    /// trimming from 4 judges: X 6..10 drops 6 and 10, mean(7, 8, 9) = 8;
    /// Y has four marks, drops 2 and one 9, mean(8, 9) = 8.5; Z has three,
    /// too few to trim: mean(10, 10, 1) = 7. Raw: X 8, Y 28/4 = 7, Z 7.
    #[test]
    fn a_trimmed_mean_drops_the_extremes_only_with_enough_judges() {
        let criteria = [criterion("Overall", "1")];
        let marks = sheets(&[
            ("J1", "X", &[6]),
            ("J2", "X", &[7]),
            ("J3", "X", &[8]),
            ("J4", "X", &[9]),
            ("J5", "X", &[10]),
            ("J1", "Y", &[9]),
            ("J2", "Y", &[2]),
            ("J3", "Y", &[8]),
            ("J4", "Y", &[9]),
            ("J1", "Z", &[10]),
            ("J2", "Z", &[10]),
            ("J3", "Z", &[1]),
        ]);
        let method = Method::trimmed(4).unwrap();
        let r = rank(
            &criteria,
            &["X", "Y", "Z"],
            &marks,
            &method,
            &[],
            &BTreeMap::new(),
        );
        assert_eq!(
            shown(&r, |s| s.adjusted.clone()),
            [
                ("Y".into(), 1, "8.5".into()),
                ("X".into(), 2, "8".into()),
                ("Z".into(), 3, "7".into())
            ]
        );
        assert_eq!(
            r.standings
                .iter()
                .map(|s| (s.judges, decimal(s.raw.as_ref().unwrap(), 6)))
                .collect::<Vec<_>>(),
            [(4, "7".into()), (5, "8".into()), (3, "7".into())]
        );
        assert_eq!(Method::trimmed(2), None, "trimming two leaves nothing");
    }

    /// Performance weighs 2, costume 1. P (8, 8), Q (9, 6) and R (9, 6)
    /// all total 24/3 = 8; S (7, 7) totals 7. Performance first puts Q and
    /// R (9) ahead of P (8); the audience then puts Q (120 votes) ahead of
    /// R (80). With equal votes, Q and R share first place.
    #[test]
    fn a_three_way_tie_goes_through_the_tie_break_chain() {
        let criteria = [criterion("Performance", "2"), criterion("Costume", "1")];
        let marks = sheets(&[
            ("J", "P", &[8, 8]),
            ("J", "Q", &[9, 6]),
            ("J", "R", &[9, 6]),
            ("J", "S", &[7, 7]),
        ]);
        let chain = [TieBreak::Criterion(0), TieBreak::Audience];
        let go = |votes: [u64; 2]| {
            let audience = BTreeMap::from([("Q", votes[0]), ("R", votes[1]), ("P", 500)]);
            rank(
                &criteria,
                &["P", "Q", "R", "S"],
                &marks,
                &Method::WeightedMean,
                &chain,
                &audience,
            )
        };
        let r = go([120, 80]);
        assert_eq!(
            shown(&r, |s| s.adjusted.clone()),
            [
                ("Q".into(), 1, "8".into()),
                ("R".into(), 2, "8".into()),
                ("P".into(), 3, "8".into()),
                ("S".into(), 4, "7".into()),
            ]
        );
        // Each place below an equal score says what parted it from the
        // one above: R from Q by the audience, P from R by performance.
        assert_eq!(
            r.standings.iter().map(|s| s.parted_by).collect::<Vec<_>>(),
            [
                None,
                Some(TieBreak::Audience),
                Some(TieBreak::Criterion(0)),
                None
            ]
        );
        let shared = go([100, 100]);
        assert_eq!(
            shared
                .standings
                .iter()
                .map(|s| (s.contestant, s.rank))
                .collect::<Vec<_>>(),
            [("Q", 1), ("R", 1), ("P", 3), ("S", 4)]
        );
        // Without a chain the three share first place.
        let plain = rank(
            &criteria,
            &["P", "Q", "R", "S"],
            &marks,
            &Method::WeightedMean,
            &[],
            &BTreeMap::new(),
        );
        assert_eq!(
            plain.standings.iter().map(|s| s.rank).collect::<Vec<_>>(),
            [1, 1, 1, 4]
        );
    }

    #[test]
    fn a_contestant_nobody_scored_comes_last_without_a_score() {
        let criteria = [criterion("Overall", "1")];
        let marks = sheets(&[("J", "A", &[5])]);
        for method in [Method::WeightedMean, Method::ZScore] {
            let r = rank(
                &criteria,
                &["A", "B"],
                &marks,
                &method,
                &[],
                &BTreeMap::new(),
            );
            assert_eq!(r.standings[1].contestant, "B");
            assert_eq!(
                (r.standings[1].rank, r.standings[1].adjusted.clone()),
                (2, None)
            );
        }
    }

    #[test]
    fn decimals_round_half_away_from_zero() {
        let r = |n: i64, d: i64| BigRational::new(n.into(), d.into());
        assert_eq!(decimal(&r(1, 3), 4), "0.3333");
        assert_eq!(decimal(&r(-5, 2), 0), "-3");
        assert_eq!(decimal(&r(5, 1), 3), "5");
        assert_eq!(decimal(&r(-1, 8), 2), "-0.13");
        // Rounded down: just under √2, by less than 10^-30.
        let root2 = sqrt(&r(2, 1));
        assert!(&root2 * &root2 < r(2, 1));
        let above = &root2 + BigRational::new(1.into(), BigInt::from(10u32).pow(SQRT_DECIMALS));
        assert!(&above * &above > r(2, 1));
        assert_eq!(decimal(&sqrt(&r(9, 4)), 6), "1.5");
    }

    /// Full score matrices: judges × contestants × criteria, integer marks.
    fn matrix() -> impl Strategy<Value = (usize, usize, usize, Vec<i64>)> {
        (2usize..5, 2usize..6, 1usize..3).prop_flat_map(|(j, c, k)| {
            (
                Just(j),
                Just(c),
                Just(k),
                proptest::collection::vec(0i64..=10, j * c * k),
            )
        })
    }

    fn matrix_sheets(j: usize, c: usize, k: usize, marks: &[i64]) -> Vec<Sheet<usize, usize>> {
        let mut out = Vec::new();
        for judge in 0..j {
            for contestant in 0..c {
                for criterion in 0..k {
                    out.push(Sheet {
                        judge,
                        contestant,
                        criterion,
                        mark: Mark::from_integer(marks[(judge * c + contestant) * k + criterion]),
                    });
                }
            }
        }
        out
    }

    fn z_ranks(k: usize, c: usize, sheets: &[Sheet<usize, usize>]) -> BTreeMap<usize, usize> {
        let criteria: Vec<Criterion> = (0..k)
            .map(|i| criterion(&format!("C{i}"), &(i + 1).to_string()))
            .collect();
        let contestants: Vec<usize> = (0..c).collect();
        rank(
            &criteria,
            &contestants,
            sheets,
            &Method::ZScore,
            &[],
            &BTreeMap::new(),
        )
        .ranks()
    }

    proptest! {
        /// A judge who marks on a different scale (every mark times a
        /// positive factor) has the same z-scores, so the ranking stays.
        #[test]
        fn scaling_one_judges_marks_leaves_the_z_ranking(
            (j, c, k, marks) in matrix(),
            who in 0usize..5,
            factor in (1i64..=20, 1i64..=7),
        ) {
            let sheets = matrix_sheets(j, c, k, &marks);
            let who = who % j;
            let scale = BigRational::new(factor.0.into(), factor.1.into());
            let scaled: Vec<_> = sheets.iter().cloned().map(|mut s| {
                if s.judge == who {
                    s.mark = Mark::from_value(s.mark.value() * &scale);
                }
                s
            }).collect();
            prop_assert_eq!(z_ranks(k, c, &sheets), z_ranks(k, c, &scaled));
        }

        /// A judge who gives every contestant the same mark on each
        /// criterion says nothing about order, and changes nothing.
        #[test]
        fn a_judge_who_scores_everyone_alike_leaves_the_z_ranking(
            (j, c, k, marks) in matrix(),
            same in proptest::collection::vec(0i64..=10, 2),
        ) {
            let sheets = matrix_sheets(j, c, k, &marks);
            let mut more = sheets.clone();
            for contestant in 0..c {
                for criterion in 0..k {
                    more.push(Sheet { judge: 99, contestant, criterion, mark: Mark::from_integer(same[criterion % 2]) });
                }
            }
            prop_assert_eq!(z_ranks(k, c, &sheets), z_ranks(k, c, &more));
        }
    }
}
