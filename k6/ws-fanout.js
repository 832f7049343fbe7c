// WebSocket fan-out: audience sockets on the live channel; the presenter
// changes the slide and every socket must see it (the Rust load generator's
// WebSocket scenario).
//   k6 run -e BASE_URL=... -e SOCKETS=30000 k6/ws-fanout.js
import http from 'k6/http';
import ws from 'k6/ws';
import { check } from 'k6';
import { Trend, Counter } from 'k6/metrics';
import exec from 'k6/execution';
import { BASE_URL } from './lib.js';

const SOCKETS = Number(__ENV.SOCKETS || 30000);
// The presenter moves the slide this long after the test starts.
const MOVE_AFTER_MS = 60000;
const slideSeen = new Trend('slide_change_seen_ms', true);
const missed = new Counter('slide_change_missed');

export const options = {
  scenarios: {
    audience: { executor: 'per-vu-iterations', vus: SOCKETS, iterations: 1, maxDuration: '3m' },
    presenter: { executor: 'shared-iterations', vus: 1, iterations: 1, startTime: `${MOVE_AFTER_MS}ms`, exec: 'moveSlide' },
  },
  thresholds: {
    // 99% of sockets see the slide change within 500 ms.
    slide_change_seen_ms: ['p(99)<500'],
    slide_change_missed: ['count==0'],
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
