//! Sockets opened with a token (a presenter's, or a link's) keep checking
//! it, so that revoking a link closes the live channels it opened.
//!
//! Why a periodic check rather than publishing revocations between
//! processes: the store is the one place that knows a link is revoked, so
//! checking it cannot miss a revocation made while a process was cut off
//! from Redis, and it needs no new cross-process message. The cost is one
//! access check per token socket every [`RECHECK_EVERY`]; only presenter
//! pages (consoles, big screens) hold tokens, never the phones. On the
//! process that revoked, the hub's nudge makes every token socket check at
//! once, so there the close is immediate.

use std::time::Duration;
use tally_domain::ports::Ports;
use tally_domain::usecases::{PollResultsError, Tally};
use tally_domain::{AccessDenied, PresentationId, PresenterToken};
use tokio::sync::{oneshot, watch};

/// How often a token socket checks its token when nothing nudged it: how
/// late a revocation made on another process may reach it.
pub(super) const RECHECK_EVERY: Duration = Duration::from_secs(5);

/// The close code a socket gets when its token no longer opens the
/// presentation (4000–4999 are the application's; 4403 mirrors the 403 a
/// new connection gets). Pages do not reconnect on it.
pub(super) const CLOSE_DENIED: u16 = 4403;

/// Starts checking `token` on the presentation in the background; the
/// receiver resolves with the refusal once the token stops working. The
/// check stops when the receiver is dropped (the socket ended).
pub(super) fn watch_access<P: Ports>(
    tally: actix_web::web::Data<Tally<P>>,
    id: PresentationId,
    token: PresenterToken,
    mut nudged: watch::Receiver<u64>,
) -> oneshot::Receiver<AccessDenied> {
    let (mut tx, rx) = oneshot::channel();
    actix_web::rt::spawn(async move {
        let mut every = tokio::time::interval(RECHECK_EVERY);
        every.tick().await;
        nudged.borrow_and_update();
        loop {
            tokio::select! {
                () = tx.closed() => return,
                _ = every.tick() => {}
                changed = nudged.changed() => if changed.is_err() { return },
            }
            // A store outage keeps the socket open: only a refusal closes
            // it, and a deleted presentation closes it its own way.
            if let Err(PollResultsError::Denied(denied)) =
                tally.authorize_presenter(id, Some(&token)).await
            {
                let _ = tx.send(denied);
                return;
            }
        }
    });
    rx
}

/// The reason a refused socket is closed with, which pages tell apart.
pub(super) fn close_reason(denied: AccessDenied) -> actix_ws::CloseReason {
    let description = match denied {
        AccessDenied::LinkRevoked => "link revoked",
        _ => "access withdrawn",
    };
    actix_ws::CloseReason {
        code: actix_ws::CloseCode::Other(CLOSE_DENIED),
        description: Some(description.to_owned()),
    }
}
