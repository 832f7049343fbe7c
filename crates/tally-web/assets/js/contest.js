// The organiser's pages: a new contest (`/contest`), and a contest's
// editor and progress view (`/contest/{id}`): invite judges and co-hosts,
// open and close rounds, see who has submitted and what is missing, reopen
// a sheet, read raw beside adjusted results, publish, export, and open the
// big-screen reveal. Progress and results refresh every few seconds.
//
// The owner can tie the contest to the event's presentation (one this
// browser holds the presenter key of): its co-hosts then run it and its
// moderators moderate the audience's text there, from the console that
// their link opens.
import { h, fill } from './dom.js';
import { api } from './api.js';
import { keep, takeKey, contestIdIn, askForKey, holdContest } from './contest-key.js';
import { decks, tokenOf } from './deck.js';
import { editorSection } from './contest-edit.js';
import { loadLocale, t, num, errorText } from './i18n.js';
import { localeSwitch, redrawOnLocaleChange } from './locale-switch.js';
import { own, tNodes, tIsolated, listOf } from './contest-text.js';

const app = document.getElementById('app');
const [id] = contestIdIn('contest');
const REFRESH_MS = 3000;

// The message under the title: a function, so that a language switch
// says it again in the new language.
let said = null;
function say(text, kind = '') {
  said = text ? { text, kind } : null;
  const el = document.getElementById('message');
  if (el) fill(el, said ? h('div', { class: `notice ${kind}` }, text()) : null);
}
const message = () => h('div', { id: 'message', role: 'alert' }, said ? h('div', { class: `notice ${said.kind}` }, said.text()) : null);
// The heading keeps the page's direction; an organiser's title in it is
// isolated (`own`), never the whole heading turned by its first letter.
const head = (title) => h('div', { class: 'page-head' }, h('h1', {}, title), localeSwitch());

// Names of the API's words, in the chosen language.
const METHODS = () => ({
  weighted_mean: t('contest-method-weighted_mean'),
  trimmed_mean: t('contest-method-trimmed_mean'),
  z_score: t('contest-method-z_score'),
});
const ROLES = () => ({ judge: t('contest-role-judge'), cohost: t('contest-role-cohost'), moderator: t('contest-role-moderator') });
const ROUND_STATES = () => ({
  draft: t('contest-round-draft'), open: t('contest-round-open'), closed: t('contest-round-closed'), published: t('contest-round-published'),
});
const SHEET_STATES = () => ({ draft: t('contest-sheet-draft'), submitted: t('contest-sheet-submitted') });
const named = (names, key) => names[key] || key;

const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

function newContest() {
  view = newContest;
  document.title = t('contest-new-page-title');
  const field = (label, input) => h('div', { class: 'stack' }, h('label', { for: input.id }, label), input);
  const method = h('select', { id: 'method' },
    h('option', { value: 'weighted_mean' }, t('contest-method-weighted_mean')),
    h('option', { value: 'trimmed_mean' }, t('contest-method-trimmed_mean-long')),
    h('option', { value: 'z_score' }, t('contest-method-z_score-long')));
  fill(app,
    head(t('contest-new-title')),
    message(),
    h('form', { class: 'card stack', id: 'new-contest', onsubmit: async (e) => {
      e.preventDefault();
      const v = (x) => document.getElementById(x).value;
      const criteria = lines(v('criteria')).map((line) => {
        const [name, weight = '1', min = '1', max = '10', step = '1', ...rest] = line.split('|').map((s) => s.trim());
        return { name, weight, min, max, step, description: rest.join(' | ') };
      });
      const body = {
        title: v('title'),
        method: v('method'),
        trim_min_judges: v('method') === 'trimmed_mean' ? Number(v('trim')) : null,
        criteria,
        contestants: lines(v('contestants')),
        rounds: lines(v('rounds')),
        tie_break_criterion: v('tie') || null,
      };
      try {
        const made = await api('POST', '/contests', { body });
        keep(made.contest.contest_id, made.owner_token);
        holdContest({ id: made.contest.contest_id, title: made.contest.title });
        location.assign(`/contest/${made.contest.contest_id}`);
      } catch (err) {
        say(() => errorText(err), 'error');
      }
    } },
    field(t('contest-field-title'), h('input', { id: 'title', required: true, maxlength: 200, dir: 'auto' })),
    field(t('contest-field-method'), method),
    field(t('contest-field-trim'), h('input', { id: 'trim', type: 'number', min: 3, value: 4 })),
    field(t('contest-field-criteria'),
      h('textarea', { id: 'criteria', rows: 4, required: true, dir: 'auto', value: t('contest-example-criteria') })),
    field(t('contest-field-contestants'), h('textarea', { id: 'contestants', rows: 4, required: true, dir: 'auto' })),
    field(t('contest-field-rounds'), h('textarea', { id: 'rounds', rows: 2, required: true, dir: 'auto', value: t('contest-example-round') })),
    field(t('contest-field-tie'), h('input', { id: 'tie', maxlength: 80, dir: 'auto' })),
    h('button', { type: 'submit', id: 'create' }, t('contest-create'))));
}

let contest = null;
let roundId = '';
let refreshing = null;
let token = null;
let view = () => {};
const call = (method, path, body) => api(method, `/contests/${id}${path}`, { body, token });

// An action of the organiser's: done, then the page refreshed; or why
// not, named by the action (`label`, a function of the language).
async function act(label, fn) {
  try {
    await fn();
    say(null);
    await refresh();
  } catch (e) {
    say(() => tNodes('contest-failed', { action: label(), reason: errorText(e) }), 'error');
  }
}

// The owner's corrections: saved whole, then the page is laid out again
// from the contest as the server now has it.
async function saveContest(body) {
  try {
    contest = await call('PUT', '', body);
    holdContest({ id, title: contest.title });
  } catch (e) {
    // Said beside the button pressed, where the organiser is looking.
    return fill(document.getElementById('edit-status'), h('div', { class: 'notice error' }, t('contest-not-saved', { reason: errorText(e) })));
  }
  layout();
  document.getElementById('round').value = roundId;
  say(() => t('contest-saved'), 'ok');
  await refresh();
}

// A download that needs the Authorization header: fetched, then saved.
async function download(format) {
  const res = await fetch(`/contests/${id}/rounds/${roundId}/export?format=${format}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) {
    const problem = await res.json().catch(() => ({}));
    return say(() => t('contest-failed', { action: t('contest-export'), reason: errorText({ status: res.status, code: problem.code }) }), 'error');
  }
  const a = h('a', { href: URL.createObjectURL(await res.blob()), download: `results.${format}` });
  document.body.append(a);
  a.click();
  a.remove();
}

function layout() {
  view = () => {
    layout();
    document.getElementById('round').value = roundId;
    refresh();
  };
  document.title = t('contest-page-title');
  const round = h('select', { id: 'round', onchange: (e) => { roundId = e.target.value; editingLineup = false; refresh(); } },
    contest.rounds.map((r) => h('option', { value: r.round_id, dir: 'auto' }, r.name)));
  fill(app,
    head(own(contest.title)),
    h('p', { class: 'muted', id: 'summary' }, tNodes('contest-summary', {
      method: named(METHODS(), contest.method),
      criteria: listOf(contest.criteria.map((c) => tNodes('contest-criterion-summary', { name: own(c.name), weight: c.weight, min: c.min, max: c.max, step: c.step }))),
    })),
    message(),
    h('section', { id: 'definition' }, editorSection(() => contest, saveContest)),
    h('section', { 'aria-labelledby': 'people-h', id: 'people' },
      h('h2', { id: 'people-h' }, t('contest-people')),
      h('ul', { id: 'links' }),
      h('form', { class: 'row', id: 'invite', onsubmit: (e) => {
        e.preventDefault();
        const role = document.getElementById('role').value;
        const name = document.getElementById('link-name').value;
        act(() => t('contest-invite'), async () => {
          const made = await call('POST', '/links', { role, name });
          const page = role === 'judge' ? 'judge' : 'contest';
          const url = `${location.origin}/${page}/${id}#${made.token}`;
          fill(document.getElementById('new-link'),
            h('label', { for: 'new-link-url' }, tNodes('contest-new-link', { name: own(name) })),
            h('input', { id: 'new-link-url', readonly: true, value: url, class: 'grow', dir: 'ltr' }));
          document.getElementById('link-name').value = '';
        });
      } },
      h('label', { for: 'role' }, t('contest-role')),
      h('select', { id: 'role' }, Object.entries(ROLES()).map(([value, name]) => h('option', { value }, name))),
      h('label', { for: 'link-name' }, t('contest-name')),
      h('input', { id: 'link-name', required: true, maxlength: 200, dir: 'auto' }),
      h('button', { type: 'submit', id: 'invite-button' }, t('contest-invite'))),
      h('div', { id: 'new-link', class: 'stack' }),
      h('h3', { id: 'tie-h' }, t('contest-tie-heading')),
      h('p', { class: 'muted' }, t('contest-tie-why')),
      h('div', { id: 'tie', class: 'stack' })),
    h('p', { id: 'run-presentation', class: 'hidden' }),
    h('section', { 'aria-labelledby': 'conflicts-h', id: 'conflicts-section' },
      h('h2', { id: 'conflicts-h' }, t('contest-conflicts')),
      h('p', { class: 'muted' }, t('contest-conflicts-why')),
      h('form', { class: 'stack', id: 'conflicts', onsubmit: (e) => {
        e.preventDefault();
        const judge = document.getElementById('conflict-judge').value;
        const excluded = [...document.querySelectorAll('#conflict-list input:checked')].map((x) => x.value);
        editingConflicts = false;
        act(() => t('contest-save-conflicts'), () => call('PUT', `/judges/${judge}/conflicts`, { contestant_ids: excluded }));
      } },
      h('div', { class: 'row' }, h('label', { for: 'conflict-judge' }, t('contest-judge')),
        h('select', { id: 'conflict-judge', onchange: () => drawConflicts() })),
      h('fieldset', { id: 'conflict-list' }, h('legend', {}, t('contest-excluded-from'))),
      h('button', { type: 'submit', class: 'secondary', id: 'save-conflicts' }, t('contest-save-conflicts')))),
    h('section', { 'aria-labelledby': 'round-h' },
      h('h2', { id: 'round-h' }, t('contest-round')),
      h('div', { class: 'row' }, h('label', { for: 'round' }, t('contest-round')), round,
        h('span', { class: 'tag', id: 'round-state' }),
        h('button', { id: 'open', class: 'secondary', onclick: () => act(() => t('contest-open'), () => call('POST', `/rounds/${roundId}/open`)) }, t('contest-open')),
        h('button', { id: 'close', class: 'secondary', onclick: () => act(() => t('contest-close'), () => call('POST', `/rounds/${roundId}/close`)) }, t('contest-close')),
        h('button', { id: 'publish', onclick: () => {
          if (confirm(t('contest-publish-confirm'))) act(() => t('contest-publish'), () => call('POST', `/rounds/${roundId}/publish`));
        } }, t('contest-publish'))),
      h('p', { id: 'digest', class: 'muted' }),
      h('form', { class: 'stack', id: 'lineup', onsubmit: (e) => {
        e.preventDefault();
        const chosen = [...document.querySelectorAll('#lineup-list input:checked')].map((x) => x.value);
        editingLineup = false;
        act(() => t('contest-save-lineup'), () => call('PUT', `/rounds/${roundId}/contestants`, { contestant_ids: chosen }));
      } },
      h('fieldset', { id: 'lineup-list' }, h('legend', {}, t('contest-lineup'))),
      h('button', { type: 'submit', class: 'secondary', id: 'save-lineup' }, t('contest-save-lineup'))),
      h('h3', { id: 'progress-h' }, t('contest-progress')),
      h('p', { id: 'progress-summary', role: 'status' }),
      scrolling('progress-h', h('table', { id: 'progress' })),
      h('h3', { id: 'results-h' }, t('contest-results')),
      scrolling('results-h', h('table', { id: 'results' })),
      h('div', { class: 'row' },
        h('a', { class: 'button secondary', id: 'reveal-link', target: '_blank', rel: 'noopener' }, t('contest-reveal')),
        h('button', { class: 'secondary', onclick: () => download('csv') }, t('contest-export-csv')),
        h('button', { class: 'secondary', onclick: () => download('json') }, t('contest-export-json')))),
    h('section', { 'aria-labelledby': 'feedback-h', id: 'feedback-section' },
      h('h2', { id: 'feedback-h' }, t('contest-feedback')),
      h('p', { class: 'muted' }, t('contest-feedback-why')),
      h('div', { class: 'row' }, contest.contestants.map((c) => h('button', { class: 'small secondary', onclick: () => act(() => tNodes('contest-feedback-link', { name: own(c.name) }), async () => {
        const made = await call('POST', `/contestants/${c.contestant_id}/feedback-link`);
        fill(document.getElementById('feedback-link'),
          h('label', { for: 'feedback-link-url' }, tNodes('contest-new-feedback-link', { name: own(c.name) })),
          h('input', { id: 'feedback-link-url', readonly: true, value: `${location.origin}/feedback/${id}#${made.token}`, class: 'grow', dir: 'ltr' }));
      }) }, h('span', {}, tNodes('contest-feedback-link', { name: own(c.name) }))))),
      h('div', { id: 'feedback-link', class: 'stack' })));
}

// A table wider than a phone scrolls sideways inside its own box (which
// the keyboard can focus and scroll), never the page.
const scrolling = (labelledBy, table) => h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': labelledBy }, table);

// The owner's choice among the presentations this browser holds the
// presenter key of; the key proves to the server that the owner runs it.
function drawTie() {
  const tied = contest.presentation_id;
  const held = decks().filter((d) => tokenOf(d.id));
  const name = (pid) => (held.find((d) => d.id === pid) || {}).title || pid;
  if (tied) {
    fill(document.getElementById('tie'), h('div', { class: 'row' },
      h('span', { class: 'grow', id: 'tied-to' }, tNodes('contest-tied-to', { title: own(name(tied)) })),
      h('a', { class: 'button secondary', href: `/present/${tied}` }, t('contest-open-console')),
      h('button', { class: 'secondary', id: 'untie', onclick: () => act(() => t('contest-untie'), () => call('DELETE', '/presentation')) }, t('contest-untie'))));
    return;
  }
  if (!held.length) {
    fill(document.getElementById('tie'), h('p', {}, t('contest-no-presentation')));
    return;
  }
  fill(document.getElementById('tie'), h('form', { class: 'row', id: 'tie-form', onsubmit: (e) => {
    e.preventDefault();
    const pid = document.getElementById('tie-pick').value;
    act(() => t('contest-tie'), () => call('PUT', '/presentation', { presentation_id: pid, presenter_token: tokenOf(pid) }));
  } },
  h('label', { for: 'tie-pick' }, t('contest-presentation')),
  h('select', { id: 'tie-pick' }, held.map((d) => h('option', { value: d.id, dir: 'auto' }, d.title || d.id))),
  h('button', { type: 'submit', class: 'secondary', id: 'tie-button' }, t('contest-tie'))));
}

// A co-host's or moderator's way to the tied presentation: the console,
// with their secret after # (never sent to the server; the console keeps
// it and clears the address bar).
function drawRunLink(role) {
  const el = document.getElementById('run-presentation');
  const tied = contest.presentation_id;
  el.classList.remove('hidden');
  if (!tied) {
    fill(el, role === 'moderator' ? t('contest-nothing-to-moderate') : '');
    return;
  }
  const label = role === 'moderator' ? t('contest-moderate') : t('contest-run');
  fill(el, h('a', { class: 'button', id: 'run-link', href: `/present/${tied}#${encodeURIComponent(token)}` }, label));
}

function drawLinks(links) {
  fill(document.getElementById('links'), links.map((l) => h('li', {},
    tNodes('contest-link-line', { name: own(l.name), role: named(ROLES(), l.role) }), l.revoked ? [' ', h('span', { class: 'tag' }, t('contest-revoked'))] : ' ',
    l.revoked ? null : h('button', { class: 'small danger', onclick: () => {
      if (confirm(tIsolated('contest-revoke-confirm', { name: l.name }))) act(() => tNodes('contest-revoke', { name: own(l.name) }), () => call('DELETE', `/links/${l.link_id}`));
    } }, h('span', {}, tNodes('contest-revoke', { name: own(l.name) }))))));
}

let conflicts = [];
let judges = [];
let editingConflicts = false; // unsaved ticks: a refresh leaves them alone
let editingLineup = false;

// The round's lineup: editable while the round is a draft (a final takes
// only the finalists), shown read-only once it has opened.
function drawLineup(round) {
  if (editingLineup || !round) return;
  const draft = round.state === 'draft';
  fill(document.getElementById('lineup-list'),
    h('legend', {}, draft ? t('contest-lineup-draft') : t('contest-lineup-count', { count: round.contestant_ids.length })),
    contest.contestants.map((c) => h('label', { class: 'row' },
      h('input', { type: 'checkbox', value: c.contestant_id, checked: round.contestant_ids.includes(c.contestant_id), disabled: !draft, onchange: () => { editingLineup = true; } }), own(c.name))));
  document.getElementById('save-lineup').classList.toggle('hidden', !draft);
}

// The judge picker keeps its choice across refreshes; the boxes show the
// chosen judge's stored conflicts, unless the organiser has unsaved ticks.
function drawConflicts(reset = true) {
  const select = document.getElementById('conflict-judge');
  const chosen = select.value;
  fill(select, judges.map((j) => h('option', { value: j.judge.link_id, dir: 'auto' }, j.judge.name)));
  if (chosen) select.value = chosen;
  if (reset) editingConflicts = false;
  if (editingConflicts) return;
  const mine = (conflicts.find((c) => c.judge_id === select.value) || { contestant_ids: [] }).contestant_ids;
  fill(document.getElementById('conflict-list'), h('legend', {}, t('contest-excluded-from')), contest.contestants.map((c) => h('label', { class: 'row' },
    h('input', { type: 'checkbox', value: c.contestant_id, checked: mine.includes(c.contestant_id), onchange: () => { editingConflicts = true; } }), own(c.name))));
}

function drawProgress(progress) {
  const submitted = progress.filter((p) => p.state === 'submitted').length;
  fill(document.getElementById('progress-summary'), t('contest-submitted-count', { submitted, total: progress.length }));
  const name = (cid) => (contest.contestants.find((c) => c.contestant_id === cid) || {}).name || '?';
  fill(document.getElementById('progress'),
    h('thead', {}, h('tr', {}, h('th', {}, t('contest-judge')), h('th', {}, t('contest-sheet')), h('th', {}, t('contest-marks')), h('th', {}, t('contest-missing')), h('th', {}, h('span', { class: 'visually-hidden' }, t('contest-actions'))))),
    h('tbody', {}, progress.map((p) => h('tr', {},
      h('td', {}, own(p.judge.name)),
      h('td', {}, named(SHEET_STATES(), p.state)),
      h('td', {}, t('contest-marks-of', { scored: p.scored, expected: p.expected })),
      h('td', {}, p.missing.length ? listOf([...new Set(p.missing.map((m) => name(m.contestant_id)))]) : '–'),
      h('td', {}, p.state === 'submitted' ? h('button', { class: 'small secondary', onclick: () => {
        if (confirm(tIsolated('contest-reopen-confirm', { name: p.judge.name }))) act(() => tNodes('contest-reopen', { name: own(p.judge.name) }), () => call('POST', `/rounds/${roundId}/sheets/${p.judge.link_id}/reopen`));
      } }, h('span', {}, tNodes('contest-reopen', { name: own(p.judge.name) }))) : null)))));
}

function drawResults(results) {
  const criteria = results.standings.length ? results.standings[0].by_criterion : [];
  fill(document.getElementById('results'),
    h('thead', {}, h('tr', {}, h('th', {}, t('contest-rank')), h('th', {}, t('contest-contestant')), h('th', {}, t('contest-raw')), h('th', {}, t('contest-adjusted')),
      criteria.map((c) => h('th', {}, own(c.name))), h('th', {}, t('contest-judges')))),
    h('tbody', {}, results.standings.map((s) => h('tr', {},
      h('td', {}, s.parted_by ? tNodes('contest-rank-parted', { rank: s.rank, by: s.parted_by === 'audience' ? t('contest-audience-vote') : own(s.parted_by) }) : t('contest-rank-plain', { rank: s.rank })),
      h('td', {}, own(s.name)), h('td', {}, s.raw || '–'), h('td', {}, s.adjusted || '–'),
      s.by_criterion.map((c) => h('td', {}, c.score || '–')), h('td', {}, num(s.judges))))));
  // The digest is hexadecimal, left to right in every language.
  fill(document.getElementById('digest'), results.digest
    ? tNodes('contest-published-digest', { digest: h('bdi', { dir: 'ltr', class: 'digest' }, results.digest) })
    : t('contest-private', { sheets: results.sheets }));
}

async function refresh() {
  try {
    contest = await call('GET', '');
    const round = contest.rounds.find((r) => r.round_id === roundId);
    const stateTag = document.getElementById('round-state');
    fill(stateTag, round ? named(ROUND_STATES(), round.state) : '');
    stateTag.dataset.state = round ? round.state : '';
    drawLineup(round);
    // Only the moves the round's state allows are offered.
    const state = round ? round.state : '';
    document.getElementById('open').disabled = !['draft', 'closed'].includes(state);
    document.getElementById('close').disabled = state !== 'open';
    document.getElementById('publish').disabled = state !== 'closed';
    document.getElementById('reveal-link').href = `/reveal/${id}/${roundId}`;
    // Only the owner manages links; a co-host's page leaves them out.
    const links = call('GET', '/links').catch((e) => (e.status === 403 ? null : Promise.reject(e)));
    const progressOf = call('GET', `/rounds/${roundId}/progress`).catch((e) => (e.status === 403 ? null : Promise.reject(e)));
    const [people, progress] = await Promise.all([links, progressOf]);
    if (people) {
      drawLinks(people);
      drawTie();
    } else {
      // Only the owner corrects the contest, as only the owner invites.
      document.getElementById('people').classList.add('hidden');
      document.getElementById('definition').classList.add('hidden');
      drawRunLink(progress ? 'cohost' : 'moderator');
    }
    if (!progress) {
      moderatorOnly();
      return;
    }
    const results = await call('GET', `/rounds/${roundId}/results`);
    drawProgress(progress);
    judges = progress;
    conflicts = await call('GET', '/conflicts');
    drawConflicts(false);
    drawResults(results);
  } catch (e) {
    say(() => errorText(e), 'error');
  }
}

// A moderator has no power in the contest itself: only the way to the
// presentation is left on the page.
function moderatorOnly() {
  for (const el of document.querySelectorAll('#app > section')) el.classList.add('hidden');
  clearInterval(refreshing);
}

// Only the owner may list the links: the one secret a co-host's link must
// not replace in this browser.
const isOwner = (key) => api('GET', `/contests/${id}/links`, { token: key, attempts: 1 }).then(() => true);

async function start() {
  await loadLocale(undefined, ['contest']);
  redrawOnLocaleChange(app, () => view());
  if (!id) return newContest();
  token = await takeKey(id, 'contest', isOwner);
  if (!token) {
    view = () => askForKey(app, id, t('contest-title'), 'contest');
    return view();
  }
  try {
    contest = await call('GET', '');
    // Listed on the home page, whoever's secret this is (the owner's, a
    // co-host's, a moderator's): this page is their way back to it.
    holdContest({ id, title: contest.title });
  } catch (e) {
    view = () => {
      document.title = t('contest-page-title');
      fill(app, head(t('contest-title')), h('div', { class: 'notice error', role: 'alert' }, errorText(e)));
    };
    return view();
  }
  roundId = (contest.rounds.find((r) => r.state !== 'published') || contest.rounds[0]).round_id;
  layout();
  document.getElementById('round').value = roundId;
  refreshing = setInterval(refresh, REFRESH_MS);
  await refresh();
}

start();
