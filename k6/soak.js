// Sustained: a fixed arrival rate of votes for a fixed time (the Rust load
// generator's `sustained` scenario runs the same at maximum rate).
//   k6 run -e BASE_URL=... -e RATE=5000 -e DURATION=10m k6/soak.js
import { check } from 'k6';
import { createPresentation, vote } from './lib.js';

export const options = {
  scenarios: {
    soak: {
      executor: 'constant-arrival-rate',
      rate: Number(__ENV.RATE || 2000),
      timeUnit: '1s',
      duration: __ENV.DURATION || '10m',
      preAllocatedVUs: 256,
      maxVUs: 2048,
    },
  },
  thresholds: {
    'http_req_failed{name:vote}': ['rate==0'],
    'http_req_duration{name:vote}': ['p(99)<250'],
    dropped_iterations: ['count==0'],
  },
};

export function setup() {
  return createPresentation();
}

export default function (setup) {
  const res = vote(setup, ['A', 'B', 'C'][__ITER % 3]);
  check(res, { acknowledged: (r) => r.status === 204 });
}
