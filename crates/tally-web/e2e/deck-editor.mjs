// The deck editor (issue 26): /new and /edit/{id}, driven as a presenter
// would, against a real Tally.
// - /new: a template opens in the editor unsaved; a type switch away and
//   back keeps the options; Enter adds an option; a limit shows before
//   anything is sent; a missing question is said beside its field with the
//   slide's number in the summary, and both go once it is fixed; Create
//   makes the presentation and opens /edit/{id}.
// - Reorder by keyboard (Alt+↓, announced) and by dragging the grip; each
//   saved order is the server's.
// - Live: while phones vote, a question edited and saved shows on the
//   phone at once; removing an option of the voted poll is refused (409)
//   and explained, and "Start a new round and save" applies it.
// - A second editor saving a stale revision gets the 412 explanation and
//   nothing is overwritten; "Load the latest version" shows the other's
//   edit.
// - A draft survives a reload; Ctrl+Z undoes; an outline pasted on /new
//   becomes a deck.
// - axe-core: 0 violations of any impact on every state, in English and
//   Arabic, at 1280×720 and 390 px; screenshots of each (and 1920×1080).
import assert from 'node:assert/strict';
import { context, axe, shot, api, until, finish, figures, log, sleep } from './harness.mjs';

const DESKTOP = { viewport: { width: 1280, height: 720 } };
const NARROW = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const titles = (page) => page.$$eval('#slide-list .slide-title', (els) => els.map((e) => e.textContent));
const status = (page) => page.textContent('#save-status');
// Every control a pointer aims at is at least 24×24 CSS px (WCAG 2.2's
// target size), the file inputs' visible labels standing in for them.
const smallTargets = (page) => page.$$eval('button, a, input, select, textarea, .grip, label.file-button', (els) => els
  .filter((e) => !e.classList.contains('visually-hidden') && e.getClientRects().length)
  .map((e) => [e.id || e.className || e.tagName, e.getBoundingClientRect()])
  .filter(([, r]) => r.width < 24 || r.height < 24)
  .map(([n, r]) => `${n} ${Math.round(r.width)}x${Math.round(r.height)}`));
const check = async (page, name) => {
  assert.deepEqual(await smallTargets(page), [], `targets of at least 24 px (${name})`);
  await axe(page, name, { all: true });
  await shot(page, `deck-editor-${name.replace(/[^a-z0-9]+/gi, '-')}`);
};
async function save(page) {
  await page.click('#save');
  await page.waitForSelector('#notice');
  await page.waitForFunction(() => !document.querySelector('#save[disabled]'));
  return page.textContent('#notice');
}

// ---- /new from a template ----
const ctx = await context({ ...DESKTOP, locale: 'en' });
const page = await ctx.newPage();
await page.goto('/');
await page.click('#new-deck');
await page.waitForSelector('#template-icebreaker');
await check(page, 'new chooser en 1280x720');
await page.click('#template-icebreaker');
await page.waitForSelector('#f-question');
assert.deepEqual(await titles(page), ['Where are you joining from today?', 'How are you arriving at this session?', 'Which superpower would help you most at work?', 'One word you hope describes this session at the end']);
await page.fill('#f-title', 'Team day');

// The type switch keeps the options (the first editor wiped them).
await page.click('#pick-1');
const optionValues = () => page.$$eval('.option-list input:not([type=checkbox])', (els) => els.map((e) => e.value));
const before = await optionValues();
assert.equal(before.length, 4);
await page.selectOption('#f-type', 'wordcloud');
assert.equal(await page.$('.option-list'), null, 'a word cloud shows no options');
await page.selectOption('#f-type', 'open');
await page.selectOption('#f-type', 'single');
assert.deepEqual(await optionValues(), before, 'back to single choice: the same four options');
figures['type switch single → word cloud → open → single'] = `${before.length} options kept`;

// Enter in an option adds the next one, focused.
await page.focus(`.option-list li:last-child input:not([type=checkbox])`);
await page.keyboard.press('Enter');
await page.keyboard.type('Sleepy');
assert.deepEqual(await optionValues(), [...before, 'Sleepy']);
assert.equal(await page.evaluate(() => document.activeElement.value), 'Sleepy');
// Alt+↑ moves an option (its key goes with it), Alt+↓ back.
await page.keyboard.press('Alt+ArrowUp');
assert.deepEqual(await optionValues(), [...before.slice(0, 3), 'Sleepy', before[3]]);
assert.equal(await page.evaluate(() => document.activeElement.value), 'Sleepy', 'focus follows the option');
await until('the option move announced', async () => /Option 5 moved to position 4 of 5/.test(await page.textContent('#announcer')));
await page.keyboard.press('Alt+ArrowDown');
assert.deepEqual(await optionValues(), [...before, 'Sleepy']);

// Duplicate a slide, delete it, Ctrl+Z brings it back, delete again.
await page.click('#pick-3');
await page.click('#duplicate-slide');
assert.equal((await titles(page)).length, 5);
assert.equal((await titles(page))[4], 'One word you hope describes this session at the end');
await until('the copy announced', async () => /Slide 4 duplicated as slide 5/.test(await page.textContent('#announcer')));
await page.click('#delete-slide');
assert.equal((await titles(page)).length, 4);
await page.keyboard.press('Control+z');
assert.equal((await titles(page)).length, 5, 'Ctrl+Z brings the slide back');
await page.click('#pick-4');
await page.click('#delete-slide');
assert.equal((await titles(page)).length, 4);
await page.click('#pick-1');

// A limit shows while typing, before anything is sent.
let posts = 0;
page.on('request', (r) => { if (r.method() !== 'GET') posts++; });
await page.fill('#f-question', 'x'.repeat(1001));
await page.waitForSelector('#err-question:has-text("1,000")');
assert.match(await page.textContent('#err-question'), /Shorten the question to 1,000 characters or fewer \(it has 1,001\)/);
assert.equal(await page.getAttribute('#f-question', 'aria-invalid'), 'true');
// Duplicate options are refused beside the option.
await page.fill('#f-question', 'How are you arriving at this session?');
await page.fill('.option-list li:nth-child(5) input:not([type=checkbox])', 'curious');
await page.waitForSelector('.option-list li:nth-child(5) .field-error:has-text("same as option 2")');
await page.fill('.option-list li:nth-child(5) input:not([type=checkbox])', 'Sleepy');
assert.equal(await page.$$eval('.field-error', (els) => els.filter((e) => e.textContent).length), 0, 'errors clear when fixed');

// A missing question: beside the field, and in the summary with the slide.
await page.fill('#f-question', '');
assert.equal(await page.textContent('#err-question'), '', 'not red before a save was tried');
await page.click('#save');
await page.waitForSelector('#error-summary');
assert.equal(posts, 0, 'nothing was sent to Tally');
assert.match(await page.textContent('#error-summary'), /Slide 2: Enter a question\./);
assert.equal(await page.textContent('#err-question'), 'Enter a question.');
assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary', 'focus on the summary');
await check(page, 'new errors en 1280x720');
await page.click('#error-summary a');
assert.equal(await page.evaluate(() => document.activeElement.id), 'f-question', 'the summary link goes to the field');
await page.keyboard.type('How are you arriving today?');
await page.waitForFunction(() => !document.getElementById('error-summary'));
assert.equal(await page.textContent('#err-question'), '', 'the error went once fixed');
await check(page, 'new template en 1280x720');

await page.click('#save');
await page.waitForURL(/\/edit\/[0-9a-f-]{36}$/);
const id = page.url().split('/').pop();
const token = await page.evaluate((i) => JSON.parse(localStorage.getItem(`tally.token.${i}`)), id);
assert.ok(token, 'the presenter token is kept');
const deck = async () => (await api('GET', `/presentations/${id}/deck`, token)).body;
await page.waitForSelector('#f-question');
assert.equal(posts, 1, 'one request: the import');
let d = await deck();
assert.deepEqual(d.polls.map((p) => p.question), ['Where are you joining from today?', 'How are you arriving today?', 'Which superpower would help you most at work?', 'One word you hope describes this session at the end']);
assert.deepEqual(d.polls[1].options.map((o) => o.value), [...before, 'Sleepy']);
assert.equal((await api('GET', `/presentations/${id}/settings`)).body.title, 'Team day');
assert.match(await status(page), /All changes saved \(version 1\)/);
await check(page, 'edit en 1280x720');
log(`created ${id} from the icebreaker template`);

// ---- Reorder: keyboard, then drag ----
await page.focus('#pick-0');
await page.keyboard.press('Alt+ArrowDown');
assert.equal(await page.evaluate(() => document.activeElement.id), 'pick-1', 'focus follows the slide');
await until('the move announced', async () => /Slide 1 moved to position 2 of 4/.test(await page.textContent('#announcer')));
assert.deepEqual((await titles(page)).slice(0, 2), ['How are you arriving today?', 'Where are you joining from today?']);
assert.match(await status(page), /Unsaved changes/);
assert.match(await save(page), /Saved/);
d = await deck();
assert.deepEqual(d.polls.map((p) => p.question).slice(0, 2), ['How are you arriving today?', 'Where are you joining from today?']);
assert.equal(d.revision, 2);

const grip = async (i) => page.locator(`#slide-list li[data-i="${i}"] .grip`).boundingBox();
const from = await grip(3);
const to = await grip(0);
await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
await page.mouse.down();
for (let k = 1; k <= 8; k++) await page.mouse.move(from.x + from.width / 2, from.y + (to.y - 10 - from.y) * (k / 8), { steps: 2 });
await page.mouse.up();
assert.equal((await titles(page))[0], 'One word you hope describes this session at the end', 'dragged to the top');
await until('the drag announced', async () => /Slide 4 moved to position 1 of 4/.test(await page.textContent('#announcer')));
assert.match(await save(page), /Saved/);
d = await deck();
assert.deepEqual(d.polls.map((p) => p.question), ['One word you hope describes this session at the end', 'How are you arriving today?', 'Where are you joining from today?', 'Which superpower would help you most at work?']);
figures['reorder'] = 'Alt+↓ and a drag, each saved as the server\'s order';

// ---- Live: phones vote while the question is edited ----
// The choice poll goes on screen (the console's Next).
const choice = d.polls.findIndex((p) => (p.type || 'single') === 'single');
assert.equal(d.current_poll_index, 2, 'the slide on screen (the first) stayed on screen where it moved');
assert.equal((await api('PUT', `/presentations/${id}/polls/current/index`, token, { index: choice })).status, 200);
const pollId = d.polls[choice].poll_id;
const code = await page.evaluate((i) => JSON.parse(localStorage.getItem('tally.decks')).find((x) => x.id === i).join_code, id);
const phoneCtx = await context({ ...NARROW, locale: 'en' });
const phone = await phoneCtx.newPage();
await phone.goto(`/j/${code}`);
await phone.click('form button[type="submit"]');
await phone.waitForSelector('#question:has-text("How are you arriving today?")');
let votes = 0;
const vote = async (key) => {
  const r = await api('POST', `/presentations/${id}/polls/current/votes`, null, { key, client_id: `00000000-0000-4000-8000-${String(++votes).padStart(12, '0')}`, poll_id: pollId });
  assert.equal(r.status, 204, JSON.stringify(r.body));
};
await vote('A');
await vote('B');
await page.click(`#pick-${choice}`);
await page.fill('#f-question', 'How are you arriving at Team day?');
const voting = (async () => { for (let k = 0; k < 6; k++) await vote(k % 2 ? 'C' : 'D'); })();
const t0 = Date.now();
assert.match(await save(page), /Saved/);
await phone.waitForSelector('#question:has-text("How are you arriving at Team day?")', { timeout: 5000 });
figures['edited question on the phone after Save'] = `${Date.now() - t0} ms (PUT included)`;
await voting;
d = await deck();
assert.equal(d.polls[choice].round, 1, 'a text edit keeps the round');

// Removing an option of the voted poll: refused, explained, applied with a new round.
await page.click('.option-list li:nth-child(4) button.icon');
assert.equal(await page.$$eval('.option-list li', (els) => els.length), 4);
const refusal = await save(page);
assert.match(refusal, /Slide 2 already has votes in this round, and removing “Already thinking about lunch” would change what those votes mean/);
assert.match(await status(page), /Unsaved changes/);
assert.equal((await deck()).polls[choice].options.length, 5, 'the refused revision changed nothing');
await check(page, 'edit has-votes en 1280x720');
figures['409 poll_has_votes'] = refusal.replace(/\s+/g, ' ').slice(0, 140);
await page.click('#notice-action-0');
await page.waitForSelector('#notice:has-text("Saved")');
d = await deck();
assert.equal(d.polls[choice].round, 2, 'the new round');
assert.deepEqual(d.polls[choice].options.map((o) => o.value), ['Full of energy', 'Curious', 'Need a coffee first', 'Sleepy']);
await page.waitForSelector('.slide-head .tag:has-text("Round 2")');
const rounds = (await api('GET', `/presentations/${id}/polls/${pollId}/rounds`, token));
figures['rounds after the reset'] = JSON.stringify(rounds.body).slice(0, 160);
await vote('A');

// ---- An image beside the question, with its required description ----
// (A Tally without image uploads answers 404: the editor says so beside
// the button, and this part is skipped.)
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
await page.setInputFiles('#f-image', { name: 'coffee.png', mimeType: 'image/png', buffer: PNG });
await page.waitForSelector('#f-image-alt, #err-image');
if (await page.$('#err-image')) {
  figures['question image'] = `skipped: this Tally has no image uploads (${await page.textContent('#err-image')})`;
} else {
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-image-alt', 'the description is asked for at once');
  await page.click('#save');
  await page.waitForSelector('#error-summary');
  assert.match(await page.textContent('#err-image-alt'), /Describe the image/);
  await page.fill('#f-image-alt', 'A cup of coffee');
  assert.match(await save(page), /Saved/);
  const image = (await deck()).polls[choice].images.question;
  assert.equal(image.alt, 'A cup of coffee');
  await phone.waitForSelector(`#question-image[alt="A cup of coffee"]`, { timeout: 5000 });
  await check(page, 'edit image en 1280x720');
  await page.click('#remove-image');
  assert.match(await save(page), /Saved/);
  assert.equal((await deck()).polls[choice].images, undefined, 'the image removed');
  figures['question image'] = `uploaded ${image.image_id.slice(0, 12)}…, described, on the phone, removed`;
}

// ---- Two editors: the stale one is told, nothing is overwritten ----
const other = await context({ ...DESKTOP, locale: 'en' });
const second = await other.newPage();
await second.goto('/');
await second.evaluate(([i, tk]) => localStorage.setItem(`tally.token.${i}`, JSON.stringify(tk)), [id, token]);
await second.goto(`/edit/${id}`);
await second.waitForSelector('#f-question');
// Both edit slide 3; the first saves while the second has unsaved edits.
await second.click('#pick-2');
await second.fill('#f-question', 'Where do you come from?');
await page.click('#pick-2');
await page.fill('#f-question', 'Where are you joining us from?');
assert.match(await save(page), /Saved/);
// The live channel tells the second editor before it saves…
await second.waitForSelector('#notice:has-text("Someone else just saved this deck")');
figures['second editor told live'] = (await second.textContent('#notice')).slice(0, 80);
// …and a Save anyway is refused by the revision, not applied.
const stale = await save(second);
assert.match(stale, /Someone else saved this deck \(now version \d+\) since you opened it\. Your changes are not saved/);
assert.equal((await deck()).polls[2].question, 'Where are you joining us from?', 'the first edit stands');
await check(second, 'edit stale en 1280x720');
figures['412 deck_changed'] = stale.replace(/\s+/g, ' ').slice(0, 120);
await second.click('#notice-action-0');
await second.waitForSelector('#notice:has-text("This is the latest version")');
assert.equal(await second.inputValue('#f-question'), 'Where are you joining us from?');
await second.keyboard.press('Control+z');
await second.waitForFunction(() => document.getElementById('f-question').value === 'Where do you come from?');
await other.close();

// ---- Drafts survive a reload; Ctrl+Z undoes ----
await page.fill('#f-question', 'Where are you joining us from, today?');
await page.reload();
await page.waitForSelector('#notice:has-text("unsaved changes")');
assert.equal(await page.inputValue('#f-question'), 'Where are you joining us from, today?');
await page.focus('#f-question');
await page.keyboard.press('End');
await page.keyboard.type(' Tell us!');
await sleep(1300);
await page.keyboard.type(' Now.');
await page.keyboard.press('Control+z');
assert.equal(await page.inputValue('#f-question'), 'Where are you joining us from, today? Tell us!', 'Ctrl+Z takes back the last burst');
await page.keyboard.press('Control+Shift+z');
assert.equal(await page.inputValue('#f-question'), 'Where are you joining us from, today? Tell us! Now.');
await page.click('#notice-action-0'); // discard the draft: reloads the saved deck
await page.waitForSelector('#f-question');
await page.waitForFunction(() => /All changes saved/.test(document.getElementById('save-status').textContent));

// ---- The title, export, duplicate deck ----
await page.fill('#f-title', 'Team day 2026');
assert.match(await save(page), /Saved/);
assert.equal((await api('GET', `/presentations/${id}/settings`)).body.title, 'Team day 2026');
const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
const exported = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
assert.equal(download.suggestedFilename(), 'Team-day-2026.tally.json');
assert.deepEqual([exported.format, exported.version, exported.title, exported.polls.length], ['tally-deck', 1, 'Team day 2026', 4]);
assert.deepEqual(exported, (await api('GET', `/presentations/${id}/deck/export`, token)).body, 'the file is the server\'s export');
await page.click('#duplicate-deck');
await page.waitForSelector('#notice:has-text("A copy of this deck was made")');
const copies = await page.evaluate(() => JSON.parse(localStorage.getItem('tally.decks')).map((x) => x.title));
assert.ok(copies.includes('Copy of Team day 2026'), `the copy is in this browser's list: ${copies}`);
await check(page, 'edit duplicated en 1280x720');
await page.click('#notice-action-0');
await page.waitForURL((u) => u.pathname.startsWith('/edit/') && !u.pathname.endsWith(id));
await page.waitForSelector('#f-question');
assert.equal(await page.inputValue('#f-title'), 'Copy of Team day 2026');
assert.equal((await titles(page)).length, 4);
figures['export and duplicate'] = `${download.suggestedFilename()}, ${exported.polls.length} slides; copy opened at /edit/…`;
await page.goto(`/edit/${id}`);
await page.waitForSelector('#f-question');

// ---- The same editor at 1920×1080 ----
await page.setViewportSize({ width: 1920, height: 1080 });
await shot(page, 'deck-editor-edit-en-1920x1080');
await page.setViewportSize({ width: 1280, height: 720 });

// ---- An outline pasted on /new ----
await page.goto('/new');
await page.fill('#outline-text', '# Best snack?\n- Crisps\n- Fruit\n\n# 2 + 2?\n- 3\n- [x] 4\n\n# One word for today\n');
await page.click('#read-outline');
await page.waitForSelector('#f-question');
assert.deepEqual(await titles(page), ['Best snack?', '2 + 2?', 'One word for today']);
await page.click('#pick-1');
assert.equal(await page.inputValue('#f-type'), 'quiz');
assert.equal(await page.isChecked('.option-list li:nth-child(2) input[type=checkbox]'), true, 'the [x] answer is marked correct');
await check(page, 'new outline en 1280x720');
await page.click('#save');
await page.waitForURL(/\/edit\//);
const outlineId = page.url().split('/').pop();
assert.notEqual(outlineId, id);
const outlineToken = await page.evaluate((i) => JSON.parse(localStorage.getItem(`tally.token.${i}`)), outlineId);
const od = (await api('GET', `/presentations/${outlineId}/deck/export`, outlineToken)).body;
assert.deepEqual(od.polls.map((p) => [p.type, p.question]), [['single', 'Best snack?'], ['quiz', '2 + 2?'], ['wordcloud', 'One word for today']]);
assert.deepEqual(od.polls[1].settings.correct, ['B']);
// The deck read leaves a quiz's answer out; the editor takes it from the
// export, so that saving the quiz keeps it.
await page.waitForSelector('#pick-1');
await page.click('#pick-1');
assert.equal(await page.isChecked('.option-list li:nth-child(2) input[type=checkbox]'), true, 'the saved answer is shown on /edit');
await page.fill('#f-question', '2 + 2 = ?');
assert.match(await save(page), /Saved/);
assert.deepEqual((await api('GET', `/presentations/${outlineId}/deck/export`, outlineToken)).body.polls[1].settings.correct, ['B']);
// An option added to a quiz with votes is a safe edit: its choice rules
// stay as saved ("up to 2"), so no new round is needed.
const quizId = (await api('GET', `/presentations/${outlineId}/deck`, outlineToken)).body.polls[1].poll_id;
assert.equal((await api('PUT', `/presentations/${outlineId}/polls/current/index`, outlineToken, { index: 1 })).status, 200);
const quizVote = await api('POST', `/presentations/${outlineId}/polls/current/votes`, null, { key: 'B', client_id: '00000000-0000-4000-8000-0000000000aa', poll_id: quizId });
assert.equal(quizVote.status, 204, JSON.stringify(quizVote.body));
await page.focus('.option-list li:last-child input:not([type=checkbox])');
await page.keyboard.press('Enter');
await page.keyboard.type('5');
assert.match(await save(page), /Saved/, 'no new round for an added option');
const quizAfter = (await api('GET', `/presentations/${outlineId}/deck`, outlineToken)).body.polls[1];
assert.deepEqual([quizAfter.round, quizAfter.options.length, quizAfter.max_choices], [1, 3, 2]);

// A rating scale whose statements the big screen cannot page is refused
// before anything is sent, with the limit (the first editor's rule).
const statements = (len) => Array.from({ length: 64 }, (_, i) => ({ key: `S${i}`, value: `Statement ${i + 1} `.padEnd(len, 'x') }));
const scaleDraft = (len) => ({ deck: { title: '', profanity_filter: 'standard', polls: [{ uid: 'u1', type: 'scale', question: 'Rate each talk', options: statements(len), s: { scale: { min: '1', max: '5', min_label: '', max_label: '' } }, notes: '' }] }, selected: 0, started: true });
await page.goto('/new');
await page.evaluate((d) => localStorage.setItem('tally.editor.new', JSON.stringify(d)), scaleDraft(200));
await page.reload();
await page.waitForSelector('#err-options:has-text("6,400")');
assert.match(await page.textContent('#err-options'), /The statements have 12,800 characters; a rating scale may have at most 6,400/);
await page.evaluate((d) => localStorage.setItem('tally.editor.new', JSON.stringify(d)), scaleDraft(100));
await page.reload();
await page.waitForSelector('#f-question');
assert.equal(await page.textContent('#err-options'), '', '64 statements of 100 characters: at the limit, taken');
// "Start again" goes back to the choices; the draft stays one undo away.
await page.click('#start-again');
await page.waitForSelector('#deck-file', { state: 'attached' });

// A deck file chosen on /new becomes a presentation at once.
await page.setInputFiles('#deck-file', { name: 'team-day.tally.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
await page.waitForURL((u) => u.pathname.startsWith('/edit/') && !u.pathname.endsWith(id) && !u.pathname.endsWith(outlineId));
await page.waitForSelector('#f-question');
assert.deepEqual(await titles(page), exported.polls.map((p) => p.question));
// Home lists every deck held here with its Edit link, and links to /new.
await page.goto('/');
await page.waitForSelector('#new-deck[href="/new"]');
for (const held of [id, outlineId]) assert.ok(await page.$(`a[href="/edit/${held}"]`), `an Edit link for ${held}`);
await axe(page, 'home en 1280x720', { all: true });
await ctx.close();
await phoneCtx.close();

// ---- Every state in Arabic at 1280×720 and in both languages at 390 px ----
for (const [lang, size, view] of [['ar', '1280x720', DESKTOP], ['en', '390', NARROW], ['ar', '390', NARROW]]) {
  const c = await context({ ...view, locale: lang });
  const p = await c.newPage();
  await p.goto('/');
  await p.evaluate(([i, tk]) => localStorage.setItem(`tally.token.${i}`, JSON.stringify(tk)), [id, token]);
  await p.goto('/new');
  await p.waitForSelector('#template-quiz');
  assert.equal(await p.evaluate(() => document.documentElement.dir), lang === 'ar' ? 'rtl' : 'ltr');
  await check(p, `new chooser ${lang} ${size}`);
  await p.click('#template-quiz');
  await p.waitForSelector('#f-question');
  await check(p, `new template ${lang} ${size}`);
  await p.fill('#f-question', '');
  await p.click('#save');
  await p.waitForSelector('#error-summary');
  await check(p, `new errors ${lang} ${size}`);
  const wide = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wide <= 0, `no sideways scroll (${lang} ${size}): ${wide}px`);
  await p.goto(`/edit/${id}`);
  await p.waitForSelector('#f-question');
  await check(p, `edit ${lang} ${size}`);
  const sideways = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(sideways <= 0, `no sideways scroll on /edit (${lang} ${size}): ${sideways}px`);
  await p.click(`#pick-${choice}`);
  await p.click('.option-list li:nth-child(4) button.icon');
  await p.click('#save');
  await p.waitForSelector('#notice-action-0');
  await check(p, `edit has-votes ${lang} ${size}`);
  await p.click('#notice-action-1'); // undo
  await c.close();
}
await finish('deck-editor');
