// The editor's requests: the deck with its revision (`ETag`), a revision
// sent with `If-Match`, deck files and outlines. api.js sends JSON only
// and hides headers; these need both.
import { ApiError, OfflineError } from '../api.js';

async function request(method, path, { token, body, type = 'application/json', headers = {} } = {}) {
  const h = { Accept: 'application/json', ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  if (body !== undefined) h['Content-Type'] = type;
  let res;
  try {
    res = await fetch(path, { method, headers: h, body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)), cache: 'no-store' });
  } catch {
    throw new OfflineError('offline');
  }
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return { data, etag: res.headers.get('ETag') };
}

export const getDeck = (id, token) => request('GET', `/presentations/${id}/deck`, { token });
export const exportDeck = async (id, token) => (await request('GET', `/presentations/${id}/deck/export`, { token })).data;
export const putDeck = (id, token, revision, polls) => request('PUT', `/presentations/${id}/deck`, {
  token, body: { polls }, headers: { 'If-Match': `"${revision}"` },
});
export const importDeck = async (doc, token) => (await request('POST', '/presentations/import', { token, body: doc })).data;
export const readOutline = async (text, type) => (await request('POST', '/outlines', { body: text, type })).data;
// The built-in templates in the page's language (English where Tally has
// none in it).
export const templates = async (locale) => (await request('GET', `/templates?locale=${encodeURIComponent(locale)}`)).data.templates;
export const template = async (name, locale) => (await request('GET', `/templates/${encodeURIComponent(name)}?locale=${encodeURIComponent(locale)}`)).data;
export const settings = async (id) => (await request('GET', `/presentations/${id}/settings`)).data;
export const patchTitle = (id, token, title) => request('PATCH', `/presentations/${id}/settings`, { token, body: { title: title.trim() || null } });

// An image for a slide: its raw bytes (Tally tells the type from them).
export async function uploadImage(id, token, file) {
  let res;
  try {
    res = await fetch(`/presentations/${id}/images`, {
      method: 'POST', body: file, cache: 'no-store',
      headers: { Accept: 'application/json', 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
    });
  } catch {
    throw new OfflineError('offline');
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

// A deck file to download: a Blob behind a temporary link.
export function download(doc, name) {
  const blob = new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

// A file name from a deck's title: letters, digits and dashes.
export const fileName = (title) => `${(title || 'deck').normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'deck'}.tally.json`;
