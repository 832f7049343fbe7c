// The contest reveal on a projector (`/reveal/{contest}/{round}`, js/reveal.js)
// in Debian's Chromium driven by Playwright. Run by `cargo test -p
// tally-server --test api browser::the_reveal_shows_the_room_only_the_places`.
//
// A round of three contestants is scored and published through the API.
// The projected picture shows the places only: the buttons (and the
// language switch) are off it a few seconds after loading, yet the
// organiser moves with → and Space, and back with ←, while they are hidden;
// a moving mouse brings them back, and so does the keyboard's focus, and a
// click on "Next place" works. The round's digest is a small line at the
// foot. At 1280x720, 1920x1080 and 3840x2160, in English and in Arabic: no
// scrolling, no text outside the window, the smallest text at least 1.8 %
// of the window's height, axe-core with no violation at all.
import assert from 'node:assert/strict';
import { log, figures, context, axe, shot, api, until, sleep, finish } from './harness.mjs';

async function ok(method, path, token, body) {
  const res = await api(method, path, token, body);
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const made = await ok('POST', '/contests', null, {
  title: 'Spring choir contest',
  method: 'weighted_mean',
  trim_min_judges: null,
  criteria: [{ name: 'Voice', weight: '1', min: '1', max: '10', step: '1', description: 'Pitch and tone' }],
  contestants: ['Alto', 'Bass', 'سلمى'],
  rounds: ['Final'],
  tie_break_criterion: null,
});
const id = made.contest.contest_id;
const owner = made.owner_token;
const contest = await ok('GET', `/contests/${id}`);
const round = contest.rounds[0].round_id;
const judge = (await ok('POST', `/contests/${id}/links`, owner, { role: 'judge', name: 'Ann' })).token;
await ok('POST', `/contests/${id}/rounds/${round}/open`, owner);
// Alto 9, Bass 7, سلمى 8: revealed Bass, سلمى, then Alto.
const marks = contest.contestants.map((c, i) => ({
  contestant_id: c.contestant_id, criterion_id: contest.criteria[0].criterion_id, value: String([9, 7, 8][i]),
}));
await ok('PUT', `/contests/${id}/rounds/${round}/sheet`, judge, { marks, comments: [], submit: true });
await ok('POST', `/contests/${id}/rounds/${round}/close`, owner);
await ok('POST', `/contests/${id}/rounds/${round}/publish`, owner);
log('contest', id);

const SIZES = [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }, { width: 3840, height: 2160 }];

// Seen on the projector: drawn, not transparent, inside the window.
const onPicture = (page, selector) => page.evaluate((s) => {
  const el = document.querySelector(s);
  if (!el || !el.checkVisibility({ checkOpacity: true, visibilityProperty: true })) return false;
  const r = el.getBoundingClientRect();
  return r.width > 1 && r.height > 1 && r.bottom > 0 && r.top < innerHeight;
}, selector);
const announced = (page) => page.textContent('#announce');
const placesShown = (page) => page.locator('#places li').count();

// No scrolling, every text inside the window, the smallest text; the
// digest a small line at the foot, below the places.
async function fits(page, label) {
  const r = await page.evaluate(() => {
    const vw = innerWidth;
    const vh = innerHeight;
    const bad = [];
    const de = document.documentElement;
    if (de.scrollWidth > vw || de.scrollHeight > vh) bad.push(`the document is ${de.scrollWidth}x${de.scrollHeight}`);
    let smallest = Infinity;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim()) continue;
      const el = n.parentElement;
      if (!el.checkVisibility({ checkOpacity: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const b of range.getClientRects()) {
        if (b.left < -1 || b.top < -1 || b.right > vw + 1 || b.bottom > vh + 1) bad.push(`"${n.textContent.trim().slice(0, 30)}" is outside the window`);
      }
      smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
    }
    const digest = document.querySelector('.digest').getBoundingClientRect();
    const places = document.getElementById('places').getBoundingClientRect();
    return {
      bad, share: smallest / vh,
      digestTop: digest.top / vh, digestHeight: digest.height / vh,
      digestSize: parseFloat(getComputedStyle(document.querySelector('.digest')).fontSize) / vh,
      belowPlaces: digest.top >= places.bottom,
    };
  });
  assert.deepEqual(r.bad, [], `${label}: no scrolling, no text outside the window`);
  assert.ok(r.share >= 0.018, `${label}: the smallest text is ${(r.share * 100).toFixed(2)} % of the height`);
  // The digest: one small line at the foot, not a line of the leaderboard.
  assert.ok(r.digestTop >= 0.85 && r.belowPlaces, `${label}: the digest at the foot (its top at ${(r.digestTop * 100).toFixed(0)} % of the height)`);
  assert.ok(r.digestSize <= 0.025 && r.digestHeight <= 0.07, `${label}: the digest small (${(r.digestSize * 100).toFixed(2)} % type, ${(r.digestHeight * 100).toFixed(1)} % tall)`);
  return r;
}

for (const lang of ['en', 'ar']) {
  const ctx = await context({ viewport: SIZES[0], locale: lang });
  await ctx.addInitScript((tag) => location.protocol !== 'about:' && localStorage.setItem('tally.locale', tag), lang);
  const page = await ctx.newPage();
  await page.goto(`/reveal/${id}/${round}`);
  await page.waitForSelector('#announce');
  assert.equal(await page.evaluate(() => document.documentElement.dir || 'ltr'), lang === 'ar' ? 'rtl' : 'ltr');
  const loaded = Date.now();
  // Off the picture a few seconds after loading.
  await until(`${lang}: the buttons off the picture after loading`, async () => !(await onPicture(page, '#next-place')), 8000);
  figures[`${lang}: buttons hidden after loading (ms)`] = Date.now() - loaded;
  assert.ok(!(await onPicture(page, '#locale-switch')), `${lang}: the language switch is off the picture too`);
  // Hidden, but still there for a screen reader and for Tab.
  const tree = await page.locator('#reveal-controls').ariaSnapshot();
  assert.match(tree, /button/, `${lang}: the hidden buttons stay in the accessibility tree (${tree})`);
  await shot(page, `reveal-none-${lang}-1280x720`);

  // The keys while the buttons are hidden: → shows third, Space second,
  // ← takes one back; the buttons stay off the picture.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press(' ');
  assert.equal(await placesShown(page), 2, `${lang}: → then Space reveal two places`);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await placesShown(page), 1, `${lang}: ← takes one back`);
  assert.ok(!(await onPicture(page, '#next-place')), `${lang}: the keys leave the buttons off the picture`);
  const third = await announced(page);

  // A moving mouse brings them; a click moves on; they go again.
  await page.mouse.move(640, 360);
  await page.mouse.move(700, 380);
  await until(`${lang}: the buttons on mouse move`, () => onPicture(page, '#next-place'), 1000);
  await sleep(300); // the fade
  await shot(page, `reveal-controls-${lang}-1280x720`);
  await axe(page, `reveal with its buttons ${lang}`, { all: true });
  await page.click('#next-place');
  assert.equal(await placesShown(page), 2, `${lang}: "Next place" reveals one more`);
  await until(`${lang}: the buttons gone again`, async () => !(await onPicture(page, '#next-place')), 8000);
  // After the click, → still moves once (the focused button does not eat it).
  await page.keyboard.press('ArrowRight');
  assert.equal(await placesShown(page), 3, `${lang}: → after a click`);
  await page.keyboard.press('ArrowLeft');

  // The keyboard's focus shows them; leaving them hides them.
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.keyboard.press('Tab');
  await until(`${lang}: the buttons with the keyboard's focus`, () => onPicture(page, '#reveal-controls button:focus, #reveal-controls select:focus'), 1000);
  await page.evaluate(() => document.activeElement.blur());
  await until(`${lang}: the buttons gone once the focus leaves`, async () => !(await onPicture(page, '#next-place')), 1000);

  await page.keyboard.press('ArrowRight');
  assert.equal(await placesShown(page), 3);
  figures[`${lang}: said`] = `${third} / ${await announced(page)}`;
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await sleep(300);
    const r = await fits(page, `${lang} ${size.width}x${size.height}`);
    figures[`${lang} ${size.width}x${size.height}`] = `smallest text ${(r.share * 100).toFixed(2)} %, digest at ${(r.digestTop * 100).toFixed(0)} % of the height, type ${(r.digestSize * 100).toFixed(2)} %`;
    await shot(page, `reveal-all-${lang}-${size.width}x${size.height}`);
  }
  await axe(page, `reveal, every place shown, ${lang}`, { all: true });
  await ctx.close();
}
await finish('reveal');
