// The deck editor refuses, before creation, a scale poll whose statements
// the big screen cannot show within its 30 s paging cycle, and says the
// limit; at the limit it creates the deck. Checked in English and Arabic.
import assert from 'node:assert/strict';
import { context, axe, shot, until, finish, figures, log } from './harness.mjs';

const statements = (n, len) => Array.from({ length: n }, (_, i) => ({ value: `Statement ${i + 1} `.padEnd(len, 'x') }));
const draft = (len) => ({
  profanity_filter: 'standard',
  polls: [{ type: 'scale', question: 'Rate each talk', options: statements(64, len) }],
});

for (const lang of ['en', 'ar']) {
  const ctx = await context({ locale: lang, viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST' && new URL(r.url()).pathname === '/presentations') posts.push(r.url()); });
  await page.goto('/');
  await page.evaluate((d) => localStorage.setItem('tally.draft', JSON.stringify(d)), draft(200));
  await page.reload();
  // The form is home's collapsed "Quick form".
  await page.click('#quick-form > summary');
  await page.click('#create');
  const text = await until('the refusal', async () => {
    const t = await page.textContent('#message');
    return t && t.trim() ? t : null;
  });
  const limit = lang === 'en' ? '6,400' : (6400).toLocaleString('ar');
  assert.ok(text.includes(limit), `the refusal states the limit (${limit}): ${text}`);
  assert.deepEqual(posts, [], 'nothing was sent to Tally');
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'create', 'focus stays by the refusal');
  const box = await page.locator('#message').boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 720, `the refusal is in view: ${JSON.stringify(box)}`);
  await axe(page, `editor refusal ${lang}`, { all: true });
  await shot(page, `editor-scale-refused-${lang}-1280x720`);
  figures[`editor refusal ${lang}`] = text.trim();

  // 64 statements of 100 characters: 6,400 in all, the limit itself.
  await page.evaluate((d) => localStorage.setItem('tally.draft', JSON.stringify(d)), draft(100));
  await page.reload();
  await page.click('#quick-form > summary');
  await page.click('#create');
  await page.waitForURL(/\/present\//, { timeout: 15000 });
  assert.equal(posts.length, 1, 'the deck at the limit was created');
  log(`editor ${lang}: refused 64x200, created 64x100`);
  await ctx.close();
}
await finish('editor');
