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
//! Around the arithmetic: the contest as stored ([`model`]) and as an
//! organiser describes it ([`draft`]), a round's results ([`results`]) and
//! the digest a publication carries ([`digest`]) and what a publication
//! freezes ([`publication`]). The use cases are in
//! [`crate::usecases::Contests`], the storage port in
//! [`crate::ports::ContestStore`].

pub mod aggregate;
pub mod digest;
pub mod draft;
pub mod model;
pub mod publication;
pub mod results;
pub mod revision;
pub mod rules;

pub use aggregate::{rank, Method, Ranking, Sheet, Standing, TieBreak};
pub use rules::{Criterion, CriterionError, Mark, ScoreRange};
