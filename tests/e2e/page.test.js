// Browser tests for the memviz page (tests/e2e/run.sh starts the server and runs this file).
//
// playwright-core drives Debian's /usr/bin/chromium against the real server at MEMVIZ_URL.
// Each test drives the page the way a user does (the example menu, the keyboard, the Run
// button) and checks what is drawn against the server's own trace JSON. Screenshots of the key
// states go to MEMVIZ_ARTIFACTS.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const URL = process.env.MEMVIZ_URL || 'http://127.0.0.1:8000';
const ART = process.env.MEMVIZ_ARTIFACTS || join(import.meta.dirname || '.', 'artifacts');
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let profile;
let context;
let page;
const pageErrors = [];

before(async () => {
  mkdirSync(ART, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'memviz-e2e-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 720 },
  });
  page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(15000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

// ------------------------------------------------------------------ helpers

const root = '#memviz';
const data = (name) => page.$eval(root, (el, n) => el.dataset[n], name);

async function shot(name) {
  await page.screenshot({ path: join(ART, `${name}.png`) });
}

/** Wait for a run to be loaded and shown (optionally a different run than `previous`). */
async function waitRun(previous = null) {
  await page.waitForFunction(
    (prev) => {
      const el = document.getElementById('memviz');
      return el.dataset.state === 'ready' && el.dataset.run && el.dataset.run !== prev && el.dataset.step !== undefined;
    },
    previous,
  );
  await settle();
  return data('run');
}

/** Wait until the step's animation is over. */
async function settle() {
  await page.waitForFunction(() => document.getElementById('memviz').dataset.animating === 'false');
}

async function currentStep() {
  return Number(await data('step'));
}

/** Step with the keyboard (→ / ←) until step n is on screen. */
async function stepTo(n) {
  await page.locator('.diagram').focus().catch(() => {});
  for (let guard = 0; guard < 5000; guard++) {
    const s = await currentStep();
    if (s === n) break;
    await page.keyboard.press(s < n ? 'ArrowRight' : 'ArrowLeft');
    await page.waitForFunction((prev) => document.getElementById('memviz').dataset.step !== String(prev), s);
  }
  assert.equal(await currentStep(), n);
  await settle();
}

async function api(path) {
  return page.evaluate(async (p) => {
    const r = await fetch(p);
    return r.json();
  }, path);
}

async function badge(id) {
  return page.$eval(`#obj-${id} .badge .rc`, (t) => t.textContent);
}

/** Load the page if no test did yet (E2E_ONLY runs a test alone). */
async function ensureLoaded() {
  if (page.url().startsWith(URL)) return;
  await page.goto(URL);
  await waitRun();
}

async function pickScenario(id) {
  await ensureLoaded();
  const prev = await data('run');
  await page.selectOption('.scenario-picker', '');
  await page.selectOption('.scenario-picker', id);
  return waitRun(prev);
}

async function runSource(source, maxSteps = null) {
  await ensureLoaded();
  const prev = await data('run');
  if (maxSteps !== null) await page.fill('.max-steps', String(maxSteps));
  await page.fill('.editor-input', source);
  await page.click('.run-btn');
  return waitRun(prev);
}

/** A DOM summary of what the diagram shows: boxes with their badges, frames with their rows. */
async function diagramState() {
  return page.evaluate(() => {
    const svg = document.querySelector('.diagram');
    const boxes = [...svg.querySelectorAll('.layer-nodes > .obj:not(.exiting)')].map((g) => ({
      id: g.id,
      badge: g.querySelector('.badge .rc')?.textContent ?? null,
      cls: [...g.classList].filter((c) => c !== 'selected').sort().join(' '),
      transform: g.style.transform,
      text: g.textContent,
    }));
    const frames = [...svg.querySelectorAll('.layer-frames > .frame:not(.exiting)')].map((g) => g.id + ':' + g.textContent);
    const edges = [...svg.querySelectorAll('.layer-edges > .edge:not(.exiting)')].map((e) => e.id + ' ' + e.getAttribute('d'));
    boxes.sort((a, b) => a.id.localeCompare(b.id));
    edges.sort();
    return { boxes, frames, edges, caption: document.querySelector('.caption').textContent };
  });
}

// ------------------------------------------------------------------ tests

test('the page loads, offers the examples and opens the refcount example', async () => {
  const t0 = Date.now();
  await page.goto(URL);
  const run = await waitRun();
  assert.ok(run, 'a run is open');
  assert.ok(Date.now() - t0 < 10000);
  const options = await page.$$eval('.scenario-picker option', (os) => os.map((o) => o.value));
  assert.ok(options.includes('refcount.py'), 'the refcount example is in the menu');
  assert.ok(options.includes('node_cycle.py'), 'the cycle example is in the menu');
  assert.equal(await page.$eval('.scenario-picker', (s) => s.value), 'refcount.py');
  assert.match(await page.textContent('.step-counter'), /^Step 1 \/ \d+$/);
  assert.match(await page.textContent('.editor-hl'), /sys\.getrefcount\(a\)/);
  // every control has an accessible name
  const unnamed = await page.$$eval('button, select, input, textarea', (els) =>
    els
      .filter((e) => !e.closest('[hidden]'))
      .filter((e) => !(e.getAttribute('aria-label') || e.textContent.trim() || e.closest('label')?.textContent.trim()))
      .map((e) => e.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unnamed, []);
  // everything comes from the server itself
  const external = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((r) => r.name).filter((n) => !n.startsWith(location.origin)),
  );
  assert.deepEqual(external, []);
  await shot('01-loaded');
});

test('refcount example: the list badge reads 2, 3, 2 at the three getrefcount calls', async () => {
  const run = await pickScenario('refcount.py');
  const meta = await api(`/api/runs/${run}`);
  // The calls to sys.getrefcount(a): "call" steps whose value stack holds the list as the
  // argument, right after the getrefcount builtin.
  const last = await api(`/api/runs/${run}/steps/${meta.nsteps - 1}`);
  const listId = last.frames[0].locals.find((v) => v.name === 'a').ref;
  const calls = [];
  for (let i = 0; i < meta.nsteps; i++) {
    if (meta.steps.kind[i] !== 'call') continue;
    const s = await api(`/api/runs/${run}/steps/${i}`);
    const stack = s.frames[s.frames.length - 1].stack;
    const byId = new Map(s.objects.map((o) => [o.id, o]));
    const k = stack.indexOf(listId);
    if (k > 0 && byId.get(stack[k - 1])?.repr === 'getrefcount()') {
      calls.push({ step: i, refcount: byId.get(listId).refcount });
    }
  }
  assert.equal(calls.length, 3, `three getrefcount calls in ${JSON.stringify(meta.steps.kind)}`);
  assert.deepEqual(calls.map((c) => c.refcount), [2, 3, 2], 'the trace itself says 2, 3, 2');

  const names = ['02-refcount-2', '03-refcount-3', '04-refcount-2-again'];
  const places = new Set();
  for (let i = 0; i < calls.length; i++) {
    await stepTo(calls[i].step);
    assert.equal(await badge(listId), String([2, 3, 2][i]), `badge at step ${calls[i].step}`);
    places.add(await page.$eval(`#obj-${listId}`, (el) => `${el.style.left},${el.style.top}`));
    const cap = await page.textContent('.caption');
    assert.match(cap, /the \+1 is the argument on the stack/);
    // the argument is drawn: a dimmed arrow from the value stack to the list
    assert.ok(await page.$(`.edge.temp[id^="edge-f"][id$="-${listId}"]`), 'an arrow from the value stack to the list');
    await shot(names[i]);
  }
  assert.equal(places.size, 1, `the list keeps its place: ${[...places]}`);
  // and the program printed what python3 prints
  await page.keyboard.press('End');
  await page.waitForFunction((n) => document.getElementById('memviz').dataset.step === String(n), meta.nsteps - 1);
  assert.equal(
    await page.textContent('.console'),
    'Reference count of a: 2\nReference count after creating b: 3\nReference count after deleting b: 2\n',
  );
});

test('stepping back restores the previous state, without asking the server', async () => {
  const run = await pickScenario('refcount.py');
  const meta = await api(`/api/runs/${run}`);
  const bLine = meta.source.split('\n').findIndex((l) => l.trim() === 'b = a') + 1;
  const b = meta.steps.line.indexOf(bLine); // the step that runs `b = a`
  assert.ok(bLine > 0 && b > 0);
  await stepTo(b);
  const before = await diagramState();
  await stepTo(b + 1);
  const after = await diagramState();
  assert.notDeepEqual(after, before, 'the step changed something');
  const requests = [];
  const onRequest = (r) => {
    if (/\/api\/runs\/.*\/(steps|diff)/.test(r.url())) requests.push(r.url());
  };
  page.on('request', onRequest);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((n) => document.getElementById('memviz').dataset.step === String(n), b);
  await settle();
  page.off('request', onRequest);
  assert.deepEqual(await diagramState(), before);
  assert.deepEqual(requests, [], 'Back came from the cache');
  await shot('05-back');
});

test('the page applies diffs exactly as the server computes snapshots', async () => {
  const run = await pickScenario('node_cycle.py');
  const mismatches = await page.evaluate(async (id) => {
    const { applyDiff } = await import('/js/store.js');
    const get = async (p) => (await fetch(p)).json();
    const meta = await get(`/api/runs/${id}`);
    const bad = [];
    let snap = await get(`/api/runs/${id}/steps/0`);
    for (let n = 1; n < meta.nsteps; n++) {
      const want = await get(`/api/runs/${id}/steps/${n}`);
      const fwd = applyDiff(snap, await get(`/api/runs/${id}/diff?from=${n - 1}&to=${n}`));
      if (JSON.stringify(fwd) !== JSON.stringify(want)) bad.push(`${n - 1} -> ${n}`);
      const back = applyDiff(want, await get(`/api/runs/${id}/diff?from=${n}&to=${n - 1}`));
      if (JSON.stringify(back) !== JSON.stringify(snap)) bad.push(`${n} -> ${n - 1}`);
      snap = want;
    }
    return bad;
  }, run);
  assert.deepEqual(mismatches, []);
});

test('node cycle: the nodes are greyed before gc.collect() and gone after it', async () => {
  const run = await pickScenario('node_cycle.py');
  const meta = await api(`/api/runs/${run}`);
  const gcStart = meta.steps.gc_phase.findIndex((p) => p !== null);
  assert.ok(gcStart > 0, 'the run has a collection');
  let gcEnd = gcStart;
  while (meta.steps.gc_phase[gcEnd + 1] !== null) gcEnd++;
  const beforeSnap = await api(`/api/runs/${run}/steps/${gcStart - 1}`);
  const nodes = beforeSnap.objects.filter((o) => o.type === 'Node').map((o) => o.id);
  assert.equal(nodes.length, 2);

  // `g` jumps to the next collection
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.getElementById('memviz').dataset.step === '0');
  await page.keyboard.press('g');
  await page.waitForFunction((n) => document.getElementById('memviz').dataset.step === String(n), gcStart);
  await stepTo(gcStart - 1);
  for (const id of nodes) {
    const cls = await page.$eval(`#obj-${id}`, (g) => g.getAttribute('class'));
    assert.match(cls, /\bgarbage\b/, `node ${id} is greyed before the collection`);
    assert.match(await page.textContent(`#obj-${id}`), /kept alive by a cycle/);
  }
  await shot('06-cycle-garbage');

  for (let s = gcStart; s <= gcEnd + 1; s++) {
    await stepTo(s);
    const phase = meta.steps.gc_phase[s];
    assert.match(await page.textContent('.gc-phase-label'), phase ? new RegExp(phase) : /idle/);
    if (phase === 'subtract_refs') {
      for (const id of nodes) assert.ok(await page.$(`#obj-${id} .gcb`), 'gc_refs shown beside the refcount');
      await shot('07-gc-subtract-refs');
    }
    if (phase === 'move_unreachable' && !(await page.$('.gc-phases .done + .now, .now'))) assert.fail('phase strip');
    if (phase === 'move_unreachable' && meta.steps.gc_phase.indexOf('move_unreachable') === s) {
      for (const id of nodes) {
        assert.match(await page.$eval(`#obj-${id}`, (g) => g.getAttribute('class')), /mark-unreachable/);
      }
      await shot('08-gc-move-unreachable');
    }
  }
  for (const id of nodes) assert.equal(await page.$(`#obj-${id}`), null, `node ${id} is gone after the collection`);
  await shot('09-gc-after');
  await page.keyboard.press('End');
  await page.waitForFunction((n) => document.getElementById('memviz').dataset.step === String(n), meta.nsteps - 1);
  assert.equal(await page.textContent('.console'), '2\n');

  // and back before the collection: the garbage is there again
  await stepTo(gcStart - 1);
  for (const id of nodes) assert.match(await page.$eval(`#obj-${id}`, (g) => g.getAttribute('class')), /\bgarbage\b/);
});

test('an infinite loop stops at the step cap and stays steppable', async () => {
  await runSource('x = 0\nwhile True:\n    x = x + 1\n', 300);
  assert.equal(await data('status'), 'stopped');
  const banner = await page.textContent('.banner');
  assert.match(banner, /Stopped after \d+ steps/);
  const n = Number(await data('nsteps'));
  assert.ok(n >= 300 && n < 320, `about 300 steps (${n})`);
  await page.keyboard.press('End');
  await page.waitForFunction((k) => document.getElementById('memviz').dataset.step === String(k), n - 1);
  await settle();
  assert.match(await page.textContent('.caption'), /Stopped/);
  await stepTo(n - 2);
  assert.match(await page.textContent('.layer-frames'), /x/);
  assert.match(await page.textContent('.step-counter'), new RegExp(`Step ${n - 1} / ${n}`));
  await shot('10-infinite-loop');
  await page.fill('.max-steps', '100000');
});

test('a syntax error is shown at its line', async () => {
  await runSource('a = 1\nb = (2,\nc = 3\n');
  assert.equal(await data('status'), 'error');
  assert.deepEqual(await page.$$eval('.editor-gutter .ln.err', (ls) => ls.map((l) => l.textContent)), ['2']);
  assert.match(await page.textContent('.editor-hl .line.err'), /never closed/);
  assert.match(await page.textContent('.banner'), /does not compile/);
  assert.match(await page.textContent('.console'), /SyntaxError/);
  await shot('11-syntax-error');
});

test('a runtime error: the steps up to it stay steppable, the error is at its line', async () => {
  await runSource('a = [1]\nb = a[5]\n');
  assert.equal(await data('status'), 'error');
  const n = Number(await data('nsteps'));
  assert.ok(n > 1);
  await stepTo(n - 1);
  assert.deepEqual(await page.$$eval('.editor-gutter .ln.err', (ls) => ls.map((l) => l.textContent)), ['2']);
  assert.match(await page.textContent('.console'), /IndexError: list index out of range/);
  await stepTo(1);
  assert.equal(await page.$$eval('.editor-gutter .ln.err', (ls) => ls.length), 0);
  assert.ok(await page.$('.layer-nodes .obj'), 'the list is drawn before the error');
  await shot('12-runtime-error');
});

test('inspect: clicking an object shows its details and highlights why it is alive', async () => {
  const run = await runSource('a = [1, 2]\nb = {"k": a}\nc = 3\n');
  const meta = await api(`/api/runs/${run}`);
  await stepTo(meta.nsteps - 1);
  const snap = await api(`/api/runs/${run}/steps/${meta.nsteps - 1}`);
  const list = snap.objects.find((o) => o.type === 'list');
  await page.click(`#obj-${list.id} .box`);
  await page.waitForSelector('.inspector:not([hidden]) .path');
  const text = await page.textContent('.inspector');
  assert.match(text, new RegExp(`refcount${list.refcount}`));
  assert.match(text, /address0x[0-9a-f]+/);
  assert.match(text, /name a in <module>/);
  assert.match(text, /\['k'\] of dict/);
  assert.ok(await page.$(`#obj-${list.id}.on-path`), 'the object is on the highlighted path');
  assert.ok(await page.$('.edge.on-path'), 'an arrow of the path is highlighted');
  await page.waitForTimeout(400); // the view slides the object out from under the panel
  await shot('13-inspect');
  await page.click('.inspector .close');
  assert.equal(await page.$eval('.inspector', (e) => e.hidden), true);
});

test('shared objects inline by default, as boxes on request', async () => {
  await pickScenario('refcount.py');
  await stepTo(2);
  const inlineBoxes = await page.$$eval('.layer-nodes > .obj', (g) => g.length);
  const inlineValues = await page.$$eval('.layer-nodes .val.inline', (ts) => ts.map((t) => t.lastChild.textContent));
  assert.deepEqual(inlineValues.slice(0, 3), ['1', '2', '3'], 'the small ints are written in the list');
  await page.check('.opt-static');
  await settle();
  const boxes = await page.$$eval('.layer-nodes > .obj:not(.exiting)', (g) => g.length);
  assert.ok(boxes > inlineBoxes, `more boxes with shared objects shown (${inlineBoxes} -> ${boxes})`);
  assert.ok(await page.$('.layer-nodes > .obj.static'), 'a shared object is drawn as a box');
  await shot('14-shared-objects');
  await page.uncheck('.opt-static');
  await settle();
});

test('a large heap is collapsed by container and type, and expands on click', async () => {
  await runSource(
    'class PlayerStats:\n    def __init__(self, i):\n        self.score = i * 1000\n\n' +
      'players = [PlayerStats(i) for i in range(600)]\ntotal = 0\n',
    20000,
  );
  await page.keyboard.press('End');
  await page.waitForFunction(() => {
    const el = document.getElementById('memviz');
    return el.dataset.step === String(Number(el.dataset.nsteps) - 1);
  });
  await settle();
  const group = await page.$('.layer-nodes > .obj.group');
  assert.ok(group, 'a group box');
  assert.match(await group.textContent(), /600 PlayerStats/);
  const before = await page.$$eval('.layer-nodes > .obj', (g) => g.length);
  assert.ok(before < 50, `few boxes while collapsed (${before})`);
  await shot('15-large-heap-collapsed');
  await group.click();
  await settle();
  const afterCount = await page.$$eval('.layer-nodes > .obj:not(.exiting)', (g) => g.length);
  assert.ok(afterCount > 600, `expanded: ${afterCount} boxes`);
  await page.fill('.max-steps', '100000');
});

test('controls: play, pause, slider, counter; zoom and pan', async () => {
  const run = await pickScenario('refcount.py');
  const meta = await api(`/api/runs/${run}`);
  await page.selectOption('.ctl-speed', '30');
  const streams = [];
  const onRequest = (r) => {
    if (r.url().includes('/stream?')) streams.push(r.url());
  };
  page.on('request', onRequest);
  await page.click('.ctl-play');
  await page.waitForFunction((n) => document.getElementById('memviz').dataset.step === String(n), meta.nsteps - 1);
  await page.waitForFunction(() => !document.getElementById('memviz').classList.contains('playing'));
  page.off('request', onRequest);
  assert.equal(streams.length, 1, 'play follows the server\'s step stream');
  await page.selectOption('.ctl-speed', '1');
  // the slider
  await page.$eval('.ctl-slider', (s) => {
    s.value = '3';
    s.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(() => document.getElementById('memviz').dataset.step === '3');
  assert.equal(await page.textContent('.step-counter'), `Step 4 / ${meta.nsteps}`);
  // buttons
  await page.click('.ctl-first');
  await page.waitForFunction(() => document.getElementById('memviz').dataset.step === '0');
  assert.equal(await page.$eval('.ctl-back', (b) => b.disabled), true);
  await page.click('.ctl-next');
  await page.waitForFunction(() => document.getElementById('memviz').dataset.step === '1');
  await page.click('.ctl-last');
  await page.waitForFunction((n) => document.getElementById('memviz').dataset.step === String(n), meta.nsteps - 1);
  // zoom and pan change the viewport transform
  const tf = () => page.$eval('.diagram .viewport', (g) => g.style.transform);
  const t0 = await tf();
  await page.click('.zoom-in');
  const t1 = await tf();
  assert.notEqual(t1, t0);
  const box = await page.locator('.diagram').boundingBox();
  await page.mouse.move(box.x + box.width - 40, box.y + box.height - 40);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 140, box.y + box.height - 90, { steps: 5 });
  await page.mouse.up();
  assert.notEqual(await tf(), t1);
  await page.click('.zoom-fit');
});

test('looks: dark and projector themes, 1280x720 to 4K without overflow', async () => {
  await pickScenario('node_cycle.py');
  await stepTo(24);
  await page.selectOption('.theme-picker', 'dark');
  await settle();
  await shot('16-dark');
  await page.selectOption('.theme-picker', 'projector');
  await shot('17-projector');
  await page.selectOption('.theme-picker', 'light');
  for (const [w, h] of [[1280, 720], [1920, 1080], [3840, 2160]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(150);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrollbar at ${w}x${h}`);
    await shot(`18-size-${w}x${h}`);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
});

test('no errors in the page console', () => {
  assert.deepEqual(pageErrors, []);
});
