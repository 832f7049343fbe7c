// The big screen fits its worst-case slides (issue 25, "Tests", first
// bullet), in Debian's Chromium driven by Playwright. Run by `cargo test
// -p tally-server --test api browser::the_big_screen` against Tally on the
// spike path, or by hand with TALLY_URL against a dev server.
//
// Each worst case is its own presentation, made through the API at the
// limits the API and the editor allow (crates/tally-domain/src/poll.rs,
// kinds/settings.rs; the editor: questions of 500 characters, options of
// 200), with the audience's entries added through the API by several
// participants. On every state (waiting for answers, results, the lobby,
// the QR code across the screen), at 1280x720, 1920x1080 and 3840x2160,
// in English and in Arabic:
// - no scrolling: the document is no larger than the window;
// - no cut text: every visible text is inside the window, inside every
//   ancestor that clips, and no element's content overflows its box;
// - the smallest visible text is at least 1.8 % of the window's height;
// - axe-core: no violation at all (any impact).
// A list shown in pages shows every one of its items within 30 s, and the
// word cloud shows every word of its 50 most frequent. The timer: the
// screen says "Voting closed" within 1.5 s of the deadline. What is the
// presenter's and not the room's stays off the picture: the key hint shows
// only a moment after loading, on mouse moves and on H or ?; a count of
// phones on the page is never a "0" beside the answers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { log, figures, context, shot, api, until, sleep, finish } from './harness.mjs';

// TALLY_SCREEN_ALL=1 records every failed check and fails at the end,
// instead of at the first (to see all that an old screen gets wrong).
const failures = [];
function check(fn) {
  if (process.env.TALLY_SCREEN_ALL !== '1') return fn();
  try {
    return fn();
  } catch (e) {
    failures.push(e.message.split('\n').slice(0, 4).join(' '));
    log('FAILED', failures.at(-1).slice(0, 400));
    return undefined;
  }
}
async function step(fn) {
  if (process.env.TALLY_SCREEN_ALL !== '1') return fn();
  try {
    return await fn();
  } catch (e) {
    failures.push(e.message.split('\n').slice(0, 4).join(' '));
    log('FAILED', failures.at(-1).slice(0, 400));
    return undefined;
  }
}
const SIZES = [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }, { width: 3840, height: 2160 }];
const UHD = SIZES[2];
const AXE = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const cid = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const keyOf = (i) => `K${i}`;
// Text of exactly `n` characters, in words, made distinct by `tag`.
const WORDS = 'the quick brown fox jumps over a lazy dog while seven wizards judge boxing matches nearby'.split(' ');
function text(n, tag) {
  let s = `${tag} `;
  for (let i = 0; s.length < n; i++) s += `${WORDS[(i * 7 + tag.length) % WORDS.length]} `;
  return s.slice(0, n - 1).trimEnd().padEnd(n - 1, 'x') + '.';
}
const Q500 = text(500, 'Q500');
const options = (n, len) => Array.from({ length: n }, (_, i) => ({ key: keyOf(i), value: text(len, `Option ${i + 1}`) }));

async function create(polls) {
  const made = await api('POST', '/presentations', null, { profanity_filter: 'off', polls });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const deck = (await api('GET', `/presentations/${made.body.presentation_id}`)).body;
  return { id: made.body.presentation_id, token: made.body.presenter_token, code: made.body.join_code, polls: deck.polls };
}
const ok = (r, what) => assert.ok(r.status >= 200 && r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
async function vote(c, n, body) {
  const poll_id = c.polls[c.index || 0].poll_id;
  ok(await api('POST', `/presentations/${c.id}/polls/current/votes`, null, { client_id: cid(n), poll_id, ...body }), `vote on ${c.name}`);
}
const results = async (c) => (await api('GET', `/presentations/${c.id}/polls/${c.polls[c.index || 0].poll_id}/results`, c.token)).body;
const showResults = async (c, on) => ok(await api('POST', `/presentations/${c.id}/polls/current/results/${on ? 'show' : 'hide'}`, c.token), 'results');

// ---- The worst cases ----
const cases = [];
async function add(name, polls, fill, expected) {
  const c = { name, ...(await create(polls)) };
  await fill(c);
  c.expected = expected ? await expected(c) : null;
  cases.push(c);
  return c;
}

await add('choice-64', [{ question: Q500, options: options(64, 200) }], async (c) => {
  for (let i = 0; i < 90; i++) await vote(c, i, { key: keyOf((i * i) % 64) });
}, async (c) => (await results(c)).options.map((o) => o.value));

// A statement carries its distribution under it, so 64 of them at the
// editor's 200 characters need 15 pages at 1280x720 (more than 30 s): the
// worst case the screen can show is 64 statements of SCALE_CHARS.
const SCALE_CHARS = 100;
await add('scale-64', [{ type: 'scale', question: Q500, options: options(64, SCALE_CHARS), scale: { min: 0, max: 100 } }], async (c) => {
  for (let i = 0; i < 8; i++) {
    await vote(c, i, { ratings: Object.fromEntries(c.polls[0].options.map((o, j) => [o.key, (i * 13 + j * 7) % 101])) });
  }
}, async (c) => (await results(c)).options.map((o) => o.value));

await add('open-40', [{ type: 'open', question: text(280, 'Open'), max_length: 280 }], async (c) => {
  for (let i = 0; i < 40; i++) await vote(c, i, { text: text(280, `Answer ${i + 1}`) });
}, async (c) => (await results(c)).entries.filter((e) => !e.hidden).map((e) => e.text));

await add('qa-60', [{ type: 'qa', question: text(280, 'QA') }], async (c) => {
  const poll = c.polls[0].poll_id;
  const ids = [];
  for (let i = 0; i < 60; i++) {
    // One question with no space at all: it must wrap, not widen the page.
    const words = i === 7 ? `Nospace${'x'.repeat(272)}?` : text(280, `Question ${i + 1}`);
    const r = await api('POST', `/presentations/${c.id}/polls/${poll}/questions`, null, { client_id: cid(Math.floor(i / 10)), text: words });
    ok(r, 'question');
    ids.push(r.body.question_id);
  }
  for (let i = 0; i < 20; i++) {
    ok(await api('POST', `/presentations/${c.id}/polls/${poll}/questions/${ids[i % 12]}/upvote`, null, { client_id: cid(100 + i) }), 'upvote');
  }
  // The question being answered (pinned) and one already answered.
  ok(await api('POST', `/presentations/${c.id}/polls/${poll}/questions/${ids[30]}/pin`, c.token), 'pin');
  ok(await api('POST', `/presentations/${c.id}/polls/${poll}/questions/${ids[5]}/answered`, c.token), 'answered');
}, async (c) => (await results(c)).questions.filter((q) => !q.hidden).map((q) => q.text));

const LONG_WORD = 'Pneumonoultramicroscopicsilicovolcanoesx'; // 40 characters
assert.equal(LONG_WORD.length, 40);
await add('cloud-100', [{ type: 'wordcloud', question: 'One word for the conference?', max_entries: 10, max_length: 50 }], async (c) => {
  // 100 distinct words: ten frequent ones (the long word among them), 90
  // rarer ones, from 40 participants of up to 8 words each.
  const words = Array.from({ length: 100 }, (_, i) => (i === 3 ? LONG_WORD : `${WORDS[i % WORDS.length]}${i}`));
  for (let p = 0; p < 40; p++) {
    const mine = new Set([words[p % 10], words[(p + 3) % 10], words[(p * 7) % 10]]);
    for (let k = 0; k < 5; k++) mine.add(words[10 + ((p * 5 + k) % 90)]);
    await vote(c, p, { words: [...mine] });
  }
}, async (c) => {
  const r = await results(c);
  assert.equal(r.words.length, 100, 'the cloud holds 100 words');
  return r.words.filter((w) => !w.hidden).slice(0, 50).map((w) => w.word);
});

await add('ranking-64', [{ type: 'ranking', question: Q500, options: options(64, 200) }], async (c) => {
  const keys = c.polls[0].options.map((o) => o.key);
  for (let i = 0; i < 6; i++) {
    const order = keys.map((_, j) => keys[(j + i * 11) % 64]);
    if (i % 2) order.reverse();
    await vote(c, i, { ranking: order });
  }
}, async (c) => (await results(c)).options.map((o) => o.value));

// The lobby: nobody in yet, the join details large.
await add('lobby', [{ question: 'Which city hosts the next meetup?', options: [{ key: 'A', value: 'Lisbon' }, { key: 'B', value: 'Tallinn' }, { key: 'C', value: 'Montréal' }] }], async () => {}, null);

// The quiz, with a timer: the podium and the correct answer after it.
const quiz = await add('quiz', [
  { question: 'Ready?', options: [{ key: 'A', value: 'Yes' }, { key: 'B', value: 'No' }] },
  { type: 'quiz', question: 'Which planet is the largest?', options: [{ key: 'A', value: 'Mars' }, { key: 'B', value: 'Jupiter' }, { key: 'C', value: 'Venus' }, { key: 'D', value: 'Mercury' }], correct: ['B'], time_limit_secs: 6 },
], async () => {}, null);
log('created', cases.map((c) => `${c.name} ${c.id}`).join(', '));

// ---- What is checked on each state ----
// Visible text: text nodes whose element is rendered and not visually
// hidden (1 px boxes for screen readers), nor on a page not shown.
async function fits(page, state) {
  const report = await page.evaluate(() => {
    const vw = innerWidth;
    const vh = innerHeight;
    const bad = [];
    const de = document.documentElement;
    if (de.scrollWidth > vw || de.scrollHeight > vh) bad.push(`the document is ${de.scrollWidth}x${de.scrollHeight} in ${vw}x${vh}`);
    let smallest = Infinity;
    let smallestText = '';
    let count = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim()) continue;
      const el = n.parentElement;
      if (!el.checkVisibility({ checkOpacity: true, visibilityProperty: true })) continue;
      if (el.closest('.visually-hidden')) continue;
      // For screen readers only: drawn in a box of at most 1x1 px that
      // clips it (the visually hidden pattern).
      let srOnly = false;
      for (let a = el; a && a !== document.body && !srOnly; a = a.parentElement) {
        const box = a.getBoundingClientRect();
        srOnly = box.width <= 1 && box.height <= 1 && getComputedStyle(a).overflow !== 'visible';
      }
      if (srOnly) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (!rects.length) continue;
      count++;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < smallest) {
        smallest = size;
        smallestText = n.textContent.trim().slice(0, 40);
      }
      const what = `"${n.textContent.trim().slice(0, 30)}" in ${name(el)}`;
      for (const r of rects) {
        if (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1) {
          bad.push(`${what} is outside the window (${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)})`);
          break;
        }
      }
      // Clipped by an ancestor that hides its overflow.
      for (let a = el; a && a !== document.body; a = a.parentElement) {
        const cs = getComputedStyle(a);
        if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
        const box = a.getBoundingClientRect();
        if (rects.some((r) => r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)) {
          bad.push(`${what} is cut by ${name(a)}`);
          break;
        }
      }
      if (getComputedStyle(el).display !== 'inline' && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
        bad.push(`${what} overflows its box (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
      }
    }
    return { bad: [...new Set(bad)], smallest, smallestText, share: smallest / vh, count };
  });
  assert.ok(report.count > 0, `${state}: some text is shown`);
  check(() => assert.deepEqual(report.bad.slice(0, 12), [], `${state}: no scrolling and no cut text (${report.bad.length} problems; ${report.bad.slice(0, 2).join('; ')})`));
  check(() => assert.ok(report.share >= 0.018, `${state}: the smallest text "${report.smallestText}" is ${report.smallest.toFixed(1)} px, ${(report.share * 100).toFixed(2)} % of the height`));
  return report;
}

async function axeAll(page, state) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document));
  figures[`axe ${state}`] = `${result.violations.length} violations`;
  check(() => assert.deepEqual(result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((x) => x.target.join(' ')).slice(0, 3).join('; ')})`), [], `axe on ${state}`));
}

const smallest = {};
async function checkState(page, c, state, lang) {
  await page.bringToFront();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await sleep(400); // the refit after a resize waits 100 ms
    const label = `${c.name} ${state} ${lang} ${size.width}x${size.height}`;
    const r = await fits(page, label);
    smallest[`${size.width}x${size.height}`] = Math.min(smallest[`${size.width}x${size.height}`] ?? 1, r.share);
    await axeAll(page, label);
    await shot(page, `screen-${c.name}-${state}-${lang}-${size.width}x${size.height}`);
  }
}

async function openScreens(lang) {
  // The big screen speaks the language the presenter chose for it.
  for (const c of cases) ok(await api('PATCH', `/presentations/${c.id}/settings`, c.token, { locale: lang }), `${c.name}: locale ${lang}`);
  const ctx = await context({ viewport: SIZES[0] });
  await ctx.addInitScript(([tokens, tag]) => {
    if (location.protocol === 'about:') return;
    for (const [id, token] of tokens) localStorage.setItem(`tally.token.${id}`, JSON.stringify(token));
    localStorage.setItem('tally.locale', tag);
  }, [cases.map((c) => [c.id, c.token]), lang]);
  for (const c of cases) {
    c.page = await ctx.newPage();
    await c.page.goto(`/screen/${c.id}`);
  }
  for (const c of cases) {
    await c.page.waitForSelector('#join-code');
    await until(`${c.name}: the question`, async () => (await c.page.textContent('#question')) === c.polls[0].question);
    const dir = await c.page.evaluate(() => document.documentElement.dir);
    check(() => assert.equal(dir || 'ltr', lang === 'ar' ? 'rtl' : 'ltr', `${c.name} ${lang}: the page's direction`));
  }
  return ctx;
}

// Items of a list seen on show over `ms`: the texts of the visible rows.
async function collect(page, ms) {
  const seen = new Set();
  let pages = 1;
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const now = await page.evaluate(() => {
      const list = document.querySelector('#body .fit-list');
      const rows = list ? [...list.children].filter((li) => !li.hidden && li.checkVisibility()) : [];
      const of = document.querySelector('#pager:not([hidden]) .page-of');
      return {
        texts: rows.map((li) => (li.querySelector('.bar-name, .q-words') || li).textContent.replace(/^\d+\. /, '').replace(/^✓ /, '')),
        of: of ? of.textContent : '',
      };
    });
    now.texts.forEach((x) => seen.add(x));
    const m = now.of.match(/\/\s*(\d+)/);
    if (m) pages = Number(m[1]);
    if (pages === 1 && seen.size && ms > 5000 && Date.now() > end - ms + 2000) break;
    await sleep(250);
  }
  return { seen, pages };
}

for (const lang of ['en', 'ar']) {
  // Waiting for answers: results hidden.
  for (const c of cases) await showResults(c, false);
  const ctx = await openScreens(lang);
  for (const c of cases) {
    if (c.name === 'quiz') continue;
    await until(`${c.name}: the count`, async () => (await c.page.textContent('#responses')).trim() !== '');
    await checkState(c.page, c, c.name === 'lobby' ? 'lobby' : 'waiting', lang);
  }
  // Q: the QR code across the screen, then back.
  const lobby = cases.find((c) => c.name === 'lobby').page;
  await step(async () => {
    await lobby.keyboard.press('q');
    await lobby.waitForSelector('#qr-overlay:not([hidden])', { timeout: 5000 });
    await checkState(lobby, { name: 'lobby' }, 'qr', lang);
    await lobby.keyboard.press('q');
    await lobby.waitForSelector('#qr-overlay', { state: 'hidden' });
  });

  // Results shown.
  for (const c of cases) if (c.name !== 'quiz') await showResults(c, true);
  for (const c of cases) {
    if (c.name === 'quiz' || c.name === 'lobby') continue;
    await c.page.bringToFront();
    await c.page.setViewportSize(SIZES[0]);
    await until(`${c.name}: results on the screen`, () => c.page.evaluate(() => /^results/.test(document.getElementById('body').dataset.mode || '')
      && !!document.querySelector('#body li, #body .cloud > span')));
    await sleep(800);
    await checkState(c.page, c, 'results', lang);
  }
  // J brings the large join details back over results, and J again hides them.
  const choice = cases.find((c) => c.name === 'choice-64').page;
  await step(async () => {
    await choice.setViewportSize(SIZES[0]);
    assert.equal(await choice.getAttribute('#join', 'data-mode', { timeout: 2000 }), 'strip', 'the join strip shrinks once the audience is in');
    await choice.keyboard.press('j');
    await until('J: the join details large', async () => (await choice.getAttribute('#join', 'data-mode')) === 'full');
    await sleep(500);
    await checkState(choice, { name: 'choice-64' }, 'join-large', lang);
    await choice.keyboard.press('j');
    await until('J again: the strip', async () => (await choice.getAttribute('#join', 'data-mode')) === 'strip');
  });

  // Every item of a paginated list within 30 s, all screens at once, at
  // the smaller size, where most lists need pages.
  // Also at 3840x2160, where the fitter's type is largest in pixels.
  for (const size of lang === 'en' ? [SIZES[0], UHD] : []) {
    const at = `${size.width}x${size.height}`;
    const lists = cases.filter((c) => c.expected && c.name !== 'cloud-100');
    for (const c of lists) await c.page.setViewportSize(size);
    await sleep(500);
    figures['visibility of the screens while collecting'] = [...new Set(await Promise.all(lists.map((c) => c.page.evaluate(() => document.visibilityState))))].join(', ');
    const seen = await Promise.all(lists.map((c) => collect(c.page, 30000)));
    lists.forEach((c, i) => {
      const missing = c.expected.filter((x) => !seen[i].seen.has(x));
      figures[`${c.name} at ${at}`] = `${seen[i].pages} page(s); ${c.expected.length - missing.length} of ${c.expected.length} items seen within 30 s`;
      log(c.name, figures[`${c.name} at ${at}`], figures['visibility of the screens while collecting']);
      check(() => assert.deepEqual(missing.map((x) => x.slice(0, 40)), [], `${c.name} at ${at}: every item shown within 30 s`));
    });
    const multi = lists.filter((c, i) => seen[i].pages > 1).map((c) => c.name);
    if (size === SIZES[0]) assert.ok(multi.length > 0, 'some worst case needed pages (else this check proves nothing)');
  }
  // The word cloud: every word of its top 50, each shown whole.
  const cloud = cases.find((c) => c.name === 'cloud-100');
  for (const size of SIZES) {
    await cloud.page.setViewportSize(size);
    await sleep(600);
    const shown = await cloud.page.evaluate(() => [...document.querySelectorAll('#body .cloud > span')].map((s) => s.textContent));
    const missing = cloud.expected.filter((w) => !shown.includes(w));
    figures[`cloud ${lang} ${size.width}x${size.height}`] = `${shown.length} words shown, ${missing.length} of the top 50 missing`;
    check(() => assert.deepEqual(missing, [], `the cloud at ${size.width}x${size.height} shows every word of its top 50`));
    check(() => assert.ok(shown.includes(LONG_WORD)));
  }
  await ctx.close();
}

// ---- The timer: "Voting closed" within 1.5 s of the deadline; the quiz ----
{
  // In English again: the Arabic pass left the presenter's choice at Arabic.
  ok(await api('PATCH', `/presentations/${quiz.id}/settings`, quiz.token, { locale: 'en' }), 'quiz: locale en');
  const ctx = await context({ viewport: SIZES[1] });
  await ctx.addInitScript(([id, token]) => location.protocol !== 'about:' && localStorage.setItem(`tally.token.${id}`, JSON.stringify(token)), [quiz.id, quiz.token]);
  const page = await ctx.newPage();
  await page.goto(`/screen/${quiz.id}`);
  await page.waitForSelector('#join-code');
  ok(await api('PUT', `/presentations/${quiz.id}/polls/current/index`, quiz.token, { index: 1 }), 'go to the quiz');
  quiz.index = 1;
  await until('the quiz on the screen', async () => (await page.textContent('#question')) === 'Which planet is the largest?');
  // Opening an open poll again changes nothing and answers with its timer.
  const state = (await api('POST', `/presentations/${quiz.id}/polls/current/open`, quiz.token)).body;
  const deadline = state.deadline_ms;
  assert.ok(deadline > Date.now(), `a running timer (${JSON.stringify(state).slice(0, 200)})`);
  const names = ['Ann', 'Ben', 'Cy', 'Dee', 'Eli'];
  for (let i = 0; i < names.length; i++) {
    ok(await api('POST', `/presentations/${quiz.id}/participants`, null, { client_id: cid(500 + i), name: names[i] }), 'name');
    await vote(quiz, 500 + i, { key: i === 2 ? 'C' : 'B' });
    await sleep(150);
  }
  await step(() => until('the countdown ring', () => page.isVisible('.countdown'), 3000));
  await shot(page, 'screen-quiz-countdown-en-1920x1080');
  await step(() => until('"Voting closed" on the screen', async () => (await page.textContent('#status').catch(() => '')) === 'Voting closed', 15000));
  const late = Date.now() - deadline;
  figures['"Voting closed" after the deadline (ms)'] = late;
  check(() => assert.ok(late <= 1500, `the screen said "Voting closed" ${late} ms after the deadline`));
  const ringLeft = await page.isVisible('.countdown');
  check(() => assert.ok(!ringLeft, 'no countdown once closed'));
  await showResults(quiz, true);
  await until('the podium', async () => /^1Ann/.test((await page.textContent('#leaderboard-table tbody tr').catch(() => '')) || ''));
  await step(() => until('the correct answer marked', () => page.isVisible('#body li.correct'), 3000));
  await sleep(800);
  await checkState(page, quiz, 'podium', 'en');
  await ctx.close();
}

// ---- What is the presenter's stays off the projected picture ----
{
  const lobby = cases.find((c) => c.name === 'lobby');
  const choice = cases.find((c) => c.name === 'choice-64');
  for (const c of [lobby, choice]) ok(await api('PATCH', `/presentations/${c.id}/settings`, c.token, { locale: 'en' }), `${c.name}: locale en`);
  const ctx = await context({ viewport: SIZES[0] });
  await ctx.addInitScript((tokens) => {
    if (location.protocol === 'about:') return;
    for (const [id, token] of tokens) localStorage.setItem(`tally.token.${id}`, JSON.stringify(token));
  }, [lobby, choice].map((c) => [c.id, c.token]));
  const page = await ctx.newPage();
  await page.goto(`/screen/${lobby.id}`);
  await page.waitForSelector('#join-code');
  // Shown: drawn larger than the 1x1 px box of the visually hidden pattern.
  const hint = () => page.evaluate(() => {
    const el = document.getElementById('hint');
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && el.checkVisibility({ checkOpacity: true, visibilityProperty: true });
  });
  const hintText = await page.textContent('#hint');
  await step(() => until('the key hint on loading', hint, 2000));
  const loaded = Date.now();
  await step(() => until('the key hint off the picture a few seconds after loading', async () => !(await hint()), 8000));
  figures['key hint hidden after loading (ms)'] = Date.now() - loaded;
  const tree = await page.locator('#hint').ariaSnapshot().catch((e) => e.message);
  check(() => assert.ok(tree.includes(hintText), `the hidden hint stays for screen readers (${tree})`));
  await shot(page, 'screen-lobby-idle-en-1280x720');
  for (const [what, act] of [
    ['a mouse move', () => page.mouse.move(300 + Math.random() * 100, 300)],
    ['H', () => page.keyboard.press('h')],
    ['?', () => page.keyboard.press('Shift+Slash')],
  ]) {
    await act();
    await step(() => until(`the key hint after ${what}`, hint, 1000));
    await step(() => until(`the key hint gone again after ${what}`, async () => !(await hint()), 8000));
  }
  await page.keyboard.press('h');
  await until('the key hint shown', hint, 1000);
  await fits(page, 'lobby with the key hint en 1280x720');
  await shot(page, 'screen-lobby-hint-en-1280x720');

  // 90 responses and no phone on the page now: no "0" beside them.
  await page.goto(`/screen/${choice.id}`);
  await until('the responses', async () => /^90 /.test(await page.textContent('#responses')));
  await sleep(1500);
  const zero = await page.locator('#audience').textContent({ timeout: 100 }).catch(() => null);
  figures['audience count beside 90 responses, no phone on the page'] = String(zero);
  check(() => assert.equal(zero, null, `no count of phones on the page beside 90 responses (shows "${zero}")`));
  // A phone opens the live page: the screen and the console count it, in
  // words that say what is counted.
  const phoneCtx = await context({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneCtx.newPage();
  await phone.goto(`/j/${choice.code}`);
  await phone.click('form button[type="submit"]');
  await phone.waitForSelector('#phone-question, .tile, fieldset', { timeout: 10000 }).catch(() => {});
  // Counts go out with the results: a vote makes new ones.
  await vote(choice, 999, { key: keyOf(1) });
  await step(() => until('"1 on the page now" on the screen', async () => (await page.locator('#audience').textContent({ timeout: 100 }).catch(() => '')) === '1 on the page now', 10000));
  figures['audience on the screen with one phone'] = await page.locator('#audience').textContent({ timeout: 100 }).catch(() => null);
  await shot(page, 'screen-choice-64-one-phone-en-1280x720');
  const console_ = await ctx.newPage();
  await console_.goto(`/present/${choice.id}`);
  await step(() => until('the console\'s count of phones on the live page', async () => /^1 on the live page now$/.test((await console_.textContent('#audience').catch(() => '')).trim()), 10000));
  figures['audience in the console with one phone'] = (await console_.textContent('#audience')).trim();
  await phoneCtx.close();
  await ctx.close();
}

assert.deepEqual(failures, [], 'every check passed');
figures['smallest text, share of the height'] = JSON.stringify(Object.fromEntries(Object.entries(smallest).map(([k, v]) => [k, `${(v * 100).toFixed(2)} %`])));
await finish('screen');
