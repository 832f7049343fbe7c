//! Criteria, their score ranges, and marks: validated on construction.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, Zero};
use std::fmt;

/// Why a criterion, a range or a mark was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CriterionError {
    #[error("`{0}` is not a decimal number (for example 7 or 7.5)")]
    NotADecimal(String),
    #[error("a score range needs min < max and a step above 0 that divides max - min")]
    BadRange,
    #[error("a criterion's weight must be above 0")]
    BadWeight,
    #[error("a criterion needs a name of 1 to {max} characters")]
    BadName { max: usize },
    /// The mark and the range as text: the error stays small.
    #[error("{mark} is outside {range}")]
    OffRange { mark: String, range: String },
}

/// A mark, a weight or a bound: an exact decimal, kept as a rational.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mark(BigRational);

impl Mark {
    /// Parses a plain decimal: an optional sign, digits, and at most one
    /// point (`7`, `7.5`, `-0.25`). No exponent, no thousands separator:
    /// a judge's mark is typed, not computed.
    pub fn parse(text: &str) -> Result<Self, CriterionError> {
        let refuse = || CriterionError::NotADecimal(text.chars().take(40).collect());
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !ok(whole) || !ok(fraction) || digits.ends_with('.') {
            return Err(refuse());
        }
        if whole.len() + fraction.len() > 30 {
            return Err(refuse());
        }
        let numer: BigInt = format!("{whole}{fraction}").parse().map_err(|_| refuse())?;
        let denom = BigInt::from(10u32).pow(fraction.len() as u32);
        let value = BigRational::new(if negative { -numer } else { numer }, denom);
        Ok(Self(value))
    }

    /// A whole number.
    pub fn from_integer(n: i64) -> Self {
        Self(BigRational::from_integer(n.into()))
    }

    /// An exact value computed elsewhere (a scaled mark, a vote share).
    pub fn from_value(value: BigRational) -> Self {
        Self(value)
    }

    /// The exact value.
    pub fn value(&self) -> &BigRational {
        &self.0
    }
}

/// Exact for every parsed mark (at most 30 digits), so that a mark stored
/// as text reads back equal.
impl fmt::Display for Mark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", super::aggregate::decimal(&self.0, 30))
    }
}

impl fmt::Debug for Mark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Mark({self})")
    }
}

/// The marks a criterion takes: `min` to `max` in steps of `step` (for
/// example 1 to 10 in steps of 0.5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreRange {
    min: Mark,
    max: Mark,
    step: Mark,
}

impl ScoreRange {
    pub fn new(min: Mark, max: Mark, step: Mark) -> Result<Self, CriterionError> {
        if min >= max || !step.0.is_positive() {
            return Err(CriterionError::BadRange);
        }
        if !((&max.0 - &min.0) / &step.0).is_integer() {
            return Err(CriterionError::BadRange);
        }
        Ok(Self { min, max, step })
    }

    /// Whether `mark` is one of the range's values.
    pub fn check(&self, mark: &Mark) -> Result<(), CriterionError> {
        let on_step = ((&mark.0 - &self.min.0) / &self.step.0).is_integer();
        if mark < &self.min || mark > &self.max || !on_step {
            return Err(CriterionError::OffRange {
                mark: mark.to_string(),
                range: self.to_string(),
            });
        }
        Ok(())
    }

    pub fn min(&self) -> &Mark {
        &self.min
    }

    pub fn max(&self) -> &Mark {
        &self.max
    }

    pub fn step(&self) -> &Mark {
        &self.step
    }
}

impl fmt::Display for ScoreRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to {} in steps of {}", self.min, self.max, self.step)
    }
}

/// One judging criterion, published to contestants in advance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Criterion {
    name: String,
    description: String,
    weight: Mark,
    range: ScoreRange,
}

impl Criterion {
    pub const MAX_NAME: usize = 80;

    pub fn new(
        name: &str,
        description: &str,
        weight: Mark,
        range: ScoreRange,
    ) -> Result<Self, CriterionError> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > Self::MAX_NAME {
            return Err(CriterionError::BadName {
                max: Self::MAX_NAME,
            });
        }
        if weight.0.is_zero() || weight.0.is_negative() {
            return Err(CriterionError::BadWeight);
        }
        Ok(Self {
            name: name.to_owned(),
            description: description.trim().to_owned(),
            weight,
            range,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn description(&self) -> &str {
        &self.description
    }

    pub fn weight(&self) -> &Mark {
        &self.weight
    }

    pub fn range(&self) -> &ScoreRange {
        &self.range
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Mark {
        Mark::parse(s).unwrap()
    }

    #[test]
    fn marks_parse_as_exact_decimals() {
        assert_eq!(m("7.5"), m("7.50"));
        assert_eq!(m("0.1").value() * BigInt::from(3), m("0.3").value().clone());
        assert_eq!(m("-2").to_string(), "-2");
        for bad in ["", ".5", "5.", "1e3", "1,5", "+1", "x", "1.2.3", "--1"] {
            assert!(Mark::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn a_range_takes_only_its_steps() {
        let range = ScoreRange::new(m("1"), m("10"), m("0.5")).unwrap();
        for ok in ["1", "1.5", "9.5", "10"] {
            assert!(range.check(&m(ok)).is_ok(), "{ok}");
        }
        for bad in ["0.5", "1.25", "10.5", "-1"] {
            assert!(range.check(&m(bad)).is_err(), "{bad}");
        }
        assert_eq!(
            ScoreRange::new(m("1"), m("10"), m("4")),
            Err(CriterionError::BadRange),
            "a step that does not divide the range"
        );
        assert_eq!(
            ScoreRange::new(m("5"), m("5"), m("1")),
            Err(CriterionError::BadRange)
        );
        assert_eq!(
            ScoreRange::new(m("1"), m("5"), m("0")),
            Err(CriterionError::BadRange)
        );
    }

    #[test]
    fn a_criterion_needs_a_name_and_a_positive_weight() {
        let range = || ScoreRange::new(m("0"), m("10"), m("1")).unwrap();
        assert!(Criterion::new("Stage presence", "", m("0.4"), range()).is_ok());
        assert!(Criterion::new("  ", "", m("1"), range()).is_err());
        assert_eq!(
            Criterion::new("Voice", "", m("0"), range()),
            Err(CriterionError::BadWeight)
        );
        assert_eq!(
            Criterion::new("Voice", "", m("-1"), range()),
            Err(CriterionError::BadWeight)
        );
    }
}
