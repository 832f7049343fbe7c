//! The HTTP handlers on the in-memory fakes: real routing, extractors,
//! middleware and error mapping, with no server, socket or database. What
//! a request changed is read back from the fakes.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::from_fn;
use actix_web::{test, web, App};
use futures::FutureExt as _;
use serde_json::{json, Value};
use std::sync::Arc;
use tally_domain::ports::Ports;
use tally_domain::usecases::{Adapters, Tally};
use tally_http::admission::Admission;
use tally_http::live::LiveHub;
use tally_http::reads::{ReadCache, ReadCacheSettings, ReadEvents};
use tally_http::telemetry::{HttpTelemetry, Unobserved};
use tally_http::ReadinessCheck;
use tally_testkit::fakes::{
    FakeEvents, FakeIntake, FakeLedger, FakeMetrics, FakeStore, FakeWorld, Told,
};

/// The fakes, with the read cache told of changes as in production.
#[derive(Debug)]
struct TestPorts;

impl Ports for TestPorts {
    type Store = FakeStore;
    type Intake = FakeIntake;
    type Ledger = FakeLedger;
    type Metrics = FakeMetrics;
    type Events = (FakeEvents, ReadEvents);
    type Board = tally_testkit::fakes::FakeBoard;
    type Contests = tally_testkit::fakes::FakeContests;
}

/// The presentation API on the fakes of `world`: `tally_http::routes`
/// behind the response middleware, as `tally serve` mounts them
/// (`tally-server`'s `http_server::serve`), with the app data the tests here
/// reach. Not the rest of that app: the contest routes (their use cases are
/// tested on the fakes in tally-domain's `tests/contests.rs`), the web pages, the request logger and the participant score
/// route's cache are tested through the real server (`tally-server`'s API
/// tests).
async fn app(
    world: &FakeWorld,
    events: &mut Option<tally_testkit::fakes::FakeEvents>,
) -> impl Service<
    actix_http::Request,
    Response = ServiceResponse<impl MessageBody>,
    Error = actix_web::Error,
> {
    let told = FakeEvents::default();
    *events = Some(told.clone());
    let reads = ReadCache::new(ReadCacheSettings::default());
    let tally = Tally::<TestPorts>::new(
        Adapters {
            store: world.store(),
            intake: world.direct_intake(),
            ledger: world.ledger(),
            metrics: FakeMetrics::default(),
            events: (told, reads.events()),
            board: world.board(),
            contests: world.contests(),
        },
        false,
    );
    let telemetry: Arc<dyn HttpTelemetry> = Arc::new(Unobserved);
    let readiness: ReadinessCheck = Arc::new(|| async { Ok(()) }.boxed());
    test::init_service(
        App::new()
            .wrap(from_fn(tally_http::middleware::respond))
            .app_data(web::Data::new(tally))
            .app_data(web::Data::from(telemetry))
            .app_data(web::Data::new(readiness))
            .app_data(web::Data::new(LiveHub::new()))
            .app_data(web::Data::new(Admission::new(Default::default())))
            .app_data(web::Data::from(reads))
            .configure(tally_http::routes::<TestPorts>),
    )
    .await
}

fn deck(polls: usize) -> Value {
    json!({"polls": (0..polls).map(|i| json!({
        "question": format!("Question {i}?"),
        "options": [{"key": "A", "value": "Alpha"}, {"key": "B", "value": "Bravo"}],
    })).collect::<Vec<_>>()})
}

async fn call<S, B>(
    app: &S,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (StatusCode, String, Value)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let mut request = test::TestRequest::default().method(method).uri(path);
    if let Some(token) = token {
        request = request.insert_header(("authorization", format!("Bearer {token}")));
    }
    if let Some(body) = body {
        request = request.set_json(body);
    }
    let response = test::call_service(app, request.to_request()).await;
    let status = response.status();
    let kind = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let bytes = test::read_body(response).await;
    let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, kind, json)
}

async fn get<S, B>(app: &S, path: &str) -> (StatusCode, String, Value)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    call(app, Method::GET, path, None, None).await
}

/// Creates a deck of `polls`; returns its id, presenter token and join code.
async fn create<S, B>(app: &S, polls: usize) -> (String, String, String)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let (status, _, created) =
        call(app, Method::POST, "/presentations", None, Some(deck(polls))).await;
    assert_eq!(status, StatusCode::CREATED);
    let field = |name: &str| created[name].as_str().unwrap().to_owned();
    (
        field("presentation_id"),
        field("presenter_token"),
        field("join_code"),
    )
}

/// A vote on the poll on screen: its status and body.
async fn vote<S, B>(
    app: &S,
    id: &str,
    poll: &str,
    client: &str,
    key: &str,
) -> (StatusCode, String, Value)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let body = json!({"poll_id": poll, "client_id": client, "key": key});
    let path = format!("/presentations/{id}/polls/current/votes");
    call(app, Method::POST, &path, None, Some(body)).await
}

#[actix_web::test]
async fn a_created_presentation_is_stored_told_and_read_back() {
    let world = FakeWorld::new();
    let mut events = None;
    let app = app(&world, &mut events).await;
    let (id, _, code) = create(&app, 2).await;
    let (status, _, read) = get(&app, &format!("/presentations/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(read["current_poll_index"], 0);
    assert_eq!(read["polls"].as_array().unwrap().len(), 2);
    let (status, _, _) = get(&app, &format!("/join/{code}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(matches!(
        events.unwrap().told()[..],
        [Told::Changed { version: 1, .. }]
    ));
}

#[actix_web::test]
async fn votes_are_counted_once_and_refusals_are_problems() {
    let world = FakeWorld::new();
    let mut events = None;
    let app = app(&world, &mut events).await;
    let (id, token, _) = create(&app, 2).await;
    let (_, _, read) = get(&app, &format!("/presentations/{id}")).await;
    let polls: Vec<&str> = read["polls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["poll_id"].as_str().unwrap())
        .collect();
    let voter = uuid::Uuid::new_v4().to_string();
    let (first, _, _) = vote(&app, &id, polls[0], &voter, "A").await;
    let (again, _, _) = vote(&app, &id, polls[0], &voter, "A").await;
    assert!(first.is_success() && again.is_success(), "{first} {again}");
    assert_eq!(world.stored_votes(), 1);

    let (status, kind, problem) = vote(&app, &id, polls[0], &voter, "B").await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (StatusCode::CONFLICT, Some("already_voted"))
    );
    // v4 routes answer plain JSON unless problem+json is asked for.
    assert_eq!(kind, "application/json");
    assert_eq!(problem["status"], 409);
    let other = uuid::Uuid::new_v4().to_string();
    let (status, _, problem) = vote(&app, &id, polls[1], &other, "A").await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (StatusCode::CONFLICT, Some("poll_not_current"))
    );
    let votes = format!("/presentations/{id}/polls/current/votes");
    let (status, _, _) = call(&app, Method::POST, &votes, None, Some(json!({"key": 1}))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // The presenter moves on; a token is required.
    let current = format!("/presentations/{id}/polls/current");
    let (status, _, _) = call(&app, Method::PUT, &current, None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, _) = call(&app, Method::PUT, &current, Some(&token), None).await;
    assert!(status.is_success(), "{status}");
    let (status, _, _) = vote(&app, &id, polls[1], &other, "B").await;
    assert!(status.is_success(), "{status}");
    assert_eq!(world.stored_votes(), 2);
}

#[actix_web::test]
async fn a_store_that_fails_is_a_503_problem_never_a_500() {
    let world = FakeWorld::new();
    let mut events = None;
    let app = app(&world, &mut events).await;
    // An id the read cache has never seen: the read must reach the store.
    let id = uuid::Uuid::now_v7();
    world.fail(true);
    // The extensions always answer problem+json; v4's routes, plain JSON.
    for (method, path, body) in [
        (Method::GET, format!("/presentations/{id}"), None),
        (Method::POST, "/presentations".to_owned(), Some(deck(1))),
        (Method::GET, "/join/123456".to_owned(), None),
    ] {
        let (status, kind, problem) = call(&app, method, &path, None, body).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{path}");
        assert!(kind.starts_with("application/"), "{path}: {kind}");
        assert!(kind.ends_with("json"), "{path}: {kind}");
        assert_eq!(problem["status"], 503, "{path}: {problem}");
    }
}

#[actix_web::test]
async fn deleting_tells_the_subscribers_and_the_presentation_is_gone() {
    let world = FakeWorld::new();
    let mut events = None;
    let app = app(&world, &mut events).await;
    let (id, token, _) = create(&app, 1).await;
    let path = format!("/presentations/{id}");
    let (status, _, _) = call(&app, Method::DELETE, &path, Some(&token), None).await;
    assert!(status.is_success(), "{status}");
    let (status, _, _) = get(&app, &path).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(matches!(
        events.unwrap().told().last(),
        Some(Told::Deleted { .. })
    ));
}

#[actix_web::test]
async fn reads_come_from_memory_and_follow_this_process_changes() {
    let world = FakeWorld::new();
    let mut events = None;
    let app = app(&world, &mut events).await;
    let (id, token, code) = create(&app, 2).await;
    let current = format!("/presentations/{id}/polls/current");
    let (_, _, first) = get(&app, &current).await;
    assert_eq!(first["question"], "Question 0?");
    // The store is away: reads are answered from memory.
    world.fail(true);
    for path in [
        current.clone(),
        format!("/presentations/{id}"),
        format!("/join/{code}"),
    ] {
        let (status, kind, _) = get(&app, &path).await;
        assert_eq!(
            (status, kind.as_str()),
            (StatusCode::OK, "application/json"),
            "{path}"
        );
    }
    world.fail(false);
    // The presenter's own change is read back at once.
    call(&app, Method::PUT, &current, Some(&token), None).await;
    let (_, _, second) = get(&app, &current).await;
    assert_eq!(second["question"], "Question 1?");
    let (_, _, joined) = get(&app, &format!("/join/{code}")).await;
    assert_eq!(
        (
            joined["current_poll_index"].as_u64(),
            joined["state_version"].as_u64()
        ),
        (Some(1), Some(2))
    );
    // Deleted: 404 from memory, even with the store away.
    call(
        &app,
        Method::DELETE,
        &format!("/presentations/{id}"),
        Some(&token),
        None,
    )
    .await;
    world.fail(true);
    let (status, _, _) = get(&app, &current).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn unknown_join_codes_are_remembered_until_a_presentation_takes_one() {
    let world = FakeWorld::new();
    let mut events = None;
    let app = app(&world, &mut events).await;
    let (status, _, _) = get(&app, "/join/000001").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Answered from memory: the store is not asked again.
    world.fail(true);
    let (status, _, _) = get(&app, "/join/000001").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    world.fail(false);
    let (_, _, code) = create(&app, 1).await;
    let (status, _, _) = get(&app, &format!("/join/{code}")).await;
    assert_eq!(status, StatusCode::OK);
}
