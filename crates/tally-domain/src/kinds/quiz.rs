//! Quiz scoring and the leaderboard.

use std::time::Duration;

/// What a quiz answer earns: nothing if wrong; `points` without a timer;
/// with one of `limit`, `round(points × (1 − (t / limit) / 2))`, where `t`
/// is the time from voting opening (the server's clock) to the answer,
/// capped at `limit`. Integer arithmetic in microseconds, halves rounding
/// up, so the same inputs give the same score on every process.
pub fn score(points: u64, correct: bool, elapsed: Duration, limit: Option<Duration>) -> u64 {
    if !correct {
        return 0;
    }
    let Some(limit) = limit.filter(|l| !l.is_zero()) else {
        return points;
    };
    let big_t = limit.as_micros();
    let t = elapsed.as_micros().min(big_t);
    // points × (1 − t / 2T) = points × (2T − t) / 2T
    let numerator = u128::from(points) * (2 * big_t - t);
    let denominator = 2 * big_t;
    u64::try_from((numerator + denominator / 2) / denominator).unwrap_or(u64::MAX)
}

/// One row of the leaderboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    pub name: String,
    pub score: u64,
    /// Correct answers.
    pub correct: u64,
    /// 1 for the best; equal scores share a rank, and the next rank skips
    /// as many places (1, 1, 3).
    pub rank: u64,
}

/// The leaderboard of `(name, score, correct answers)`: highest score
/// first, equal scores by name.
pub fn leaderboard(entries: impl IntoIterator<Item = (String, u64, u64)>) -> Vec<Standing> {
    let mut rows: Vec<Standing> = entries
        .into_iter()
        .map(|(name, score, correct)| Standing {
            name,
            score,
            correct,
            rank: 0,
        })
        .collect();
    rows.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.name.cmp(&b.name)));
    let mut rank = 0;
    let mut previous = None;
    for (place, row) in rows.iter_mut().enumerate() {
        if previous != Some(row.score) {
            rank = place as u64 + 1;
            previous = Some(row.score);
        }
        row.rank = rank;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_known_times() {
        let limit = Some(Duration::from_secs(20));
        let at = |ms: u64| score(1000, true, Duration::from_millis(ms), limit);
        assert_eq!(at(0), 1000);
        assert_eq!(at(10_000), 750);
        assert_eq!(at(20_000), 500);
        assert_eq!(at(25_000), 500, "late answers are capped at the limit");
        // 1000 × (1 − 1.5 / 40) = 962.5: rounds up.
        assert_eq!(at(1_500), 963);
        // 1000 × (1 − 0.001 / 40) = 999.975.
        assert_eq!(at(1), 1000);
        assert_eq!(score(1000, false, Duration::ZERO, limit), 0);
        assert_eq!(score(1000, true, Duration::from_secs(99), None), 1000);
        assert_eq!(
            score(7, true, Duration::from_secs(10), limit),
            5,
            "5.25 rounds to 5"
        );
    }

    #[test]
    fn ties_share_a_rank() {
        let board = leaderboard([
            ("dan".to_owned(), 1500, 2),
            ("ann".to_owned(), 1750, 2),
            ("bob".to_owned(), 1500, 2),
            ("cat".to_owned(), 0, 0),
            ("eve".to_owned(), 1750, 2),
        ]);
        let summary: Vec<(&str, u64)> = board.iter().map(|s| (s.name.as_str(), s.rank)).collect();
        assert_eq!(
            summary,
            vec![("ann", 1), ("eve", 1), ("bob", 3), ("dan", 3), ("cat", 5)]
        );
    }
}
