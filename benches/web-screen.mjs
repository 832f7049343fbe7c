// The big screen's frame gaps at ten result updates a second, in Debian's
// Chromium: the p95 gap between requestAnimationFrame callbacks while idle
// (the baseline, same page, same run), then while votes arrive at 40 a
// second for 6 s (the ticker sends a results update every 100 ms), with
// the screen's motion on (bars grow, numbers count up) and again with
// prefers-reduced-motion. Target: with motion, p95 at most 1.1x idle.
// NO_TRANSITIONS=1 turns the bars' CSS transitions off (a diagnosis: how
// much of the cost is theirs).
// Beside the frame gaps, the cost: CPU µs per results update per process
// (Chromium's renderer, browser and GPU processes; Tally), from
// /proc/<pid>/stat over the idle window (the baseline, in µs per second)
// and over the update window (µs per update the page received, with the
// idle rate subtracted: what an update adds).
// Run against a Tally already serving on TALLY_URL:
//   node benches/web-screen.mjs            (every CPU)
//   taskset -c 0 node benches/web-screen.mjs   (Chromium pinned to one CPU)
import { context, api, sleep, browser } from '../crates/tally-web/e2e/harness.mjs';
import { cpuSnapshot, cpuSpent, tallyFound } from './proc-cpu.mjs';

const RUNS = Number(process.env.RUNS || 3);
const cid = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const options = Array.from({ length: 8 }, (_, i) => ({ key: `K${i}`, value: `Option ${i + 1}` }));
let voter = 0;

const gaps = () => {
  window.__frames = [];
  window.__long = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask' });
  let last = performance.now();
  const loop = (t) => {
    window.__frames.push(t - last);
    last = t;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
};
const take = () => {
  const f = window.__frames.slice(1).sort((a, b) => a - b);
  const out = { frames: f.length, p95: f[Math.floor(f.length * 0.95)], max: f[f.length - 1], long: window.__long.length };
  window.__frames = [];
  window.__long = [];
  return out;
};

async function measure(reducedMotion) {
  const made = (await api('POST', '/presentations', null, { polls: [{ question: 'Which option?', options }] })).body;
  const ctx = await context({ viewport: { width: 1920, height: 1080 }, reducedMotion });
  await ctx.addInitScript(([id, t]) => location.protocol !== 'about:' && localStorage.setItem(`tally.token.${id}`, JSON.stringify(t)), [made.presentation_id, made.presenter_token]);
  const page = await ctx.newPage();
  // Results updates the screen draws: the results messages on its
  // presenter socket (the audience socket's copies it ignores).
  let updates = 0;
  page.on('websocket', (ws) => ws.url().includes('/live/presenter') && ws.on('framereceived', (f) => {
    try {
      if (JSON.parse(String(f.payload)).type === 'results') updates++;
    } catch {
      // not JSON: not an update
    }
  }));
  await page.goto(`/screen/${made.presentation_id}`);
  await page.waitForSelector('#join-code');
  const pollId = (await api('GET', `/presentations/${made.presentation_id}`)).body.polls[0].poll_id;
  await api('POST', `/presentations/${made.presentation_id}/polls/current/results/show`, made.presenter_token);
  await page.waitForSelector('#chart .bars li');
  await sleep(1500);
  if (process.env.NO_TRANSITIONS) await page.evaluate(() => document.querySelectorAll('.bar-fill').forEach((b) => { b.style.transition = 'none'; }));
  await page.evaluate(gaps);
  let cpu0 = cpuSnapshot();
  let t0 = Date.now();
  await sleep(4000);
  const idle = await page.evaluate(take);
  idle.cpu = cpuSpent(cpu0, cpuSnapshot());
  idle.seconds = (Date.now() - t0) / 1000;
  cpu0 = cpuSnapshot();
  t0 = Date.now();
  const before = updates;
  const end = Date.now() + 6000;
  let sent = 0;
  while (Date.now() < end) {
    api('POST', `/presentations/${made.presentation_id}/polls/current/votes`, null, { key: options[(voter * 7) % 8].key, client_id: cid(voter++), poll_id: pollId });
    sent++;
    await sleep(25);
  }
  await sleep(300);
  const busy = await page.evaluate(take);
  busy.cpu = cpuSpent(cpu0, cpuSnapshot());
  busy.seconds = (Date.now() - t0) / 1000;
  busy.updates = updates - before;
  await ctx.close();
  return { idle, busy, sent };
}

// µs per update each process added over its idle rate, and the idle rate.
// (Processes that do almost nothing can come out a little below zero: the
// idle rate is itself a sample.)
const perUpdate = (idle, busy) => ['renderer', 'gpu-process', 'browser', 'utility', 'tally'].filter((k) => k in busy.cpu).map((k) => {
  const idleRate = (idle.cpu[k] || 0) / idle.seconds;
  const added = (busy.cpu[k] - idleRate * busy.seconds) / busy.updates;
  return `${k} ${Math.round(added)} µs/update (idle ${Math.round(idleRate / 1000)} ms/s)`;
}).join(', ');
const fmt = (m) => `${m.frames} frames, p95 ${m.p95.toFixed(1)} ms, max ${m.max.toFixed(1)} ms, ${m.long} long tasks`;
for (let run = 1; run <= RUNS; run++) {
  const motion = await measure('no-preference');
  const still = await measure('reduce');
  console.log(`run ${run}: motion: idle ${fmt(motion.idle)}; updates ${fmt(motion.busy)} (${motion.sent} votes); ratio ${(motion.busy.p95 / motion.idle.p95).toFixed(2)}`);
  console.log(`run ${run}: reduced motion: idle ${fmt(still.idle)}; updates ${fmt(still.busy)}; ratio ${(still.busy.p95 / still.idle.p95).toFixed(2)}`);
  console.log(`run ${run}: CPU, motion (${motion.busy.updates} updates in ${motion.busy.seconds.toFixed(1)} s): ${perUpdate(motion.idle, motion.busy)}`);
  console.log(`run ${run}: CPU, reduced motion (${still.busy.updates} updates): ${perUpdate(still.idle, still.busy)}`);
}
if (!tallyFound) console.log('(Tally\'s process was not found: set TALLY_PID to include it)');
await browser.close();
