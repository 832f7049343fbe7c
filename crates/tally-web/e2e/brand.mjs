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
import assert from 'node:assert/strict';
import { log, figures, context, axe, shot, api, until, finish } from './harness.mjs';

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
await ctx.close();
await finish('brand');
