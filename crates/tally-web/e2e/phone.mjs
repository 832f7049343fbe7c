// The phone page as an audience member uses it, at 360×740 and 390×844
// (mobile, touch), in English and in Arabic. Each check below failed
// before its fix (see the report of the change that added this file):
// every target at least 24×24 px on every poll type; a 0–10 scale on one
// row; checkboxes off at the maximum; a double tap on "Send question"
// stores one question; the offline notice clears within 2 s of
// reconnecting; focus kept after voting and after moving a ranking item;
// one Q&A list once results are shown; a held entry says "awaiting
// approval"; `/j/` serves the join page; the timer's end turns the Vote
// button off within 1.5 s; server messages are never shown raw; audience
// text is in `dir="auto"` elements; axe-core finds no violation of any
// impact in every state, in both languages; a disabled Vote button's label
// reads at 4.5:1 or more; a dark event's colours reach the phone (join,
// every poll type, results, countdown, offline) and every state of it
// passes axe. Screenshots of every state.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE, log, figures, context, shot, api, until, sleep, finish } from './harness.mjs';

const AXE = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const VIEWPORTS = [{ width: 360, height: 740 }, { width: 390, height: 844 }];
const opts = (...values) => values.map((value, i) => ({ key: String.fromCharCode(65 + i), value }));
const AUDIENCE = ['Tea or coffee?', 'Tea', 'Coffee', 'Water', 'Which talks did you see?', 'Keynote', 'Rust', 'Lunch', 'Docs',
  '2 + 2?', 'Rate the day', 'Talks', 'Food', 'Rank the rooms', 'Hall', 'Attic', 'Cellar', 'Spend 100 points', 'Wifi', 'Chairs',
  'One word for today?', 'Any feedback?', 'Questions for the speaker', 'Last call', 'شاي أم قهوة؟'];

// axe-core's WCAG 2.x A and AA rules and best practices: any violation,
// whatever its impact, fails.
async function axeAll(page, name) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  const all = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
  assert.deepEqual(all, [], `axe on ${name}`);
  return result.passes.length;
}

// Every target a finger can hit, with its size. A control inside a label
// is hit through the label too (WCAG 2.5.8 counts the whole target).
const targets = (page) => page.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('button, input, select, textarea, a[href], [role="button"], summary')) {
    if (el.closest('.visually-hidden')) continue;
    let r = el.getBoundingClientRect();
    const label = el.closest('label');
    if (label) {
      const l = label.getBoundingClientRect();
      if (l.width * l.height > r.width * r.height) r = l;
    }
    if (r.width === 0 && r.height === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    out.push({ what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.type ? `[${el.type}]` : ''} ${(el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 20)}`, w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10 });
  }
  return out;
});

// Audience text (questions, options) sits in an element with dir="auto",
// so a right-to-left answer reads right in a left-to-right page and back.
const audienceWithoutDir = (page) => page.evaluate((strings) => {
  const bad = [];
  const walker = document.createTreeWalker(document.getElementById('app'), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent.trim();
    if (!strings.includes(text)) continue;
    const holder = n.parentElement.closest('[dir]');
    if (!holder || holder.getAttribute('dir') !== 'auto') bad.push(text);
  }
  return bad;
}, AUDIENCE);

// The contrast of a button's label as a person sees it (WCAG 2 formula),
// from the computed styles: the label over the button's own background
// over whatever is behind it, the whole faded by the button's opacity.
// A disabled Vote button must still be read (it says what it will do).
const labelContrast = (page, selector) => page.$eval(selector, (el) => {
  const parse = (c) => {
    const m = c.match(/[\d.]+/g).map(Number);
    const k = c.startsWith('color(') ? 255 : 1; // color(srgb r g b / a)
    return { r: m[0] * k, g: m[1] * k, b: m[2] * k, a: m.length > 3 ? m[3] : 1 };
  };
  const over = (top, under, a = top.a) => ({ r: top.r * a + under.r * (1 - a), g: top.g * a + under.g * (1 - a), b: top.b * a + under.b * (1 - a), a: 1 });
  const behind = (node) => {
    const layers = [];
    for (let n = node; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c.a > 0) layers.push(c);
      if (c.a >= 1) break;
    }
    return layers.reverse().reduce((acc, l) => over(l, acc), { r: 255, g: 255, b: 255, a: 1 });
  };
  const lum = ({ r, g, b }) => {
    const f = (v) => { const x = v / 255; return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const style = getComputedStyle(el);
  let opacity = 1;
  for (let n = el; n; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
  const under = behind(el.parentElement);
  const face = over(parse(style.backgroundColor), under);
  const text = over(parse(style.color), face);
  const [a, b] = [lum(over(text, under, opacity)), lum(over(face, under, opacity))];
  return Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100;
});

// PHONE_SOFT=1 runs every check even after one fails, and lists the
// failures at the end: how the checks were shown failing on the page as it
// was before their fixes. Without it the first failure stops the run.
const SOFT = process.env.PHONE_SOFT === '1';
const failures = [];
async function section(name, fn) {
  try {
    await fn();
  } catch (e) {
    if (!SOFT) throw e;
    failures.push(`${name}: ${String(e.message).split('\n').slice(0, 3).join(' ')}`);
  }
}

async function run(viewport) {
  const size = `${viewport.width}x${viewport.height}`;
  const made = await api('POST', '/presentations', null, {
    polls: [
      { type: 'single', question: 'Tea or coffee?', options: opts('Tea', 'Coffee', 'Water'), allow_change: true },
      { type: 'multiple', question: 'Which talks did you see?', options: opts('Keynote', 'Rust', 'Lunch', 'Docs'), max_choices: 2 },
      { type: 'quiz', question: '2 + 2?', options: opts('3', '4', '5'), correct: ['B'] },
      { type: 'scale', question: 'Rate the day', options: opts('Talks', 'Food'), scale: { min: 0, max: 10, min_label: 'poor', max_label: 'great' } },
      { type: 'ranking', question: 'Rank the rooms', options: opts('Hall', 'Attic', 'Cellar') },
      { type: 'points', question: 'Spend 100 points', options: opts('Coffee', 'Wifi', 'Chairs') },
      { type: 'wordcloud', question: 'One word for today?' },
      { type: 'open', question: 'Any feedback?', moderated: true },
      { type: 'qa', question: 'Questions for the speaker' },
      { type: 'single', question: 'Last call', options: opts('Tea', 'Coffee') },
    ],
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const { presentation_id: id, join_code: code, presenter_token: token } = made.body;
  const deck = (await api('GET', `/presentations/${id}`)).body;
  const pollIds = deck.polls.map((p) => p.poll_id);
  const go = async (index) => {
    const r = await api('PUT', `/presentations/${id}/polls/current/index`, token, { index });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  };
  const showResults = () => api('POST', `/presentations/${id}/polls/current/results/show`, token);

  // `/j/` with a trailing slash is the join page, not a JSON 404.
  await section(`${size}: /j/`, async () => {
    const slash = await fetch(`${BASE}/j/`);
    assert.equal(slash.status, 200, '/j/ answers 200');
    assert.match(slash.headers.get('content-type') || '', /text\/html/);
  });

  const live = (page) => page.waitForFunction(() => /^(Live|مباشر)$/.test(document.getElementById('status')?.textContent || ''), null, { timeout: 20000 });
  const phoneIn = async (locale, name) => {
    const ctx = await context({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale });
    const page = await ctx.newPage();
    await page.goto('/j/');
    await page.waitForSelector('#code');
    await page.fill('#code', code);
    if (name) await page.fill('#name', name);
    await shot(page, `phone-join-${locale}-${size}`);
    await axeAll(page, `join (${locale}, ${size})`);
    await page.click('form button[type="submit"]');
    await page.waitForSelector('#question');
    await live(page);
    return { ctx, page, locale };
  };

  // A name the filter refuses: the phone says so in its own words, never
  // the server's English detail.
  await section(`${size}: refused name`, async () => {
    const ctx = await context({ viewport, isMobile: true, hasTouch: true, locale: 'en' });
    const page = await ctx.newPage();
    await page.goto(`/j/${code}`);
    await page.fill('#name', 'shit');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('[role="alert"].error');
    const shown = (await page.textContent('[role="alert"]')).trim();
    // The server's detail is "this name is not allowed"; the page shows
    // its own message for the problem's code instead.
    assert.equal(shown, 'This name is not allowed. Please choose another.');
    assert.ok(!(await page.textContent('#app')).includes('this name is not allowed'), 'no raw server message');
    await ctx.close();
  });

  const en = await phoneIn('en', 'Ann');
  const ar = await phoneIn('ar', 'سارة');
  await section(`${size}: Arabic is right to left`, async () => {
    assert.equal(await ar.page.evaluate(() => document.documentElement.dir), 'rtl');
  });
  const phones = [en, ar];
  let smallest = { w: Infinity, h: Infinity };
  let states = 0;
  const check = async (state) => {
    for (const p of phones) {
      const name = `${state} (${p.locale}, ${size})`;
      await shot(p.page, `phone-${state}-${p.locale}-${size}`);
      await section(`targets ${name}`, async () => {
        const all = await targets(p.page);
        for (const t of all) smallest = { w: Math.min(smallest.w, t.w), h: Math.min(smallest.h, t.h) };
        assert.deepEqual(all.filter((t) => t.w < 24 || t.h < 24), [], `targets under 24×24 px on ${name}`);
      });
      await section(`dir ${name}`, async () => {
        assert.deepEqual(await audienceWithoutDir(p.page), [], `audience text without dir="auto" on ${name}`);
      });
      await section(`axe ${name}`, () => axeAll(p.page, name));
      states++;
    }
  };
  const onSlide = (question) => Promise.all(phones.map((p) => p.page.waitForFunction(
    (q) => document.getElementById('question')?.textContent === q, question, { timeout: 5000 })));

  // Vote is off until something is chosen: it looks off, yet its label
  // still reads (it was faded to about 2:1).
  await section(`${size}: a disabled Vote button's label reads`, async () => {
    for (const p of phones) {
      assert.ok(await p.page.locator('#vote').isDisabled(), 'Vote is off before a choice');
      const ratio = await labelContrast(p.page, '#vote');
      figures[`${size}: disabled Vote label contrast (${p.locale})`] = ratio;
      assert.ok(ratio >= 4.5, `the disabled Vote button's label at ${ratio}:1 (${p.locale}, ${size})`);
    }
  });

  await section(`${size}: Single choice: one-tap tiles; focus stays after voting`, async () => {
    await check('single');
    await en.page.getByLabel('Coffee', { exact: true }).tap();
    await en.page.locator('#poll button[type="submit"]').tap();
    await en.page.waitForSelector('text=Your vote was counted');
    const focused = await en.page.evaluate(() => ({ id: document.activeElement.id, inPoll: !!document.activeElement.closest('#poll') }));
    assert.ok(focused.inPoll, `focus after voting is in the poll, not lost (${JSON.stringify(focused)})`);
    figures[`${size}: focus after voting`] = `#${focused.id}`;
  });

  await section(`${size}: "Your choice" in the results`, async () => {
    await showResults();
    await en.page.waitForSelector('#results li.mine:has-text("Coffee")');
    assert.match(await en.page.textContent('#results li.mine'), /Your choice/);
    await check('single-voted-results');
  });

  await section(`${size}: Multiple choice: boxes off at the maximum`, async () => {
    await go(1);
    await onSlide('Which talks did you see?');
    await check('multiple');
    await en.page.getByLabel('Keynote', { exact: true }).check();
    await en.page.getByLabel('Rust', { exact: true }).check();
    assert.ok(await en.page.getByLabel('Lunch', { exact: true }).isDisabled(), 'a third box is off at max 2');
    assert.ok(await en.page.getByLabel('Docs', { exact: true }).isDisabled(), 'a fourth box is off at max 2');
    await check('multiple-at-max');
    await en.page.getByLabel('Rust', { exact: true }).uncheck();
    assert.ok(await en.page.getByLabel('Lunch', { exact: true }).isEnabled(), 'on again below the maximum');
  });

  await section(`${size}: Quiz`, async () => {
    await go(2);
    await onSlide('2 + 2?');
    await check('quiz');
  });

  await section(`${size}: Scale 0–10: one row`, async () => {
    await go(3);
    await onSlide('Rate the day');
    await check('scale');
    for (const p of phones) {
      const rows = await p.page.locator('fieldset', { hasText: 'Talks' }).locator('label').evaluateAll((ls) => new Set(ls.map((l) => Math.round(l.getBoundingClientRect().top))).size);
      assert.equal(rows, 1, `the 0–10 scale on one row (${p.locale}, ${size})`);
    }
    await en.page.locator('fieldset', { hasText: 'Talks' }).getByLabel('10', { exact: true }).tap();
    await check('scale-rated');
  });

  await section(`${size}: Ranking: focus stays on the moved item`, async () => {
    await go(4);
    await onSlide('Rank the rooms');
    await check('ranking');
    await en.page.focus('button[aria-label="Move Cellar up"]');
    await en.page.keyboard.press('Enter');
    await en.page.keyboard.press('Enter');
    assert.deepEqual(await en.page.locator('#ranking li').evaluateAll((li) => li.map((x) => x.dataset.key)), ['C', 'A', 'B']);
    const rankFocus = await en.page.evaluate(() => document.activeElement.getAttribute('aria-label'));
    assert.match(rankFocus || '', /^Move Cellar (up|down)$/, 'focus stays on the moved item after it reached the top');
  });

  await section(`${size}: Points: sliders with the budget left`, async () => {
    await go(5);
    await onSlide('Spend 100 points');
    await en.page.fill('#pts-A', '80');
    await en.page.fill('#pts-B', '40');
    await en.page.waitForSelector('text=0 of 100 points left');
    assert.equal(await en.page.inputValue('#pts-B'), '20', 'a slider cannot overspend the budget');
    await check('points');
  });

  await section(`${size}: Word cloud`, async () => {
    await go(6);
    await onSlide('One word for today?');
    await check('wordcloud');
  });

  await section(`${size}: Open text, moderated: "awaiting approval", not "counted"`, async () => {
    await go(7);
    await onSlide('Any feedback?');
    await check('open');
    await en.page.fill('#text', 'More coffee breaks');
    await en.page.locator('#poll button[type="submit"]').tap();
    await en.page.waitForSelector('#confirmation');
    await until('the held confirmation', async () => /awaiting approval/.test(await en.page.textContent('#confirmation')));
    assert.ok(!/counted/.test(await en.page.textContent('#poll')), 'a held entry is not called counted');
    await check('open-held');
  });

  await section(`${size}: Q&A: a double tap stores one question`, async () => {
    await go(8);
    await onSlide('Questions for the speaker');
    await check('qa');
    await en.page.fill('#ask', 'When is lunch?');
    await en.page.getByRole('button', { name: 'Send question' }).dblclick();
    await en.page.waitForSelector('text=Your question was sent.');
    await sleep(1500);
    const stored = (await api('GET', `/presentations/${id}/polls/${pollIds[8]}/results`, token)).body.questions;
    assert.equal(stored.filter((q) => q.text === 'When is lunch?').length, 1, `a double tap stores one question (stored ${stored.length})`);
  });

  await section(`${size}: Q&A: one list once results are shown`, async () => {
    await showResults();
    await en.page.waitForSelector('#qa-list li:has-text("When is lunch?")');
    await sleep(1200); // a results message arrives within a second
    for (const p of phones) {
      await p.page.waitForSelector('text=When is lunch?');
      assert.equal(await p.page.locator('li', { hasText: 'When is lunch?' }).count(), 1, `one Q&A list with results shown (${p.locale}): each question once`);
    }
    await check('qa-results');
  });

  await section(`${size}: The timer: Vote goes off within 1.5 s of the deadline`, async () => {
    await go(9);
    await onSlide('Last call');
    await en.page.getByLabel('Tea', { exact: true }).tap();
    assert.ok(await en.page.locator('#poll button[type="submit"]').isEnabled());
    const timer = await api('POST', `/presentations/${id}/polls/current/timer`, token, { seconds: 2 });
    assert.equal(timer.status, 200, JSON.stringify(timer.body));
    // The page notes when its Vote button went off (checked every 50 ms),
    // by the same clock as the server's deadline (one machine).
    await en.page.evaluate(() => {
      const watch = setInterval(() => {
        if (document.querySelector('#poll button[type="submit"]')?.disabled && /Voting closed/.test(document.getElementById('poll').textContent)) {
          window.closedAt = Date.now();
          clearInterval(watch);
        }
      }, 50);
    });
    await en.page.waitForSelector('#countdown:has-text("left")');
    await check('timer');
    await en.page.waitForFunction(() => window.closedAt, null, { timeout: 6000 });
    const late = await en.page.evaluate(() => window.closedAt) - timer.body.deadline_ms;
    assert.ok(late <= 1500, `Vote off ${late} ms after the deadline`);
    figures[`${size}: Vote off after the deadline (ms)`] = late;
    await check('timer-closed');
  });

  await section(`${size}: Offline, then back: the notice clears within 2 s`, async () => {
    await api('POST', `/presentations/${id}/polls/current/timer`, token, { seconds: 0 });
    await api('POST', `/presentations/${id}/polls/current/open`, token);
    await go(0);
    await onSlide('Tea or coffee?');
    await en.page.click('#poll button:has-text("Change my vote")');
    await en.ctx.setOffline(true);
    await en.page.waitForSelector('#status:has-text("Offline")', { timeout: 10000 });
    await en.page.getByLabel('Tea', { exact: true }).tap();
    await en.page.locator('#poll button[type="submit"]').tap();
    await en.page.waitForSelector('text=You are offline');
    await shot(en.page, `phone-offline-en-${size}`);
    await sleep(3000); // the live channel's reconnect backoff grows meanwhile
    const back = Date.now();
    await en.ctx.setOffline(false);
    await en.page.waitForFunction(() => !/offline/i.test(document.getElementById('app').textContent), null, { timeout: 20000 });
    const cleared = Date.now() - back;
    assert.ok(cleared <= 2000, `the offline notice cleared ${cleared} ms after reconnecting`);
    figures[`${size}: offline notice cleared after reconnecting (ms)`] = cleared;
    await en.page.waitForSelector('text=Your vote was counted', { timeout: 5000 });
    await live(en.page);
    figures[`${size}: live again after reconnecting (ms)`] = Date.now() - back;
    await until('the queued vote counted', async () => {
      const r = (await api('GET', `/presentations/${id}/polls/${pollIds[0]}/results`, token)).body;
      return r.options.find((o) => o.key === 'A').votes === 1;
    });
  });

  await section(`${size}: The language switch`, async () => {
    await en.page.selectOption('#locale-switch', 'ar');
    await en.page.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.match(await en.page.textContent('.slide-no'), /الشريحة/);
    await en.page.selectOption('#locale-switch', 'en');
  });

  // The presentation's settings (GET …/settings, from the settings
  // change): here answered by the test, as that endpoint says it answers,
  // so that the phone's side is checked whatever the server has landed:
  // the event's title on the join page and in the bar, and a Q&A open all
  // event as a second tab on every slide.
  await section(`${size}: the event's title and a Q&A open all event`, async () => {
    const ctx = await context({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'en' });
    await ctx.route(`**/presentations/${id}/settings`, (route) => route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ presentation_id: id, revision: 1, title: 'Spring Summit 2026', locale: 'en', qa_always_open: true, qa_poll_id: pollIds[8], logo: null }),
    }));
    const page = await ctx.newPage();
    await page.goto(`/j/${code}`);
    await page.waitForSelector('#event-title:has-text("Spring Summit 2026")');
    await shot(page, `phone-join-titled-en-${size}`);
    await page.click('form button[type="submit"]');
    await page.waitForSelector('.topbar .event:has-text("Spring Summit 2026")');
    await page.waitForSelector('#tab-qa');
    assert.equal(await page.textContent('#question'), 'Tea or coffee?');
    await page.click('#tab-qa');
    await page.waitForSelector('#ask');
    assert.equal(await page.textContent('#question'), 'Questions for the speaker');
    await page.waitForSelector('#qa-list li:has-text("When is lunch?")');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-qa', 'focus stays on the tab');
    const small = (await targets(page)).filter((t) => t.w < 24 || t.h < 24);
    assert.deepEqual(small, [], 'targets under 24×24 px with the Q&A tab');
    await axeAll(page, `Q&A tab (en, ${size})`);
    await shot(page, `phone-qa-tab-en-${size}`);
    await ctx.close();
  });

  // The event's look, set through the real settings endpoint: a light
  // background and a teal accent reach the phone, and it stays clean.
  await section(`${size}: the event's colours`, async () => {
    const set = await api('PATCH', `/presentations/${id}/settings`, token, { accent: '#0f766e', background: '#fefce8' });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    const ctx = await context({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'en' });
    const page = await ctx.newPage();
    await page.goto(`/j/${code}`);
    await page.click('form button[type="submit"]');
    await page.waitForSelector('html.branded.phone-brand');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(254, 252, 232)', 'the event\'s background on the phone');
    const ratio = await labelContrast(page, '#vote');
    assert.ok(ratio >= 4.5, `the disabled Vote button's label at ${ratio}:1 (light brand, ${size})`);
    await axeAll(page, `branded (en, ${size})`);
    await shot(page, `phone-branded-en-${size}`);
    await ctx.close();
  });

  // A dark event (navy with a yellow accent), set through the real
  // settings endpoint: the phone takes its background, ink and accent
  // everywhere, from the join page on, and every state stays readable
  // (axe, color-contrast included) in English and Arabic. The brand goes
  // back to what it was (the light one above) afterwards.
  await section(`${size}: a dark event's colours`, async () => {
    const before = (await api('GET', `/presentations/${id}/settings`)).body;
    const set = await api('PATCH', `/presentations/${id}/settings`, token, { accent: '#facc15', background: '#0b1f3a' });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    const { palette } = set.body;
    assert.equal(palette.ink, '#ffffff', 'a navy background has white ink');
    const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    const dark = [];
    const look = async (p, state) => {
      await axeAll(p.page, `dark brand, ${state} (${p.locale}, ${size})`);
      await shot(p.page, `phone-dark-${state}-${p.locale}-${size}`);
    };
    try {
      for (const locale of ['en', 'ar']) {
        const ctx = await context({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale });
        const page = await ctx.newPage();
        const p = { ctx, page, locale };
        dark.push(p);
        await page.goto(`/j/${code}`);
        await page.waitForSelector('html.branded.phone-dark', { timeout: 10000 });
        assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), rgb(palette.background), `the join page in the event's background (${locale})`);
        await look(p, 'join');
        await page.click('form button[type="submit"]');
        await page.waitForSelector('.tile');
        await live(page);
        const seen = await page.evaluate(() => ({
          body: getComputedStyle(document.body).backgroundColor,
          tile: getComputedStyle(document.querySelector('.tile-text')).color,
          question: getComputedStyle(document.getElementById('question')).color,
        }));
        assert.equal(seen.body, rgb(palette.background), `the event's background on the phone (${locale})`);
        assert.equal(seen.tile, rgb(palette.ink), `a tile's text in the event's ink (${locale})`);
        assert.equal(seen.question, rgb(palette.ink), `the question in the event's ink (${locale})`);
        figures[`${size}: dark brand (${locale}) body / tile text`] = `${seen.body} / ${seen.tile}`;
        const ratio = await labelContrast(page, '#vote');
        figures[`${size}: dark brand (${locale}) disabled Vote label contrast`] = ratio;
        assert.ok(ratio >= 4.5, `the disabled Vote button's label at ${ratio}:1 (dark brand, ${locale}, ${size})`);
        await look(p, 'voting');
        await page.locator('.tile').nth(1).tap();
        await page.focus('#vote');
        await page.keyboard.press('Shift+Tab'); // the chosen tile, with keyboard focus
        await look(p, 'chosen');
        await page.locator('#vote').tap();
        await page.waitForSelector('#confirmation');
        await showResults();
        await page.waitForSelector('#results li.mine');
        await look(p, 'results');
      }
      // Every other poll type in the dark look, each in its telling state.
      const [den] = dark;
      const onDark = (question) => Promise.all(dark.map((p) => p.page.waitForFunction(
        (q) => document.getElementById('question')?.textContent === q, question, { timeout: 5000 })));
      const slides = [
        [1, 'Which talks did you see?', 'multiple-at-max', async () => {
          await den.page.getByLabel('Keynote', { exact: true }).check();
          await den.page.getByLabel('Rust', { exact: true }).check();
        }],
        [2, '2 + 2?', 'quiz', null],
        [3, 'Rate the day', 'scale', () => den.page.locator('fieldset', { hasText: 'Talks' }).getByLabel('7', { exact: true }).tap()],
        [4, 'Rank the rooms', 'ranking', null],
        [5, 'Spend 100 points', 'points', () => den.page.fill('#pts-A', '60')],
        [6, 'One word for today?', 'wordcloud', null],
        [7, 'Any feedback?', 'open-held', async () => {
          await den.page.fill('#text', 'Darker slides please');
          await den.page.locator('#poll button[type="submit"]').tap();
          await until('the held confirmation', async () => /awaiting approval/.test(await den.page.textContent('#confirmation')));
        }],
        [8, 'Questions for the speaker', 'qa', async () => {
          await den.page.fill('#ask', 'Is the deck online?');
          await den.page.getByRole('button', { name: 'Send question' }).click();
          await den.page.waitForSelector('#qa-list li:has-text("Is the deck online?")');
        }],
        [9, 'Last call', 'countdown', async () => {
          await api('POST', `/presentations/${id}/polls/current/open`, token);
          await api('POST', `/presentations/${id}/polls/current/timer`, token, { seconds: 60 });
          await Promise.all(dark.map((p) => p.page.waitForSelector('#countdown:has-text(":")')));
        }],
      ];
      for (const [index, question, state, act] of slides) {
        await go(index);
        await onDark(question);
        if (act) await act();
        for (const p of dark) await look(p, state);
      }
      await api('POST', `/presentations/${id}/polls/current/close`, token);
      await Promise.all(dark.map((p) => p.page.waitForSelector('.closed')));
      for (const p of dark) await look(p, 'closed');
      await den.ctx.setOffline(true);
      await den.page.waitForSelector('#status:has-text("Offline")', { timeout: 10000 });
      await look(den, 'offline');
      await den.ctx.setOffline(false);
    } finally {
      for (const p of dark) await p.ctx.close();
      const back = await api('PATCH', `/presentations/${id}/settings`, token, { accent: before.accent, background: before.background });
      assert.equal(back.status, 200, JSON.stringify(back.body));
    }
  });

  figures[`${size}: smallest target (px)`] = `${smallest.w}×${smallest.h}`;
  figures[`${size}: states checked (axe 0 violations, targets, dir)`] = states;
  for (const p of phones) await p.ctx.close();
}

for (const viewport of VIEWPORTS) await run(viewport);
if (failures.length) {
  for (const f of failures) log(`FAILED ${f}`);
  throw new Error(`${failures.length} checks failed`);
}
log('phone checks done');
await finish('phone');
