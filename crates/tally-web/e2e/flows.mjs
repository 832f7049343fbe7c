// The page flows that the event scenario (scenario.mjs) does not reach,
// in Debian's Chromium driven by Playwright. Run by `cargo test -p
// tally-server --test api browser` against Tally on the spike path.
//
// A presenter pastes the key into the console (the deck was made through
// the API, so this browser does not hold it yet). Three phones join from
// the QR code's address: Ann on a WebSocket, Ben behind a proxy that
// blocks WebSockets (the page falls back to Server-Sent Events), and Cy,
// whose socket the scenario drops mid-event (the page reconnects). Then:
// a reload and a rejoin keep Ann's identity and vote; change and retract;
// a 429 with Retry-After shows "Sending…" and the vote is counted once;
// Space closes and opens voting; the timer runs out and is stopped; a
// reset starts round 2; go-to; voting in multiple choice, scale, ranking,
// points and open text; open-text moderation; Q&A asking, upvoting, and
// the console's pin, answered, hide and approve. Every figure is read back
// from Tally's API, not only from the pages.
import assert from 'node:assert/strict';
import {
  PHONE, XSS, log, figures, seenUrls, context, axe, shot, api, until, expectConfirm,
  assertTokenNeverInUrl, finish,
} from './harness.mjs';

const opts = (...values) => values.map((value, i) => ({ key: String.fromCharCode(65 + i), value }));
const made = await api('POST', '/presentations', null, {
  profanity_filter: 'standard',
  polls: [
    { type: 'single', question: 'Tea or coffee?', options: opts('Tea', 'Coffee'), allow_change: true },
    { type: 'multiple', question: 'Which talks did you see?', options: opts('Keynote', 'Rust', 'Lunch'), max_choices: 2 },
    { type: 'scale', question: 'Rate the day', options: opts('Talks', 'Food'), scale: { min: 1, max: 5, min_label: 'poor', max_label: 'great' } },
    { type: 'ranking', question: 'Rank the rooms', options: opts('Hall', 'Attic', 'Cellar') },
    { type: 'points', question: 'Spend 100 points', options: opts('Coffee', 'Wifi', 'Chairs') },
    { type: 'open', question: 'Any feedback?', moderated: true },
    { type: 'qa', question: 'Questions for the speaker' },
  ],
});
assert.equal(made.status, 201, JSON.stringify(made.body));
const { presentation_id: id, join_code: code, presenter_token: token } = made.body;
const deck = (await api('GET', `/presentations/${id}`)).body;
const pollIds = deck.polls.map((p) => p.poll_id);
const results = async (i, round) => (await api('GET', `/presentations/${id}/polls/${pollIds[i]}/results${round ? `?round=${round}` : ''}`, token)).body;
const resultsUntil = (what, i, test) => until(what, async () => {
  const r = await results(i);
  return test(r) ? r : null;
});
log('created', id, 'join code', code);

// ---- The presenter pastes the key; the console and big screen work ----
const presenter = await context({ viewport: { width: 1280, height: 800 } });
const console_ = await presenter.newPage();
await console_.goto(`/present/${id}`);
await console_.fill('#token', token);
await console_.click('button[type="submit"]');
await console_.waitForSelector('#current-question');
assert.equal(await console_.textContent('#current-question'), 'Tea or coffee?');
const screen = await presenter.newPage();
await screen.setViewportSize({ width: 1920, height: 1080 });
await screen.goto(`/screen/${id}`);
await until('the join code on the big screen', async () => ((await screen.textContent('#join-code').catch(() => '')) || '').replace(/\s/g, '') === code);
await presenterKey('r'); // results shown from the start
await until('results shown', async () => /Results shown/.test(await console_.textContent('#slide')));

// A shortcut key as the presenter presses it after clicking elsewhere on
// the page: a focused button or field keeps the key for itself.
async function presenterKey(key) {
  await console_.evaluate(() => document.activeElement && document.activeElement.blur());
  await console_.keyboard.press(key);
}

// ---- Three phones; Ben's WebSockets are blocked, Cy's can be dropped ----
const phone = async (name, setup) => {
  const ctx = await context(PHONE);
  if (setup) await setup(ctx);
  const page = await ctx.newPage();
  await page.goto(`/j/${code}`);
  await page.fill('#name', name);
  await page.click('button[type="submit"]');
  await page.waitForSelector('#question');
  return { name, ctx, page };
};
const ann = await phone('Ann');
let benSockets = 0;
const ben = await phone('Ben', (ctx) => ctx.routeWebSocket(/\/live$/, (ws) => {
  benSockets++;
  ws.close({ code: 4000, reason: 'blocked by the venue proxy' });
}));
let cySockets = 0;
let cyServer = null;
let cyPageSide = null;
const cy = await phone('Cy', (ctx) => ctx.routeWebSocket(/\/live$/, (ws) => {
  cySockets++;
  cyPageSide = ws;
  cyServer = ws.connectToServer();
}));
const phones = [ann, ben, cy];
for (const p of phones) await p.page.waitForSelector('#status:has-text("Live")', { timeout: 15000 });
assert.ok(benSockets >= 2, `Ben's page tried WebSockets ${benSockets} times before falling back`);
assert.ok(seenUrls.some((u) => u.endsWith(`/presentations/${id}/events`)), 'Ben follows over Server-Sent Events');
figures['Ben: WebSocket attempts before the SSE fallback'] = benSockets;

// Follow a slide change: every phone shows `question` within 1 s. Then
// the presenter shows the new poll's results (results are hidden on each
// poll until shown).
async function follows(question, move) {
  const t0 = Date.now();
  await move();
  const ms = await Promise.all(phones.map(async (p) => {
    await p.page.waitForFunction((q) => document.getElementById('question')?.textContent === q, question, { timeout: 5000 })
      .catch(async () => { throw new Error(`${p.name} did not follow to "${question}": shows "${await p.page.textContent('#app')}"`); });
    const ms = Date.now() - t0;
    assert.ok(ms <= 1000, `${p.name} followed "${question}" after ${ms} ms`);
    return ms;
  }));
  await until('the console to follow', async () => (await console_.textContent('#current-question')) === question);
  await presenterKey('r');
  await until('results shown', async () => /Results shown/.test(await console_.textContent('#slide')));
  return ms;
}
const vote = async (p, fill, expect = 'Your vote was counted') => {
  await fill(p.page);
  await p.page.click('#poll button[type="submit"]');
  await p.page.waitForSelector(`text=${expect}`);
};
const choose = (...labels) => async (page) => { for (const l of labels) await page.getByLabel(l, { exact: true }).check(); };

// ---- Single choice with allow_change: vote, reload, rejoin, change, retract ----
await vote(ann, choose('Tea'));
await ann.page.reload();
await ann.page.waitForSelector('text=Your vote was counted');
assert.match(await ann.page.textContent('#poll'), /You chose: Tea/);
// Rejoining by typing the code again is the same participant too.
await ann.page.goto('/j');
await ann.page.fill('#code', code);
await ann.page.click('button[type="submit"]');
await ann.page.waitForSelector('text=Your vote was counted');
await ann.page.click('text=Change my vote');
await vote(ann, choose('Coffee'));
let r = await resultsUntil('Ann\'s change', 0, (x) => x.options[1].votes === 1);
assert.deepEqual([r.participants, r.options[0].votes, r.options[1].votes], [1, 0, 1], 'one participant, moved from Tea to Coffee');
await ann.page.click('text=Retract my vote');
await ann.page.waitForSelector('text=Your vote was retracted.');
await resultsUntil('the retraction', 0, (x) => x.participants === 0);
await vote(ann, choose('Tea'));
await shot(ann.page, 'flows-phone-change-360x740');

// Ben (over SSE) votes; Cy's first attempt meets a 429 with Retry-After.
await vote(ben, choose('Coffee'));
let cyPosts = 0;
await cy.page.route('**/polls/current/votes', async (route) => {
  if (route.request().method() !== 'POST') return route.continue();
  cyPosts++;
  if (cyPosts === 1) {
    return route.fulfill({
      status: 429,
      headers: { 'Retry-After': '2', 'Content-Type': 'application/problem+json' },
      body: JSON.stringify({ type: 'about:blank', title: 'Too many requests', status: 429, code: 'overloaded' }),
    });
  }
  return route.continue();
});
await choose('Coffee')(cy.page);
await cy.page.click('#poll button[type="submit"]');
await cy.page.waitForSelector('#confirmation:has-text("Sending…")', { timeout: 1500 });
await cy.page.waitForSelector('#outcome:has-text("Tally is busy; trying again in")', { timeout: 1500 });
await shot(cy.page, 'flows-phone-sending-360x740');
await cy.page.waitForSelector('text=Your vote was counted', { timeout: 10000 });
await cy.page.unroute('**/polls/current/votes');
assert.equal(cyPosts, 2, 'the vote was sent again once, after Retry-After');
r = await resultsUntil('three votes', 0, (x) => x.participants === 3);
assert.deepEqual(r.options.map((o) => o.votes), [1, 2], 'Tea 1 (Ann), Coffee 2 (Ben, Cy): each counted once');
figures['single choice after change, retract, 429'] = JSON.stringify(r.options.map((o) => [o.value, o.votes]));

// ---- Space closes and opens voting ----
await presenterKey(' ');
await until('the console to show voting closed', async () => (await console_.textContent('#voting-state')) === 'Voting closed');
await ann.page.waitForSelector('text=Change my vote', { state: 'detached' }); // no change while closed
assert.equal((await api('POST', `/presentations/${id}/polls/current/votes`, null, { key: 'A', client_id: '00000000-0000-4000-8000-000000000001', poll_id: pollIds[0] })).status, 409);
await presenterKey(' ');
await until('the console to show voting open', async () => (await console_.textContent('#voting-state')) === 'Voting open');

// ---- Reset: round 2 starts from zero, round 1 stays readable ----
expectConfirm();
await console_.click('#reset');
await until('round 2 on the console', async () => /round 2/.test(await console_.textContent('#slide')));
for (const p of phones) await p.page.waitForSelector('#poll button[type="submit"]');
const round1 = await results(0, 1);
assert.deepEqual(round1.options.map((o) => o.votes), [1, 2], 'round 1 kept');

// ---- The timer: a countdown, then "Time is up" and 409; stop; vote ----
await vote(ann, choose('Tea'));
await console_.fill('#timer-seconds', '3');
await console_.click('#timer-start');
await ben.page.waitForSelector('#countdown:has-text("left")');
await shot(ben.page, 'flows-phone-countdown-360x740');
await ben.page.waitForSelector('#countdown:has-text("Time is up")', { timeout: 8000 });
// The phone turns its Vote button off at zero by itself (phone.mjs
// times it), so a late vote is not even sent.
await ben.page.waitForSelector('#poll button[type="submit"]:disabled:has-text("Voting closed")', { timeout: 3000 });
await console_.click('#timer-stop');
await until('the timer to stop', async () => console_.locator('#countdown').isHidden());
await ben.page.waitForSelector('#poll button[type="submit"]');
await vote(ben, choose('Coffee'));
r = await resultsUntil('round 2', 0, (x) => x.participants === 2);
assert.deepEqual(r.options.map((o) => o.votes), [1, 1], 'round 2: Ann before the deadline, Ben after the timer stopped');
figures['round 2 after the timer'] = JSON.stringify(r.options.map((o) => [o.value, o.votes]));

// ---- Multiple choice ----
const moves = [];
moves.push(...await follows('Which talks did you see?', () => presenterKey('ArrowRight')));
await vote(ann, choose('Keynote', 'Rust'));
await cy.page.getByLabel('Keynote', { exact: true }).check();
await cy.page.getByLabel('Rust', { exact: true }).check();
assert.ok(await cy.page.getByLabel('Lunch', { exact: true }).isDisabled(), 'a third box is off at the maximum of 2');
await cy.page.getByLabel('Rust', { exact: true }).uncheck();
await cy.page.getByLabel('Lunch', { exact: true }).check();
await cy.page.click('#poll button[type="submit"]');
await cy.page.waitForSelector('text=Your vote was counted');
r = await resultsUntil('two multiple-choice votes', 1, (x) => x.participants === 2);
assert.deepEqual(r.options.map((o) => o.votes), [2, 1, 1]);
await shot(ann.page, 'flows-phone-multiple-360x740');

// ---- Scale ----
moves.push(...await follows('Rate the day', () => presenterKey('ArrowRight')));
const rate = (talks, food) => async (page) => {
  await page.locator('fieldset', { hasText: 'Talks' }).getByLabel(String(talks), { exact: true }).check();
  if (food) await page.locator('fieldset', { hasText: 'Food' }).getByLabel(String(food), { exact: true }).check();
};
await axe(ann.page, 'phone (scale)');
await shot(ann.page, 'flows-phone-scale-360x740');
await vote(ann, rate(5, 2));
await vote(ben, rate(4));
await vote(cy, rate(4, 3));
r = await resultsUntil('three ratings', 2, (x) => x.participants === 3);
const scale = r.options.map((o) => [o.value, o.count, Number(Number(o.mean).toFixed(4)), Number(o.median)]);
assert.deepEqual(scale, [['Talks', 3, 4.3333, 4], ['Food', 2, 2.5, 2.5]], 'Talks 5, 4, 4; Food 2, 3');
figures['scale mean and median'] = JSON.stringify(scale);
await until('the scale on the big screen', async () => /mean 4\.33 · median 4 · 3 rated/.test(await screen.textContent('#body')));
await axe(screen, 'big screen (scale)');
await shot(screen, 'flows-screen-scale-1920x1080');

// ---- Ranking ----
moves.push(...await follows('Rank the rooms', () => presenterKey('ArrowRight')));
await ann.page.click('button[aria-label="Move Cellar up"]');
await ann.page.click('button[aria-label="Move Cellar up"]');
assert.deepEqual(await ann.page.locator('#ranking li').evaluateAll((li) => li.map((x) => x.dataset.key)), ['C', 'A', 'B']);
await shot(ann.page, 'flows-phone-ranking-360x740');
await axe(ann.page, 'phone (ranking)');
await vote(ann, async () => {});
await vote(ben, async () => {}); // Hall, Attic, Cellar as listed
await vote(cy, async (page) => { await page.click('button[aria-label="Move Hall down"]'); }); // Attic, Hall, Cellar
r = await resultsUntil('three rankings', 3, (x) => x.participants === 3);
const borda = Object.fromEntries(r.options.map((o) => [o.value, o.borda]));
// Borda: 2 points for first, 1 for second. Hall 1+2+1, Attic 0+1+2, Cellar 2+0+0.
assert.deepEqual(borda, { Hall: 4, Attic: 3, Cellar: 2 });
figures['ranking Borda points'] = JSON.stringify(borda);
await until('the ranking on the big screen', async () => /1\. Hall4 Borda points/.test(await screen.textContent('#body')));
await shot(screen, 'flows-screen-ranking-1920x1080');

// ---- Go-to, then points ----
moves.push(...await follows('Spend 100 points', () => console_.selectOption('#goto', '4')));
await ann.page.fill('#pts-A', '80');
await ann.page.fill('#pts-B', '40'); // a slider cannot overspend: it stops at 20
await ann.page.waitForSelector('text=0 of 100 points left');
assert.equal(await ann.page.inputValue('#pts-B'), '20');
await vote(ann, async () => {});
await vote(ben, async (page) => { await page.fill('#pts-C', '100'); });
r = await resultsUntil('two point spreads', 4, (x) => x.participants === 2);
assert.deepEqual(r.options.map((o) => [o.value, o.points]), [['Coffee', 80], ['Wifi', 20], ['Chairs', 100]]);
await shot(ann.page, 'flows-phone-points-360x740');
await axe(ann.page, 'phone (points)');
await until('the points on the big screen', async () => /Chairs100 points/.test(await screen.textContent('#body')));
await shot(screen, 'flows-screen-points-1920x1080');
await axe(screen, 'big screen (points)');
// The audience count is the phones': the console's and the big screen's
// own slide sockets are the presenter's, not audience.
await until('the console to count three phones', async () => (await console_.textContent('#audience')) === '3 on the live page now');
figures['audience on the console (3 phones, 2 presenter pages)'] = await console_.textContent('#audience');

// ---- Cy's socket drops; the page reconnects and keeps following ----
const before = cySockets;
await cy.page.evaluate(() => {
  window.__statuses = [];
  new MutationObserver(() => {
    const text = document.getElementById('status')?.textContent;
    if (text && window.__statuses.at(-1) !== text) window.__statuses.push(text);
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
});
// The connection drops both ways, as when a venue's Wi-Fi hands over.
cyServer.close({ code: 1001, reason: 'going away' });
cyPageSide.close({ code: 4001, reason: 'connection lost' });
await until('Cy to open a new socket', async () => cySockets > before, 10000);
await cy.page.waitForSelector('#status:has-text("Live")', { timeout: 10000 });
assert.equal(cySockets, before + 1, 'one new socket after the drop');
const statuses = await cy.page.evaluate(() => window.__statuses);
assert.deepEqual(statuses.slice(0, 2), ['Reconnecting…', 'Live'], 'Cy\'s page said it was reconnecting, then live');
figures['Cy reconnected after the drop'] = `${cySockets - before} new socket`;

// ---- Open text, moderated: held until the presenter approves ----
moves.push(...await follows('Any feedback?', () => presenterKey('ArrowRight')));
// A held entry is not "counted" yet: the phone says it awaits approval.
const held = 'awaiting approval by the presenter';
await vote(ann, async (page) => { await page.fill('#text', 'More coffee breaks'); }, held);
await vote(ben, async (page) => { await page.fill('#text', XSS); }, held);
await vote(cy, async (page) => { await page.fill('#text', 'Great venue'); }, held);
await axe(cy.page, 'phone (open text)');
await console_.waitForSelector('#held li >> nth=2');
assert.equal(await console_.locator('#shown li').count(), 0, 'nothing shown before approval');
assert.equal(await screen.locator('#body .entries li').count(), 0, 'the big screen shows nothing held');
await console_.click('button[aria-label="Approve: More coffee breaks"]');
await console_.click(`button[aria-label="Approve: ${XSS}"]`);
await until('two approved entries on the big screen', async () => (await screen.locator('#body .entries li').count()) === 2);
await console_.click(`button[aria-label="Hide: ${XSS}"]`);
await until('the hidden entry gone from the big screen', async () => (await screen.locator('#body .entries li').count()) === 1);
assert.equal(await screen.textContent('#body .entries li'), 'More coffee breaks');
assert.equal(await screen.locator('img[src="x"]').count() + await console_.locator('img[src="x"]').count(), 0);
r = await results(5);
figures['open text: hidden / shown'] = `${r.entries.filter((e) => e.hidden).length} / ${r.entries.filter((e) => !e.hidden).length}`;
assert.deepEqual(r.entries.filter((e) => !e.hidden).map((e) => e.text), ['More coffee breaks']);
await shot(console_, 'flows-console-moderation-1280x800');
await axe(console_, 'console (open-text moderation)');

// ---- Q&A: ask, upvote, and the console's moderation ----
moves.push(...await follows('Questions for the speaker', () => presenterKey('ArrowRight')));
const ask = async (p, text) => {
  await p.page.fill('#ask', text);
  await p.page.click('text=Send question');
  await p.page.waitForSelector('text=Your question was sent.');
};
await ask(ann, 'When is lunch?');
await ask(ben, 'Will the slides be online?');
await ask(cy, 'Why is this shit so slow?');
const upvote = async (p, text, on = true) => {
  const button = p.page.getByRole('button', { name: `Upvote: ${text}` });
  await button.waitFor();
  await button.click();
  await until(`${p.name}'s upvote pressed`, async () => (await button.getAttribute('aria-pressed')) === (on ? 'true' : 'false'));
};
await upvote(cy, 'Will the slides be online?');
await upvote(ann, 'Will the slides be online?');
await upvote(ben, 'When is lunch?');
await upvote(ben, 'When is lunch?', false); // and withdrawn again
const questions = async () => (await api('GET', `/presentations/${id}/polls/${pollIds[6]}/questions?sort=top`)).body;
let qs = await until('two visible questions', async () => {
  const list = await questions();
  return list.length === 2 && list[0].upvotes === 2 ? list : null;
});
assert.deepEqual(qs.map((q) => [q.text, q.upvotes]), [['Will the slides be online?', 2], ['When is lunch?', 0]], 'the profane question held; top first');
await axe(ann.page, 'phone (Q&A)');
await shot(ann.page, 'flows-phone-qa-360x740');
await console_.waitForSelector('#held li');
await console_.click('button[aria-label="Pin: When is lunch?"]');
await console_.click('button[aria-label="Answered: Will the slides be online?"]');
await until('the pinned question first on the big screen', async () => /^▲ 0When is lunch\? pinned/.test((await screen.textContent('#body .questions li').catch(() => '')) || ''));
await console_.click('button[aria-label="Approve: Why is this shit so slow?"]');
await console_.click('button[aria-label="Hide: Will the slides be online?"]');
qs = await until('the moderated list', async () => {
  const list = await questions();
  return list.length === 2 && list.some((q) => q.text.startsWith('Why')) ? list : null;
});
figures['Q&A after moderation'] = JSON.stringify(qs.map((q) => [q.text, q.upvotes, q.pinned, q.answered]));
assert.deepEqual(qs.map((q) => q.text).sort(), ['When is lunch?', 'Why is this shit so slow?']);
assert.ok(qs.find((q) => q.text === 'When is lunch?').pinned);
await until('the big screen to list two questions', async () => (await screen.locator('#body .questions li').count()) === 2);
await until('the big screen to count them', async () => (await screen.textContent('#responses')) === '2 questions');
await axe(screen, 'big screen (Q&A)');
await axe(console_, 'console (Q&A)');
await shot(screen, 'flows-screen-qa-1920x1080');
await screen.setViewportSize({ width: 1280, height: 720 });
await shot(screen, 'flows-screen-qa-1280x720');
await shot(console_, 'flows-console-qa-1280x800');
await ben.page.waitForSelector('text=When is lunch?');
await shot(ben.page, 'flows-phone-qa-sse-360x740');
figures['phones followed the slide changes after (ms)'] = moves.join(', ');

figures['requests checked for the token'] = assertTokenNeverInUrl(token);
await finish('flows');
