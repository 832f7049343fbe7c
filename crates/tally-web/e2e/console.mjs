// The presenter console, in Debian's Chromium driven by Playwright. Run by
// `cargo test -p tally-server --test api browser::the_console_runs_a_show_in_chromium`.
//
// Each check below failed on the console before issue 25 (commit cf74561):
// - at 1280×720 the join code, the slide's results, Next, the next slide's
//   preview, the notes and the countdown are all in the first viewport;
// - a 280-character Q&A question with no spaces does not widen the page
//   (it made the console 4,446 px wide);
// - after a click on Next, Space opens or closes voting and does not move
//   another slide; arrows work while a button has focus; a held key moves
//   once (all read back from the API);
// - the countdown runs live, and "Time is up" shows when it ends;
// - past rounds are readable after a reset, with the API's figures;
// - results can be held until voting closes (the event's settings);
// - the presenter key can be copied, and "Forget" says that it deletes
//   the key from this browser for good;
// - axe-core finds no violation of any impact, in English and in Arabic;
// - screenshots at 1280×720 and 1920×1080, in English and Arabic.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE, SHOTS, log, figures, context, shot, api, until, sleep, expectConfirm, finish } from './harness.mjs';

const AXE = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const opts = (...values) => values.map((value, i) => ({ key: String.fromCharCode(65 + i), value }));
const NO_SPACES = `Why${'abcdefghij'.repeat(28).slice(3)}`; // 280 characters, one word
assert.equal(NO_SPACES.length, 280);
const NOTES = 'Thank the sponsors first.\nThen: Offline mode won last year; ask who still needs it.';

const made = await api('POST', '/presentations', null, {
  polls: [
    { type: 'single', question: 'Which of these should we build first next quarter, given what customers told us in last month’s survey?', options: opts('Offline mode', 'Dark theme', 'Exports', 'Single sign-on'), notes: NOTES },
    { type: 'qa', question: 'Questions for the speaker' },
    { type: 'scale', question: 'Rate the day', options: opts('Talks', 'Food'), scale: { min: 1, max: 5 } },
    { type: 'wordcloud', question: 'One word for today' },
  ],
});
assert.equal(made.status, 201, JSON.stringify(made.body));
const { presentation_id: id, presenter_token: token, join_code: code } = made.body;
const deck = (await api('GET', `/presentations/${id}`)).body;
const pollIds = deck.polls.map((p) => p.poll_id);
const index = async () => (await api('GET', `/presentations/${id}`)).body.current_poll_index;
const results = async (i, round) => (await api('GET', `/presentations/${id}/polls/${pollIds[i]}/results${round ? `?round=${round}` : ''}`, token)).body;
log('created', id, 'join code', code);

// axe-core's WCAG 2.1 A and AA rules: no violation at all, of any impact.
async function axeClean(page, name) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  figures[`axe ${name}`] = `${result.violations.length} violations`;
  assert.deepEqual(result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`), [], `axe on ${name}`);
}

// Each of `selectors` lies wholly inside the first viewport (no scrolling).
async function inFirstViewport(page, selectors, name) {
  const { width, height } = page.viewportSize();
  assert.equal(await page.evaluate(() => scrollY), 0);
  for (const sel of selectors) {
    const box = await page.locator(sel).first().boundingBox();
    assert.ok(box, `${sel} is drawn (${name})`);
    const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= width + 0.5 && box.y + box.height <= height + 0.5;
    assert.ok(inside, `${sel} inside ${width}×${height} (${name}): ${JSON.stringify(box)}`);
  }
  figures[`first viewport ${name}`] = `${selectors.length} parts inside ${width}×${height}`;
}

// The page cannot scroll sideways: nothing is wider than the window, and
// no column scrolls sideways inside itself either.
async function noSideScroll(page, name) {
  const m = await page.evaluate(() => {
    scrollTo(100000, scrollY);
    const moved = scrollX;
    scrollTo(0, 0);
    const wide = [...document.querySelectorAll('#app *:not(input, select, textarea)')]
      .filter((el) => el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
      .map((el) => `${el.id || el.className}: ${el.scrollWidth} > ${el.clientWidth}`);
    return { scrollWidth: document.documentElement.scrollWidth, width: innerWidth, moved, wide };
  });
  figures[`page width ${name}`] = `${m.scrollWidth} px in a ${m.width} px window`;
  assert.ok(m.scrollWidth <= m.width, `${name}: ${m.scrollWidth} px wide in ${m.width}`);
  assert.equal(m.moved, 0, `${name}: scrolled sideways by ${m.moved} px`);
  assert.deepEqual(m.wide, [], `${name}: parts that scroll sideways`);
}

const presenter = await context({ viewport: { width: 1280, height: 720 }, locale: 'en-GB' });
await presenter.grantPermissions(['clipboard-read', 'clipboard-write']);
const page = await presenter.newPage();
await page.goto(`/present/${id}#${token}`);
await page.waitForSelector('#current-question');
await page.waitForSelector('#conn.live');
// The heading names the console, not the first question (a long question
// pushed the controls below the fold); the event's title once it has one.
assert.equal(await page.textContent('#console-title'), 'Presenter console');
// The presenter's notes for the slide on screen (GET …/notes).
await until('the notes', async () => (await page.textContent('#notes')) === NOTES);

// ---- A live countdown, then "Time is up" and voting closed ----
await page.fill('#timer-seconds', '20');
await page.click('#timer-start');
const secondsShown = async () => {
  const text = await page.textContent('#countdown .countdown-text');
  const m = text.match(/(\d+):(\d\d)/);
  assert.ok(m, `a clock in "${text}"`);
  return Number(m[1]) * 60 + Number(m[2]);
};
await page.waitForSelector('#countdown:not([hidden])');
const first = await secondsShown();
await sleep(2600);
const later = await secondsShown();
figures['countdown (no state message in between)'] = `${first} s, 2.6 s later ${later} s`;
assert.ok(first >= 18 && first <= 20, `starts at ${first}`);
assert.ok(first - later >= 2 && first - later <= 3, `counts down live: ${first} → ${later}`);

// ---- At 1280×720 everything to run the slide is in the first viewport ----
await page.keyboard.press('r');
await until('results shown', async () => (await results(0)).results_visible !== false && /Results shown/.test(await page.textContent('#slide')));
for (const [i, key] of [[1, 'A'], [2, 'A'], [3, 'C']]) {
  const vote = await api('POST', `/presentations/${id}/polls/current/votes`, null, { key, client_id: `00000000-0000-4000-8000-00000000000${i}`, poll_id: pollIds[0] });
  assert.equal(vote.status, 204, JSON.stringify(vote.body));
}
await until('three votes on the console', async () => (await page.textContent('#counts')) === '3 participants');
await inFirstViewport(page, ['#join-code', '#current-question', '#results .bars li:last-child', '#next', '#next-preview', '#notes', '#countdown', '#audience'], 'en 1280×720');
await noSideScroll(page, 'en 1280×720');
await shot(page, 'console-en-1280x720');
await page.screenshot({ path: `${SHOTS}/console-en-1280-whole-page.png`, fullPage: true });
await axeClean(page, 'console en 1280×720');

// ---- The presenter key, copied for a second computer ----
await page.click('#copy-key');
await page.waitForSelector('#key-status:has-text("Copied")');
assert.equal(await page.evaluate(() => navigator.clipboard.readText()), token, 'the presenter key is on the clipboard');

// ---- Past rounds: a reset keeps round 1 readable ----
const round1 = await results(0);
expectConfirm();
await page.click('#reset');
await until('round 2 on the console', async () => /round 2/.test(await page.textContent('#slide')));
assert.equal(await page.textContent('#round-list button'), 'Round 1 · 3 responses', 'GET …/rounds: three took part in round 1');
await page.click('#round-list button:has-text("Round 1")');
await page.waitForSelector('#round-results .bars li');
const shownRound1 = await page.$$eval('#round-results .bars li', (lis) => lis.map((li) => [li.querySelector('.bar-name').textContent, li.querySelector('.bar-value').textContent]));
const apiRound1 = await results(0, 1);
assert.deepEqual(apiRound1.options.map((o) => o.votes), round1.options.map((o) => o.votes), 'the API keeps round 1');
assert.deepEqual(shownRound1.map(([name, value]) => [name, Number(value.split(' ')[0])]), apiRound1.options.map((o) => [o.value, o.votes]), 'round 1 as the API reads it');
assert.equal((await results(0)).participants, 0, 'round 2 starts from zero');
figures['round 1 on the console after a reset'] = JSON.stringify(shownRound1);

// ---- Hide results until voting closes (the event's settings) ----
await page.check('#hide-until-closed');
await until('the setting saved', async () => (await api('GET', `/presentations/${id}/settings`, token)).body.hide_results_until_closed === true);
// The settings form below (brand.js) follows the switch.
await until('the settings form follows', async () => page.locator('#settings-slot input[type="checkbox"][id$="-hide"]').isChecked());
await until('results held while voting is open', async () => (await page.textContent('#results-state')) === 'Results shown when voting closes');
await page.focus('#toggle-voting');
await page.keyboard.press(' ');
await until('results out once voting closed', async () => (await page.textContent('#results-state')) === 'Results shown');
figures['hide results until voting closes'] = 'open: "Results shown when voting closes"; closed: "Results shown"';
await page.keyboard.press(' ');
await until('voting open again', async () => (await page.textContent('#voting-state')) === 'Voting open');
await page.uncheck('#hide-until-closed');
await until('the setting off', async () => (await api('GET', `/presentations/${id}/settings`, token)).body.hide_results_until_closed === false);
assert.equal((await api('PATCH', `/presentations/${id}/settings`, token, { title: 'Product day 2026' })).status, 200);
await until('the event title heads the console', async () => (await page.textContent('#console-title')) === 'Product day 2026');

// ---- A deck edited elsewhere (the editor): the next slide's preview follows ----
{
  const deck = await api('GET', `/presentations/${id}/deck`, token);
  // The deck as read, the second question edited (`round` is read-only).
  const polls = deck.body.polls.map(({ round, ...p }, i) => (i === 1 ? { ...p, question: 'Edited while live?' } : p));
  const put = await fetch(`${BASE}/presentations/${id}/deck`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'If-Match': `"${deck.body.revision}"` },
    body: JSON.stringify({ polls }),
  });
  assert.equal(put.status, 200, await put.text());
  await until('the next slide preview shows the edit', async () => (await page.textContent('#next-preview')).includes('Edited while live?'));
}

// ---- Keys act once: Space after a click on Next does not move a slide ----
await page.click('#next');
await until('slide 2', async () => (await index()) === 1);
assert.equal(await page.evaluate(() => document.activeElement.id), 'next', 'Next keeps focus after the click');
const openBefore = (await results(1)).voting_open;
await page.keyboard.press(' ');
await until('Space to toggle voting', async () => (await results(1)).voting_open === !openBefore);
await sleep(500);
assert.equal(await index(), 1, 'Space did not move the slide');
await page.keyboard.press(' ');
await until('Space to toggle voting back', async () => (await results(1)).voting_open === openBefore);
// Arrows while a button has focus; a held arrow moves one slide.
await page.focus('#toggle-results');
await page.keyboard.press('ArrowRight');
await until('ArrowRight on a focused button', async () => (await index()) === 2);
await page.keyboard.press('ArrowLeft');
await until('ArrowLeft on a focused button', async () => (await index()) === 1);
await page.keyboard.down('ArrowRight');
await page.keyboard.down('ArrowRight'); // the key repeats while held
await page.keyboard.down('ArrowRight');
await page.keyboard.up('ArrowRight');
await until('a held arrow', async () => (await index()) === 2);
await sleep(600);
assert.equal(await index(), 2, 'a held arrow moved one slide');
// The keys are written on the page, not only in aria-keyshortcuts.
const legend = await page.textContent('#keys');
for (const words of ['→', 'PgDn', '←', 'PgUp', 'Space', 'open or close voting', 'R']) assert.ok(legend.includes(words), `the page documents ${words}`);
figures['keys (read back from the API)'] = 'Next click + Space: slide 2 kept, voting toggled; arrows on a focused button; held arrow: one slide';
await page.keyboard.press('ArrowLeft');
await until('back on the Q&A slide', async () => (await index()) === 1);

// ---- A 280-character question with no spaces does not widen the page ----
const asked = await api('POST', `/presentations/${id}/polls/${pollIds[1]}/questions`, null, { client_id: '00000000-0000-4000-8000-000000000009', text: NO_SPACES });
assert.equal(asked.status, 201, JSON.stringify(asked.body));
await page.keyboard.press('r');
await page.waitForSelector('#shown li');
await until('the question in the results', async () => (await page.locator('#results').textContent()).includes(NO_SPACES));
await noSideScroll(page, 'en 1280×720, 280-character question');
await shot(page, 'console-en-qa-1280x720');
await axeClean(page, 'console en Q&A');

await page.setViewportSize({ width: 1920, height: 1080 });
await noSideScroll(page, 'en 1920×1080, 280-character question');
await inFirstViewport(page, ['#join-code', '#current-question', '#next', '#next-preview', '#notes'], 'en 1920×1080');
await shot(page, 'console-en-1920x1080');

// ---- The language switch redraws the console in place ----
await page.selectOption('#locale-switch', 'de');
await until('the console in German', async () => (await page.textContent('#next')) === 'Weiter →');
assert.equal(await page.evaluate(() => document.activeElement.id), 'locale-switch', 'focus stays on the switch');
assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
await page.selectOption('#locale-switch', 'en');
await until('the console in English again', async () => (await page.textContent('#next')) === 'Next →');

// ---- In Arabic, right to left ----
const arabic = await context({ viewport: { width: 1280, height: 720 }, locale: 'ar' });
const ar = await arabic.newPage();
await api('PUT', `/presentations/${id}/polls/current/index`, token, { index: 0 });
await ar.goto(`/present/${id}#${token}`);
await ar.waitForSelector('#current-question');
assert.equal(await ar.evaluate(() => document.documentElement.dir), 'rtl');
assert.equal(await ar.textContent('#next'), 'التالي ←');
await api('POST', `/presentations/${id}/polls/current/timer`, token, { seconds: 30 });
await ar.waitForSelector('#countdown:not([hidden])');
await inFirstViewport(ar, ['#join-code', '#current-question', '#results', '#next', '#next-preview', '#notes', '#countdown'], 'ar 1280×720');
await noSideScroll(ar, 'ar 1280×720');
await shot(ar, 'console-ar-1280x720');
await axeClean(ar, 'console ar 1280×720');
await ar.setViewportSize({ width: 1920, height: 1080 });
await inFirstViewport(ar, ['#join-code', '#current-question', '#results', '#next', '#next-preview', '#notes', '#countdown'], 'ar 1920×1080');
await shot(ar, 'console-ar-1920x1080');

// ---- Time is up: the countdown ends and voting shows closed ----
await api('POST', `/presentations/${id}/polls/current/timer`, token, { seconds: 0 });
await api('POST', `/presentations/${id}/polls/current/timer`, token, { seconds: 2 });
await page.waitForSelector('#countdown .countdown-text:has-text("Time is up")', { timeout: 5000 });
assert.equal(await page.textContent('#voting-state'), 'Voting closed');

// ---- "Forget" says that the key is deleted from this browser for good ----
const home = await presenter.newPage();
await home.goto('/');
await home.evaluate((d) => localStorage.setItem('tally.decks', JSON.stringify([d])), { id, title: 'Console test', join_code: code, created_at: new Date().toISOString() });
await home.reload();
let forgetText = '';
home.on('dialog', (d) => { forgetText = d.message(); }); // the harness accepts it
expectConfirm();
await home.click('#decks button:has-text("Forget")');
await until('the key forgotten', async () => (await home.evaluate((k) => localStorage.getItem(k), `tally.token.${id}`)) === null);
assert.match(forgetText, /deleted from this browser for good/);
assert.match(forgetText, /cannot be run from here/);
figures['Forget asks'] = forgetText;

await finish('console');
