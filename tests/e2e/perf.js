// Render benchmark for the memviz page (figures, never a timed assertion).
//
//   bash tests/e2e/run.sh build/memviz perf   installs chromium / playwright-core if missing,
//                                             starts the server, runs this (what `make bench` runs)
//   node tests/e2e/perf.js BINARY             starts BINARY serve on a free loopback port itself
//   MEMVIZ_URL=http://... node tests/e2e/perf.js   uses a running server
//
// Measures, in headless Debian chromium at 1280x720:
//   - first paint (first-contentful-paint) and the first diagram (the first step drawn);
//   - time per step render with ~300 visible objects: the synchronous work from "the step's
//     snapshot is available" to "the SVG and every panel are updated" (layout + reconcile +
//     panels), recorded by the page as performance measures named "memviz-step"; stepping
//     forward, back, and a cold jump across the whole run;
//   - the animation frame rate while steps animate (requestAnimationFrame intervals).
// Targets (issue 6): a step renders in < 16 ms, animations at 60 fps, first paint < 500 ms.
// "ok" compares the p95 of the script's work, and the median once the browser's style, layout
// and paint of that frame are added (a few frames also carry animation work and GC).

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const STEPS_MEASURED = 60;

// ~300 visible objects: 100 Points, each with a list and a (non-shared) int.
const PROGRAM = `class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

pts = []
for i in range(100):
    pts.append(Point(i * 1000 + 1000, [i]))
n = 0
for p in pts:
    n = n + 1
    p.y.append(n)
`;

async function startServer(bin) {
  const proc = spawn(bin, ['serve', '--host', '127.0.0.1', '--port', '0', '--static', 'static', '--scenarios', 'scenarios', '-q'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 10000);
    proc.stderr.on('data', (d) => {
      err += d;
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
  return { url, stop: () => proc.kill('SIGTERM') };
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: q(0.5), p95: q(0.95), max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
};
const ms = (x) => `${x.toFixed(1)} ms`;

async function main() {
  let server = null;
  let url = process.env.MEMVIZ_URL;
  if (!url) {
    const bin = process.argv[2];
    if (!bin) {
      console.error('usage: node tests/e2e/perf.js BINARY   (or MEMVIZ_URL=... node tests/e2e/perf.js)');
      process.exit(2);
    }
    server = await startServer(bin);
    url = server.url;
  }
  const profile = mkdtempSync(join(tmpdir(), 'memviz-perf-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 720 },
  });
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(30000);
  const rootData = (n) => page.$eval('#memviz', (el, k) => el.dataset[k], n);
  const waitStep = (n) => page.waitForFunction((k) => document.getElementById('memviz').dataset.step === String(k), n);
  const settle = () => page.waitForFunction(() => document.getElementById('memviz').dataset.animating === 'false');
  const clearMeasures = () => page.evaluate(() => {
    performance.clearMeasures('memviz-step');
    performance.clearMeasures('memviz-step-frame');
  });
  const measures = (name = 'memviz-step') => page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);

  try {
    // ---- first paint
    const loads = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${url}/?nocache=${i}`);
      await page.waitForFunction(() => performance.getEntriesByName('memviz-step').length > 0);
      loads.push(await page.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const first = performance.getEntriesByName('memviz-step')[0];
        return { fcp: fcp ? fcp.startTime : NaN, diagram: first.startTime + first.duration };
      }));
    }
    await settle();

    // ---- the 300-object run
    const prev = await rootData('run');
    await page.fill('.max-steps', '20000');
    await page.fill('.editor-input', PROGRAM);
    await page.click('.run-btn');
    await page.waitForFunction((p) => {
      const el = document.getElementById('memviz');
      return el.dataset.state === 'ready' && el.dataset.run && el.dataset.run !== p;
    }, prev);
    const nsteps = Number(await rootData('nsteps'));
    const run = await rootData('run');
    const meta = await page.evaluate(async (id) => (await fetch(`/api/runs/${id}`)).json(), run);
    // the first step of the second loop: everything exists from there on
    const loop2 = meta.steps.line.findIndex((l, i) => l === 11 && meta.steps.objects[i] >= 300);
    const start = loop2 > 0 ? loop2 : Math.max(0, nsteps - STEPS_MEASURED - 2);

    // cold jump to the start (a snapshot fetched and drawn from nothing)
    await clearMeasures();
    await page.$eval('.ctl-slider', (s, v) => {
      s.value = String(v);
      s.dispatchEvent(new Event('input', { bubbles: true }));
    }, start);
    await waitStep(start);
    await settle();
    const cold = (await measures()).pop();
    const coldFrame = (await measures('memviz-step-frame')).pop();
    const boxes = await page.$$eval('.layer-nodes > .obj', (g) => g.length);
    const edges = await page.$$eval('.layer-edges > .edge', (g) => g.length);

    // forward steps (animated), with the frame rate sampled during the animations
    await page.evaluate(() => {
      const w = { frames: [], on: true };
      const tick = (t) => {
        w.frames.push(t);
        if (w.on) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      document.getElementById('memviz').perfFrames = w;
    });
    await clearMeasures();
    const t0 = Date.now();
    const count = Math.min(STEPS_MEASURED, nsteps - 1 - start);
    for (let i = 1; i <= count; i++) {
      await page.keyboard.press('ArrowRight');
      await waitStep(start + i);
      await page.waitForTimeout(250); // let part of each animation play
    }
    await settle();
    const forward = await measures();
    const forwardFrame = await measures('memviz-step-frame');
    const frames = await page.evaluate(() => {
      const w = document.getElementById('memviz').perfFrames;
      w.on = false;
      return w.frames;
    });
    const elapsed = (Date.now() - t0) / 1000;
    const intervals = frames.slice(1).map((t, i) => t - frames[i]);
    const fps = (frames.length - 1) / ((frames[frames.length - 1] - frames[0]) / 1000);

    // back steps (from the cache)
    await clearMeasures();
    for (let i = 1; i <= Math.min(30, count); i++) {
      await page.keyboard.press('ArrowLeft');
      await waitStep(start + count - i);
    }
    await settle();
    await page.waitForTimeout(100);
    const back = await measures();
    const backFrame = await measures('memviz-step-frame');

    const f = stats(forward);
    const b = stats(back);
    const ff = stats(forwardFrame);
    const bf = stats(backFrame);
    const fi = stats(intervals);
    const firstPaint = stats(loads.map((l) => l.fcp));
    const firstDiagram = stats(loads.map((l) => l.diagram));
    const line = (name, value, target, ok) => console.log(`${name.padEnd(38)} ${value.padEnd(34)} ${target.padEnd(12)} ${ok ? 'ok' : 'MISSED'}`);
    console.log(`memviz render benchmark: headless chromium 1280x720, ${url}`);
    console.log(`run: ${nsteps} steps; measured from step ${start}: ${boxes} boxes and ${edges} arrows on screen (${meta.steps.objects[start]} live objects)`);
    console.log(`${'figure'.padEnd(38)} ${'value'.padEnd(34)} ${'target'.padEnd(12)}`);
    line('first paint (first-contentful-paint)', `median ${ms(firstPaint.median)}, max ${ms(firstPaint.max)}`, '< 500 ms', firstPaint.max < 500);
    line('first diagram drawn', `median ${ms(firstDiagram.median)}, max ${ms(firstDiagram.max)}`, '< 500 ms', firstDiagram.max < 500);
    line(`step render, forward (${f.n} steps)`, `median ${ms(f.median)}, p95 ${ms(f.p95)}, max ${ms(f.max)}`, '< 16 ms', f.p95 < 16);
    line(`step render, back (${b.n} steps)`, `median ${ms(b.median)}, p95 ${ms(b.p95)}, max ${ms(b.max)}`, '< 16 ms', b.p95 < 16);
    line(`  + style/layout/paint, forward`, `median ${ms(ff.median)}, p95 ${ms(ff.p95)}, max ${ms(ff.max)}`, '< 16 ms', ff.median < 16);
    line(`  + style/layout/paint, back`, `median ${ms(bf.median)}, p95 ${ms(bf.p95)}, max ${ms(bf.max)}`, '< 16 ms', bf.median < 16);
    console.log(`${'cold jump (every box drawn anew)'.padEnd(38)} ${`${ms(cold)}; to the frame ${ms(coldFrame)}`.padEnd(34)} (a jump, not a step)`);
    line(`animation frame rate (${elapsed.toFixed(1)} s)`, `${fps.toFixed(1)} fps, p95 frame ${ms(fi.p95)}, max ${ms(fi.max)}`, '60 fps', fps >= 55);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    server?.stop();
  }
}

main().catch((e) => {
  console.error(`perf: ${e.stack || e.message}`);
  process.exit(1);
});
