// WebSocket fan-out: audience sockets on the live channel; the presenter
// changes the slide and every socket must see it. A presenter screen
// checks that it counts the whole audience, then times votes to the screen
// (the Rust load generator's WebSocket scenario).
//   k6 run -e BASE_URL=... -e SOCKETS=30000 k6/ws-fanout.js
import http from 'k6/http';
import ws from 'k6/ws';
import { check } from 'k6';
import { Trend, Counter, Gauge } from 'k6/metrics';
import exec from 'k6/execution';
import { BASE_URL, uuid } from './lib.js';

const SOCKETS = Number(__ENV.SOCKETS || 30000);
// The presenter moves the slide this long after the test starts.
const MOVE_AFTER_MS = 60000;
// The presenter screen connects this long before the move.
const PRESENTER_LEAD_MS = 10000;
const VOTES = 100;
const slideSeen = new Trend('slide_change_seen_ms', true);
const missed = new Counter('slide_change_missed');
const presenterAudience = new Gauge('presenter_audience');
const voteToPresenter = new Trend('vote_to_presenter_ms', true);

export const options = {
  scenarios: {
    audience: { executor: 'per-vu-iterations', vus: SOCKETS, iterations: 1, maxDuration: '3m' },
    presenter: { executor: 'shared-iterations', vus: 1, iterations: 1, startTime: `${MOVE_AFTER_MS}ms`, exec: 'moveSlide' },
    screen: { executor: 'shared-iterations', vus: 1, iterations: 1, startTime: `${MOVE_AFTER_MS - PRESENTER_LEAD_MS}ms`, exec: 'presenterScreen', maxDuration: '2m' },
  },
  thresholds: {
    // 99% of sockets see the slide change within 500 ms.
    slide_change_seen_ms: ['p(99)<500'],
    slide_change_missed: ['count==0'],
    // The screen counts the audience of every server process.
    presenter_audience: [`value>=${SOCKETS}`],
    // A vote reaches the presenter screen within 300 ms.
    vote_to_presenter_ms: ['p(99)<300'],
  },
};

export function setup() {
  const body = JSON.stringify({ polls: [
    { question: 'First?', options: [{ key: 'A', value: 'a' }] },
    { question: 'Second?', options: [{ key: 'A', value: 'a' }] }] });
  const created = http.post(`${BASE_URL}/presentations`, body, { headers: { 'Content-Type': 'application/json' } });
  return { id: created.json('presentation_id'), token: created.json('presenter_token') };
}

export function moveSlide(setup) {
  http.put(`${BASE_URL}/presentations/${setup.id}/polls/current`, null, {
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${setup.token}` },
  });
}

// The presenter screen: the largest audience it reports before the move,
// then one vote at a time on the second poll, each timed until the screen
// shows it.
export function presenterScreen(setup) {
  const url = `${BASE_URL.replace(/^http/, 'ws')}/presentations/${setup.id}/live/presenter?token=${setup.token}`;
  let audience = 0;
  let voting = false;
  let sent = 0;
  let sentAt = 0;
  let poll = null;
  const sendVote = () => {
    sent += 1;
    sentAt = Date.now();
    const body = JSON.stringify({ key: 'A', client_id: uuid(), poll_id: poll });
    http.post(`${BASE_URL}/presentations/${setup.id}/polls/current/votes`, body,
      { headers: { 'Content-Type': 'application/json' }, tags: { name: 'vote' } });
  };
  ws.connect(url, {}, (socket) => {
    socket.on('message', (data) => {
      const msg = JSON.parse(data);
      if (msg.type !== 'results') return;
      if (!voting) {
        audience = Math.max(audience, msg.audience);
      } else if (msg.total_votes >= sent) {
        voteToPresenter.add(Date.now() - sentAt);
        if (sent < VOTES) sendVote(); else socket.close();
      }
    });
    // Votes start once the slide has moved and the phones have seen it.
    socket.setTimeout(() => {
      presenterAudience.add(audience);
      poll = http.get(`${BASE_URL}/presentations/${setup.id}`).json('polls.1.poll_id');
      voting = true;
      sendVote();
    }, PRESENTER_LEAD_MS + 5000);
    socket.setTimeout(() => socket.close(), PRESENTER_LEAD_MS + 60000);
  });
}

export default function (setup) {
  const url = `${BASE_URL.replace(/^http/, 'ws')}/presentations/${setup.id}/live`;
  let moved = false;
  const res = ws.connect(url, {}, (socket) => {
    socket.on('message', (data) => {
      const msg = JSON.parse(data);
      if (msg.type === 'state' && msg.current_poll_index === 1) {
        // The audience scenario starts with the test; the move comes
        // MOVE_AFTER_MS later.
        slideSeen.add(Date.now() - (exec.scenario.startTime + MOVE_AFTER_MS));
        moved = true;
        socket.close();
      }
    });
    socket.setTimeout(() => socket.close(), 120000);
  });
  check(res, { upgraded: (r) => r && r.status === 101 });
  if (!moved) missed.add(1);
}
