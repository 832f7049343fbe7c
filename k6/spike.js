// Spike: 30,000 participants, each on a connection of its own, each casting
// one vote within the window (the Rust load generator's `spike` scenario).
// Like phones, a vote refused with 429/503/504 is sent again after the
// server's hint plus random jitter, until RETRY_DEADLINE_S after the first
// try.
//   k6 run -e BASE_URL=https://tally.example.org k6/spike.js
import { check, sleep } from 'k6';
import { Counter, Trend } from 'k6/metrics';
import { asksForRetry, createPresentation, retryAfterSeconds, uuid, voteAs } from './lib.js';

const VOTERS = Number(__ENV.VOTERS || 30000);
const RETRY_DEADLINE_S = Number(__ENV.RETRY_DEADLINE_S || 30);

const acceptedFirstTry = new Counter('accepted_first_try');
const acceptedFinal = new Counter('accepted_final');
const refusedForGood = new Counter('refused_for_good');
const retries = new Counter('retries');
// A voter's first answer, and its first send to its acknowledgement.
const firstTry = new Trend('first_try_ms', true);
const finalAck = new Trend('final_ack_ms', true);
// When each acknowledgement came, after the spike began: its max is the time
// until every vote was acknowledged.
const acknowledgedAfter = new Trend('all_acknowledged_after_ms', true);

export const options = {
  scenarios: {
    spike: {
      executor: 'shared-iterations',
      vus: VOTERS,
      iterations: VOTERS,
      maxDuration: '2m',
    },
  },
  // One connection per participant, as phones have.
  noConnectionReuse: true,
  thresholds: {
    // The spike targets: every vote acknowledged in the end, first tries
    // answered within 250 ms (p99), final acknowledgements within 1 s.
    'first_try_ms': ['p(99)<250'],
    'final_ack_ms': ['p(99)<1000'],
    'refused_for_good': ['count==0'],
    'checks{check:acknowledged}': ['rate==1'],
  },
};

export function setup() {
  return Object.assign(createPresentation(), { startedAt: Date.now() });
}

export default function (setup) {
  const clientId = uuid();
  const key = ['A', 'B', 'C'][__ITER % 3];
  const first = Date.now();
  let res = voteAs(setup, key, clientId);
  firstTry.add(res.timings.duration);
  if (res.status === 204) acceptedFirstTry.add(1);
  while (asksForRetry(res) && (Date.now() - first) / 1000 < RETRY_DEADLINE_S) {
    const wait = retryAfterSeconds(res);
    sleep(wait + Math.random() * wait);
    retries.add(1);
    res = voteAs(setup, key, clientId);
  }
  const acknowledged = res.status === 204;
  if (acknowledged) {
    acceptedFinal.add(1);
    finalAck.add(Date.now() - first);
    acknowledgedAfter.add(Date.now() - setup.startedAt);
  } else {
    refusedForGood.add(1);
  }
  check(res, { acknowledged: () => acknowledged }, { check: 'acknowledged' });
}
