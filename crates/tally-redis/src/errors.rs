//! What a Redis failure means for a vote.

use tally_domain::ports::IntakeError;

/// Sorts a failed command by what it proves:
/// - no connection (refused, reset, closed, not connected): Redis cannot be
///   reached, [`IntakeError::Unavailable`], which may switch the intake;
/// - no answer in time, or an error reply: the command may have run,
///   [`IntakeError::OutcomeUnknown`]. A late answer is what an overloaded
///   Redis gives, so it never switches the intake by itself; the health
///   probe decides whether Redis is really gone.
pub(crate) fn intake_error(error: &redis::RedisError, what: &str) -> IntakeError {
    let cause = anyhow::anyhow!("{what}: {error}");
    if !error.is_timeout() && (error.is_io_error() || error.is_connection_dropped()) {
        IntakeError::Unavailable(cause)
    } else {
        IntakeError::OutcomeUnknown(cause)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io;

    fn io_error(kind: io::ErrorKind) -> redis::RedisError {
        redis::RedisError::from(io::Error::from(kind))
    }

    #[test]
    fn a_lost_connection_is_an_outage_and_a_late_answer_is_not() {
        for kind in [
            io::ErrorKind::ConnectionRefused,
            io::ErrorKind::ConnectionReset,
            io::ErrorKind::BrokenPipe,
            io::ErrorKind::UnexpectedEof,
        ] {
            assert!(
                matches!(
                    intake_error(&io_error(kind), "x"),
                    IntakeError::Unavailable(_)
                ),
                "{kind:?}"
            );
        }
        assert!(matches!(
            intake_error(&io_error(io::ErrorKind::TimedOut), "x"),
            IntakeError::OutcomeUnknown(_)
        ));
    }
}
