// Spike: 30,000 participants, each on a connection of its own, each casting
// one vote within the window (the Rust load generator's `spike` scenario).
//   k6 run -e BASE_URL=https://tally.example.org k6/spike.js
import { check } from 'k6';
import { createPresentation, vote } from './lib.js';

const VOTERS = Number(__ENV.VOTERS || 30000);

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
    // 0 errors, p99 within 250 ms: the spike targets.
    'http_req_failed{name:vote}': ['rate==0'],
    'http_req_duration{name:vote}': ['p(99)<250'],
    'checks{check:acknowledged}': ['rate==1'],
  },
};

export function setup() {
  return createPresentation();
}

export default function (setup) {
  const res = vote(setup, ['A', 'B', 'C'][__ITER % 3]);
  check(res, { acknowledged: (r) => r.status === 204 }, { check: 'acknowledged' });
}
