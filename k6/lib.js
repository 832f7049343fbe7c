// Shared helpers for the Tally k6 scripts. BASE_URL points at a deployment
// (default http://localhost:8080, the docker compose entry point).
import http from 'k6/http';

export const BASE_URL = __ENV.BASE_URL || 'http://localhost:8080';
const JSON_HEADERS = { 'Content-Type': 'application/json' };

// Creates a one-poll presentation, as the Rust load generator does, and
// returns { id, poll, token }.
export function createPresentation() {
  const body = JSON.stringify({
    polls: [{ question: 'Load test?', options: [
      { key: 'A', value: 'a' }, { key: 'B', value: 'b' }, { key: 'C', value: 'c' }] }],
  });
  const created = http.post(`${BASE_URL}/presentations`, body, { headers: JSON_HEADERS });
  const id = created.json('presentation_id');
  const shown = http.get(`${BASE_URL}/presentations/${id}`, { headers: JSON_HEADERS });
  return { id, poll: shown.json('polls.0.poll_id'), token: created.json('presenter_token') };
}

// A version 4 UUID for a participant.
export function uuid() {
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = (Math.random() * 16) | 0;
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

// One vote, each call a new participant; 204 is the acknowledgement.
export function vote(setup, key) {
  return voteAs(setup, key, uuid());
}

// One vote as participant `clientId` (the same body again is a safe retry).
export function voteAs(setup, key, clientId) {
  const body = JSON.stringify({ key, client_id: clientId, poll_id: setup.poll });
  return http.post(`${BASE_URL}/presentations/${setup.id}/polls/current/votes`, body,
    { headers: JSON_HEADERS, tags: { name: 'vote' } });
}

// Statuses that ask a phone to send the same vote again: refused for load
// (429), a store down (503), outcome unknown (504).
export function asksForRetry(res) {
  return res.status === 429 || res.status === 503 || res.status === 504;
}

// The wait a refusal asks for, in seconds: the problem body's
// retry_after_ms, else the Retry-After header (whole seconds), else 1.
export function retryAfterSeconds(res) {
  try {
    const ms = res.json('retry_after_ms');
    if (typeof ms === 'number') return ms / 1000;
  } catch (e) { /* not JSON */ }
  const header = Number(res.headers['Retry-After']);
  return header > 0 ? header : 1;
}
