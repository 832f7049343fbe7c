// Home (`/`): what this browser holds, with the server's titles. Run by
// `cargo test -p tally-server --test api browser`.
//
// Checked: the empty state with both ways in (New presentation → /new,
// New contest → /contest); the presentations newest first with the title
// the server has now (a rename through PATCH …/settings shows after a
// reload), join code, created date, Edit, Console, Big screen and Forget;
// a deck deleted on the server shown as such with only Forget; a contest
// made on /contest listed with its title and link, and one whose key an
// older page left here; one search over both lists, by title or join code,
// with a polite count and a message when nothing matches; Forget asks,
// says the key goes for good, and removes it; the first editor kept
// behind a collapsed "Quick form" at the foot, loaded only when opened;
// every state free of axe-core violations of any impact, in English and
// Arabic, at 1280×720 and 390×844, with nothing wider than its box.
//
// Each step is reported on its own and the run fails at the end if any
// did, so that a run against an older page lists every check it misses.
import assert from 'node:assert/strict';
import {
  log, figures, context, axe, shot, api, until, expectConfirm, finish, problems,
} from './harness.mjs';

const DESKTOP = { viewport: { width: 1280, height: 720 } };
const MOBILE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const SIZES = [['1280x720', DESKTOP], ['390x844', MOBILE]];
const failed = [];
async function step(name, fn) {
  try {
    await fn();
    log(`ok   ${name}`);
  } catch (e) {
    failed.push(`${name}: ${e.message.split('\n')[0]}`);
    log(`FAIL ${name}: ${e.message.split('\n').slice(0, 12).join('\n  ')}`);
  }
}
const T = 8000;

// ---- Decks and contests on the server ----
const made = async (question) => {
  const r = await api('POST', '/presentations', null, { polls: [{ type: 'single', question, options: [{ key: 'A', value: 'Yes' }, { key: 'B', value: 'No' }] }] });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
};
const offsite = await made('Which pet?');
const board = await made('Board meeting: which budget?');
const gone = await made('A deck deleted since');
const rename = async (deck, title) => {
  const r = await api('PATCH', `/presentations/${deck.presentation_id}/settings`, deck.presenter_token, { title });
  assert.equal(r.status, 200, JSON.stringify(r.body));
};
await rename(offsite, 'Team offsite 2026');
assert.equal((await api('DELETE', `/presentations/${gone.presentation_id}`, gone.presenter_token)).status, 204);
const older = await api('POST', '/contests', null, {
  title: 'Hackathon finals', method: 'weighted_mean',
  criteria: [{ name: 'Idea', weight: '1', min: '1', max: '10', step: '1', description: '' }],
  contestants: ['Team A', 'Team B'], rounds: ['Final'],
});
assert.equal(older.status, 201);
const olderId = older.body.contest.contest_id;

// What remember() keeps (deck.js), in an order that is not the newest
// first, with the titles the decks had when this browser made them.
const day = (n) => new Date(Date.UTC(2026, 2, n, 9, 30)).toISOString();
const held = [
  [board, 'Board meeting: which budget?', day(3)],
  [gone, 'A deck deleted since', day(1)],
  [offsite, 'Which pet?', day(5)],
];
async function hold(page) {
  await page.evaluate(({ decks, contest }) => {
    for (const d of decks) localStorage.setItem(`tally.token.${d.id}`, JSON.stringify(d.token));
    localStorage.setItem('tally.decks', JSON.stringify(decks.map(({ token, ...d }) => d)));
    // An older contest page kept the key and nothing else.
    localStorage.setItem(`tally.contest.${contest.id}`, JSON.stringify(contest.token));
  }, {
    decks: held.map(([d, title, at]) => ({ id: d.presentation_id, join_code: d.join_code, title, created_at: at, token: d.presenter_token })),
    contest: { id: olderId, token: older.body.owner_token },
  });
}

// Nothing on the page is wider than its box: no sideways scroll, and no
// button, link, title or line whose text is cut.
async function fits(page, name) {
  const bad = await page.evaluate(() => {
    const out = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) out.push(`page ${doc.scrollWidth} > ${doc.clientWidth}`);
    for (const el of document.querySelectorAll('main *')) {
      // Hidden, or there for screen readers only (a 1 px box on purpose).
      if (!el.getClientRects().length || el.closest('[hidden], details:not([open]) > :not(summary), .visually-hidden')) continue;
      const r = el.getBoundingClientRect();
      const main = document.querySelector('main').getBoundingClientRect();
      if (r.left < main.left - 1 || r.right > main.right + 1) out.push(`${el.tagName}#${el.id}.${el.className} sticks out (${Math.round(r.left)}–${Math.round(r.right)})`);
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible' && el.tagName !== 'SELECT') out.push(`${el.tagName}#${el.id}.${el.className} text cut (${el.scrollWidth} > ${el.clientWidth})`);
    }
    return out.slice(0, 5);
  });
  assert.deepEqual(bad, [], `${name}: everything fits`);
}
async function look(page, name) {
  await fits(page, name);
  await axe(page, name, { all: true });
  await shot(page, name.replace(/ /g, '-'));
}

const cards = (page, list) => page.$$eval(`#${list} > li`, (els) => els.map((li) => ({
  id: li.dataset.id,
  state: li.dataset.state || '',
  title: li.querySelector('.item-title')?.textContent.trim(),
  text: li.textContent,
  links: [...li.querySelectorAll('a')].map((a) => a.getAttribute('href')),
  buttons: [...li.querySelectorAll('button')].map((b) => b.textContent.trim()),
  hidden: li.hidden,
})));
const shown = async (page, list) => (await cards(page, list).catch(() => [])).filter((c) => !c.hidden);

// ---- 1. A browser that holds nothing ----
const ctx = await context({ ...DESKTOP, locale: 'en' });
const page = await ctx.newPage();
const firstLoad = [];
page.on('request', (r) => firstLoad.push(new URL(r.url()).pathname));
await page.goto('/');
await step('empty: both ways in, an empty state, no search', async () => {
  await page.waitForSelector('#new-deck', { timeout: T });
  assert.equal(await page.getAttribute('#new-deck', 'href'), '/new');
  assert.equal((await page.textContent('#new-deck')).trim(), 'New presentation');
  assert.equal(await page.getAttribute('#new-contest', 'href'), '/contest', 'a New contest link');
  assert.equal((await page.textContent('#new-contest')).trim(), 'New contest');
  await page.waitForSelector('#empty', { timeout: T });
  assert.equal(await page.$('#search'), null, 'no search over nothing');
  figures['empty state'] = (await page.textContent('#empty')).replace(/\s+/g, ' ').trim();
});
await step('the first editor is a collapsed Quick form at the foot, loaded when opened', async () => {
  await page.waitForSelector('#quick-form', { timeout: T });
  assert.equal(await page.$eval('#quick-form', (d) => d.tagName === 'DETAILS' && !d.open), true, 'collapsed');
  assert.equal(await page.isVisible('#q-0'), false, 'the form is not met on the way in');
  const last = await page.$eval('main', (m) => m.lastElementChild.id);
  assert.equal(last, 'quick-form', 'at the foot');
  assert.ok(!firstLoad.some((p) => p.endsWith('/home-form.js')), 'the form\'s script is not in the first load');
  await page.click('#quick-form > summary');
  await page.waitForSelector('#q-0', { state: 'visible', timeout: T });
  await page.waitForSelector('#create', { state: 'visible' });
  await page.click('#quick-form > summary');
});
// What the first load of an empty home fetched (scripts, styles, messages),
// compressed as sent.
await step('first load measured', async () => {
  const sizes = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /\.(js|css|ftl)$/.test(new URL(e.name).pathname) && !e.name.endsWith('/home-form.js'))
    .map((e) => [new URL(e.name).pathname, e.encodedBodySize]));
  const js = sizes.filter(([p]) => p.endsWith('.js'));
  figures['home first load'] = `${sizes.length} files, ${(sizes.reduce((n, [, b]) => n + b, 0) / 1024).toFixed(1)} KB as sent (${js.length} scripts, ${(js.reduce((n, [, b]) => n + b, 0) / 1024).toFixed(1)} KB)`;
});
for (const [size, view] of SIZES) {
  for (const lang of ['en', 'ar']) {
    await step(`empty ${lang} ${size}: axe, fits, screenshot`, async () => {
      const c = await context({ ...view, locale: lang });
      const p = await c.newPage();
      await p.goto('/');
      await p.waitForSelector('#empty', { timeout: T });
      await look(p, `home empty ${lang} ${size}`);
      await c.close();
    });
  }
}

// ---- 2. The presentations, with the server's titles ----
await hold(page);
await page.reload();
const decksNow = () => shown(page, 'decks');
await step('decks: newest first, the server\'s title, code, date and actions', async () => {
  await page.waitForSelector('#decks > li', { timeout: T });
  const got = await until('the server\'s titles', async () => {
    const c = await decksNow();
    return c.some((d) => d.title === 'Team offsite 2026') && c.some((d) => d.state === 'gone') ? c : null;
  }, T);
  assert.deepEqual(got.map((d) => d.id), [offsite, board, gone].map((d) => d.presentation_id), 'newest first');
  assert.deepEqual(got.map((d) => d.title), ['Team offsite 2026', 'Board meeting: which budget?', 'A deck deleted since']);
  const [o, b] = got;
  for (const [d, deck] of [[o, offsite], [b, board]]) {
    const id = deck.presentation_id;
    assert.deepEqual(d.links, [`/edit/${id}`, `/present/${id}`, `/screen/${id}`], `Edit, Console, Big screen of ${d.title}`);
    assert.deepEqual(d.buttons, ['Forget']);
    assert.ok(d.text.includes(deck.join_code), `the join code of ${d.title}`);
  }
  assert.ok(o.text.includes('2026') && /Mar/.test(o.text), `the created date: ${o.text}`);
  figures['a deck as listed'] = o.text.replace(/\s+/g, ' ').trim();
  // Kept here too, so the next load shows it before the server answers.
  const kept = await page.evaluate((id) => JSON.parse(localStorage.getItem('tally.decks')).find((d) => d.id === id).title, offsite.presentation_id);
  assert.equal(kept, 'Team offsite 2026');
});
await step('a deck deleted on the server: said so, only Forget', async () => {
  const d = (await decksNow()).find((x) => x.id === gone.presentation_id);
  assert.equal(d.state, 'gone');
  assert.deepEqual(d.links, [], 'no Edit, Console or Big screen');
  assert.deepEqual(d.buttons, ['Forget']);
  assert.match(d.text, /no longer on this server/i);
  figures['a deleted deck as listed'] = d.text.replace(/\s+/g, ' ').trim();
});
await step('a rename in the deck editor shows on / after a reload', async () => {
  await rename(offsite, 'Offsite, day two');
  await page.reload();
  await until('the new title', async () => (await decksNow()).some((d) => d.title === 'Offsite, day two'), T);
});

// ---- 3. Contests ----
await step('a contest made on /contest is listed with its title and link', async () => {
  await page.click('#new-contest');
  await page.waitForURL('**/contest', { timeout: T });
  await page.fill('#title', 'Spring choir contest');
  await page.fill('#contestants', 'Alto\nBass');
  await page.click('#create');
  await page.waitForURL(/\/contest\/[0-9a-f-]{36}$/, { timeout: T });
  const id = page.url().split('/').pop();
  await page.waitForSelector('#round', { timeout: T });
  await page.goto('/');
  const got = await until('the contests', async () => {
    const c = await shown(page, 'contests');
    return c.length === 2 && c.every((x) => /Contestants: 2/.test(x.text)) ? c : null;
  }, T);
  assert.deepEqual(got.map((c) => [c.id, c.title]), [[id, 'Spring choir contest'], [olderId, 'Hackathon finals']], 'newest first, an older page\'s key listed too');
  assert.deepEqual(got[0].links, [`/contest/${id}`]);
  assert.deepEqual(got[1].links, [`/contest/${olderId}`]);
  figures['a contest as listed'] = got[0].text.replace(/\s+/g, ' ').trim();
});
await step('the lists at both sizes, in English and Arabic', async () => {
  for (const [size, view] of SIZES) {
    for (const lang of ['en', 'ar']) {
      const c = await context({ ...view, locale: lang });
      const p = await c.newPage();
      await p.goto('/');
      await p.evaluate((s) => { for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v); }, await page.evaluate(() => ({ ...localStorage })));
      await p.reload();
      await until('the titles', async () => (await shown(p, 'decks')).some((d) => d.title === 'Offsite, day two') && (await shown(p, 'contests')).length === 2, T);
      assert.equal(await p.evaluate(() => document.documentElement.dir), lang === 'ar' ? 'rtl' : 'ltr');
      await look(p, `home lists ${lang} ${size}`);
      await p.fill('#search', 'choir');
      await until('filtered', async () => (await shown(p, 'contests')).length === 1, T);
      await look(p, `home search ${lang} ${size}`);
      await p.fill('#search', 'no such thing');
      await p.waitForSelector('#no-match', { state: 'visible', timeout: T });
      await look(p, `home no match ${lang} ${size}`);
      await p.fill('#search', '');
      await p.click('#quick-form > summary');
      await p.waitForSelector('#q-0', { state: 'visible', timeout: T });
      await p.locator('#quick-form').scrollIntoViewIfNeeded();
      await look(p, `home quick form ${lang} ${size}`);
      await c.close();
    }
  }
});

// ---- 4. One search over both lists ----
const count = () => page.textContent('#search-count').then((s) => s.trim());
await step('search: by title, by join code, both lists, a polite count', async () => {
  await page.waitForSelector('#search', { timeout: T });
  assert.equal(await page.getAttribute('#search-count', 'role'), 'status', 'the count is a polite live region');
  const label = await page.$eval('#search', (el) => el.labels[0]?.textContent.trim());
  assert.ok(label, 'the field has a visible label');
  await page.fill('#search', 'OFFSITE');
  await until('one deck', async () => (await decksNow()).length === 1 && (await shown(page, 'contests')).length === 0, T);
  assert.equal((await decksNow())[0].title, 'Offsite, day two');
  assert.equal(await count(), '1 of 5');
  await page.fill('#search', board.join_code.slice(0, 3) + ' ' + board.join_code.slice(3));
  await until('by join code', async () => (await decksNow()).map((d) => d.id).join() === board.presentation_id, T);
  await page.fill('#search', 'choir');
  await until('one contest', async () => (await decksNow()).length === 0 && (await shown(page, 'contests')).length === 1, T);
  assert.equal(await count(), '1 of 5');
  await page.fill('#search', 'i');
  await until('both lists', async () => (await decksNow()).length > 0 && (await shown(page, 'contests')).length > 0, T);
  figures['search "i"'] = await count();
});
await step('search: nothing matches, said; Clear search brings all back', async () => {
  await page.fill('#search', 'zzz');
  await page.waitForSelector('#no-match', { state: 'visible', timeout: T });
  assert.equal(await count(), '0 of 5');
  assert.match(await page.textContent('#no-match'), /zzz/);
  figures['no match'] = (await page.textContent('#no-match')).replace(/\s+/g, ' ').trim();
  await page.click('#no-match button');
  assert.equal(await page.inputValue('#search'), '');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search', 'back in the field');
  await until('all back', async () => (await decksNow()).length === 3 && (await shown(page, 'contests')).length === 2, T);
});
await step('the language switch keeps the search and the focus', async () => {
  await page.fill('#search', 'offsite');
  await page.selectOption('#locale-switch', 'de');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  await until('redrawn', async () => (await page.inputValue('#search')) === 'offsite' && (await decksNow()).length === 1, T);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'locale-switch');
  assert.equal(await count(), '1 von 5');
  await page.selectOption('#locale-switch', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.fill('#search', '');
});

// ---- 5. Forget ----
await step('Forget asks, says the key goes for good, and removes it', async () => {
  let said = '';
  const onDialog = (d) => { said = d.message(); };
  page.on('dialog', onDialog);
  expectConfirm();
  await page.click(`#decks > li[data-id="${board.presentation_id}"] button`);
  await until('forgotten', async () => !(await decksNow()).some((d) => d.id === board.presentation_id), T);
  assert.equal(await page.evaluate((id) => localStorage.getItem(`tally.token.${id}`), board.presentation_id), null, 'the key is gone');
  assert.match(said, /deleted from this browser for good/);
  figures['Forget asks'] = said;
  expectConfirm();
  await page.click(`#decks > li[data-id="${gone.presentation_id}"] button`);
  await until('the deleted deck forgotten', async () => (await decksNow()).length === 1, T);
  expectConfirm();
  await page.click(`#contests > li[data-id="${olderId}"] button`);
  await until('the contest forgotten', async () => (await shown(page, 'contests')).length === 1, T);
  assert.equal(await page.evaluate((id) => localStorage.getItem(`tally.contest.${id}`), olderId), null, 'the contest key is gone');
  figures['Forget a contest asks'] = said;
  page.off('dialog', onDialog);
  await page.reload();
  await until('still forgotten after a reload', async () => (await decksNow()).length === 1 && (await shown(page, 'contests')).length === 1, T);
});
// A dismissed confirm would be a problem for the harness; every dialog
// here was expected and accepted.
assert.deepEqual(problems, []);
await ctx.close();

log(`${failed.length} of the checks failed${failed.length ? `:\n  ${failed.join('\n  ')}` : ''}`);
assert.deepEqual(failed, [], 'every check of the home page');
await finish('home');
