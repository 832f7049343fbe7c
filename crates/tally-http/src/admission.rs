//! Admission control: overload is answered, never queued without bound.
//!
//! Every request with a body takes a place in this process's queue when its
//! head arrives, before its body is read (`body_deadline`), so a connection
//! that sends a head and then no body holds a place, on any route, and
//! loses it at the body deadline, with 408. Any other request gives its
//! place back once its body is in. A vote keeps it: with its body in, it
//! waits, in arrival order, for one of a bounded number of in-flight
//! places; only then is it sent to the intake. A request that finds the
//! queue full, or a vote whose deadline passes while it waits, is answered
//! 429 with `Retry-After`: it was never sent anywhere, so it is never
//! stored.
//!
//! The bounds are per process and apply to whichever path votes take
//! (Redis, or Postgres while Redis is down, where the connection pool is a
//! second, tighter bound). See the README's "Overload" section for how the
//! defaults were measured.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// When a client refused for load should try again, unless configured.
pub const RETRY_AFTER_MS: u64 = 500;

/// The bounds. Every field is a `tally serve` setting (`vote_*`, and
/// `body_timeout_ms`).
#[derive(Clone, Debug)]
pub struct AdmissionSettings {
    /// Votes sent to the intake and not yet answered, at most.
    pub in_flight: usize,
    /// Requests whose body is still arriving, and votes with their body in
    /// waiting for an in-flight place, at most.
    pub queue: usize,
    /// Longest a vote waits, from arrival, for an in-flight place.
    pub max_wait: Duration,
    /// Longest a request's body may take to arrive after its head.
    pub body_timeout: Duration,
    /// The retry hint sent with 429.
    pub retry_after_ms: u64,
}

impl Default for AdmissionSettings {
    fn default() -> Self {
        Self {
            in_flight: 1024,
            queue: 16_384,
            max_wait: Duration::from_millis(1000),
            body_timeout: Duration::from_secs(5),
            retry_after_ms: RETRY_AFTER_MS,
        }
    }
}

/// One process's admission.
#[derive(Debug)]
pub struct Admission {
    settings: AdmissionSettings,
    in_flight: Arc<Semaphore>,
    waiting: AtomicUsize,
}

/// Why a request was not admitted. Nothing was sent anywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The queue was full on arrival.
    QueueFull,
    /// The deadline passed while waiting for an in-flight place.
    Deadline,
}

/// A place in the queue, held from arrival until the body is in (a vote:
/// until it is in flight or refused). Owned, so that it can live in the
/// body's stream and pass from there to the vote handler.
#[derive(Debug)]
pub struct Ticket {
    admission: Arc<Admission>,
    deadline: Instant,
}

impl Admission {
    pub fn new(settings: AdmissionSettings) -> Self {
        Self {
            in_flight: Arc::new(Semaphore::new(settings.in_flight.max(1))),
            waiting: AtomicUsize::new(0),
            settings,
        }
    }

    pub fn settings(&self) -> &AdmissionSettings {
        &self.settings
    }

    /// Takes a place in the queue, or refuses when it is full.
    ///
    /// # Errors
    /// [`Refused::QueueFull`].
    pub fn arrive(self: &Arc<Self>) -> Result<Ticket, Refused> {
        let limit = self.settings.queue;
        self.waiting
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < limit).then_some(n + 1)
            })
            .map_err(|_| Refused::QueueFull)?;
        Ok(Ticket {
            admission: Arc::clone(self),
            deadline: Instant::now() + self.settings.max_wait,
        })
    }

    /// Places taken now: bodies arriving and votes waiting (for the
    /// metrics).
    pub fn waiting(&self) -> usize {
        self.waiting.load(Ordering::Acquire)
    }

    /// Votes in flight now (for the metrics).
    pub fn in_flight(&self) -> usize {
        self.settings
            .in_flight
            .max(1)
            .saturating_sub(self.in_flight.available_permits())
    }
}

impl Ticket {
    /// Waits, in arrival order, for an in-flight place until the deadline.
    /// Hold the permit until the intake has answered.
    ///
    /// # Errors
    /// [`Refused::Deadline`].
    pub async fn admit(self) -> Result<OwnedSemaphorePermit, Refused> {
        let in_flight = Arc::clone(&self.admission.in_flight);
        match tokio::time::timeout_at(self.deadline, in_flight.acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            // Closed never happens (the semaphore is never closed); treat
            // it as the deadline rather than panic.
            Ok(Err(_)) | Err(_) => Err(Refused::Deadline),
        }
        // `self` drops here: the queue place is released.
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        self.admission.waiting.fetch_sub(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn admission(in_flight: usize, queue: usize, max_wait_ms: u64) -> Arc<Admission> {
        Arc::new(Admission::new(AdmissionSettings {
            in_flight,
            queue,
            max_wait: Duration::from_millis(max_wait_ms),
            ..AdmissionSettings::default()
        }))
    }

    #[tokio::test]
    async fn a_full_queue_refuses_at_once_and_frees_its_places() {
        let a = admission(1, 2, 1000);
        let t1 = a.arrive().unwrap();
        let _t2 = a.arrive().unwrap();
        assert_eq!(a.arrive().unwrap_err(), Refused::QueueFull);
        assert_eq!(a.waiting(), 2);
        let permit = t1.admit().await.unwrap();
        assert_eq!((a.waiting(), a.in_flight()), (1, 1));
        assert!(a.arrive().is_ok(), "an admitted vote leaves the queue");
        drop(permit);
        assert_eq!(a.in_flight(), 0);
    }

    #[tokio::test(start_paused = true)]
    async fn a_vote_past_its_deadline_is_refused_and_the_next_in_line_gets_the_place() {
        let a = admission(1, 10, 100);
        let held = a.arrive().unwrap().admit().await.unwrap();
        let late = a.arrive().unwrap();
        assert_eq!(late.admit().await.unwrap_err(), Refused::Deadline);
        assert_eq!(a.waiting(), 0);
        let next = a.arrive().unwrap();
        drop(held);
        assert!(next.admit().await.is_ok());
    }
}
