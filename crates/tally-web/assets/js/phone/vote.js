// Voting: the form with its sticky Vote button, the confirmation, change
// and retract, and the vote kept on this phone while it is offline.
//
// A vote made while offline waits in local storage and is sent once the
// phone is back: Tally counts the same vote from the same participant
// once, so sending it again is always safe.
import { h, fill, store } from '../dom.js';
import { api, OfflineError } from '../api.js';
import { t, errorText } from '../i18n.js';
import { s, clientId, voteKey, votingOpen } from './state.js';
import { buildForm, readVote, ready, describe } from './forms.js';
import { render, setOutcome } from './view.js';

// Entries a presenter approves before anyone sees them: the phone says
// "awaiting approval", not "counted".
const held = (poll) => !!poll.moderated && ['open', 'wordcloud'].includes(poll.type);

export function renderVote(el, poll, type) {
  const key = voteKey(poll.poll_id, s.state.round);
  const mine = store.get(key);
  if (mine && mine.state !== 'editing') {
    const sent = mine.state === 'sent';
    const waiting = sent && held(poll);
    const text = sent ? t(waiting ? 'phone-awaiting-approval' : 'phone-vote-counted')
      : t(mine.state === 'queued' ? 'phone-vote-queued' : 'phone-sending');
    const change = !!poll.allow_change && votingOpen() && sent;
    fill(el, h('div', { class: `done ${sent ? (waiting ? 'waiting' : 'ok') : 'pending'}` },
      h('div', { class: 'done-mark', 'aria-hidden': 'true' }, sent ? (waiting ? '…' : '✓') : '↻'),
      h('p', { id: 'confirmation', class: 'done-text', tabindex: '-1' }, text),
      h('p', { class: 'muted', dir: 'auto' }, describe(poll, mine.body)),
      change ? h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'change', class: 'secondary', onclick: () => {
          store.set(key, { ...mine, state: 'editing' });
          render({ focus: 'first-field' });
        } }, t('phone-change-vote')),
        h('button', { type: 'button', id: 'retract', class: 'danger', onclick: () => retract(poll) }, t('phone-retract-vote'))) : null));
    return;
  }
  const open = votingOpen();
  const kept = s.kept && s.kept.dataset.vote === key && !s.kept.querySelector('#closed') ? s.kept : null;
  s.kept = null;
  if (kept && open) {
    fill(el, kept);
    kept.sync();
    return;
  }
  const draft = kept ? readVote(kept, poll, type) : null;
  const form = h('form', { class: 'vote-form', 'data-vote': key, novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    if (!votingOpen()) return;
    const body = readVote(form, poll, type);
    if (body.error) return setOutcome('error', t(body.error, body.args));
    return send(poll, body, mine);
  } });
  const submit = h('button', { type: 'submit', id: 'vote', class: 'primary' }, mine ? t('phone-send-new-vote') : t('phone-vote'));
  // The button is off while the form holds nothing to send and once
  // voting closes; its label says which.
  const sync = () => {
    const can = votingOpen();
    submit.disabled = !can || !ready(form, poll, type);
    if (!can) submit.textContent = t('phone-voting-closed');
  };
  form.sync = sync;
  buildForm(form, poll, type, draft && !draft.error ? draft : mine && mine.body, sync);
  const bar = h('div', { class: 'vote-bar' }, submit,
    mine ? h('button', { type: 'button', id: 'keep', class: 'secondary', onclick: () => {
      store.set(key, { ...mine, state: 'sent' });
      render({ focus: 'confirmation' });
    } }, t('phone-keep-vote')) : null);
  form.append(bar);
  if (!open) {
    for (const input of form.querySelectorAll('input, textarea, button')) input.disabled = true;
    form.prepend(h('p', { class: 'closed', id: 'closed' }, t('phone-voting-closed')));
  }
  fill(el, form);
  sync();
}

// Called by the countdown when the time runs out on this phone: the form
// goes off at once, before the server's own state says so.
export function closeHere() {
  const form = document.querySelector('#poll form.vote-form');
  if (!form || form.querySelector('#closed')) return;
  for (const input of form.querySelectorAll('input, textarea, button')) input.disabled = true;
  form.querySelector('#vote').textContent = t('phone-voting-closed');
  form.prepend(h('p', { class: 'closed', id: 'closed', role: 'status' }, t('phone-voting-closed')));
}

let inFlight = false;

// Sends a vote (or its change). `previous` is what the phone held before,
// restored if Tally refuses the new one. A second tap while the first is
// on its way does nothing.
async function send(poll, body, previous) {
  if (inFlight) return;
  const key = voteKey(poll.poll_id, s.state.round);
  const record = { body, state: 'sending', round: s.state.round, poll_id: poll.poll_id, presentation_id: s.joined.presentation_id };
  store.set(key, record);
  s.note = null;
  render({ focus: 'confirmation' });
  await deliver(key, record, previous);
}

async function deliver(key, record, previous) {
  inFlight = true;
  try {
    await api('POST', `/presentations/${record.presentation_id}/polls/current/votes`, {
      body: { ...record.body, client_id: clientId, poll_id: record.poll_id },
      onWaiting: busy,
    });
    store.set(key, { ...record, state: 'sent' });
    s.note = null;
    s.reachable();
  } catch (e) {
    if (e instanceof OfflineError) {
      store.set(key, { ...record, state: 'queued' });
    } else {
      if (previous && previous.state !== 'queued') store.set(key, { ...previous, state: 'sent' });
      else store.remove(key);
      s.note = { kind: 'error', text: e.code === 'voting_closed' ? t('phone-closed-before') : errorText(e) };
    }
  } finally {
    inFlight = false;
  }
  const st = s.state;
  if (st && st.poll && st.poll.poll_id === record.poll_id) render({ focus: store.get(key) ? 'confirmation' : 'vote' });
}

let flushing = false;
// Sends the vote this phone saved while offline, if the poll is still on
// screen. A repeat is harmless: Tally counts it once.
export async function sendQueued() {
  const st = s.state;
  if (flushing || inFlight || !st || !st.poll || navigator.onLine === false) return;
  const key = voteKey(st.poll.poll_id, st.round);
  const record = store.get(key);
  if (!record || record.state !== 'queued') return;
  flushing = true;
  try {
    await deliver(key, { ...record, state: 'sending' }, null);
  } finally {
    flushing = false;
  }
}

async function retract(poll) {
  const key = voteKey(poll.poll_id, s.state.round);
  try {
    await api('DELETE', `/presentations/${s.joined.presentation_id}/polls/current/votes`, {
      body: { client_id: clientId, poll_id: poll.poll_id },
      onWaiting: busy,
    });
    store.remove(key);
    s.note = { kind: 'ok', text: t('phone-vote-retracted') };
  } catch (e) {
    s.note = { kind: 'error', text: errorText(e) };
  }
  render({ focus: 'outcome' });
}

// Tally shed the request (429 or 503); it is sent again after Retry-After.
export const busy = (ms) => setOutcome('', t('phone-busy-retry', { s: Math.max(1, Math.round(ms / 1000)) }));
