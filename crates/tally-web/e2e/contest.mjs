// Judged contests in Debian's Chromium, driven by Playwright. Run by
// `cargo test -p tally-server --test api browser`.
//
// The organiser creates a contest in the editor and invites two judges
// and a co-host; the judges open their private links on phones and score
// with the − and + buttons and by typing, save a draft and submit; the
// organiser's progress view follows; an incomplete submission is refused;
// the organiser reopens a sheet, the judge resubmits (now two contestants
// tie, and the tie-break criterion parts them); the co-host closes and
// publishes the round; the big screen reveals the places from the
// last to the first. Every figure is read back from Tally's API too.
//
// The contest is tied to the event's presentation, made in the same
// browser: the co-host runs its slides from the console their link opens,
// and a moderator approves a held word there without any slide control.
// The organiser opening a co-host link keeps their own presenter key.
import assert from 'node:assert/strict';
import {
  PHONE, log, figures, context, axe, shot, api, until, expectConfirm, assertTokenNeverInUrl, finish,
} from './harness.mjs';

// ---- The organiser makes the event's presentation, then the contest ----
const organiser = await context({ viewport: { width: 1280, height: 900 } });
const page = await organiser.newPage();
await page.goto('/');
await page.click('#quick-form > summary');
await page.fill('#q-0', 'Who sang best?');
await page.fill('#o-0-0', 'Alto');
await page.fill('#o-0-1', 'Bass');
await page.click('#add-poll');
await page.selectOption('#type-1', 'wordcloud');
await page.fill('#q-1', 'One word for the choir?');
await page.click('[data-poll="1"] summary');
await page.check('#moderated-1');
await page.click('#create');
await page.waitForURL(/\/present\/[0-9a-f-]{36}$/);
const pid = page.url().split('/').pop();
const presenterKey = await page.evaluate((x) => JSON.parse(localStorage.getItem(`tally.token.${x}`)), pid);
const pollIds = (await api('GET', `/presentations/${pid}`)).body.polls.map((p) => p.poll_id);
log('presentation', pid);
await page.goto('/contest');
await axe(page, 'new contest');
await page.fill('#title', 'Spring choir contest');
await page.fill('#contestants', 'Alto\nBass\nCello');
await page.fill('#tie', 'Voice');
await page.fill('#rounds', 'Final\nEncore');
await shot(page, 'contest-new');
await page.click('#create');
await page.waitForURL(/\/contest\/[0-9a-f-]{36}$/);
const id = page.url().split('/').pop();
const owner = await page.evaluate((cid) => JSON.parse(localStorage.getItem(`tally.contest.${cid}`)), id);
assert.match(owner, /^tly_/);
const contest = (await api('GET', `/contests/${id}`)).body;
assert.deepEqual(contest.criteria.map((c) => [c.name, c.weight, c.step]), [['Voice', '2', '0.5'], ['Stage', '1', '1']]);
assert.deepEqual(contest.tie_breaks, ['Voice']);
const roundId = contest.rounds[0].round_id;
const encoreId = contest.rounds[1].round_id;
const who = Object.fromEntries(contest.contestants.map((c) => [c.name, c.contestant_id]));
const on = Object.fromEntries(contest.criteria.map((c) => [c.name, c.criterion_id]));
log('contest', id);

// The organiser corrects the contest in place before anyone scores: a
// criterion's description, kept with its id.
await page.click('#edit-contest summary');
const stageDescription = page.locator('#edit-criterions .edit-row').nth(1).locator('input[data-key="description"]');
await stageDescription.fill('Presence and poise');
await page.click('#save-contest');
await until('the correction saved', async () => /Saved/.test(await page.textContent('#message')));
assert.equal((await api('GET', `/contests/${id}`)).body.criteria[1].description, 'Presence and poise');
assert.equal((await api('GET', `/contests/${id}`)).body.criteria[1].criterion_id, on.Stage);

async function invite(role, name) {
  const link = async () => page.inputValue('#new-link-url').catch(() => '');
  const before = await link();
  await page.selectOption('#role', role);
  await page.fill('#link-name', name);
  await page.click('#invite-button');
  await until(`${name}'s link`, async () => {
    const now = await link();
    return now !== before && now.includes('#tly_');
  });
  return link();
}
const annLink = await invite('judge', 'Ann');
const benLink = await invite('judge', 'Ben');
const cohostLink = await invite('cohost', 'Cory');
const moderatorLink = await invite('moderator', 'Mo');
assert.match(annLink, new RegExp(`/judge/${id}#tly_`));
assert.match(cohostLink, new RegExp(`/contest/${id}#tly_`));
// The encore takes only the winner-to-be: the lineup of a draft round.
await page.selectOption('#round', encoreId);
await until('the encore lineup', async () => (await page.locator('#lineup-list input').count()) === 3);
await page.uncheck(`#lineup-list input[value="${who.Bass}"]`);
await page.uncheck(`#lineup-list input[value="${who.Cello}"]`);
await page.click('#save-lineup');
await until('the encore is Alto only', async () =>
  JSON.stringify((await api('GET', `/contests/${id}`)).body.rounds[1].contestant_ids) === JSON.stringify([who.Alto]));
await page.selectOption('#round', roundId);
// Tied to the presentation this browser made (its key proves it).
await page.selectOption('#tie-pick', pid);
await page.click('#tie-button');
await until('tied', async () => /Tied to “Who sang best\?”/.test(await page.textContent('#tied-to').catch(() => '')));
assert.equal((await api('GET', `/contests/${id}`)).body.presentation_id, pid);
await page.click('#open');
await until('the round open', async () => (await page.textContent('#round-state')) === 'open');
await until('two judges listed', async () => /0 of 2 judges submitted/.test(await page.textContent('#progress-summary')));
await axe(page, 'contest organiser');
await shot(page, 'contest-organiser');

// ---- Two judges score on phones ----
async function judgePage(link, name) {
  const ctx = await context(PHONE);
  const p = await ctx.newPage();
  await p.goto(link);
  await p.waitForSelector('#sheet-state');
  // The secret left the address bar at once.
  assert.ok(!p.url().includes('#'), p.url());
  log(name, 'sheet open');
  return p;
}
const ann = await judgePage(annLink, 'Ann');
const mark = (c, k) => `#m-${who[c]}-${on[k]}`;
const up = (c, k) => `button[aria-label="${k} for ${c}: one step up"]`;
// Ann: + from empty starts at the minimum; each + is one step (0.5 on Voice).
for (let i = 0; i < 3; i++) await ann.click(up('Alto', 'Voice'));
assert.equal(await ann.inputValue(mark('Alto', 'Voice')), '2');
await ann.fill(mark('Alto', 'Voice'), '8');
await ann.click(up('Alto', 'Voice'));
assert.equal(await ann.inputValue(mark('Alto', 'Voice')), '8.5');
await ann.fill(mark('Alto', 'Stage'), '6');
await ann.fill(mark('Bass', 'Voice'), '7');
await ann.fill(mark('Bass', 'Stage'), '7');
await ann.fill(`#note-${who.Bass}`, 'Lovely low notes; watch the tempo.');
await ann.click('#save');
await until('draft saved', async () => /Draft saved/.test(await ann.textContent('#message')));
// Submitting with Cello unscored is refused, and says what is missing.
expectConfirm();
await ann.click('#submit');
await until('incomplete refused', async () => /lacks 2 marks/.test(await ann.textContent('#message')));
await axe(ann, 'judge sheet');
await shot(ann, 'contest-judge-draft');
await ann.fill(mark('Cello', 'Voice'), '9');
await ann.fill(mark('Cello', 'Stage'), '3');
expectConfirm();
await ann.click('#submit');
await until('Ann submitted', async () => (await ann.textContent('#sheet-state')) === 'submitted');
assert.equal(await ann.isDisabled(mark('Alto', 'Voice')), true, 'a submitted sheet is locked');
// A locked field does not look like one to type in.
assert.equal(await ann.locator(mark('Alto', 'Voice')).evaluate((el) => getComputedStyle(el).borderStyle), 'dashed');
await shot(ann, 'contest-judge-submitted');

// Once marks are saved, a weight that would change what they mean is
// refused, and the page says why.
await page.click('#edit-contest summary');
await page.locator('#edit-criterions .edit-row').nth(0).locator('input[data-key="weight"]').fill('3');
await page.click('#save-contest');
// Said by its problem code (contest_locked) in the page's language, not
// in the server's English.
await until('the weight refused', async () => /Marks have been saved, so this change is no longer allowed/.test(await page.textContent('#edit-status')));
assert.equal((await api('GET', `/contests/${id}`)).body.criteria[0].weight, '2');
await shot(page, 'contest-correction-refused');
await page.click('#edit-contest summary');

// The organiser excludes Ben from Cello (a conflict of interest).
await page.selectOption('#conflict-judge', { label: 'Ben' });
await page.check(`#conflict-list input[value="${who.Cello}"]`);
await page.click('#save-conflicts');
await until('Ben excluded from Cello', async () => {
  const c = (await api('GET', `/contests/${id}/conflicts`, owner)).body;
  return c.some((x) => x.contestant_ids.includes(who.Cello));
});
await until('Ben expects 4 marks', async () => /0 of 4/.test(await page.textContent('#progress')));

const ben = await judgePage(benLink, 'Ben');
assert.equal(await ben.locator(`#c-${who.Cello}`).count(), 0, "Cello is not on Ben's sheet");
const benMarks = { Alto: ['7', '7'], Bass: ['8.5', '5'] };
for (const [c, [voice, stage]] of Object.entries(benMarks)) {
  await ben.fill(mark(c, 'Voice'), voice);
  await ben.fill(mark(c, 'Stage'), stage);
}
// An off-step mark is refused with the criterion's range, named by the
// page (which knows the criteria) and focused.
await ben.fill(mark('Alto', 'Voice'), '7.25');
await ben.click('#save');
await until('off-step refused', async () => /Voice for Alto: 7.25 is not a mark from 1 to 10 in steps of 0.5/.test(await ben.textContent('#message')));
assert.equal(await ben.evaluate(() => document.activeElement.id), mark('Alto', 'Voice').slice(1));
await ben.fill(mark('Alto', 'Voice'), '7');
expectConfirm();
await ben.click('#submit');
await until('Ben submitted', async () => (await ben.textContent('#sheet-state')) === 'submitted');

// ---- The organiser's progress view follows; a sheet is reopened ----
await axe(page, 'contest organiser (conflicts)');
await until('2 of 2 submitted', async () => /2 of 2 judges submitted/.test(await page.textContent('#progress-summary')), 10000);
expectConfirm();
await page.click('button:has-text("Reopen Ben")');
await until('Ben reopened', async () => /1 of 2 judges submitted/.test(await page.textContent('#progress-summary')));
await ben.reload();
await ben.waitForSelector('#sheet-state');
assert.equal(await ben.textContent('#sheet-state'), 'draft');
await ben.fill(mark('Bass', 'Stage'), '4');
expectConfirm();
await ben.click('#submit');
await until('Ben resubmitted', async () => (await ben.textContent('#sheet-state')) === 'submitted');
await until('2 of 2 again', async () => /2 of 2 judges submitted/.test(await page.textContent('#progress-summary')), 10000);

// Results are private: the phone of a judge cannot read them.
const peek = await api('GET', `/contests/${id}/rounds/${roundId}/results`);
assert.equal(peek.status, 401);

// ---- The co-host runs the presentation from their link ----
const cohostCtx = await context({ viewport: { width: 1280, height: 900 } });
const cohost = await cohostCtx.newPage();
await cohost.goto(cohostLink);
await cohost.waitForSelector('#round-state');
assert.ok(!cohost.url().includes('#'));
await cohost.click('#run-link');
await cohost.waitForSelector('#current-question');
assert.ok(!cohost.url().includes('#'), cohost.url());
// The console names the role beside its title (no saved deck title in
// the co-host's browser, so the title names the console).
assert.equal(await cohost.textContent('h1'), 'Presenter console');
assert.equal(await cohost.textContent('#role-tag'), 'co-host');
await cohost.click('#next');
await until('the co-host moved the slide', async () =>
  (await api('GET', `/presentations/${pid}/polls/current`)).body.poll_id === pollIds[1]);
await until('the console follows', async () => /One word for the choir\?/.test(await cohost.textContent('#current-question')));
await axe(cohost, 'console (co-host)');
await shot(cohost, 'contest-cohost-console');
// The big screen opens on the co-host's key too, with the join code.
const joinCode = (await page.evaluate(() => JSON.parse(localStorage.getItem('tally.decks'))))[0].join_code;
await cohost.goto(`/screen/${pid}`);
await cohost.waitForSelector('#join-code');
assert.equal((await cohost.textContent('#join-code')).replace(' ', ''), joinCode);
await shot(cohost, 'contest-cohost-screen');
await cohost.goto(`/present/${pid}`);
await cohost.waitForSelector('#current-question');
// A phone sends a word to the moderated cloud: it is held.
const voted = await api('POST', `/presentations/${pid}/polls/current/votes`, null,
  { client_id: crypto.randomUUID(), poll_id: pollIds[1], words: ['Bravo'] });
assert.equal(voted.status, 204);

// ---- The moderator approves it, with no slide control ----
const modCtx = await context({ viewport: { width: 1280, height: 900 } });
const mod = await modCtx.newPage();
await mod.goto(moderatorLink);
await mod.waitForSelector('#run-link');
assert.equal(await mod.textContent('#run-link'), 'Moderate the presentation');
assert.equal(await mod.locator('#round-state').isVisible(), false, 'a moderator sees nothing of the contest');
await mod.click('#run-link');
await mod.waitForSelector('#role-note');
assert.equal(await mod.textContent('#role-tag'), 'moderator');
for (const controls of ['#slide-controls', '#poll-controls', '#timer-controls']) {
  assert.equal(await mod.locator(controls).isVisible(), false, `${controls} hidden`);
}
await mod.waitForSelector('button[aria-label="Approve: Bravo"]');
await axe(mod, 'console (moderator)');
await shot(mod, 'contest-moderator-console');
await mod.click('button[aria-label="Approve: Bravo"]');
await until('Bravo approved', async () => {
  const r = (await api('GET', `/presentations/${pid}/polls/${pollIds[1]}/results`, presenterKey)).body;
  return (r.words || []).some((w) => w.word === 'Bravo') && !(r.held_words || []).length;
});
// The moderator's key cannot move a slide, whatever the page shows.
const moderatorKey = decodeURIComponent(moderatorLink.split('#')[1]);
assert.equal((await api('PUT', `/presentations/${pid}/polls/current`, moderatorKey)).status, 403);
figures['delegates'] = 'co-host moved the slide; moderator approved "Bravo"; moderator refused a slide move (403)';

// The organiser opening the co-host link keeps the presenter key.
const cohostKey = decodeURIComponent(cohostLink.split('#')[1]);
await page.goto(`/present/${pid}#${cohostKey}`);
await page.waitForSelector('#current-question');
assert.equal(await page.evaluate((x) => JSON.parse(localStorage.getItem(`tally.token.${x}`)), pid), presenterKey);
assert.equal(await page.textContent('h1'), 'Who sang best?');
assert.equal(await page.locator('#role-tag').count(), 0, 'the presenter has no role tag');
await page.goto(`/contest/${id}`);
await page.waitForSelector('#round-state');

// ---- The co-host closes and publishes ----
await cohost.goto(`/contest/${id}`);
await cohost.waitForSelector('#round-state');
await cohost.click('#close');
await until('closed', async () => (await cohost.textContent('#round-state')) === 'closed');
expectConfirm();
await cohost.click('#publish');
await until('published', async () => /Published\. Digest/.test(await cohost.textContent('#digest')), 15000).catch(async (e) => { log('message:', await cohost.textContent('#message'), await cohost.textContent('#digest')); throw e; });
const published = (await api('GET', `/contests/${id}/rounds/${roundId}/results`)).body;
assert.ok((await cohost.textContent('#digest')).includes(published.digest));
// Ann: Alto (17+6)/3 = 23/3, Bass 7, Cello 7; Ben: Alto 7, Bass (17+4)/3 = 7 (Cello: conflict).
// Alto (23/3+7)/2 = 22/3; Bass (7+7)/2 = 7 and Cello 7 tie, and Voice breaks
// it: Cello 9 against Bass (7+8.5)/2 = 7.75.
assert.deepEqual(published.standings.map((s) => [s.rank, s.name, s.adjusted]),
  [[1, 'Alto', '7.333333333333'], [2, 'Cello', '7'], [3, 'Bass', '7']]);
figures['contest ranking'] = published.standings.map((s) => `${s.rank} ${s.name} ${s.adjusted}`).join(', ');
figures['contest digest'] = published.digest;
const log_ = (await api('GET', `/contests/${id}/audit`, owner)).body;
figures['contest audit entries'] = `${log_.length} (${log_.filter((e) => e.action === 'mark').length} marks, ${log_.filter((e) => e.action === 'reopen').length} reopen by ${log_.find((e) => e.action === 'reopen').actor.split(':')[0]})`;
await shot(cohost, 'contest-published');

// ---- Feedback to a contestant, through a private link ----
// The organiser checks Ann's judge link in their own browser: their
// owner secret stays (each page keeps its own kind of secret).
await page.goto(annLink);
await page.waitForSelector('#sheet-state');
assert.equal(await page.evaluate((cid) => JSON.parse(localStorage.getItem(`tally.contest.${cid}`)), id), owner);
await page.goto(`/contest/${id}`);
await page.waitForSelector('#feedback-section');
await page.click('button:has-text("Feedback link for Bass")');
await until('the feedback link', async () => (await page.inputValue('#feedback-link-url').catch(() => '')).includes('#tly_'));
const feedbackLink = await page.inputValue('#feedback-link-url');
assert.match(feedbackLink, new RegExp(`/feedback/${id}#tly_`));
const bassCtx = await context(PHONE);
const bass = await bassCtx.newPage();
await bass.goto(feedbackLink);
await bass.waitForSelector('#comments');
assert.ok(!bass.url().includes('#'));
assert.equal(await bass.textContent('h1'), 'Feedback for Bass');
assert.deepEqual(await bass.locator('#comments li').allTextContents(), ['Lovely low notes; watch the tempo.']);
const feedbackText = await bass.textContent('#app');
assert.ok(!/Ann|Ben/.test(feedbackText), 'no judge is named');
await axe(bass, 'feedback');
await shot(bass, 'contest-feedback');
figures['feedback'] = `Bass reads ${JSON.stringify(await bass.locator('#comments li').allTextContents())}`;

// ---- The big screen reveals the places ----
const screenCtx = await context({ viewport: { width: 1920, height: 1080 } });
const screen = await screenCtx.newPage();
await screen.goto(`/reveal/${id}/${roundId}`);
await screen.waitForSelector('#announce');
assert.equal(await screen.textContent('#announce'), 'The results');
await axe(screen, 'reveal (none shown)');
const said = [];
for (let i = 0; i < 3; i++) {
  await screen.keyboard.press('ArrowRight');
  said.push(await screen.textContent('#announce'));
  if (i === 0) await shot(screen, 'contest-reveal-third');
}
assert.deepEqual(said, ['And in third place… Bass', 'And in second place… Cello', 'And in first place… Alto']);
assert.equal(await screen.locator('#places li').count(), 3);
// Two decimals tell the places apart on a projector; Bass, level with
// Cello, says what placed it third.
assert.deepEqual(await screen.locator('#places li').allTextContents(), [
  '1.Alto7.33', '2.Cello7.00', '3.Bass · level with the place above, placed by Voice7.00']);
assert.equal(published.standings[2].parted_by, 'Voice');
figures['reveal'] = said.join(' / ');
await axe(screen, 'reveal (all shown)');
await shot(screen, 'contest-reveal-all');
await screen.setViewportSize({ width: 1280, height: 720 });
await shot(screen, 'contest-reveal-1280');

figures['contest URLs checked'] = assertTokenNeverInUrl(owner);
assertTokenNeverInUrl(presenterKey);
for (const link of [annLink, benLink, cohostLink, moderatorLink, feedbackLink]) {
  const secret = link.split('#')[1];
  assertTokenNeverInUrl(secret);
}
await finish('contest');
