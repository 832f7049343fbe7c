// The judged-contest pages for the language checks of `i18n.mjs`, made
// through the API: a contest whose first round is scored, published and
// has feedback, and whose second round is open for a judge.
//
// Everything the organiser and the judge write here is Arabic but one
// contestant's name, "Alto": so that on an Arabic page any other Latin
// letter is Tally's own text left in English, and the pages show one
// left-to-right name in an Arabic page and right-to-left names in an
// English one. Each of the contest's own pages carries a `check` that
// `i18n.mjs` runs in each language (see `directionCheck`).
import assert from 'node:assert/strict';
import { api } from './harness.mjs';

async function ok(method, path, token, body) {
  const res = await api(method, path, token, body);
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const TITLE = 'مسابقة الكورال الربيعية';
const CRITERIA = [
  { name: 'الصوت', weight: '2', min: '1', max: '10', step: '0.5', description: 'الطبقة والنبرة والانسجام' },
  { name: 'الحضور', weight: '1', min: '1', max: '10', step: '1', description: 'الحضور على المسرح' },
];
const CONTESTANTS = ['Alto', 'سلمى'];
const ROUNDS = ['التصفيات', 'النهائي'];
const JUDGE = 'هدى';
const comment = (name) => `واضح وواثق، ${name}.`;
// What the fixture wrote, which the pages show as it is.
const WRITTEN = [TITLE, ...CRITERIA.flatMap((c) => [c.name, c.description]), ...CONTESTANTS, ...ROUNDS, JUDGE, ...CONTESTANTS.map(comment)];
// Latin text that Arabic keeps: the product's name, file formats, the
// hash's name and the keys' prefix (as in ar/*.ftl).
const KEPT_LATIN = ['Tally', 'CSV', 'JSON', 'SHA-256', 'tly_'];

// Checks one page as drawn in `tag`, on what a person sees (visible text
// nodes, their computed direction), and returns what is wrong:
// (1) no Latin letter on an Arabic page but the organiser's words and
//     KEPT_LATIN (a message left in English, or English in the script);
// (2) the page's structure (headings, table cells, labels, legends,
//     buttons) has the page's direction: the organiser's words inside are
//     isolated, they never turn a heading or a column around;
// (3) each of the organiser's words on the page is isolated: in an
//     element with dir="auto" (a <bdi>) that holds nothing of Tally's, or
//     between FSI and PDI, never run together with a translated label.
async function directionProblems(page, tag) {
  return page.evaluate(({ tag, written, kept }) => {
    const problems = [];
    const dir = tag === 'ar' ? 'rtl' : 'ltr';
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const where = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}`;
    // Longest first, so that a comment naming a contestant goes whole.
    const ours = [...written].sort((a, b) => b.length - a.length);
    const without = (text, words) => words.reduce((s, w) => s.split(w).join(' '), text);
    const texts = [];
    let isolated = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || !el || el.closest('select, textarea, script, style') || !shown(el)) continue;
      texts.push(n);
    }
    for (const n of texts) {
      const text = n.textContent;
      if (tag === 'ar') {
        const left = without(text, [...ours, ...kept]).replace(/\b[0-9a-f]{64}\b/g, '');
        if (/[A-Za-z]/.test(left)) problems.push(`Latin text in ${where(n.parentElement)}: "${text.trim()}"`);
      }
      for (const word of ours.filter((w) => text.includes(w))) {
        isolated++;
        if (text.includes(`\u2068${word}\u2069`)) continue;
        const box = n.parentElement.closest('bdi, [dir="auto"]');
        const alone = box && !/\p{L}/u.test(without(box.textContent, ours));
        if (!alone) isolated--, problems.push(`"${word}" not isolated in ${where(n.parentElement)}: "${(box || n.parentElement).textContent.trim()}"`);
      }
    }
    // What a screen reader says or a pointer shows is read too.
    if (tag === 'ar') {
      for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
        for (const name of ['aria-label', 'title', 'placeholder']) {
          const value = el.getAttribute(name);
          if (value && /[A-Za-z]/.test(without(value, [...ours, ...kept]))) problems.push(`Latin text in ${where(el)}'s ${name}: "${value}"`);
        }
      }
    }
    for (const el of document.body.querySelectorAll('h1, h2, h3, th, td, label, legend, summary, button')) {
      if (!shown(el)) continue;
      const got = getComputedStyle(el).direction;
      if (got !== dir) problems.push(`${where(el)} is ${got}, not ${dir}: "${el.textContent.trim().slice(0, 60)}"`);
    }
    return { problems: [...new Set(problems)], texts: texts.length, isolated };
  }, { tag, written: WRITTEN, kept: KEPT_LATIN });
}

// The check `i18n.mjs` runs on each contest page in each language and
// size: the page as it opens, then in each of `states` (a function that
// brings the page there and says which state it is).
export const directionCheck = (states = []) => async (page, tag, label) => {
  const seen = await directionProblems(page, tag);
  for (const state of states) {
    const name = await state(page);
    const more = await directionProblems(page, tag);
    seen.problems.push(...more.problems.filter((p) => !seen.problems.includes(p)).map((p) => `${name}: ${p}`));
    seen.texts += more.texts;
    seen.isolated += more.isolated;
  }
  assert.deepEqual(seen.problems, [], `${label}: the page's words and the organiser's keep their directions`);
  return `page states: ${1 + states.length}, ${seen.texts} text nodes, ${seen.isolated} of the organiser's words isolated, 0 problems`;
};

// The organiser's page: the editor open, then the published round (its
// digest and ranks).
const organiserStates = (published) => [
  async (page) => {
    await page.click('#edit-contest > summary');
    await page.waitForSelector('#edit-form');
    return 'with the editor open';
  },
  async (page) => {
    await page.click('#edit-contest > summary');
    await page.selectOption('#round', published);
    await page.waitForSelector('#digest .digest');
    return 'the published round';
  },
];
// The judge's sheet refused: a sentence naming the contestants whose
// marks are missing, then one naming a criterion, a contestant and the
// mark typed off its step. Both are refused, so the sheet stays as it is.
const judgeStates = [
  async (page) => {
    await page.evaluate(() => { window.confirm = () => true; });
    await page.click('#submit');
    await page.waitForSelector('#message .notice.error');
    return 'a submission with marks missing';
  },
  async (page) => {
    await page.fill('input.mark >> nth=0', '7.25');
    await page.click('#save');
    await page.waitForFunction(() => /7[.,]25/.test(document.getElementById('message').textContent));
    return 'a mark off its step';
  },
];

// Each page with the selector that says it has drawn its data (the
// organiser's results table is drawn last), the secret its link carries
// after #, and its check.
export async function contestPages() {
  const made = await ok('POST', '/contests', null, {
    title: TITLE,
    method: 'weighted_mean',
    trim_min_judges: null,
    criteria: CRITERIA,
    contestants: CONTESTANTS,
    rounds: ROUNDS,
    tie_break_criterion: null,
  });
  const id = made.contest.contest_id;
  const owner = made.owner_token;
  const contest = await ok('GET', `/contests/${id}`);
  const [heats, final] = contest.rounds.map((r) => r.round_id);
  const judge = (await ok('POST', `/contests/${id}/links`, owner, { role: 'judge', name: JUDGE })).token;
  await ok('POST', `/contests/${id}/rounds/${heats}/open`, owner);
  const marks = contest.contestants.flatMap((c, i) => contest.criteria.map((k) => ({
    contestant_id: c.contestant_id, criterion_id: k.criterion_id, value: String(7 + i),
  })));
  const comments = contest.contestants.map((c) => ({ contestant_id: c.contestant_id, text: comment(c.name) }));
  await ok('PUT', `/contests/${id}/rounds/${heats}/sheet`, judge, { marks, comments, submit: true });
  await ok('POST', `/contests/${id}/rounds/${heats}/close`, owner);
  await ok('POST', `/contests/${id}/rounds/${heats}/publish`, owner);
  await ok('POST', `/contests/${id}/rounds/${final}/open`, owner);
  const feedback = (await ok('POST', `/contests/${id}/contestants/${contest.contestants[1].contestant_id}/feedback-link`, owner)).token;
  return [
    { name: 'contest-new', path: '/contest', ready: '#create', check: directionCheck() },
    { name: 'contest-key', path: `/contest/${id}`, ready: '#key', check: directionCheck() },
    { name: 'contest', path: `/contest/${id}`, ready: '#results tbody tr', secret: owner, check: directionCheck(organiserStates(heats)) },
    { name: 'judge', path: `/judge/${id}`, ready: '#sheet-state', secret: judge, check: directionCheck(judgeStates) },
    { name: 'feedback', path: `/feedback/${id}`, ready: '#comments li', secret: feedback, check: directionCheck() },
    { name: 'reveal', path: `/reveal/${id}/${heats}`, ready: '#announce' },
  ];
}
