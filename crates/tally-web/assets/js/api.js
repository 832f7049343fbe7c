// JSON requests to Tally. The presenter token goes in the Authorization
// header only, never in a URL, so no access log or proxy records it.

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.code = this.problem.code || '';
  }
}

// The request never reached Tally (the phone is offline, the venue's
// network dropped it). Safe to send again: Tally counts a repeated vote
// once.
export class OfflineError extends Error {}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Tally answers 429 or 503 with Retry-After when it sheds load; the
// request was not acted on, so it is sent again after that long (with
// jitter, so that a room of phones does not come back in step).
export async function api(method, path, { body, token, onWaiting, attempts = 30 } = {}) {
  for (let attempt = 1; ; attempt++) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    let res;
    try {
      res = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch {
      throw new OfflineError('offline');
    }
    if ((res.status === 429 || res.status === 503) && attempt < attempts) {
      const after = Number(res.headers.get('Retry-After'));
      const wait = (Number.isFinite(after) && after > 0 ? after * 1000 : 1000) * (0.75 + Math.random() / 2);
      if (onWaiting) onWaiting(wait);
      await sleep(wait);
      continue;
    }
    const text = await res.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!res.ok) throw new ApiError(res.status, data);
    return data;
  }
}
