// Browser tests for the classroom features (tests/e2e/run.sh runs this file after page.test.js):
// the lecture browser, presentation mode, a room followed from a second browser context,
// permalinks and export. Any page error or console error fails the test that caused it.

import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const URL = process.env.MEMVIZ_URL || 'http://127.0.0.1:8000';
const ART = process.env.MEMVIZ_ARTIFACTS || join(import.meta.dirname || '.', 'artifacts');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser;
let context;
let page;
const errors = [];

function watch(p, who) {
  p.setDefaultTimeout(15000);
  p.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${who}: ${m.text()}`);
  });
}

before(async () => {
  mkdirSync(ART, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  page = await context.newPage();
  watch(page, 'presenter');
});

after(async () => {
  await browser?.close();
});

afterEach(() => {
  const seen = errors.splice(0);
  assert.deepEqual(seen, [], 'no page errors and no console errors');
});

// ------------------------------------------------------------------ helpers

const data = (p, name) => p.$eval('#memviz', (el, n) => el.dataset[n], name);

async function waitRun(p, previous = null) {
  await p.waitForFunction((prev) => {
    const el = document.getElementById('memviz');
    return el.dataset.state === 'ready' && el.dataset.run && el.dataset.run !== prev && el.dataset.step !== undefined;
  }, previous);
  await settle(p);
  return data(p, 'run');
}

async function settle(p) {
  await p.waitForFunction(() => document.getElementById('memviz').dataset.animating === 'false');
}

async function ensureLoaded(p = page) {
  if (p.url().startsWith(URL)) return;
  await p.goto(URL);
  await waitRun(p);
}

async function press(p, key) {
  const before = await data(p, 'step');
  await p.keyboard.press(key);
  await p.waitForFunction((prev) => document.getElementById('memviz').dataset.step !== prev, before);
}

async function stepTo(p, n) {
  await p.locator('.diagram').focus().catch(() => {});
  for (let guard = 0; guard < 5000; guard++) {
    const s = Number(await data(p, 'step'));
    if (s === n) break;
    await press(p, s < n ? 'ArrowRight' : 'ArrowLeft');
  }
  assert.equal(Number(await data(p, 'step')), n);
  await settle(p);
}

async function openFromBrowser(p, id) {
  const prev = await data(p, 'run');
  await p.click('.lectures-btn');
  await p.waitForSelector('.lecture-browser:not([hidden])');
  await p.click(`.lb-item[data-id="${id}"]`);
  return waitRun(p, prev);
}

// ------------------------------------------------------------------ tests

test('the lecture browser lists every scenario by section, with its title and summary', async () => {
  await ensureLoaded();
  const scenarios = await page.evaluate(async () => (await (await fetch('/api/scenarios')).json()).scenarios);
  await page.click('.lectures-btn');
  await page.waitForSelector('.lecture-browser:not([hidden])');
  const listed = await page.$$eval('.lb-section', (secs) =>
    secs.map((s) => ({
      section: s.querySelector('h3').textContent,
      items: [...s.querySelectorAll('.lb-item')].map((b) => ({
        id: b.dataset.id,
        title: b.querySelector('.lb-title').textContent,
        summary: b.querySelector('.lb-summary').textContent,
      })),
    })),
  );
  const all = listed.flatMap((s) => s.items.map((i) => ({ ...i, section: s.section })));
  assert.equal(all.length, scenarios.length, 'every scenario is listed once');
  for (const s of scenarios) {
    const item = all.find((i) => i.id === s.id);
    assert.ok(item, `${s.id} is listed`);
    assert.equal(item.title, s.title);
    assert.equal(item.summary, s.summary || '');
    assert.equal(item.section, s.section || 'More examples');
  }
  await page.screenshot({ path: join(ART, 'classroom-01-lectures.png') });
  await page.keyboard.press('Escape');
  assert.equal(await page.$eval('.lecture-browser', (el) => el.hidden), true);
});

test('every scenario opens from the lecture browser at step 0 with its narration and steps to its end', async () => {
  await ensureLoaded();
  const scenarios = await page.evaluate(async () => (await (await fetch('/api/scenarios')).json()).scenarios);
  for (const s of scenarios) {
    await openFromBrowser(page, s.id);
    assert.equal(await data(page, 'step'), '0', `${s.id} opens at step 0`);
    assert.equal(await page.$eval('.scenario-picker', (el) => el.value), s.id);
    const caption = (await page.textContent('.caption')).trim();
    assert.ok(caption.length > 0, `${s.id}: a caption at step 0`);
    const n = Number(await data(page, 'nsteps'));
    // a few steps one by one, then the rest in jumps, then End: every step shown on the way
    await page.locator('.diagram').focus().catch(() => {});
    for (let i = 0; i < Math.min(12, n - 1); i++) await press(page, 'ArrowRight');
    for (const frac of [0.25, 0.5, 0.75]) {
      const k = Math.floor((n - 1) * frac);
      if (k > Number(await data(page, 'step'))) {
        await page.$eval('.ctl-slider', (el, v) => {
          el.value = String(v);
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }, k);
        await page.waitForFunction((v) => document.getElementById('memviz').dataset.step === String(v), k);
      }
    }
    if (Number(await data(page, 'step')) !== n - 1) await press(page, 'End');
    await settle(page);
    assert.equal(Number(await data(page, 'step')), n - 1, `${s.id} reaches its last step`);
    assert.equal(await page.textContent('.step-counter'), `Step ${n} / ${n}`);
    const seen = errors.splice(0);
    assert.deepEqual(seen, [], `${s.id}: no errors`);
  }
});

test('presentation mode: p shows only code, heap and caption in large type, with a pointer halo', async () => {
  await ensureLoaded();
  const themeBefore = await data(page, 'theme');
  await page.locator('.diagram').focus().catch(() => {});
  await page.keyboard.press('p');
  await page.waitForFunction(() => document.getElementById('memviz').dataset.presenting === 'true');
  const vis = await page.evaluate(() => {
    const shown = (sel) => {
      const el = document.querySelector(sel);
      return !!el && el.getClientRects().length > 0 && getComputedStyle(el).display !== 'none';
    };
    return {
      code: shown('.code-pane'),
      heap: shown('.heap-pane'),
      caption: shown('.caption-pane'),
      top: shown('.topbar'),
      console: shown('.console-pane'),
      gc: shown('.gc-pane'),
      player: shown('.player'),
    };
  });
  assert.deepEqual(vis, { code: true, heap: true, caption: true, top: false, console: false, gc: false, player: false });
  assert.equal(await data(page, 'theme'), 'projector');
  const size = await page.$eval('.editor-hl', (el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 20, `large code type (${size}px)`);
  // arrows are thick
  const stroke = await page.$eval('.layer-edges .edge', (el) => parseFloat(getComputedStyle(el).strokeWidth)).catch(() => 3);
  assert.ok(stroke >= 3, `thick arrows (${stroke})`);
  // the halo follows the pointer
  await page.mouse.move(400, 300);
  await page.mouse.move(420, 310);
  await page.waitForFunction(() => /420px, 310px/.test(document.querySelector('.pointer-halo').style.transform));
  const halo = await page.$eval('.pointer-halo', (el) => {
    const r = el.getBoundingClientRect();
    return { hidden: el.hidden, cx: r.left + r.width / 2, cy: r.top + r.height / 2 };
  });
  assert.equal(halo.hidden, false);
  assert.ok(Math.abs(halo.cx - 420) < 4 && Math.abs(halo.cy - 310) < 4, `halo at the pointer (${halo.cx}, ${halo.cy})`);
  // stepping still works with the keyboard
  const s0 = Number(await data(page, 'step'));
  await press(page, s0 > 0 ? 'ArrowLeft' : 'ArrowRight');
  await settle(page);
  await page.screenshot({ path: join(ART, 'classroom-02-presenting.png') });
  await page.keyboard.press('p');
  await page.waitForFunction(() => document.getElementById('memviz').dataset.presenting === 'false');
  assert.equal(await data(page, 'theme'), themeBefore);
  assert.equal(await page.$eval('.pointer-halo', (el) => el.hidden), true);
  assert.ok(await page.isVisible('.console-pane'));
  // and the button does the same
  await page.click('.present-btn');
  await page.waitForFunction(() => document.getElementById('memviz').dataset.presenting === 'true');
  await page.click('.present-exit');
  await page.waitForFunction(() => document.getElementById('memviz').dataset.presenting === 'false');
});

test('a second browser follows the presenter live, detaches and re-attaches', async () => {
  await ensureLoaded();
  await openFromBrowser(page, 'node_cycle.py');
  await stepTo(page, 2);
  await page.click('.room-btn');
  await page.waitForSelector('.room-dialog:not([hidden]) .room-code');
  const code = (await page.textContent('.room-code')).trim();
  assert.match(code, /^[A-HJ-NP-Z2-9]{6}$/);
  assert.equal(await page.textContent('.room-url'), `${URL}/?room=${code}`);
  assert.ok(await page.$('.rd-qr svg path'), 'a QR code is drawn');
  await page.screenshot({ path: join(ART, 'classroom-03-room.png') });
  await page.click('.rd-close');

  const student = await browser.newContext({ viewport: { width: 1100, height: 700 } });
  const sp = await student.newPage();
  watch(sp, 'student');
  try {
    await sp.goto(`${URL}/?room=${code}`);
    await sp.waitForFunction(() => document.getElementById('memviz').dataset.follow === 'attached');
    const presenterRun = await data(page, 'run');
    await sp.waitForFunction((run) => {
      const el = document.getElementById('memviz');
      return el.dataset.run === run && el.dataset.step === '2';
    }, presenterRun);
    const same = async () => {
      const want = await page.textContent('.step-counter');
      await sp.waitForFunction((w) => document.querySelector('.step-counter').textContent === w, want);
      assert.equal(await sp.textContent('.step-counter'), want);
    };
    await same();
    // the presenter steps: the student follows every move
    await page.locator('.diagram').focus().catch(() => {});
    for (let i = 0; i < 4; i++) {
      await press(page, 'ArrowRight');
      await same();
    }
    await press(page, 'ArrowLeft');
    await same();
    await press(page, 'End');
    await same();
    await settle(sp);
    assert.equal(await sp.$eval('.scenario-picker', (el) => el.value), 'node_cycle.py', 'the student sees the scenario (and its narration)');
    await sp.screenshot({ path: join(ART, 'classroom-04-student.png') });
    // detach: the student explores, the presenter moves on, the student stays
    await sp.click('.follow-detach');
    await sp.waitForFunction(() => document.getElementById('memviz').dataset.follow === 'detached');
    await sp.locator('.diagram').focus().catch(() => {});
    await press(sp, 'Home');
    await press(page, 'Home');
    await press(page, 'ArrowRight');
    await page.waitForFunction(() => document.getElementById('memviz').dataset.roomStep === '1');
    await sp.waitForFunction(() => /step 2\./.test(document.querySelector('.follow-bar').textContent));
    assert.equal(await data(sp, 'step'), '0', 'a detached student stays where they are');
    // re-attach: back to the presenter's step
    await sp.click('.follow-attach');
    await sp.waitForFunction(() => document.getElementById('memviz').dataset.follow === 'attached');
    await same();
    assert.equal(await data(sp, 'step'), '1');
    // stepping on one's own detaches
    await sp.locator('.diagram').focus().catch(() => {});
    await press(sp, 'ArrowRight');
    await sp.waitForFunction(() => document.getElementById('memviz').dataset.follow === 'detached');
    const room = await page.evaluate(async (c) => (await fetch(`/api/rooms/${c}`)).json(), code);
    assert.equal(room.followers, 1);
  } finally {
    await student.close();
  }
  await page.click('.room-btn');
  await page.click('.rd-stop');
  assert.equal(await data(page, 'room'), undefined);
});

test('a permalink reopens the same scenario and step, and the same code and step', async () => {
  await ensureLoaded();
  await openFromBrowser(page, 'refcount.py');
  await stepTo(page, 5);
  await page.click('.copy-link-btn');
  const link = await data(page, 'lastLink');
  assert.equal(link, `${URL}/#scenario=refcount.py&step=5`);
  const other = await context.newPage();
  watch(other, 'permalink');
  try {
    await other.goto(link);
    await waitRun(other);
    assert.equal(await data(other, 'step'), '5');
    assert.equal(await other.$eval('.scenario-picker', (el) => el.value), 'refcount.py');
    assert.equal(await other.textContent('.step-counter'), await page.textContent('.step-counter'));

    // the user's own program travels in the link
    const source = 'a = [1, 2]\nb = a\nc = "héllo ✓"\ndel a\nprint(b, c)\n';
    const prev = await data(page, 'run');
    await page.fill('.editor-input', source);
    await page.click('.run-btn');
    await waitRun(page, prev);
    await stepTo(page, 3);
    await page.click('.copy-link-btn');
    const link2 = await data(page, 'lastLink');
    assert.match(link2, /#code=[A-Za-z0-9_-]+&step=3$/);
    await other.goto('about:blank');
    await other.goto(link2);
    await waitRun(other);
    assert.equal(await data(other, 'step'), '3');
    assert.equal(await other.inputValue('.editor-input'), source);
    assert.equal(await other.textContent('.step-counter'), await page.textContent('.step-counter'));
  } finally {
    await other.close();
  }
});

test('export: the heap diagram of the step as SVG and PNG', async () => {
  await ensureLoaded();
  await openFromBrowser(page, 'node_cycle.py');
  await stepTo(page, 8);
  const [svgDl] = await Promise.all([page.waitForEvent('download'), page.click('.export-svg-btn')]);
  assert.match(svgDl.suggestedFilename(), /^node_cycle-step9\.svg$/);
  const svg = readFileSync(await svgDl.path(), 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /<\/svg>$/);
  const boxes = await page.$$eval('.layer-nodes > .obj:not(.exiting)', (els) => els.length);
  assert.ok(boxes > 0);
  // the SVG parses, and has a box per box on screen
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: !!doc.querySelector('parsererror'), groups: doc.querySelectorAll('svg > g').length, paths: doc.querySelectorAll('path[marker-end]').length };
  }, svg);
  assert.equal(parsed.error, false);
  assert.ok(parsed.groups >= boxes, `${parsed.groups} groups for ${boxes} boxes`);
  const [pngDl] = await Promise.all([page.waitForEvent('download'), page.click('.export-png-btn')]);
  assert.match(pngDl.suggestedFilename(), /\.png$/);
  const png = readFileSync(await pngDl.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  const width = png.readUInt32BE(16);
  assert.ok(width > 300, `a PNG ${width} px wide`);
});
