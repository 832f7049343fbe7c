//! Judged contests (issue 12): judges score contestants on weighted
//! criteria, and the organiser's chosen method turns the marks into a
//! ranking.
//!
//! This first part is the arithmetic: criteria and their score ranges
//! ([`rules`]) and the aggregation with its tie-break chain
//! ([`aggregate`]). Everything is exact: marks, weights and means are
//! rationals, so that no rank ever depends on floating-point noise. The one
//! irrational step, the standard deviation of z-scores, is computed with
//! integer arithmetic to 30 decimals and the adjusted scores are rounded to
//! [`aggregate::DECIMALS`] decimals before they are compared (see there).
//!
//! Not built yet: contests, rounds, judges and sheets as stored entities,
//! invite links, the audit log, publishing and its digest, the pages.

pub mod aggregate;
pub mod rules;

pub use aggregate::{rank, Method, Ranking, Sheet, Standing, TieBreak};
pub use rules::{Criterion, CriterionError, Mark, ScoreRange};
