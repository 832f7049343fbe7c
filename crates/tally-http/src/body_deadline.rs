//! A deadline on every request body, counted against admission.
//!
//! A connection that sends a head and then no body, or a body that
//! trickles, must not hold a server's resources without bound, whatever
//! the route. So, once, around the whole app, every request that carries a
//! body:
//!
//! - takes a place in the admission queue when its head arrives (when the
//!   queue is full, the answer is 429 `overloaded`), and gives it back once
//!   the body is in;
//! - has its body cut at the deadline (`body_timeout_ms` after the head):
//!   the answer is then 408 `body_timeout` and the connection is closed,
//!   however the route's handler reads the body and whatever it makes of
//!   the failed read.
//!
//! The vote handler [`claim`]s the place instead: a vote keeps it past its
//! body, while it waits for an in-flight place (see [`crate::admission`]).

use crate::admission::{Admission, Refused, Ticket};
use crate::problem::Problem;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::middleware::Next;
use actix_web::web::{self, Bytes};
use actix_web::{HttpMessage as _, HttpRequest, ResponseError as _};
use futures::Stream;
use std::cell::Cell;
use std::future::Future as _;
use std::io;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use tokio::time::Sleep;

/// Why a body was cut short.
#[derive(Clone, Copy, Debug)]
enum Cut {
    /// The deadline passed first.
    Late,
    /// The queue was full when the head arrived.
    Refused,
}

/// One body's place and fate, shared by the stream that carries the body,
/// the middleware that answers for it, and a handler that claims the place.
struct Watch {
    /// The place, until the body is in or a handler claims it.
    place: Cell<Option<Ticket>>,
    /// The queue was full on arrival: there is no place.
    refused: bool,
    cut: Cell<Option<Cut>>,
}

impl Watch {
    /// Ends the body's stay in the queue, cut or not.
    fn end(&self, cut: Option<Cut>) {
        drop(self.place.take());
        if cut.is_some() {
            self.cut.set(cut);
        }
    }
}

/// Request extension through which a handler claims the body's place.
#[derive(Clone)]
struct Claim(Rc<Watch>);

/// Takes the place the request's body was given on arrival, so that it is
/// not given back when the body is in: `Err` if the queue was full then;
/// `None` if the request came without a body (or the place was taken).
pub fn claim(request: &HttpRequest) -> Option<Result<Ticket, Refused>> {
    let watch = request.extensions().get::<Claim>().cloned()?.0;
    if watch.refused {
        return Some(Err(Refused::QueueFull));
    }
    watch.place.take().map(Ok)
}

/// The middleware. The caller registers `web::Data<Admission>`; without
/// it, requests pass untouched.
pub async fn body_deadline(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let admission = req.app_data::<web::Data<Admission>>().cloned();
    // An upgrade's "body" is the WebSocket that follows, not a body.
    let (Some(admission), false) = (admission, req.head().upgrade()) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let body = req.take_payload();
    if matches!(body, Payload::None) {
        req.set_payload(body);
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let arrival = admission.arrive();
    let watch = Rc::new(Watch {
        refused: arrival.is_err(),
        place: Cell::new(arrival.ok()),
        cut: Cell::new(None),
    });
    req.set_payload(Payload::Stream {
        payload: Box::pin(Watched {
            body,
            deadline: Box::pin(tokio::time::sleep(admission.settings().body_timeout)),
            watch: Rc::clone(&watch),
            ended: false,
        }),
    });
    req.extensions_mut().insert(Claim(Rc::clone(&watch)));
    let res = next.call(req).await;
    // A cut body decides the answer, not the handler: each handler maps a
    // failed read in its own way (a vote's counts as an invalid vote).
    let problem = match watch.cut.get() {
        None => return Ok(res?.map_into_boxed_body()),
        Some(Cut::Late) => Problem::body_timeout(),
        Some(Cut::Refused) => Problem::busy(admission.settings().retry_after_ms),
    };
    match res {
        Ok(res) => {
            let (req, _) = res.into_parts();
            Ok(ServiceResponse::new(req, problem.error_response()))
        }
        Err(_) => Err(problem.into()),
    }
}

/// The body as the handler reads it: the client's, until the deadline.
struct Watched {
    body: Payload,
    deadline: Pin<Box<Sleep>>,
    watch: Rc<Watch>,
    ended: bool,
}

impl Watched {
    fn end(&mut self, cut: Option<Cut>) {
        self.ended = true;
        self.watch.end(cut);
    }
}

impl Stream for Watched {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.ended {
            return Poll::Ready(None);
        }
        if this.watch.refused {
            this.end(Some(Cut::Refused));
            return Poll::Ready(Some(Err(cut_error(io::ErrorKind::Other, "overloaded"))));
        }
        match Pin::new(&mut this.body).poll_next(cx) {
            Poll::Ready(Some(Ok(chunk))) => Poll::Ready(Some(Ok(chunk))),
            Poll::Ready(Some(Err(e))) => {
                this.end(None);
                Poll::Ready(Some(Err(e)))
            }
            Poll::Ready(None) => {
                this.end(None);
                Poll::Ready(None)
            }
            Poll::Pending => match this.deadline.as_mut().poll(cx) {
                Poll::Ready(()) => {
                    this.end(Some(Cut::Late));
                    Poll::Ready(Some(Err(cut_error(
                        io::ErrorKind::TimedOut,
                        "the request body did not arrive in time",
                    ))))
                }
                Poll::Pending => Poll::Pending,
            },
        }
    }
}

fn cut_error(kind: io::ErrorKind, why: &'static str) -> PayloadError {
    PayloadError::Io(io::Error::new(kind, why))
}
