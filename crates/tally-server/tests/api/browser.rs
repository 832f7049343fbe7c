//! The web app in a real browser: the scenarios in `crates/tally-web/e2e/`
//! drive Debian's Chromium with Playwright (from npm; the test command
//! installs both) against the real binary on the spike path, with real
//! Postgres and Redis and presenter tokens required. Each scenario checks
//! every step itself and exits non-zero on the first failure; its figures
//! and the screenshots' folder are printed at the end.

use crate::binary::serve_on;
use std::process::Command;
use tally_testkit::postgres::EmptyDatabase;
use tally_testkit::redis::{Durability, RedisServer};

const E2E: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tally-web/e2e/");
/// Where the scenarios write screenshots and figures: test output belongs
/// under `target/`, never in the checkout.
const SHOTS: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/e2e-screenshots");

/// One Chromium at a time: the 2-core CI machine runs the other tests of
/// this binary beside it, and two browsers at once starved them.
static ONE_BROWSER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Runs `crates/tally-web/e2e/{script}` against a fresh Tally.
async fn run_scenario(script: &'static str) {
    let _turn = ONE_BROWSER.lock().await;
    let db = EmptyDatabase::create().await;
    let redis = RedisServer::start(Durability::Durable).unwrap();
    let served = serve_on(&db.url(), false, Some(&redis.url())).await;
    let chromium = std::env::var("TALLY_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let run = tokio::task::spawn_blocking({
        let base = served.base.clone();
        move || {
            Command::new("node")
                .arg(format!("{E2E}{script}"))
                .env("TALLY_URL", base)
                .env("TALLY_CHROMIUM", chromium)
                .env("TALLY_SHOTS", SHOTS)
                .output()
        }
    })
    .await
    .unwrap()
    .unwrap_or_else(|e| panic!("running node ({e}); scripts/test.sh installs it"));
    let out = String::from_utf8_lossy(&run.stdout);
    eprintln!("{out}");
    assert!(
        run.status.success() && out.contains("[e2e] PASS"),
        "the browser scenario {script} failed:\n{out}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// The scenario: a deck built in the editor, the QR code, three
/// phones, the counts, slide changes, an offline vote, the leaderboard;
/// axe-core, the XSS case and the token check along the way.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_web_app_runs_an_event_end_to_end_in_chromium() {
    run_scenario("scenario.mjs").await;
}

/// The rest of what the pages do: voting in the other types, change and
/// retract, a reload and a rejoin keeping the vote, Q&A and the console's
/// moderation, the timer, a reset round, Space to close voting, go-to,
/// the SSE fallback, a dropped socket's reconnection, and the 429 retry.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_flow_works_in_chromium() {
    run_scenario("flows.mjs").await;
}

/// Judged contests: the editor, invite links, two judges' sheets on
/// phones, progress, a reopened sheet, publishing by a co-host, and the
/// big-screen reveal place by place.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_judged_contest_runs_in_chromium() {
    run_scenario("contest.mjs").await;
}

/// The presenter console (issue 25): at 1280×720 the join code, the
/// results, Next, the next slide, the notes and the live countdown in the
/// first viewport; no sideways scrolling with a 280-character word; Space
/// after a click on Next closes voting without moving a slide; past
/// rounds after a reset; the presenter key copied; axe-core clean in
/// English and Arabic; screenshots at 1280×720 and 1920×1080.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_runs_a_show_in_chromium() {
    run_scenario("console.mjs").await;
}

/// The big screen fits its worst-case slides (64 options under a
/// 500-character question, 64 scale statements, 40 open answers and 60 Q&A
/// questions of 280 characters, a 100-word cloud, a 64-option ranking) at
/// 1280x720 and 1920x1080 in English and Arabic: no scrolling, no cut
/// text, no text under 1.8 % of the height, every item of a list in pages
/// within 30 s, every word of the cloud's top 50, axe-core clean; and
/// "Voting closed" within 1.5 s of the timer's end.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_big_screen_fits_its_worst_case_slides_in_chromium() {
    run_scenario("screen.mjs").await;
}

/// Languages: the vendored Fluent library is npm's; the untranslated list
/// (every English message in German, French, Spanish and Arabic, every
/// `t('id')` of the scripts and every problem code in English); English
/// fallback for a missing message; the browser's language, right to left
/// and the switch; axe-core with no violation of any impact on the editor
/// and the contest pages in English and Arabic.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_speaks_five_languages_in_chromium() {
    run_scenario("i18n.mjs").await;
}

/// The phone page at 360×740 and 390×844, in English and in Arabic: every
/// target at least 24 px on every poll type, a 0–10 scale on one row,
/// checkboxes off at the maximum, a double tap storing one question, the
/// offline notice clearing on reconnecting, focus kept, one Q&A list,
/// "awaiting approval" on held entries, `/j/`, the timer's end, and
/// axe-core with no violation in any state.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_phone_page_feels_native_in_chromium() {
    run_scenario("phone.mjs").await;
}

/// A presentation's screen link (issue 25): a browser without the
/// presenter key opens the big screen from the link's address and sees
/// the question and the join code; once revoked, reopening it shows the
/// refusal. A co-presenter link opens the console.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_screen_link_opens_the_big_screen_until_revoked() {
    run_scenario("links.mjs").await;
}

/// The event's look (issue 25): the settings panel (js/brand.js) in
/// English and Arabic at 1280×720 and 390 px with axe-core at zero; a faint
/// accent saved and the adjusted palette told in words; a title error
/// beside its field and in a summary; an SVG logo refused, a PNG uploaded
/// and removed; applyBrand putting the readable palette on the page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_settings_panel_edits_the_event_s_look() {
    run_scenario("brand.mjs").await;
}

/// The deck editor refuses, before creation, a scale poll whose statements
/// the big screen cannot page through within 30 s (64 of 200 characters),
/// stating the limit in English and Arabic, and creates one at the limit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_editor_refuses_what_the_big_screen_cannot_show() {
    run_scenario("editor.mjs").await;
}

/// The contest reveal on a projector (issue 25): its buttons off the
/// picture until the mouse moves or a key focuses them, → / Space / ←
/// working while they are hidden, the digest a small line at the foot,
/// and the smallest text at least 1.8% of the height at 1280×720,
/// 1920×1080 and 3840×2160, in English and Arabic, with axe-core at zero.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reveal_shows_the_room_only_the_places() {
    run_scenario("reveal.mjs").await;
}

/// Slide images (issue 26): a question's picture and two options'
/// thumbnails on the phone, each loaded and named by its alt text, the
/// question's picture under the question on the big screen at 1280×720
/// and 1920×1080 with every option still on the slide and no scrolling;
/// axe-core finds nothing, in English and Arabic.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slide_images_show_on_the_phone_and_the_big_screen() {
    run_scenario("images.mjs").await;
}

/// Home (issue 26): the presentations and contests this browser holds,
/// with the server's titles, newest first, one search over both (by title
/// or join code) with its count, a deleted deck marked, Forget, the first
/// editor behind a collapsed "Quick form"; axe-core at zero in English and
/// Arabic at 1280×720 and 390 px, nothing cut or scrolling sideways.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn home_lists_what_this_browser_holds_with_search() {
    run_scenario("home.mjs").await;
}

/// Content slides (issue 26): the phone shows the text (bold, italic, a
/// list, an escaped "<" as a character) and no form, in English and
/// Arabic at 390 px; the big screen fits a short and a 2,000-character
/// slide at 1280×720 and 1920×1080 with no scrolling, nothing cut and no
/// type under 1.8 % of the height; the console hides voting, results,
/// timer and reset, and Space or R change nothing; the editor edits the
/// text and says beside the field that HTML is not shown; axe-core finds
/// nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn content_slides_show_everywhere_and_take_no_votes() {
    run_scenario("content.mjs").await;
}

/// The deck editor (issue 26): /new from a template, an outline and a deck
/// file; /edit reorders by drag and Alt+arrows, switches types keeping the
/// options, adds options with Enter, shows limits before the server
/// refuses, edits a live poll while phones vote (the phone shows it), turns
/// a 409 into a new round and a stale save into a 412 explained, keeps a
/// draft over a reload, undoes; axe-core at zero on every state in English
/// and Arabic at 1280×720 and 390 px.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_deck_editor_builds_reorders_and_edits_a_live_deck() {
    run_scenario("deck-editor.mjs").await;
}
