// The phone page's two budgets (issue 25, Benchmarks), in Debian's
// Chromium against a Tally already serving on TALLY_URL:
//
// 1. First load: the compressed bytes of every JavaScript and CSS file the
//    page loads, from the browser's network log, from opening the join
//    link to the first poll drawn (the join page, then everything the
//    joined page imports). Budget: 60 KB.
// 2. Tappable after a slide change with the CPU throttled 4× (CDP
//    `Emulation.setCPUThrottlingRate`): from the moment the presenter's
//    request to change the slide is sent until the phone shows the new
//    question with its first choice enabled, at the next frame. Budget:
//    300 ms.
//
// 3. The cost of a slide change: CPU µs per slide change per process
//    (the phone's renderer, Chromium's other processes, Tally), from
//    /proc/<pid>/stat over the slide changes, beside the same page idle
//    for as long (the baseline, in the same run).
//
// Run it as `node benches/web-phone.mjs` (RUNS=3 by default, SLIDES=10
// slide changes per run), and pinned to one CPU as a weak phone is:
// `taskset -c 0 node benches/web-phone.mjs`.
import { chromium } from '../crates/tally-web/e2e/node_modules/playwright-core/index.mjs';
import { cpuSnapshot, cpuSpent } from './proc-cpu.mjs';

const BASE = process.env.TALLY_URL || 'http://127.0.0.1:8080';
const RUNS = Number(process.env.RUNS || 3);
const SLIDES = Number(process.env.SLIDES || 10);
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function api(method, path, token, body) {
  const res = await fetch(BASE + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const browser = await chromium.launch({
  executablePath: process.env.TALLY_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});

async function once(run) {
  const polls = [];
  for (let i = 0; i <= SLIDES; i++) {
    polls.push({ question: `Question ${i + 1}?`, options: ['Red', 'Green', 'Blue', 'Yellow'].map((value, k) => ({ key: String.fromCharCode(65 + k), value })) });
  }
  const made = await api('POST', '/presentations', null, { polls });
  const ctx = await browser.newContext({ baseURL: BASE, ...PHONE, extraHTTPHeaders: { 'Accept-Encoding': 'gzip' } });
  await ctx.addInitScript(() => {
    const Native = window.WebSocket;
    window.__sockets = [];
    window.WebSocket = class extends Native {
      constructor(...args) {
        super(...args);
        window.__sockets.push(this);
        this.addEventListener('message', () => { window.messageAt = Date.now(); });
      }
    };
  });
  const page = await ctx.newPage();
  const loads = [];
  page.on('requestfinished', (r) => {
    loads.push(r.response().then(async (res) => ({
      url: r.url(), type: r.resourceType(), bytes: (await r.sizes()).responseBodySize,
      encoding: res ? (await res.allHeaders())['content-encoding'] || 'identity' : '?',
    })));
  });
  await page.goto(`/j/${made.join_code}`);
  await page.waitForSelector('#code');
  await page.click('form button[type="submit"]');
  await page.waitForSelector('#question');
  await page.waitForLoadState('networkidle');
  const files = (await Promise.all(loads)).filter((f) => f.type === 'script' || f.type === 'stylesheet');
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const plain = files.filter((f) => f.encoding !== 'gzip').map((f) => f.url);
  if (plain.length) throw new Error(`not gzip-compressed: ${plain.join(', ')}`);

  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.RATE || 4) });
  await page.waitForFunction(() => document.getElementById('status')?.dataset.state === 'live');
  const sent = [];
  const answered = [];
  const onPhone = [];
  // The baseline: the same page, idle, for 3 s.
  let cpu0 = cpuSnapshot();
  let t0 = Date.now();
  await new Promise((r) => setTimeout(r, 3000));
  const idle = { cpu: cpuSpent(cpu0, cpuSnapshot()), seconds: (Date.now() - t0) / 1000 };
  cpu0 = cpuSnapshot();
  t0 = Date.now();
  for (let i = 1; i <= SLIDES; i++) {
    const question = `Question ${i + 1}?`;
    // The page notes, at the first frame after the new question and its
    // first enabled choice are in place, the wall-clock time. It watches
    // from a promise (no polling from the test side, which would load the
    // throttled page).
    const seen = page.evaluate((q) => new Promise((resolve) => {
      const look = () => {
        const input = document.querySelector('#poll input[name="choice"]');
        if (document.getElementById('question')?.textContent === q && input && !input.disabled) {
          requestAnimationFrame(() => {
            window.tappableAt = Date.now();
            resolve();
          });
          return;
        }
        requestAnimationFrame(look);
      };
      look();
    }), question);
    const t0 = Date.now();
    await api('PUT', `/presentations/${made.presentation_id}/polls/current/index`, made.presenter_token, { index: i });
    const t1 = Date.now();
    await seen;
    const { tappableAt, messageAt } = await page.evaluate(() => ({ tappableAt: window.tappableAt, messageAt: window.messageAt }));
    sent.push(tappableAt - t0);
    // The server has changed the slide by the time it answers the PUT;
    // it may have broadcast it a little earlier, so this is the lower bound.
    answered.push(Math.max(0, tappableAt - t1));
    onPhone.push(tappableAt - messageAt);
  }
  const busy = { cpu: cpuSpent(cpu0, cpuSnapshot()), seconds: (Date.now() - t0) / 1000 };
  await ctx.close();
  // What a slide change added to each process over its idle rate.
  const cost = {};
  for (const k of ['renderer', 'gpu-process', 'browser', 'tally']) {
    if (k in busy.cpu) cost[k] = Math.round((busy.cpu[k] - ((idle.cpu[k] || 0) / idle.seconds) * busy.seconds) / SLIDES);
  }
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return { p50: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
  };
  const r = { bytes, files: files.length, sent: stats(sent), answered: stats(answered), onPhone: stats(onPhone), cost };
  console.log(`run ${run}: first load ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB) of gzip JS+CSS in ${files.length} files; `
    + `tappable at 4x CPU throttle over ${SLIDES} slide changes (p50 / max ms): from the PUT sent ${r.sent.p50} / ${r.sent.max}, `
    + `from the PUT answered ${r.answered.p50} / ${r.answered.max}, from the live message ${r.onPhone.p50} / ${r.onPhone.max}; `
    + `CPU µs per slide change: ${Object.entries(cost).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return r;
}

const runs = [];
for (let r = 1; r <= RUNS; r++) runs.push(await once(r));
await browser.close();
const spread = (f) => `${Math.min(...runs.map(f))}–${Math.max(...runs.map(f))}`;
console.log(`spread over ${RUNS} runs: first load ${spread((x) => x.bytes)} bytes (budget ${60 * 1024}); tappable p50 from the PUT answered `
  + `${spread((x) => x.answered.p50)} ms (budget 300), max ${spread((x) => x.answered.max)} ms; from the PUT sent p50 ${spread((x) => x.sent.p50)} ms; `
  + `from the live message p50 ${spread((x) => x.onPhone.p50)} ms, max ${spread((x) => x.onPhone.max)} ms; `
  + `CPU µs per slide change: renderer ${spread((x) => x.cost.renderer)}, tally ${spread((x) => x.cost.tally ?? 0)}`);
const over = runs.some((x) => x.bytes > 60 * 1024 || x.answered.p50 > 300);
console.log(over ? 'OVER BUDGET' : 'within budget');
process.exitCode = over ? 1 : 0;
