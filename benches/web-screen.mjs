// The big screen's frame gaps at ten result updates a second, in Debian's
// Chromium: the p95 gap between requestAnimationFrame callbacks while idle
// (the baseline, same page, same run), then while votes arrive at 40 a
// second for 6 s (the ticker sends a results update every 100 ms), with
// the screen's motion on (bars grow, numbers count up) and again with
// prefers-reduced-motion. Target: with motion, p95 at most 1.1x idle.
// NO_TRANSITIONS=1 turns the bars' CSS transitions off (a diagnosis: how
// much of the cost is theirs).
// Run against a Tally already serving on TALLY_URL:
//   node benches/web-screen.mjs            (every CPU)
//   taskset -c 0 node benches/web-screen.mjs   (Chromium pinned to one CPU)
import { context, api, sleep, browser } from '../crates/tally-web/e2e/harness.mjs';

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
  await page.goto(`/screen/${made.presentation_id}`);
  await page.waitForSelector('#join-code');
  const pollId = (await api('GET', `/presentations/${made.presentation_id}`)).body.polls[0].poll_id;
  await api('POST', `/presentations/${made.presentation_id}/polls/current/results/show`, made.presenter_token);
  await page.waitForSelector('#chart .bars li');
  await sleep(1500);
  if (process.env.NO_TRANSITIONS) await page.evaluate(() => document.querySelectorAll('.bar-fill').forEach((b) => { b.style.transition = 'none'; }));
  await page.evaluate(gaps);
  await sleep(4000);
  const idle = await page.evaluate(take);
  const end = Date.now() + 6000;
  let sent = 0;
  while (Date.now() < end) {
    api('POST', `/presentations/${made.presentation_id}/polls/current/votes`, null, { key: options[(voter * 7) % 8].key, client_id: cid(voter++), poll_id: pollId });
    sent++;
    await sleep(25);
  }
  await sleep(300);
  const busy = await page.evaluate(take);
  await ctx.close();
  return { idle, busy, sent };
}

const fmt = (m) => `${m.frames} frames, p95 ${m.p95.toFixed(1)} ms, max ${m.max.toFixed(1)} ms, ${m.long} long tasks`;
for (let run = 1; run <= RUNS; run++) {
  const motion = await measure('no-preference');
  const still = await measure('reduce');
  console.log(`run ${run}: motion: idle ${fmt(motion.idle)}; updates ${fmt(motion.busy)} (${motion.sent} votes); ratio ${(motion.busy.p95 / motion.idle.p95).toFixed(2)}`);
  console.log(`run ${run}: reduced motion: idle ${fmt(still.idle)}; updates ${fmt(still.busy)}; ratio ${(still.busy.p95 / still.idle.p95).toFixed(2)}`);
}
await browser.close();
