// Slide images on the phone and the big screen (issue 26), in Debian's
// Chromium driven by Playwright. Run by `cargo test -p tally-server --test
// api browser::slide_images_show_on_the_phone_and_the_big_screen`.
//
// An image is uploaded through the API (a PNG this script draws) and put
// beside a question and two of its options, each with its alt text. The
// phone shows the question's image and a thumbnail in each pictured tile,
// every one loaded and named by its alt text; the big screen shows the
// question's image under the question, at 1280×720 and 1920×1080, with no
// scrolling. axe-core finds nothing at all, in English and Arabic.
import assert from 'node:assert/strict';
import { log, figures, context, axe, shot, api, until, finish, png, upload } from './harness.mjs';

// The images' holder: uploads belong to a presentation the presenter runs.
const holder = await api('POST', '/presentations', null, { polls: [{ question: 'Holder?', options: [{ key: 'A', value: 'a' }] }] });
const [wide, square] = [await upload(holder.body.presentation_id, holder.body.presenter_token, png(640, 360)),
  await upload(holder.body.presentation_id, holder.body.presenter_token, png(200, 200))];
const made = await api('POST', '/presentations', null, {
  polls: [{
    question: 'Which view should be on the event poster?',
    options: [{ key: 'A', value: 'The harbour at dawn' }, { key: 'B', value: 'The old town square' }, { key: 'C', value: 'Neither' }],
    images: {
      question: { image_id: wide, alt: 'Two candidate photos side by side' },
      options: { A: { image_id: square, alt: 'Boats in a harbour at sunrise' }, B: { image_id: square, alt: 'A cobbled square with a fountain' } },
    },
  }],
});
assert.equal(made.status, 201, JSON.stringify(made.body));
const { presentation_id: id, presenter_token: token, join_code: code } = made.body;
log('created', id, 'join code', code);

const loaded = (page, selector) => page.$$eval(selector, (imgs) => imgs.map((i) => ({ alt: i.alt, ok: i.complete && i.naturalWidth > 0 })));

for (const locale of ['en', 'ar']) {
  const ctx = await context({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale });
  const page = await ctx.newPage();
  await page.goto(`/j/${code}`);
  await page.click('form button[type="submit"]');
  await page.waitForSelector('#question-image');
  await until('the phone\'s images loaded', async () => (await loaded(page, '#question-image, .tile-img')).every((i) => i.ok));
  const images = await loaded(page, '#question-image, .tile-img');
  assert.deepEqual(images.map((i) => i.alt), ['Two candidate photos side by side', 'Boats in a harbour at sunrise', 'A cobbled square with a fountain']);
  // The pictured tile is named by its picture and its text.
  const name = await page.$eval('.tile.pictured input', (input) => input.closest('label').textContent.trim());
  assert.ok(name.includes('The harbour at dawn'), name);
  const tall = await page.$eval('#question-image', (img) => img.getBoundingClientRect().height);
  assert.ok(tall <= 844 * 0.34 + 1, `the question's image at most a third of the screen: ${tall}`);
  figures[`phone ${locale}: images loaded`] = `${images.length}, question image ${Math.round(tall)} px tall`;
  await axe(page, `phone with images (${locale})`, { all: true });
  await shot(page, `images-phone-${locale}-390x844`);
  await ctx.close();
}

for (const [width, height] of [[1280, 720], [1920, 1080]]) {
  const ctx = await context({ viewport: { width, height } });
  await ctx.addInitScript(([i, t]) => location.protocol !== 'about:' && localStorage.setItem(`tally.token.${i}`, JSON.stringify(t)), [id, token]);
  const page = await ctx.newPage();
  await page.goto(`/screen/${id}`);
  await page.waitForSelector('#question-image:not([hidden])');
  await until('the screen\'s image loaded', async () => (await loaded(page, '#question-image')).every((i) => i.ok));
  const [image] = await loaded(page, '#question-image');
  assert.equal(image.alt, 'Two candidate photos side by side');
  const box = await page.$eval('#question-image', (img) => { const r = img.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, height: r.height }; });
  assert.ok(box.height > 0 && box.height <= height * 0.2 + 1, `image height ${box.height}`);
  const scroll = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth }));
  assert.ok(scroll.h <= height && scroll.w <= width, `no scrolling: ${JSON.stringify(scroll)}`);
  // Every option is still on the slide, under the picture.
  await api('POST', `/presentations/${id}/polls/current/results/show`, token);
  await page.waitForSelector('#body li');
  const options = await page.$$eval('#body li', (lis) => lis.filter((li) => li.offsetParent).length);
  assert.equal(options, 3, 'the three options under the picture');
  // The options' pictures beside their bars, loaded, with their alt text.
  await until('the options\' pictures loaded', async () => {
    const seen = await loaded(page, '#body .opt-img');
    return seen.length === 2 && seen.every((i) => i.ok);
  });
  assert.deepEqual((await loaded(page, '#body .opt-img')).map((i) => i.alt), ['Boats in a harbour at sunrise', 'A cobbled square with a fountain']);
  const thumb = await page.$eval('#body .opt-img', (img) => img.getBoundingClientRect().height);
  assert.ok(thumb >= 0.03 * height, `an option's picture is big enough to see: ${thumb} px`);
  const after = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth }));
  assert.ok(after.h <= height && after.w <= width, `no scrolling with the pictures: ${JSON.stringify(after)}`);
  figures[`screen ${width}×${height}: option pictures`] = `2 beside their bars, ${Math.round(thumb)} px`;
  figures[`screen ${width}×${height}: question image`] = `${Math.round(box.height)} px tall (${(box.height / height * 100).toFixed(1)} %)`;
  await axe(page, `big screen with an image ${width}×${height}`, { all: true });
  await shot(page, `images-screen-${width}x${height}`);
  await api('POST', `/presentations/${id}/polls/current/results/hide`, token);
  await ctx.close();
}
log('images checks done');
await finish('images');
