// What the phone page knows, shared by its modules: who this phone is,
// where it joined, the newest live state and results, and how the
// connection is. One object, so that every module reads the same values.
import { uuid, store } from '../dom.js';

export const app = document.getElementById('app');

// The participant id lives in local storage, so a phone that reloads or
// rejoins keeps its identity and sees the vote it made.
export const clientId = store.get('tally.client') || (() => {
  const id = uuid();
  store.set('tally.client', id);
  return id;
})();

export const s = {
  joined: null, // {presentation_id, join_code}
  state: null, // the newest `state` message
  stateAt: 0, // when it arrived (performance.now()), for the countdown
  results: null, // the newest audience `results` message
  connection: 'connecting',
  note: null, // {kind, id, args}: the last outcome, shown under the poll
  settings: null, // the presentation's settings (title, brand, qa_always_open)
  qaPoll: null, // the deck's Q&A poll, for a Q&A open all event
  tab: 'poll', // 'poll' or 'qa' when the Q&A is open all event
  // Called when a request reached Tally: the page is online, whatever the
  // live channel says yet.
  reachable: () => {},
};

export const voteKey = (pollId, round) => `tally.vote.${pollId}.${round || 1}`;

export const mineOf = () => {
  const poll = s.state && s.state.poll;
  return poll ? store.get(voteKey(poll.poll_id, s.state.round)) : null;
};

// Milliseconds left on the poll's timer by this phone's clock (counted
// down from the server's `ms_left` when the state arrived), or null
// without a timer.
export function msLeft() {
  const st = s.state;
  if (!st || st.ms_left == null || st.deadline_ms == null) return null;
  return Math.max(0, st.ms_left - (performance.now() - s.stateAt));
}

// Whether votes can be sent now: the presenter opened voting and, with a
// timer, it has not run out here yet. The phone does not wait for the
// server to say so: the Vote button goes off the moment the time is up.
export function votingOpen() {
  const st = s.state;
  if (!st || !st.voting_open) return false;
  const left = msLeft();
  return left == null || left > 0;
}

// A submission's idempotency key: made once per thing the participant
// sends, and reused when that same thing is sent again (a retry after a
// network error, a second tap), so that Tally stores it once.
export function submissionKey(scope, payload) {
  const held = store.get(`tally.submit.${scope}`);
  const text = JSON.stringify(payload);
  if (held && held.text === text) return held.id;
  const id = uuid();
  store.set(`tally.submit.${scope}`, { id, text });
  return id;
}

export const forgetSubmission = (scope) => store.remove(`tally.submit.${scope}`);
