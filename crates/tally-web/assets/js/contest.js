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
import { keep, takeKey, contestIdIn, askForKey } from './contest-key.js';
import { decks, tokenOf } from './deck.js';
import { editorSection } from './contest-edit.js';

const app = document.getElementById('app');
const [id] = contestIdIn('contest');
const REFRESH_MS = 3000;

function say(text, kind = '') {
  const el = document.getElementById('message');
  if (el) fill(el, text ? h('div', { class: `notice ${kind}` }, text) : null);
}

const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

function newContest() {
  const field = (label, input) => h('div', { class: 'stack' }, h('label', { for: input.id }, label), input);
  const method = h('select', { id: 'method' },
    h('option', { value: 'weighted_mean' }, 'Weighted mean'),
    h('option', { value: 'trimmed_mean' }, 'Trimmed mean (drop highest and lowest)'),
    h('option', { value: 'z_score' }, 'Z-scores per judge (evens out harsh and lenient judges)'));
  fill(app,
    h('h1', {}, 'New judged contest'),
    h('div', { id: 'message', role: 'alert' }),
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
        location.assign(`/contest/${made.contest.contest_id}`);
      } catch (err) {
        say(err.message, 'error');
      }
    } },
    field('Title', h('input', { id: 'title', required: true, maxlength: 200 })),
    field('Method', method),
    field('Trimmed mean: trim when at least this many judges scored', h('input', { id: 'trim', type: 'number', min: 3, value: 4 })),
    field('Criteria, one per line: name | weight | min | max | step | description',
      h('textarea', { id: 'criteria', rows: 4, required: true, value: 'Voice | 2 | 1 | 10 | 0.5 | Pitch, tone and blend\nStage | 1 | 1 | 10 | 1 | Presence' })),
    field('Contestants, one per line', h('textarea', { id: 'contestants', rows: 4, required: true })),
    field('Rounds, one per line', h('textarea', { id: 'rounds', rows: 2, required: true, value: 'Final' })),
    field('Tie-break criterion (optional)', h('input', { id: 'tie', maxlength: 80 })),
    h('button', { type: 'submit', id: 'create' }, 'Create contest')));
}

let contest = null;
let roundId = '';
let refreshing = null;
let token = null;
const call = (method, path, body) => api(method, `/contests/${id}${path}`, { body, token });

async function act(label, fn) {
  try {
    await fn();
    say('');
    await refresh();
  } catch (e) {
    say(`${label}: ${e.message}`, 'error');
  }
}

// The owner's corrections: saved whole, then the page is laid out again
// from the contest as the server now has it.
async function saveContest(body) {
  try {
    contest = await call('PUT', '', body);
  } catch (e) {
    // Said beside the button pressed, where the organiser is looking.
    return fill(document.getElementById('edit-status'), h('div', { class: 'notice error' }, `Not saved: ${e.message}`));
  }
  layout();
  document.getElementById('round').value = roundId;
  say('Saved. Every change is in the audit log.', 'ok');
  await refresh();
}

// A download that needs the Authorization header: fetched, then saved.
async function download(format) {
  const res = await fetch(`/contests/${id}/rounds/${roundId}/export?format=${format}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) return say(`Export: HTTP ${res.status}`, 'error');
  const a = h('a', { href: URL.createObjectURL(await res.blob()), download: `results.${format}` });
  document.body.append(a);
  a.click();
  a.remove();
}

function layout() {
  const round = h('select', { id: 'round', onchange: (e) => { roundId = e.target.value; editingLineup = false; refresh(); } },
    contest.rounds.map((r) => h('option', { value: r.round_id }, r.name)));
  fill(app,
    h('h1', {}, contest.title),
    h('p', { class: 'muted' }, `Method: ${contest.method.replace('_', ' ')} · criteria: `,
      contest.criteria.map((c) => `${c.name} ×${c.weight} (${c.min}–${c.max}, step ${c.step})`).join('; ')),
    h('div', { id: 'message', role: 'alert' }),
    h('section', { id: 'definition' }, editorSection(() => contest, saveContest)),
    h('section', { 'aria-labelledby': 'people-h', id: 'people' },
      h('h2', { id: 'people-h' }, 'Judges and helpers'),
      h('ul', { id: 'links' }),
      h('form', { class: 'row', id: 'invite', onsubmit: (e) => {
        e.preventDefault();
        const role = document.getElementById('role').value;
        const name = document.getElementById('link-name').value;
        act('Invite', async () => {
          const made = await call('POST', '/links', { role, name });
          const page = role === 'judge' ? 'judge' : 'contest';
          const url = `${location.origin}/${page}/${id}#${made.token}`;
          fill(document.getElementById('new-link'),
            h('label', { for: 'new-link-url' }, `Private link for ${name} (shown once; send it to them only)`),
            h('input', { id: 'new-link-url', readonly: true, value: url, class: 'grow' }));
          document.getElementById('link-name').value = '';
        });
      } },
      h('label', { for: 'role' }, 'Role'),
      h('select', { id: 'role' }, h('option', { value: 'judge' }, 'Judge'), h('option', { value: 'cohost' }, 'Co-host'), h('option', { value: 'moderator' }, 'Moderator')),
      h('label', { for: 'link-name' }, 'Name'),
      h('input', { id: 'link-name', required: true, maxlength: 200 }),
      h('button', { type: 'submit', id: 'invite-button' }, 'Invite')),
      h('div', { id: 'new-link', class: 'stack' }),
      h('h3', { id: 'tie-h' }, 'The event\'s presentation'),
      h('p', { class: 'muted' }, 'Tied to a presentation, the contest\'s co-hosts can run it and its moderators can moderate the audience\'s text there, from their own links.'),
      h('div', { id: 'tie', class: 'stack' })),
    h('p', { id: 'run-presentation', class: 'hidden' }),
    h('section', { 'aria-labelledby': 'conflicts-h', id: 'conflicts-section' },
      h('h2', { id: 'conflicts-h' }, 'Conflicts of interest'),
      h('p', { class: 'muted' }, 'A judge does not see or score the contestants they are excluded from.'),
      h('form', { class: 'stack', id: 'conflicts', onsubmit: (e) => {
        e.preventDefault();
        const judge = document.getElementById('conflict-judge').value;
        const excluded = [...document.querySelectorAll('#conflict-list input:checked')].map((x) => x.value);
        editingConflicts = false;
        act('Conflicts', () => call('PUT', `/judges/${judge}/conflicts`, { contestant_ids: excluded }));
      } },
      h('div', { class: 'row' }, h('label', { for: 'conflict-judge' }, 'Judge'),
        h('select', { id: 'conflict-judge', onchange: () => drawConflicts() })),
      h('fieldset', { id: 'conflict-list' }, h('legend', {}, 'Excluded from')),
      h('button', { type: 'submit', class: 'secondary', id: 'save-conflicts' }, 'Save conflicts'))),
    h('section', { 'aria-labelledby': 'round-h' },
      h('h2', { id: 'round-h' }, 'Round'),
      h('div', { class: 'row' }, h('label', { for: 'round' }, 'Round'), round,
        h('span', { class: 'tag', id: 'round-state' }),
        h('button', { id: 'open', class: 'secondary', onclick: () => act('Open', () => call('POST', `/rounds/${roundId}/open`)) }, 'Open for scoring'),
        h('button', { id: 'close', class: 'secondary', onclick: () => act('Close', () => call('POST', `/rounds/${roundId}/close`)) }, 'Close'),
        h('button', { id: 'publish', onclick: () => {
          if (confirm('Publish this round? Its results are frozen and anyone can read them.')) act('Publish', () => call('POST', `/rounds/${roundId}/publish`));
        } }, 'Publish')),
      h('p', { id: 'digest', class: 'muted' }),
      h('form', { class: 'stack', id: 'lineup', onsubmit: (e) => {
        e.preventDefault();
        const chosen = [...document.querySelectorAll('#lineup-list input:checked')].map((x) => x.value);
        editingLineup = false;
        act('Lineup', () => call('PUT', `/rounds/${roundId}/contestants`, { contestant_ids: chosen }));
      } },
      h('fieldset', { id: 'lineup-list' }, h('legend', {}, 'Contestants in this round')),
      h('button', { type: 'submit', class: 'secondary', id: 'save-lineup' }, 'Save lineup')),
      h('h3', {}, 'Progress'),
      h('p', { id: 'progress-summary', role: 'status' }),
      h('table', { id: 'progress' }),
      h('h3', {}, 'Results (raw beside adjusted)'),
      h('table', { id: 'results' }),
      h('div', { class: 'row' },
        h('a', { class: 'button secondary', id: 'reveal-link', target: '_blank', rel: 'noopener' }, 'Reveal on the big screen'),
        h('button', { class: 'secondary', onclick: () => download('csv') }, 'Export CSV'),
        h('button', { class: 'secondary', onclick: () => download('json') }, 'Export JSON'))),
    h('section', { 'aria-labelledby': 'feedback-h', id: 'feedback-section' },
      h('h2', { id: 'feedback-h' }, 'Feedback to contestants'),
      h('p', { class: 'muted' }, 'A private link shows one contestant the judges\' comments on them from submitted sheets, without the judges\' names. Making a new link stops the old one.'),
      h('div', { class: 'row' }, contest.contestants.map((c) => h('button', { class: 'small secondary', onclick: () => act('Feedback link', async () => {
        const made = await call('POST', `/contestants/${c.contestant_id}/feedback-link`);
        fill(document.getElementById('feedback-link'),
          h('label', { for: 'feedback-link-url' }, `Private feedback link for ${c.name} (shown once; send it to them only)`),
          h('input', { id: 'feedback-link-url', readonly: true, value: `${location.origin}/feedback/${id}#${made.token}`, class: 'grow' }));
      }) }, `Feedback link for ${c.name}`))),
      h('div', { id: 'feedback-link', class: 'stack' })));
}

// The owner's choice among the presentations this browser holds the
// presenter key of; the key proves to the server that the owner runs it.
function drawTie() {
  const tied = contest.presentation_id;
  const held = decks().filter((d) => tokenOf(d.id));
  const name = (pid) => (held.find((d) => d.id === pid) || {}).title || pid;
  if (tied) {
    fill(document.getElementById('tie'), h('div', { class: 'row' },
      h('span', { class: 'grow', id: 'tied-to' }, `Tied to “${name(tied)}”.`),
      h('a', { class: 'button secondary', href: `/present/${tied}` }, 'Open its console'),
      h('button', { class: 'secondary', id: 'untie', onclick: () => act('Untie', () => call('DELETE', '/presentation')) }, 'Untie')));
    return;
  }
  if (!held.length) {
    fill(document.getElementById('tie'), h('p', {}, 'This browser holds no presentation. Create the event\'s presentation here first, then tie it.'));
    return;
  }
  fill(document.getElementById('tie'), h('form', { class: 'row', id: 'tie-form', onsubmit: (e) => {
    e.preventDefault();
    const pid = document.getElementById('tie-pick').value;
    act('Tie', () => call('PUT', '/presentation', { presentation_id: pid, presenter_token: tokenOf(pid) }));
  } },
  h('label', { for: 'tie-pick' }, 'Presentation'),
  h('select', { id: 'tie-pick' }, held.map((d) => h('option', { value: d.id }, d.title || d.id))),
  h('button', { type: 'submit', class: 'secondary', id: 'tie-button' }, 'Tie')));
}

// A co-host's or moderator's way to the tied presentation: the console,
// with their secret after # (never sent to the server; the console keeps
// it and clears the address bar).
function drawRunLink(role) {
  const el = document.getElementById('run-presentation');
  const tied = contest.presentation_id;
  el.classList.remove('hidden');
  if (!tied) {
    fill(el, role === 'moderator' ? 'The contest is not tied to a presentation yet, so there is nothing to moderate. Ask the organiser.' : '');
    return;
  }
  const label = role === 'moderator' ? 'Moderate the presentation' : 'Run the presentation';
  fill(el, h('a', { class: 'button', id: 'run-link', href: `/present/${tied}#${encodeURIComponent(token)}` }, label));
}

function drawLinks(links) {
  fill(document.getElementById('links'), links.map((l) => h('li', {},
    `${l.name} · ${l.role}`, l.revoked ? h('span', { class: 'tag' }, 'revoked') : ' ',
    l.revoked ? null : h('button', { class: 'small danger', onclick: () => {
      if (confirm(`Revoke ${l.name}'s link? It stops working at once.`)) act('Revoke', () => call('DELETE', `/links/${l.link_id}`));
    } }, `Revoke ${l.name}`))));
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
    h('legend', {}, draft ? 'Contestants in this round (fixed once it opens)' : `Contestants in this round: ${round.contestant_ids.length}`),
    contest.contestants.map((c) => h('label', { class: 'row' },
      h('input', { type: 'checkbox', value: c.contestant_id, checked: round.contestant_ids.includes(c.contestant_id), disabled: !draft, onchange: () => { editingLineup = true; } }), c.name)));
  document.getElementById('save-lineup').classList.toggle('hidden', !draft);
}

// The judge picker keeps its choice across refreshes; the boxes show the
// chosen judge's stored conflicts, unless the organiser has unsaved ticks.
function drawConflicts(reset = true) {
  const select = document.getElementById('conflict-judge');
  const chosen = select.value;
  fill(select, judges.map((j) => h('option', { value: j.judge.link_id }, j.judge.name)));
  if (chosen) select.value = chosen;
  if (reset) editingConflicts = false;
  if (editingConflicts) return;
  const mine = (conflicts.find((c) => c.judge_id === select.value) || { contestant_ids: [] }).contestant_ids;
  fill(document.getElementById('conflict-list'), h('legend', {}, 'Excluded from'), contest.contestants.map((c) => h('label', { class: 'row' },
    h('input', { type: 'checkbox', value: c.contestant_id, checked: mine.includes(c.contestant_id), onchange: () => { editingConflicts = true; } }), c.name)));
}

function drawProgress(progress) {
  const submitted = progress.filter((p) => p.state === 'submitted').length;
  fill(document.getElementById('progress-summary'), `${submitted} of ${progress.length} judges submitted`);
  const name = (cid) => (contest.contestants.find((c) => c.contestant_id === cid) || {}).name || '?';
  fill(document.getElementById('progress'),
    h('thead', {}, h('tr', {}, h('th', {}, 'Judge'), h('th', {}, 'Sheet'), h('th', {}, 'Marks'), h('th', {}, 'Missing'), h('th', {}, h('span', { class: 'visually-hidden' }, 'Actions')))),
    h('tbody', {}, progress.map((p) => h('tr', {},
      h('td', {}, p.judge.name),
      h('td', {}, p.state),
      h('td', {}, `${p.scored} of ${p.expected}`),
      h('td', {}, [...new Set(p.missing.map((m) => name(m.contestant_id)))].join(', ') || '–'),
      h('td', {}, p.state === 'submitted' ? h('button', { class: 'small secondary', onclick: () => {
        if (confirm(`Reopen ${p.judge.name}'s sheet? It stops counting until they submit again.`)) act('Reopen', () => call('POST', `/rounds/${roundId}/sheets/${p.judge.link_id}/reopen`));
      } }, `Reopen ${p.judge.name}`) : null)))));
}

function drawResults(results) {
  const criteria = results.standings.length ? results.standings[0].by_criterion : [];
  fill(document.getElementById('results'),
    h('thead', {}, h('tr', {}, h('th', {}, 'Rank'), h('th', {}, 'Contestant'), h('th', {}, 'Raw'), h('th', {}, 'Adjusted'),
      criteria.map((c) => h('th', {}, c.name)), h('th', {}, 'Judges'))),
    h('tbody', {}, results.standings.map((s) => h('tr', {},
      h('td', {}, s.parted_by ? `${s.rank} (tie-break: ${s.parted_by})` : String(s.rank)), h('td', {}, s.name), h('td', {}, s.raw || '–'), h('td', {}, s.adjusted || '–'),
      s.by_criterion.map((c) => h('td', {}, c.score || '–')), h('td', {}, String(s.judges))))));
  fill(document.getElementById('digest'), results.digest ? `Published. Digest (SHA-256 of every submitted mark): ${results.digest}` : `Private until published · ${results.sheets} submitted sheets counted`);
}

async function refresh() {
  try {
    contest = await call('GET', '');
    const round = contest.rounds.find((r) => r.round_id === roundId);
    fill(document.getElementById('round-state'), round ? round.state : '');
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
    say(e.message, 'error');
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
  if (!id) return newContest();
  token = await takeKey(id, 'contest', isOwner);
  if (!token) return askForKey(app, id, 'Contest', 'the organiser\'s secret');
  try {
    contest = await call('GET', '');
  } catch (e) {
    return fill(app, h('h1', {}, 'Contest'), h('div', { class: 'notice error', role: 'alert' }, e.message));
  }
  roundId = (contest.rounds.find((r) => r.state !== 'published') || contest.rounds[0]).round_id;
  layout();
  document.getElementById('round').value = roundId;
  refreshing = setInterval(refresh, REFRESH_MS);
  await refresh();
}

start();
