// The web app end to end, in Debian's Chromium driven by Playwright.
// Run by `cargo test -p tally-server --test api browser` (the README's test
// command), which starts Tally on the spike path with real Postgres and
// Redis and passes its address in TALLY_URL. Any failed check throws, and
// the process exits non-zero.
//
// The scenario: a presenter builds a 3-poll deck in the editor; the big
// screen shows the join code and a QR code that decodes to the join URL;
// three phones (360x740) join and vote; the big screen and the console show
// the counts; the presenter advances and the phones follow within 1 s; a
// phone that goes offline has its queued vote counted once; the quiz
// leaderboard ranks the faster correct phone first. Along the way: axe-core
// on every page, the XSS case, the token never in a URL, presenter pages
// refusing to work without the token, the phone page's byte budget, and
// screenshots of every page at phone and projector sizes.
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import {
  BASE, SHOTS, XSS, PHONE, log, figures, context, axe, shot, api, until, sleep, assertTokenNeverInUrl, finish,
} from './harness.mjs';

// ---- 1. The presenter builds a 3-poll deck in the editor ----
const presenter = await context({ viewport: { width: 1280, height: 800 } });
const home = await presenter.newPage();
await home.goto('/');
// The first editor is home's collapsed "Quick form" (the deck editor at
// /new is the organiser's way in).
await home.click('#quick-form > summary');
await home.waitForSelector('#q-0');
await axe(home, 'home (editor)');

await home.fill('#q-0', 'Which pet?');
await home.fill('#o-0-0', 'Cat');
await home.fill('#o-0-1', 'Dog');

await home.click('#add-poll');
await home.selectOption('#type-1', 'wordcloud');
await home.fill('#q-1', 'One word for today?');
await home.click('[data-poll="1"] summary');
await home.fill('#max_length-1', '40');

await home.click('#add-poll');
await home.selectOption('#type-2', 'open');
await home.fill('#q-2', 'A poll to delete');

await home.click('#add-poll');
await home.selectOption('#type-3', 'quiz');
await home.fill('#q-3', '2 + 2?');
await home.fill('#o-3-0', '3');
await home.fill('#o-3-1', '4');
await home.click('#add-opt-3');
await home.fill('#o-3-2', '5');
await home.check('#c-3-1');
await home.click('[data-poll="3"] summary');
await home.fill('#time_limit_secs-3', '60');
// Reorder: the quiz moves above the poll to delete, which is then deleted.
await home.click('#up-3');
assert.equal(await home.inputValue('#q-2'), '2 + 2?');
await home.click('[data-poll="3"] button[aria-label="Delete poll 4"]');
assert.equal(await home.locator('fieldset[data-poll]').count(), 3);
await shot(home, 'home-editor-1280x800');
await home.setViewportSize({ width: 360, height: 740 });
await shot(home, 'home-editor-360x740');
await home.setViewportSize({ width: 1280, height: 800 });

await home.click('#create');
await home.waitForURL(/\/present\/[0-9a-f-]{36}$/);
const console_ = home;
const id = console_.url().split('/').pop();
const token = await console_.evaluate((pid) => JSON.parse(localStorage.getItem(`tally.token.${pid}`)), id);
assert.match(token, /^tly_/);
const deck = await console_.evaluate(() => JSON.parse(localStorage.getItem('tally.decks'))[0]);
const code = deck.join_code;
log('created', id, 'join code', code);
const created = await api('GET', `/presentations/${id}`);
assert.deepEqual(created.body.polls.map((p) => [p.type || 'single', p.question]),
  [['single', 'Which pet?'], ['wordcloud', 'One word for today?'], ['quiz', '2 + 2?']]);

await console_.waitForSelector('#current-question');
assert.equal(await console_.textContent('#current-question'), 'Which pet?');

// ---- 2. The big screen: join code, URL and a QR code that decodes to it ----
const screen = await presenter.newPage();
await screen.setViewportSize({ width: 1920, height: 1080 });
await screen.goto(`/screen/${id}`);
await screen.waitForSelector('#qr');
await until('the QR code to load', () => screen.evaluate(() => document.getElementById('qr').complete && document.getElementById('qr').naturalWidth > 0));
assert.equal((await screen.textContent('#join-code')).replace(/\s/g, ''), code);
const joinUrl = `${BASE}/j/${code}`;
assert.equal(await screen.textContent('#join-url'), joinUrl.replace(/^https?:\/\//, ''));
await screen.locator('#qr').screenshot({ path: `${SHOTS}/qr.png` });
const decoded = execFileSync('zbarimg', ['--raw', '-q', `${SHOTS}/qr.png`], { encoding: 'utf8' }).trim();
assert.equal(decoded, joinUrl, 'the QR code decodes to the join URL');
figures['QR decodes to'] = decoded;
await axe(screen, 'big screen (waiting)');

// ---- 3. Three phones join by code and vote ----
const phones = [];
for (const name of ['Ann', 'Ben', 'Cy']) {
  const ctx = await context(PHONE);
  const page = await ctx.newPage();
  await page.goto('/j');
  phones.push({ name, ctx, page });
}
// The phone page's first load, in compressed bytes of JavaScript and CSS.
{
  const ctx = await context(PHONE);
  const page = await ctx.newPage();
  const sizes = [];
  page.on('requestfinished', async (r) => {
    if (['script', 'stylesheet'].includes(r.resourceType())) sizes.push(r.sizes().then((s) => [r.url(), s.responseBodySize]));
  });
  await page.goto(`/j/${code}`, { waitUntil: 'networkidle' });
  const loaded = await Promise.all(sizes);
  const total = loaded.reduce((s, [, n]) => s + n, 0);
  figures['phone page first load, compressed JS+CSS'] = `${total} bytes in ${loaded.length} files`;
  assert.ok(total > 0 && total <= 60 * 1024, `phone page JS+CSS ${total} bytes`);
  await axe(page, 'phone (join form)');
  await shot(page, 'phone-join-360x740');
  await ctx.close();
}
for (const p of phones) {
  await p.page.fill('#code', code);
  await p.page.fill('#name', p.name);
  await p.page.click('button[type="submit"]');
  await p.page.waitForSelector('#question');
  assert.equal(await p.page.textContent('#question'), 'Which pet?');
}
await axe(phones[0].page, 'phone (voting)');
await shot(phones[0].page, 'phone-vote-single-360x740');
for (const [p, choice] of [[phones[0], 'Cat'], [phones[1], 'Dog'], [phones[2], 'Cat']]) {
  await p.page.getByLabel(choice).check();
  await p.page.click('button[type="submit"]');
  await p.page.waitForSelector('text=Your vote was counted');
}
await shot(phones[0].page, 'phone-confirmed-360x740');

// ---- 4. The console and the big screen show the counts ----
await console_.waitForFunction(() => /^3 participants/.test(document.getElementById('counts').textContent));
assert.match(await console_.textContent('#results'), /Cat2 \(66\.7%\)/);
assert.match(await console_.textContent('#results'), /Dog1 \(33\.3%\)/);
await until('the screen to count 3 responses', async () => (await screen.textContent('#responses')) === '3 responses');
await console_.locator('body').press('r'); // R: show the results
await screen.waitForSelector('#chart .bars');
await until('the screen to show the bars', async () => /Cat2 \(66\.7%\)/.test(await screen.textContent('#chart')));
await phones[0].page.waitForSelector('#results .bars');
await axe(console_, 'console');
await axe(screen, 'big screen (results)');
await shot(console_, 'console-1280x800');
await shot(screen, 'screen-results-1920x1080');
await screen.setViewportSize({ width: 1280, height: 720 });
await shot(screen, 'screen-results-1280x720');
await screen.setViewportSize({ width: 1920, height: 1080 });
await shot(phones[0].page, 'phone-results-360x740');

// The big screen at ten updates a second: 240 votes in 3 s from other
// participants, while the page records its frame gaps and long tasks.
await screen.evaluate(() => {
  window.__frames = [];
  window.__long = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask' });
  let last = performance.now();
  const loop = (t) => { window.__frames.push(t - last); last = t; if (window.__frames.length < 100000) requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  window.__updates = 0;
  new MutationObserver(() => { window.__updates++; }).observe(document.getElementById('chart'), { subtree: true, characterData: true, childList: true });
});
// The baseline, in the same page and run: 3 s with no update.
await sleep(3000);
const idle = await screen.evaluate(() => {
  const f = window.__frames.slice(1).sort((a, b) => a - b);
  window.__frames = [];
  window.__long = [];
  window.__updates = 0;
  return { frames: f.length, p95: f[Math.floor(f.length * 0.95)], max: f[f.length - 1] };
});
figures['big screen idle for 3 s (baseline)'] = `${idle.frames} frames, gap p95 ${idle.p95.toFixed(1)} ms, max ${idle.max.toFixed(1)} ms`;
const pollId = created.body.polls[0].poll_id;
const burstStart = Date.now();
for (let i = 0; i < 240; i++) {
  const cid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  api('POST', `/presentations/${id}/polls/current/votes`, null, { key: i % 3 ? 'A' : 'B', client_id: cid, poll_id: pollId });
  await sleep(12.5);
}
await sleep(600);
const redraw = await screen.evaluate(() => {
  const f = window.__frames.slice(1).sort((a, b) => a - b);
  return { frames: f.length, p50: f[Math.floor(f.length / 2)], p95: f[Math.floor(f.length * 0.95)], max: f[f.length - 1], long: window.__long, updates: window.__updates };
});
figures['big screen p95 frame gap, burst / idle'] = (redraw.p95 / idle.p95).toFixed(2);
figures['big screen during 240 votes in 3 s'] = `${redraw.frames} frames, gap p50 ${redraw.p50.toFixed(1)} ms, p95 ${redraw.p95.toFixed(1)} ms, max ${redraw.max.toFixed(1)} ms; ${redraw.long.length} long tasks; ${redraw.updates} chart mutations; ${Date.now() - burstStart} ms`;
await until('the screen to count 243 responses', async () => (await screen.textContent('#responses')) === '243 responses');

// ---- 5. The presenter advances; the phones follow within 1 s ----
await console_.locator('body').press('ArrowRight');
const moved = Date.now();
const follows = await Promise.all(phones.map(async (p) => {
  await p.page.waitForFunction(() => document.getElementById('question')?.textContent === 'One word for today?', null, { timeout: 5000 });
  return Date.now() - moved;
}));
figures['phones followed the slide change after (ms)'] = follows.join(', ');
for (const ms of follows) assert.ok(ms <= 1000, `a phone followed after ${ms} ms`);
await until('the screen to follow', async () => (await screen.textContent('#question')) === 'One word for today?');

// ---- 6. Word cloud, the XSS case, and a phone that goes offline ----
await phones[0].page.fill('#word-0', XSS);
await phones[0].page.fill('#word-1', 'sunny');
await phones[0].page.click('button[type="submit"]');
await phones[0].page.waitForSelector('text=Your vote was counted');
await phones[1].page.fill('#word-0', 'Sunny');
await phones[1].page.click('button[type="submit"]');
await phones[1].page.waitForSelector('text=Your vote was counted');
await shot(phones[1].page, 'phone-vote-wordcloud-360x740');

const cy = phones[2];
await cy.ctx.setOffline(true);
await cy.page.fill('#word-0', 'offline');
await cy.page.click('button[type="submit"]');
await cy.page.waitForSelector('text=You are offline');
await shot(cy.page, 'phone-offline-queued-360x740');
await cy.ctx.setOffline(false);
await cy.page.waitForSelector('text=Your vote was counted', { timeout: 15000 });
const cloudPoll = created.body.polls[1].poll_id;
const cloud = await until('three participants on the word cloud', async () => {
  const r = await api('GET', `/presentations/${id}/polls/${cloudPoll}/results`, token);
  return r.body.participants === 3 ? r.body : null;
});
const count = (w) => (cloud.words.find((x) => x.word.toLowerCase() === w) || { count: 0 }).count;
assert.equal(count('offline'), 1, 'the queued vote counted once');
assert.equal(count('sunny'), 2);
figures['word cloud after the offline phone'] = JSON.stringify(cloud.words.map((w) => [w.word, w.count]));

await console_.locator('body').press('r');
await until('the cloud on the big screen', async () => (await screen.locator('.cloud span').count()) === 3);
const shownXss = await screen.locator('.cloud span', { hasText: XSS }).count();
assert.equal(shownXss, 1, 'the XSS word shows as text on the big screen');
assert.equal(await screen.locator('img[src="x"]').count(), 0, 'no image element was made from audience text');
await console_.waitForSelector('#shown li');
assert.equal(await console_.locator('#queue li', { hasText: XSS }).count(), 1, 'the console lists it as text');
assert.equal(await console_.locator('img[src="x"]').count(), 0);
await shot(screen, 'screen-wordcloud-1920x1080');
await screen.setViewportSize({ width: 1280, height: 720 });
await shot(screen, 'screen-wordcloud-1280x720');
await screen.setViewportSize({ width: 1920, height: 1080 });
await shot(console_, 'console-moderation-1280x800');
await axe(screen, 'big screen (word cloud)');

// ---- 7. The quiz: the faster correct phone ranks first ----
await console_.locator('body').press('ArrowRight');
for (const p of phones) await p.page.waitForFunction(() => document.getElementById('question')?.textContent === '2 + 2?');
await phones[0].page.waitForSelector('#countdown:has-text("left")');
await shot(phones[0].page, 'phone-vote-quiz-360x740');
await phones[0].page.getByLabel('4').check();
await phones[0].page.click('button[type="submit"]');
await phones[0].page.waitForSelector('text=Your vote was counted');
await sleep(2500);
await phones[1].page.getByLabel('4').check();
await phones[1].page.click('button[type="submit"]');
await phones[2].page.getByLabel('3').check();
await phones[2].page.click('button[type="submit"]');
for (const p of phones.slice(1)) await p.page.waitForSelector('text=Your vote was counted');
const board = await until('the leaderboard to hold three answers', async () => {
  const r = await api('GET', `/presentations/${id}/leaderboard`, token);
  return r.body.length === 3 ? r.body : null;
});
figures.leaderboard = JSON.stringify(board.map((s) => [s.rank, s.name, s.score]));
assert.deepEqual(board.map((s) => s.name), ['Ann', 'Ben', 'Cy']);
assert.ok(board[0].score > board[1].score && board[1].score > 0 && board[2].score === 0);
await console_.locator('body').press('r');
await until('the console leaderboard', async () => /^1Ann/.test((await console_.textContent('#leaderboard-table tbody tr')) || ''));
await until('the screen leaderboard', async () => /^1Ann/.test((await screen.textContent('#leaderboard-table tbody tr').catch(() => '')) || ''));
// Results shown while voting is open do not give the answer away: a
// phone says nothing of right or wrong until the presenter closes voting.
await sleep(1000);
assert.equal(await phones[0].page.isVisible('text=Correct!'), false, 'no verdict while voting is open');
await console_.locator('body').press('Space');
await phones[0].page.waitForSelector('text=Correct!');
await phones[0].page.waitForSelector(`text=Your quiz score: ${board[0].score} points (1 correct)`, { timeout: 10000 });
await phones[2].page.waitForSelector('text=Your quiz score: 0 points (0 correct)', { timeout: 10000 });
await phones[2].page.waitForSelector('text=Not this time.');
await shot(screen, 'screen-quiz-1920x1080');
await screen.setViewportSize({ width: 1280, height: 720 });
await shot(screen, 'screen-quiz-1280x720');
await shot(console_, 'console-quiz-1280x800');
await console_.setViewportSize({ width: 360, height: 740 });
await shot(console_, 'console-360x740');
await shot(phones[0].page, 'phone-quiz-result-360x740');
await axe(phones[0].page, 'phone (quiz result)');
await axe(console_, 'console (quiz)');

// ---- Presenter pages refuse to work without the token ----
const stranger = await context({ viewport: { width: 1280, height: 800 } });
for (const path of [`/present/${id}`, `/screen/${id}`]) {
  const page = await stranger.newPage();
  await page.goto(path);
  await page.waitForSelector('text=does not hold the presenter key');
  assert.equal(await page.locator('#next, #qr').count(), 0, `${path} shows no controls`);
  await axe(page, `${path.split('/')[1]} without the token`);
  await shot(page, `${path.split('/')[1]}-without-token-1280x800`);
  // A wrong key is refused too.
  await page.fill('#token', 'tly_wrong');
  await page.click('button[type="submit"]');
  await page.waitForSelector('text=does not hold the presenter key');
}

// ---- The token never travels in a URL ----
figures['requests checked for the token'] = assertTokenNeverInUrl(token);

// ---- Headers ----
for (const path of ['/', '/j', `/present/${id}`, `/screen/${id}`, '/assets/js/phone.js']) {
  const res = await fetch(BASE + path);
  const csp = res.headers.get('content-security-policy') || '';
  assert.match(csp, /script-src 'self'/, `${path} has a CSP`);
  assert.ok(!/unsafe-inline|unsafe-eval/.test(csp), `${path}: no inline script allowed`);
}

await finish('event');
