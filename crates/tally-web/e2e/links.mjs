// A presentation's links for other people, in Debian's Chromium driven by
// Playwright. Run by `cargo test -p tally-server --test api
// browser::a_screen_link_opens_the_big_screen_until_revoked`.
//
// The presenter makes a screen link through the API. A fresh browser (the
// venue PC: no presenter key, nothing stored) opens the link's address;
// the big screen shows the question and the join code, follows a slide
// change, and the link's secret leaves the address bar and never appears
// in a request's URL. Then the presenter revokes the link: the open page
// and a reopened one show the refusal, not a crash, and the question is
// no longer shown. A co-presenter link opens the console for someone who
// holds no key.
import assert from 'node:assert/strict';
import { log, figures, seenUrls, context, axe, shot, api, until, expectConfirm, finish, SHOTS } from './harness.mjs';

const opts = (...values) => values.map((value, i) => ({ key: String.fromCharCode(65 + i), value }));
const made = await api('POST', '/presentations', null, {
  polls: [
    { type: 'single', question: 'Which room for the keynote?', options: opts('Hall A', 'Hall B') },
    { type: 'single', question: 'Lunch at noon or at one?', options: opts('Noon', 'One') },
  ],
});
assert.equal(made.status, 201, JSON.stringify(made.body));
const { presentation_id: id, join_code: code, presenter_token: token } = made.body;
log('created', id, 'join code', code);

const link = await api('POST', `/presentations/${id}/links`, token, { role: 'screen', label: 'Venue PC' });
assert.equal(link.status, 201, JSON.stringify(link.body));
assert.equal(link.body.url, `/screen/${id}#${link.body.token}`);
const secret = link.body.token;

const digits = (text) => (text || '').replace(/\D/g, '');
const bodyText = (page) => page.evaluate(() => document.body.innerText);

// ---- The venue PC opens the screen link ----
const venue = await context({ viewport: { width: 1920, height: 1080 } });
const screen = await venue.newPage();
await screen.goto(link.body.url);
await until('the question on the linked big screen', async () =>
  (await bodyText(screen)).includes('Which room for the keynote?'));
await until('the join code on the linked big screen', async () =>
  digits(await bodyText(screen)).includes(code));
assert.ok(!screen.url().includes('#'), `the secret left the address bar: ${screen.url()}`);
await shot(screen, 'links-screen-1920');
await axe(screen, 'big screen opened by a screen link');
figures['screen link shows question and join code'] = 'yes';

// It follows the presenter's slides as the big screen does.
const moved = await api('PUT', `/presentations/${id}/polls/current`, token);
assert.equal(moved.status, 200, JSON.stringify(moved.body));
await until('the next slide on the linked big screen', async () =>
  (await bodyText(screen)).includes('Lunch at noon or at one?'));

// The link may show, not act: its key cannot move a slide.
const refused = await api('PUT', `/presentations/${id}/polls/current`, secret);
assert.equal(refused.status, 403);
assert.equal(refused.body.code, 'role_forbidden');

// ---- Revoked: the screen is refused, not broken ----
const revoked = await api('DELETE', `/presentations/${id}/links/${link.body.link_id}`, token);
assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
assert.ok(revoked.body.revoked_at);
await screen.reload();
await screen.waitForSelector('[role="alert"]');
const afterReload = await bodyText(screen);
assert.ok(!afterReload.includes('Lunch at noon or at one?'), 'a revoked link shows no question');
await shot(screen, 'links-screen-revoked-reload');

const reopened = await venue.newPage();
await reopened.goto(link.body.url);
await reopened.waitForSelector('[role="alert"]');
const refusal = await bodyText(reopened);
assert.ok(!refusal.includes('Lunch at noon or at one?'), 'a revoked link shows no question');
assert.ok(!digits(refusal).includes(code), 'nor the join code');
assert.match(refusal, /withdrawn/, 'the refusal says the link was withdrawn');
await shot(reopened, 'links-screen-revoked');
await axe(reopened, 'big screen refusing a revoked link');
figures['revoked screen link'] = `refused: ${refusal.split('\n').filter(Boolean).slice(0, 2).join(' / ')}`;

// ---- A co-presenter link opens the console in a browser without a key ----
const run = await api('POST', `/presentations/${id}/links`, token, { role: 'run' });
assert.equal(run.status, 201);
assert.equal(run.body.url, `/present/${id}#${run.body.token}`);
const helper = await context({ viewport: { width: 1280, height: 720 } });
const consolePage = await helper.newPage();
await consolePage.goto(run.body.url);
await until('the console for the co-presenter', async () =>
  (await bodyText(consolePage)).includes('Lunch at noon or at one?'));
assert.ok(!consolePage.url().includes('#'));
const access = await consolePage.evaluate(async (path) => {
  const key = localStorage.getItem(`tally.link.${path}`);
  return key ? JSON.parse(key) : null;
}, id);
assert.equal(access, run.body.token, 'the link is kept apart from a presenter key');
await shot(consolePage, 'links-console-run');

// ---- The presenter's console: the links panel ----
// In English at 1280×720 and in Arabic on a 390 px phone: make a
// moderator link with a label, copy its address (shown once), see it
// listed without its secret, open it elsewhere, revoke it.
const made_ = [];
for (const [lang, viewport] of [
  ['en', { width: 1280, height: 720 }], ['en', { width: 1920, height: 1080 }],
  ['ar', { width: 1280, height: 720 }], ['ar', { width: 390, height: 844 }],
]) {
  const own = await context({ viewport });
  await own.addInitScript((l) => {
    // Also runs on about:blank, which has no storage.
    if (location.origin !== 'null') localStorage.setItem('tally.locale', l);
  }, lang);
  const page = await own.newPage();
  await page.goto(`/present/${id}`);
  await page.fill('#token', token);
  await page.click('button[type="submit"]');
  const panel = page.locator('#links-panel');
  await panel.waitFor();
  await until('the panel lists the links so far', async () =>
    (await page.locator('#links-list li[data-link]').count()) >= 2);
  const label = `${lang === 'ar' ? 'مشرفة القاعة' : 'Hall B moderator'} ${viewport.width}`;
  await page.fill('#links-label', label);
  await page.click('#links-create-moderate');
  const field = page.locator('#links-made-url');
  await field.waitFor();
  const url = await field.inputValue();
  assert.match(url, new RegExp(`/present/${id}#tly_`));
  made_.push(url);
  const row = page.locator('#links-list li[data-link]', { hasText: label });
  await row.waitFor();
  const listText = await page.locator('#links-list').innerText();
  assert.ok(!listText.includes(url.split('#')[1]), 'the list never shows a secret');
  assert.equal(await row.locator('.links-label').getAttribute('dir'), 'auto');
  // Every control is a target of at least 24×24 CSS px, and nothing in
  // the panel is wider than the panel.
  const small = await panel.evaluate((el) => [...el.querySelectorAll('button, input')]
    .map((b) => b.getBoundingClientRect()).filter((r) => r.width > 0 && (r.width < 24 || r.height < 24)).length);
  assert.equal(small, 0, 'targets of at least 24 px');
  const overflow = await panel.evaluate((el) => el.scrollWidth - el.clientWidth);
  assert.ok(overflow <= 1, `the panel does not scroll sideways (${overflow} px)`);
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: `${SHOTS}/links-panel-${lang}-${viewport.width}.png` });
  await axe(page, `console links panel (${lang}, ${viewport.width} px)`);

  // The moderator link opens the console, in a browser with no key.
  const other = await context({ viewport: { width: 1280, height: 720 } });
  const mod = await other.newPage();
  await mod.goto(url);
  await until('the console for the moderator', async () => (await mod.locator('#role-note').count()) === 1);
  assert.equal(await mod.locator('#links-panel').count(), 0, 'no links panel without the presenter key');
  await other.close();

  // Revoked from the panel, after a confirmation: it stops at once.
  expectConfirm();
  await row.locator('.links-revoke').click();
  await until('the row shows it revoked', async () =>
    (await page.locator('#links-list li.revoked', { hasText: label }).count()) === 1);
  const access = await api('GET', `/presentations/${id}/access`, url.split('#')[1]);
  assert.equal(access.status, 403);
  assert.equal(access.body.code, 'link_revoked');
  if (lang === 'ar' && viewport.width === 390) {
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    await page.screenshot({ path: `${SHOTS}/links-panel-ar-390-full.png`, fullPage: true });
  }
  await own.close();
}
figures['links made and revoked in the panel'] = made_.length;

// Neither secret ever travelled in a URL.
const leaked = seenUrls.filter((u) => u.includes(secret) || u.includes(run.body.token));
assert.deepEqual(leaked, [], 'no request carries a link secret in its URL');
figures['requests checked for link secrets'] = seenUrls.length;

await finish('links');
