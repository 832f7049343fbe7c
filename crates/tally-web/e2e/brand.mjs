// The event's look (js/brand.js) in Debian's Chromium driven by
// Playwright. Run by `cargo test -p tally-server --test api
// browser::the_settings_panel_edits_the_event_s_look`.
//
// The settings panel is mounted on its own on a Tally page (the console
// mounts it in its own layout): in English and Arabic, at 1280×720 and on
// a 390 px phone, with axe-core finding no violation. A faint accent is
// saved and the panel says in words that the pages use an adjusted one; a
// title over the limit gets its message beside the field and in a summary;
// an SVG logo is refused with its own message; a PNG is uploaded, shown
// and removed. applyBrand puts the server's readable palette on <html>.
// The preview shows what the big screen really shows: its own navy look
// with the default colours and with a light background, the chosen
// colours with a dark one (read from the big screen itself each time).
import assert from 'node:assert/strict';
import { log, figures, context, axe, shot, api, until, sleep, finish } from './harness.mjs';

const made = await api('POST', '/presentations', null, {
  polls: [
    { type: 'single', question: 'Which room?', options: [{ key: 'A', value: 'Hall A' }, { key: 'B', value: 'Hall B' }] },
    { type: 'qa', question: 'Your questions' },
  ],
});
assert.equal(made.status, 201, JSON.stringify(made.body));
const { presentation_id: id, presenter_token: token } = made.body;
log('created', id);

// A 1 × 1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

async function mount(page, tag) {
  // Once the host page has loaded its own messages, or it would replace
  // the panel's.
  await page.goto('/', { waitUntil: 'networkidle' });
  await page.evaluate(async ({ id, token, tag }) => {
    const i18n = await import('/assets/js/i18n.js');
    await i18n.loadLocale(tag, ['common', 'brand']);
    document.documentElement.lang = tag;
    document.documentElement.dir = i18n.isRtl(tag) ? 'rtl' : 'ltr';
    const { settingsPanel } = await import('/assets/js/brand.js');
    const main = document.createElement('main');
    main.append(settingsPanel(id, token));
    document.body.replaceChildren(main);
  }, { id, token, tag });
  // Filled from GET …/settings.
  await until('the settings', () => page.evaluate(() => document.querySelector('.brand-contrast').textContent.length > 0));
  const heading = await page.evaluate(() => document.querySelector('.brand-panel h2').textContent);
  assert.notEqual(heading, 'brand-heading', `the panel's messages are loaded in ${tag}`);
}

// The big screen's background and ink, as it draws them now.
async function screenLook(tag) {
  const ctx = await context({ viewport: { width: 1280, height: 720 } });
  await ctx.addInitScript(([id, token]) => location.protocol !== 'about:' && localStorage.setItem(`tally.token.${id}`, JSON.stringify(token)), [id, token]);
  const screen = await ctx.newPage();
  await screen.goto(`/screen/${id}`);
  await screen.waitForSelector('#join-code');
  // The settings are applied after the first drawing.
  await until('the settings on the big screen', () => screen.evaluate(() => document.documentElement.classList.contains('branded')));
  await sleep(300);
  const look = await screen.evaluate(() => {
    const cs = getComputedStyle(document.body);
    return { background: cs.backgroundColor, ink: cs.color };
  });
  await shot(screen, `brand-screen-${tag}`);
  await axe(screen, `big screen, ${tag} background`, { all: true });
  await ctx.close();
  return look;
}
const previewLook = (page) => page.evaluate(() => {
  const cs = getComputedStyle(document.querySelector('.brand-preview'));
  return { background: cs.backgroundColor, ink: cs.color };
});

const fieldText = (page, selector) => page.evaluate((s) => document.querySelector(s).textContent, selector);

for (const tag of ['en', 'ar']) {
  for (const [label, viewport] of [['1280x720', { width: 1280, height: 720 }], ['390', { width: 390, height: 844 }]]) {
    const ctx = await context({ viewport, locale: tag });
    const page = await ctx.newPage();
    await mount(page, tag);
    await shot(page, `brand-${tag}-${label}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow} px) in ${tag} at ${label}`);
    await axe(page, `brand panel ${tag} ${label}`, { all: true });
    await ctx.close();
  }
}

const ctx = await context({ viewport: { width: 1280, height: 720 } });
const page = await ctx.newPage();
await mount(page, 'en');

// A faint accent: saved as chosen, the panel says the pages adjust it.
await page.locator('input[type=color]').first().fill('#ffe066');
await page.getByRole('button', { name: 'Save settings' }).click();
await until('saved', async () => (await fieldText(page, '.brand-form .brand-status')) === 'Settings saved.');
const warning = await fieldText(page, '.brand-contrast');
assert.match(warning, /hard to read/);
assert.match(warning, /4\.5:1/);
const stored = await api('GET', `/presentations/${id}/settings`);
assert.equal(stored.body.accent, '#ffe066');
assert.equal(stored.body.warnings[0].code, 'accent_contrast');
figures['contrast warning shown'] = warning;
// A light background (the default white) with the faint accent: the big
// screen keeps its own look, and so does the preview.
const lightScreen = await screenLook('light');
assert.deepEqual(await previewLook(page), lightScreen, 'the preview shows the big screen as it is (default background)');
assert.ok(await page.locator('.brand-preview-note').isVisible(), 'the note says why the big screen keeps its look');
figures['big screen and preview, light background'] = JSON.stringify(lightScreen);
await shot(page, 'brand-en-contrast-warning');
await axe(page, 'brand panel with the contrast warning', { all: true });

// A title over the limit: the message beside the field and in the summary.
await page.evaluate(() => { document.querySelector('input[type=text]').value = 'x'.repeat(121); });
await page.getByRole('button', { name: 'Save settings' }).click();
await until('the title error', async () => (await fieldText(page, '.brand-field .brand-error')).length > 0);
const titleError = await fieldText(page, '.brand-field .brand-error');
assert.match(titleError, /120 characters/);
assert.ok(await page.locator('.brand-summary').isVisible(), 'the error summary');
assert.equal(await page.evaluate(() => document.activeElement.className), 'brand-summary');
await shot(page, 'brand-en-title-error');
await axe(page, 'brand panel with an error', { all: true });

// Switches and the title saved; the errors go once fixed.
await page.evaluate(() => { document.querySelector('input[type=text]').value = 'Town hall'; });
await page.getByLabel('Hide results until voting closes').check();
await page.getByLabel('Q&A open for the whole event').check();
await page.getByRole('button', { name: 'Save settings' }).click();
await until('saved again', async () => (await fieldText(page, '.brand-form .brand-status')) === 'Settings saved.');
assert.equal(await fieldText(page, '.brand-field .brand-error'), '');
assert.ok(!(await page.locator('.brand-summary').isVisible()));
const after = (await api('GET', `/presentations/${id}/settings`)).body;
assert.equal(after.title, 'Town hall');
assert.equal(after.hide_results_until_closed, true);
assert.equal(after.qa_always_open, true);

// Logo: SVG refused in words, a PNG shown, then removed.
await page.setInputFiles('input[type=file]', { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: SVG });
await page.getByRole('button', { name: 'Upload logo' }).click();
await until('the SVG refusal', async () => (await fieldText(page, '.brand-logo .brand-error')).length > 0);
assert.match(await fieldText(page, '.brand-logo .brand-error'), /SVG images are not accepted/);
await page.setInputFiles('input[type=file]', { name: 'logo.png', mimeType: 'image/png', buffer: PNG });
await page.getByRole('button', { name: 'Upload logo' }).click();
await until('the logo', () => page.locator('.brand-logo-img').isVisible());
assert.equal(await fieldText(page, '.brand-logo .brand-error'), '');
assert.ok((await api('GET', `/presentations/${id}/settings`)).body.logo);
await shot(page, 'brand-en-logo');
await page.getByRole('button', { name: 'Remove logo' }).click();
await until('no logo', async () => !(await page.locator('.brand-logo-img').isVisible()));
assert.equal((await api('GET', `/presentations/${id}/settings`)).body.logo, null);

// applyBrand: the readable palette on <html>.
const applied = await page.evaluate(async (id) => {
  const { loadBrand } = await import('/assets/js/brand.js');
  const s = await loadBrand(id);
  const style = getComputedStyle(document.documentElement);
  return { palette: s.palette, accent: style.getPropertyValue('--brand-accent').trim(), bg: style.getPropertyValue('--brand-bg').trim(),
    ink: style.getPropertyValue('--brand-ink').trim(), scale: style.getPropertyValue('--brand-scale').trim(),
    branded: document.documentElement.classList.contains('branded') };
}, id);
assert.equal(applied.accent, applied.palette.accent);
assert.notEqual(applied.accent, '#ffe066');
assert.equal(applied.bg, applied.palette.background);
assert.equal(applied.ink, applied.palette.ink);
assert.equal(applied.scale, '1');
assert.ok(applied.branded);
figures['applied palette'] = JSON.stringify(applied.palette);

// A dark background: the big screen takes the event's colours, and the
// preview shows them.
await page.locator('input[type=color]').nth(1).fill('#101820');
await page.getByRole('button', { name: 'Save settings' }).click();
await until('the dark background saved', async () => (await api('GET', `/presentations/${id}/settings`)).body.background === '#101820');
await until('the preview redrawn', async () => (await previewLook(page)).background === 'rgb(16, 24, 32)');
const darkScreen = await screenLook('dark');
assert.deepEqual(await previewLook(page), darkScreen, 'the preview shows the big screen as it is (a dark background chosen)');
assert.equal(darkScreen.background, 'rgb(16, 24, 32)', 'the big screen takes the chosen dark background');
assert.ok(!(await page.locator('.brand-preview-note').isVisible()), 'no note once the big screen takes the colours');
figures['big screen and preview, dark background'] = JSON.stringify(darkScreen);
await shot(page, 'brand-en-dark-preview');
await axe(page, 'brand panel with a dark background', { all: true });

await ctx.close();
await finish('brand');
