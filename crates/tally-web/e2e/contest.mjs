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
import assert from 'node:assert/strict';
import {
  PHONE, log, figures, context, axe, shot, api, until, expectConfirm, assertTokenNeverInUrl, finish,
} from './harness.mjs';

// ---- The organiser creates the contest in the editor ----
const organiser = await context({ viewport: { width: 1280, height: 900 } });
const page = await organiser.newPage();
await page.goto('/contest');
await axe(page, 'new contest');
await page.fill('#title', 'Spring choir contest');
await page.fill('#contestants', 'Alto\nBass\nCello');
await page.fill('#tie', 'Voice');
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
const who = Object.fromEntries(contest.contestants.map((c) => [c.name, c.contestant_id]));
const on = Object.fromEntries(contest.criteria.map((c) => [c.name, c.criterion_id]));
log('contest', id);

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
assert.match(annLink, new RegExp(`/judge/${id}#tly_`));
assert.match(cohostLink, new RegExp(`/contest/${id}#tly_`));
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
await shot(ann, 'contest-judge-submitted');

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
// An off-step mark is refused with the criterion's range.
await ben.fill(mark('Alto', 'Voice'), '7.25');
await ben.click('#save');
await until('off-step refused', async () => /Voice: 7.25 is outside/.test(await ben.textContent('#message')));
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

// ---- The co-host closes and publishes ----
const cohostCtx = await context({ viewport: { width: 1280, height: 900 } });
const cohost = await cohostCtx.newPage();
await cohost.goto(cohostLink);
await cohost.waitForSelector('#round-state');
assert.ok(!cohost.url().includes('#'));
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
figures['reveal'] = said.join(' / ');
await axe(screen, 'reveal (all shown)');
await shot(screen, 'contest-reveal-all');
await screen.setViewportSize({ width: 1280, height: 720 });
await shot(screen, 'contest-reveal-1280');

figures['contest URLs checked'] = assertTokenNeverInUrl(owner);
for (const link of [annLink, benLink, cohostLink]) {
  const secret = link.split('#')[1];
  assertTokenNeverInUrl(secret);
}
await finish('contest');
