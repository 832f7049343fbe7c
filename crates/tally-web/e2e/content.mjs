// Content slides (issue 26) on every page, in Debian's Chromium driven by
// Playwright. Run by `cargo test -p tally-server --test api
// browser::content_slides_show_everywhere_and_take_no_votes`.
//
// A deck of a short content slide (bold, italic, a list, an escaped "<"),
// a content slide at the body's limit (2,000 characters) and a poll. The
// phone shows the text and no form, in English and Arabic at 390 px; the
// big screen fits both slides at 1280x720 and 1920x1080 with no
// scrolling, no text cut and no type under 1.8 % of the height; the
// console hides the controls a content slide has no use for, and Space
// opens nothing; the deck editor edits the text and says, beside the
// field, that HTML is not shown. axe-core finds nothing, in any state.
import assert from 'node:assert/strict';
import { log, figures, context, axe, shot, api, until, finish, png, upload } from './harness.mjs';

const SHORT = 'Welcome to **Tally Day**, *everyone*.\n\n- Wi-Fi: tally-guest\n- Lunch at 12:30\n\n5 &lt; 6';
const sentence = 'Thank you for coming to the spring meeting; the talks are recorded and the slides will be shared afterwards. ';
const LONG = sentence.repeat(Math.floor(2000 / sentence.length)).trim();
assert.ok(LONG.length <= 2000 && LONG.length > 1900, `${LONG.length}`);

// A picture for the fourth slide (uploads belong to a presentation).
const holder = await api('POST', '/presentations', null, { polls: [{ question: 'Holder?', options: [{ key: 'A', value: 'a' }] }] });
const venue = await upload(holder.body.presentation_id, holder.body.presenter_token, png(640, 360));
const made = await api('POST', '/presentations', null, {
  polls: [
    { question: 'Before we start', type: 'content', body: SHORT, options: [] },
    { question: 'House rules', type: 'content', body: LONG, options: [] },
    { question: 'Coffee or tea?', options: [{ key: 'A', value: 'Coffee' }, { key: 'B', value: 'Tea' }] },
    { question: 'Where to find us', type: 'content', body: 'Hall B, **first floor**, past the registration desk.', options: [],
      images: { question: { image_id: venue, alt: 'A map of the venue with Hall B marked' } } },
  ],
});
assert.equal(made.status, 201, JSON.stringify(made.body));
const { presentation_id: id, presenter_token: token, join_code: code } = made.body;
log('created', id, 'join code', code);
const withToken = async (ctx) => ctx.addInitScript(([i, t]) => location.protocol !== 'about:' && localStorage.setItem(`tally.token.${i}`, JSON.stringify(t)), [id, token]);
const goTo = (index) => api('PUT', `/presentations/${id}/polls/current/index`, token, { index });

// The phone: the text, drawn from the server's blocks, and no form.
for (const locale of ['en', 'ar']) {
  const ctx = await context({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale });
  const page = await ctx.newPage();
  await page.goto(`/j/${code}`);
  await page.click('form button[type="submit"]');
  await page.waitForSelector('#poll .content-body');
  const seen = await page.evaluate(() => ({
    strong: [...document.querySelectorAll('#poll .content-body strong')].map((e) => e.textContent),
    em: [...document.querySelectorAll('#poll .content-body em')].map((e) => e.textContent),
    items: [...document.querySelectorAll('#poll .content-body li')].map((e) => e.textContent),
    last: document.querySelector('#poll .content-body p:last-child').textContent,
    form: !!document.querySelector('#poll form, #poll button'),
    countdown: !!document.getElementById('countdown'),
    wide: document.documentElement.scrollWidth,
  }));
  assert.deepEqual(seen.strong, ['Tally Day']);
  assert.deepEqual(seen.em, ['everyone']);
  assert.deepEqual(seen.items, ['Wi-Fi: tally-guest', 'Lunch at 12:30']);
  assert.equal(seen.last, '5 < 6', 'an escaped "<" is a character, shown as text');
  assert.ok(!seen.form && !seen.countdown, 'no vote form and no countdown on a content slide');
  assert.ok(seen.wide <= 390, `no sideways scroll: ${seen.wide}`);
  figures[`phone ${locale}: content slide`] = `${seen.items.length} list items, bold and italic drawn, no form`;
  await axe(page, `phone on a content slide (${locale})`, { all: true });
  await shot(page, `content-phone-${locale}-390x844`);
  await ctx.close();
}

// The big screen: both slides fit, whatever their length.
for (const [width, height] of [[1280, 720], [1920, 1080]]) {
  const ctx = await context({ viewport: { width, height } });
  await withToken(ctx);
  const page = await ctx.newPage();
  for (const [index, name] of [[0, 'short'], [1, 'long']]) {
    assert.equal((await goTo(index)).status, 200);
    await page.goto(`/screen/${id}`);
    await page.waitForSelector('#body .content-body');
    await until(`the ${name} slide laid out`, async () => page.$eval('#question', (q) => q.textContent === (q.textContent.startsWith('Before') ? 'Before we start' : 'House rules')));
    await page.waitForTimeout(300);
    const fit = await page.evaluate(() => {
      const text = document.querySelector('#body .content-body');
      const sizes = [...text.querySelectorAll('p, li')].map((e) => parseFloat(getComputedStyle(e).fontSize));
      return {
        scroll: { h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth },
        cut: text.scrollHeight > text.clientHeight + 1,
        smallest: Math.min(...sizes),
        sub: document.getElementById('sub').hidden,
        chars: text.textContent.length,
        right: Math.max(...['#join', '.stage', '#join .qr'].map((q) => document.querySelector(q)?.getBoundingClientRect().right || 0)),
      };
    });
    assert.ok(fit.scroll.h <= height && fit.scroll.w <= width, `no scrolling: ${JSON.stringify(fit.scroll)}`);
    // Nothing reaches past the page's margin (the join details, with the
    // audience tag, once pushed the whole slide to the window's edge).
    assert.ok(fit.right <= width - 0.02 * width, `everything within the right margin: ${fit.right} of ${width}`);
    assert.ok(!fit.cut, `the ${name} text is whole: ${JSON.stringify(fit)}`);
    assert.ok(fit.smallest >= 0.018 * height, `smallest type ${fit.smallest} px at ${height} px`);
    // A few lines are set large, as a slide's text should be, not left at
    // the body's small default.
    if (name === 'short') assert.ok(fit.smallest >= 0.05 * height, `the short text is set large: ${fit.smallest} px at ${height} px`);
    assert.ok(fit.sub, 'no voting status or answer count on a content slide');
    figures[`screen ${width}×${height}: ${name} content slide`] = `${fit.chars} characters, type ${fit.smallest.toFixed(1)} px (${(fit.smallest / height * 100).toFixed(2)} % of the height)`;
    await axe(page, `big screen, ${name} content slide ${width}×${height}`, { all: true });
    await shot(page, `content-screen-${name}-${width}x${height}`);
  }
  await ctx.close();
}

// The console: no voting, results, timer or reset on a content slide, and
// Space does not open voting.
{
  assert.equal((await goTo(0)).status, 200);
  const ctx = await context({ viewport: { width: 1280, height: 720 } });
  await withToken(ctx);
  const page = await ctx.newPage();
  await page.goto(`/present/${id}`);
  await page.waitForSelector('#current-body');
  const hidden = await page.evaluate(() => ['poll-controls', 'timer-controls', 'reset', 'hold-option'].map((x) => document.getElementById(x).hidden));
  assert.deepEqual(hidden, [true, true, true, true]);
  // No round on a slide that takes no votes.
  assert.equal(await page.$eval('#slide-meta', (e) => e.textContent), 'Slide 1 of 4 · Content slide');
  const before = (await api('GET', `/join/${code}`)).body;
  await page.keyboard.press('Space');
  await page.keyboard.press('r');
  await page.waitForTimeout(500);
  const after = (await api('GET', `/join/${code}`)).body;
  assert.equal(after.current_poll_index, 0);
  assert.equal(after.voting_open, before.voting_open, 'Space changed nothing');
  assert.equal(after.state_version, before.state_version, 'no state change at all');
  figures['console on a content slide'] = `controls hidden 4 of 4; Space and R changed nothing (state version ${after.state_version})`;
  await axe(page, 'console on a content slide', { all: true });
  await shot(page, 'content-console-1280x720');
  await ctx.close();
}

// The deck editor: the text in its own field, HTML refused beside it.
for (const locale of ['en', 'ar']) {
  const ctx = await context({ viewport: { width: 1280, height: 720 }, locale });
  await withToken(ctx);
  const page = await ctx.newPage();
  await page.goto(`/edit/${id}`);
  await page.waitForSelector('#f-body');
  assert.equal(await page.$eval('#f-body', (f) => f.value), SHORT);
  await page.fill('#f-body', 'Hello <b>there</b>');
  await until('the HTML error beside the field', async () => (await page.$eval('#err-body', (e) => e.textContent)).length > 0);
  figures[`editor ${locale}: HTML in a body`] = await page.$eval('#err-body', (e) => e.textContent);
  await axe(page, `deck editor, content slide with an error (${locale})`, { all: true });
  await shot(page, `content-editor-${locale}-1280x720`);
  await ctx.close();
}
// A content slide with a picture: under the heading on the phone and on
// the big screen, loaded, with its alt text; the text still whole.
{
  assert.equal((await goTo(3)).status, 200);
  const loaded = (page) => page.$eval('#question-image', (i) => ({ ok: i.complete && i.naturalWidth > 0, alt: i.alt, h: i.getBoundingClientRect().height }));
  const phone = await context({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const p = await phone.newPage();
  await p.goto(`/j/${code}`);
  await p.click('form button[type="submit"]');
  await p.waitForSelector('#poll .content-body');
  await until('the phone\'s picture loaded', async () => (await loaded(p)).ok);
  assert.equal((await loaded(p)).alt, 'A map of the venue with Hall B marked');
  await axe(p, 'phone on a pictured content slide', { all: true });
  await shot(p, 'content-phone-picture-390x844');
  await phone.close();
  const big = await context({ viewport: { width: 1280, height: 720 } });
  await withToken(big);
  const s = await big.newPage();
  await s.goto(`/screen/${id}`);
  await s.waitForSelector('#body .content-body');
  await until('the screen\'s picture loaded', async () => (await loaded(s)).ok);
  await s.waitForTimeout(300);
  const fit = await s.evaluate(() => {
    const text = document.querySelector('#body .content-body');
    return { cut: text.scrollHeight > text.clientHeight + 1, h: document.documentElement.scrollHeight };
  });
  assert.ok(!fit.cut && fit.h <= 720, `the text whole beside the picture, no scrolling: ${JSON.stringify(fit)}`);
  figures['pictured content slide'] = `phone and big screen show the picture (${Math.round((await loaded(s)).h)} px tall at 1280×720) and the whole text`;
  await axe(s, 'big screen, pictured content slide', { all: true });
  await shot(s, 'content-screen-picture-1280x720');
  await big.close();
}
log('content checks done');
await finish('content');
