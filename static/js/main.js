// main.js: wires the modules together for one app root. No globals: everything hangs off the
// closure of start(root), and every DOM query is scoped to `root`.
//
// The flow: controls / timeline / keyboard -> store.go(n) -> store emits 'step' ->
// layout(snapshot, layout on screen) -> render() reconciles the SVG -> animate() plays the
// step's events -> the panels (caption, console, GC, inspector, code marks, timeline) follow.
//
// For tests and benchmarks the root carries data attributes: data-state (loading | running |
// ready | error), data-run, data-step, data-animating, and every step render is recorded as
// performance measures: "memviz-step" (the script's work) and "memviz-step-frame" (until the
// frame showing it has been drawn).

import { createApi } from './api.js';
import { createStore } from './store.js';
import { layout } from './layout.js';
import { createRenderer } from './render.js';
import { createAnimator, STEP_MS } from './animate.js';
import { createControls } from './controls.js';
import { createEditor } from './editor.js';
import { createTimeline } from './timeline.js';
import { caption, collectionAround } from './narrate.js';
import { createConsole, createGcPanel, createInspector, LEGEND_HTML, bannerFor } from './panels.js';
import { fmtBytes } from './layout.js';
import { createClassroom } from './classroom.js';
import { makeHash, parseHash } from './share.js';

const DEFAULT_SCENARIO = 'refcount.py';
const THEME_KEY = 'memviz-theme';

/** The example menu, grouped by lecture section (the tutorial's sections in its own order). */
function fillPicker(picker, scenarios) {
  const TUTORIAL_ORDER = ['Architecture', 'Reference', 'Garbage', 'Best'];
  const rank = (section) => {
    if (!section) return [2, ''];
    if (section.startsWith('Tutorial')) {
      const i = TUTORIAL_ORDER.findIndex((k) => section.includes(k));
      return [0, String(i < 0 ? 9 : i)];
    }
    return [1, section];
  };
  const sections = new Map();
  for (const s of scenarios) {
    const key = s.section || 'More examples';
    if (!sections.has(key)) sections.set(key, []);
    sections.get(key).push(s);
  }
  const ordered = [...sections].sort((a, b) => {
    const ra = rank(a[1][0].section);
    const rb = rank(b[1][0].section);
    return ra[0] - rb[0] || ra[1].localeCompare(rb[1], 'en', { numeric: true });
  });
  for (const [name, list] of ordered) {
    const group = document.createElement('optgroup');
    group.label = name;
    for (const s of list) {
      const o = document.createElement('option');
      o.value = s.id;
      o.textContent = s.title;
      if (s.summary) o.title = s.summary;
      group.appendChild(o);
    }
    picker.appendChild(group);
  }
}

function start(root) {
  const q = (sel) => root.querySelector(sel);
  const api = createApi('');
  const store = createStore(api);
  const opts = { showStatic: false, showInternals: false, expanded: new Set() };
  let scenarios = [];
  let scenario = null; // the scenario of the open run
  let notes = new Map();
  let lines = [];
  let lay = null; // the layout on screen
  let shown = null; // the snapshot on screen
  let autoFit = true;
  let selected = null; // selected object id
  let retainerSeq = 0;
  let retainerTimer = 0;
  let hashTimer = 0;
  let measured = 0;

  // ---- modules
  const renderer = createRenderer(q('.diagram'), {
    onSelect: (key) => select(key && key.startsWith('obj-') ? Number(key.slice(4)) : null),
    onToggleGroup: (key) => {
      opts.expanded.add(key);
      redraw();
    },
    onViewChange: () => (autoFit = false),
    onResize: () => {
      if (autoFit && lay) renderer.setView(renderer.fitView(lay.bounds));
    },
  });
  const animator = createAnimator(renderer);
  animator.onIdle = () => (root.dataset.animating = 'false');
  const editor = createEditor(q('.code-pane'), {
    onRun: () => runEditor(),
    onEdit: (dirty) => {
      const st = q('.code-status');
      st.textContent = dirty ? 'edited: press Run to trace it' : '';
      st.classList.toggle('dirty', dirty);
    },
  });
  const timeline = createTimeline(q('.timeline'), q('.timeline-tip'), {
    onJump: (n) => {
      store.stop();
      store.go(n);
    },
  });
  const zoom = (f) => {
    if (f === 0) {
      autoFit = true;
      if (lay) renderer.moveView(renderer.fitView(lay.bounds));
    } else {
      autoFit = false;
      renderer.zoomBy(f);
    }
  };
  createControls(root, store, { onZoom: zoom });
  const consolePanel = createConsole(q('.console'));
  const gcPanel = createGcPanel(q('.gc-body'), q('.gc-phase-label'));
  const inspector = createInspector(q('.inspector'), {
    onClose: () => select(null),
    onSelect: (id) => select(id),
  });
  const banner = q('.banner');
  const legend = q('.legend');
  legend.innerHTML = LEGEND_HTML;

  // ---- stepping
  store.on('step', ({ snap, prev, from, to }) => {
    const t0 = performance.now();
    const forward = from >= 0 && to === from + 1 && !!shown;
    const kept = layout(snap, lay, opts);
    lay = kept;
    if (Math.abs(to - from) > 1) {
      // A jump: objects keep their place unless that leaves the drawing much bigger than a
      // fresh layout (the gaps of everything freed in between).
      const fresh = layout(snap, null, opts);
      const area = (b) => (b.x1 - b.x0) * (b.y1 - b.y0);
      if (area(fresh.bounds) < 0.6 * area(kept.bounds)) lay = fresh;
    }
    const t1 = performance.now();
    const changes = renderer.render(lay);
    const t2 = performance.now();
    performance.measure('memviz-layout', { start: t0, end: t1 });
    performance.measure('memviz-render', { start: t1, end: t2 });
    if (autoFit && !renderer.contains(lay.bounds)) {
      const v = renderer.fitView(lay.bounds);
      const cur = renderer.view;
      const same = Math.abs(v.k - cur.k) < 0.005 && Math.abs(v.x - cur.x) < 1 && Math.abs(v.y - cur.y) < 1;
      if (!same) {
        if (shown) renderer.moveView(v);
        else renderer.setView(v);
      }
    }
    const budget = store.playing ? Math.min(STEP_MS, (1000 / Math.max(0.1, store.speed)) * 0.85) : STEP_MS;
    root.dataset.step = String(to);
    animator.play({ changes, snap, prev: prev || shown, lay, forward, budget });
    root.dataset.animating = 'true';
    const before = shown;
    shown = snap;
    updatePanels(snap, before);
    const t3 = performance.now();
    if (++measured > 2000) {
      // the timeline keeps every entry: drop the old ones now and then
      measured = 0;
      for (const m of ['memviz-layout', 'memviz-render', 'memviz-step', 'memviz-step-frame']) performance.clearMeasures(m);
    }
    performance.measure('memviz-step', { start: t0, end: t3 });
    // plus the browser's work for the frame that shows it (style, layout, paint): from the
    // start of the next frame to the first task after it, not counting the wait for vsync
    requestAnimationFrame(() => {
      const f0 = performance.now();
      setTimeout(() => performance.measure('memviz-step-frame', { start: t0, duration: t3 - t0 + performance.now() - f0 }), 0);
    });
  });

  function updatePanels(snap, before) {
    const run = store.run;
    const meta = run.meta;
    const n = snap.step;
    q('.caption').innerHTML = caption(snap, { prev: before, lines, notes, meta });
    consolePanel.render(snap, meta);
    gcPanel.select(selected);
    gcPanel.render(snap, collectionAround(meta, n));
    timeline.setCursor(n);
    const nextLine = n + 1 < meta.nsteps ? meta.steps.line[n + 1] : 0;
    const err = errorMark(meta);
    editor.setMarks({
      cur: snap.line,
      next: nextLine !== snap.line ? nextLine : 0,
      err: err && (n === meta.nsteps - 1 || meta.nsteps === 1) ? err : null,
    });
    const c = lay.counts;
    q('.heap-summary').textContent =
      `${c.objects} objects · ${fmtBytes(snap.memory.bytes)}` +
      (c.inline ? ` · ${c.inline} shared shown inline` : '') +
      (c.internal ? ` · ${c.internal} class internals hidden` : '') +
      (c.grouped ? ` · ${c.grouped} collapsed` : '');
    if (selected !== null) {
      // details now, the retainer path once stepping pauses (no request per step while playing)
      inspector.show(snap, selected, null);
      clearTimeout(retainerTimer);
      retainerTimer = setTimeout(showSelection, store.playing ? 600 : 120);
    }
    scheduleHash();
  }

  function errorMark(meta) {
    if (meta.status !== 'error' || !meta.error) return null;
    const last = meta.nsteps - 1;
    const line = meta.steps.line[last];
    if (!line || line > lines.length) return null;
    return { line, message: meta.error.trim().split('\n').pop() };
  }

  /** Re-layout the current step without its events (options changed, group expanded). */
  function redraw() {
    if (!shown) return;
    lay = layout(shown, lay, opts);
    const changes = renderer.render(lay);
    animator.play({ changes, snap: shown, prev: null, lay, forward: false, budget: 220 });
    root.dataset.animating = 'true';
    if (autoFit) renderer.moveView(renderer.fitView(lay.bounds));
    updatePanels(shown, null);
  }

  // ---- selection and the retainer path
  function select(id) {
    selected = id;
    renderer.setSelection(id === null ? null : `obj-${id}`);
    if (id === null) {
      inspector.hide();
      renderer.setPath([]);
      gcPanel.select(null);
      return;
    }
    q('.legend').hidden = true;
    showSelection();
    const panel = q('.inspector');
    if (renderer.reveal(`obj-${id}`, panel.offsetWidth + 10)) autoFit = false;
  }

  async function showSelection() {
    const snap = shown;
    const id = selected;
    if (!snap || id === null) return;
    const seq = ++retainerSeq;
    inspector.show(snap, id, null);
    renderer.setSelection(`obj-${id}`);
    const obj = snap.objects.find((o) => o.id === id);
    if (!obj || obj.static) {
      renderer.setPath([]);
      return;
    }
    let ret;
    try {
      ret = await api.retainers(store.run.id, id, snap.step);
    } catch (e) {
      ret = { error: e.message };
    }
    if (seq !== retainerSeq || shown !== snap) return;
    inspector.show(snap, id, ret);
    renderer.setPath(ret.reachable ? pathKeys(snap, ret) : []);
  }

  function pathKeys(snap, ret) {
    const keys = [];
    if (!ret.path.length) return keys;
    const first = ret.path[0].id;
    for (let i = snap.frames.length - 1; i >= 0; i--) {
      const f = snap.frames[i];
      if (f.locals.some((v) => v.name === ret.root && v.ref === first)) {
        keys.push(`edge-f${f.id}-${ret.root}-${first}`);
        break;
      }
    }
    ret.path.forEach((p, i) => {
      keys.push(lay.keyOf.get(p.id) || `obj-${p.id}`);
      if (i > 0) keys.push(`edge-${ret.path[i - 1].id}-${p.id}`);
    });
    return keys;
  }

  // ---- runs
  store.on('run', ({ run }) => {
    lines = run.source.split('\n');
    scenario = run.scenario;
    notes = new Map((scenario?.notes || []).map((nt) => [nt.line, nt.text]));
    if (editor.source !== run.source) editor.setSource(run.source, { traced: true });
    else editor.setTraced(run.source);
    q('.code-status').textContent = '';
    q('.code-status').classList.remove('dirty');
    q('.file-name').textContent = run.filename;
    lay = null;
    shown = null;
    autoFit = true;
    opts.expanded.clear();
    select(null);
    timeline.setRun(run.meta);
    const b = bannerFor(run.meta);
    banner.hidden = !b;
    if (b) {
      banner.className = `banner ${b.cls}`;
      banner.innerHTML = b.html;
    }
    root.dataset.run = run.id;
    root.dataset.status = run.meta.status;
    root.dataset.nsteps = String(run.meta.nsteps);
  });
  store.on('error', ({ error }) => showProblem(`Could not load the step: ${error.message}`));
  store.on('busy', ({ busy }) => root.classList.toggle('busy', busy));

  function showProblem(text) {
    banner.hidden = false;
    banner.className = 'banner error';
    banner.innerHTML = '';
    const s = document.createElement('strong');
    s.textContent = 'Problem.';
    banner.append(s, ' ' + text);
  }

  async function runProgram(program, scen = null, step = 0) {
    store.stop();
    root.dataset.state = 'running';
    q('.code-status').textContent = 'recording…';
    q('.run-btn').disabled = true;
    const maxSteps = Math.max(1, Number(q('.max-steps').value) || 100000);
    try {
      const summary = await api.createRun(program, { maxSteps });
      await store.open(summary, { scenario: scen });
      await store.go(step);
      root.dataset.state = 'ready';
    } catch (e) {
      root.dataset.state = 'error';
      q('.code-status').textContent = '';
      showProblem(e.message);
    } finally {
      q('.run-btn').disabled = false;
    }
  }

  function runEditor() {
    const src = editor.source;
    const picked = scenarios.find((s) => s.id === q('.scenario-picker').value);
    if (picked && picked.source === src) runProgram({ scenario: picked.id }, picked);
    else {
      q('.scenario-picker').value = '';
      runProgram({ source: src }, null);
    }
  }

  function openScenario(id, step = 0) {
    const s = scenarios.find((x) => x.id === id);
    if (!s) return;
    q('.scenario-picker').value = id;
    editor.setSource(s.source);
    runProgram({ scenario: s.id }, s, step);
  }

  function runSource(source, step = 0) {
    q('.scenario-picker').value = '';
    editor.setSource(source);
    return runProgram({ source }, null, step);
  }

  async function openRun(id, step = 0) {
    store.stop();
    root.dataset.state = 'running';
    try {
      const meta = await api.run(id);
      const scen = scenarios.find((s) => s.id === meta.filename && s.source === meta.source) || null;
      q('.scenario-picker').value = scen ? scen.id : '';
      await store.open({ id }, { scenario: scen });
      await store.go(step);
      root.dataset.state = 'ready';
    } catch (e) {
      root.dataset.state = 'error';
      showProblem(e.message);
    }
  }

  const classroom = createClassroom(root, {
    store,
    getLayout: () => lay,
    scenarios: () => scenarios,
    scenario: () => scenario,
    openScenario,
    runSource,
    openRun,
    theme: () => root.dataset.theme,
    setTheme: (t) => setTheme(t),
  });

  // ---- permalinks: #scenario=refcount.py&step=4
  function scheduleHash() {
    clearTimeout(hashTimer);
    hashTimer = setTimeout(() => {
      const run = store.run;
      const h = !run ? '' : scenario ? makeHash({ scenario: scenario.id, step: store.cursor }) : makeHash({ source: run.source, step: store.cursor });
      if (location.hash !== h) history.replaceState(null, '', h || location.pathname);
    }, 300);
  }
  function readHash() {
    return parseHash(location.hash);
  }

  // ---- top bar
  q('.run-btn').addEventListener('click', runEditor);
  q('.scenario-picker').addEventListener('change', (ev) => {
    if (ev.target.value) openScenario(ev.target.value);
  });
  q('.opt-static').addEventListener('change', (ev) => {
    opts.showStatic = ev.target.checked;
    redraw();
  });
  q('.opt-internals').addEventListener('change', (ev) => {
    opts.showInternals = ev.target.checked;
    redraw();
  });
  const themePicker = q('.theme-picker');
  const setTheme = (t) => {
    root.dataset.theme = t;
    themePicker.value = t;
    renderer.remeasure();
    timeline.restyle();
    if (autoFit && lay) renderer.setView(renderer.fitView(lay.bounds));
  };
  themePicker.addEventListener('change', () => {
    setTheme(themePicker.value);
    try {
      localStorage.setItem(THEME_KEY, themePicker.value);
    } catch {
      /* private mode: the choice lasts for this page */
    }
  });
  let savedTheme = null;
  try {
    savedTheme = localStorage.getItem(THEME_KEY);
  } catch {
    savedTheme = null;
  }
  setTheme(savedTheme || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  const legendBtn = q('.legend-btn');
  const toggleLegend = (show) => {
    legend.hidden = !show;
    legendBtn.setAttribute('aria-expanded', String(show));
  };
  legendBtn.addEventListener('click', () => toggleLegend(legend.hidden));
  legend.addEventListener('click', (ev) => {
    if (ev.target.closest('.close')) toggleLegend(false);
  });
  q('.zoom-in').addEventListener('click', () => zoom(1.2));
  q('.zoom-out').addEventListener('click', () => zoom(1 / 1.2));
  q('.zoom-fit').addEventListener('click', () => zoom(0));

  // ---- first load: the scenario list, then the example in the address or the refcount one
  consolePanel.render(null);
  gcPanel.render(null);
  (async () => {
    try {
      scenarios = await api.scenarios();
    } catch (e) {
      root.dataset.state = 'error';
      showProblem(`Could not load the examples: ${e.message}`);
      return;
    }
    fillPicker(q('.scenario-picker'), scenarios);
    if (await classroom.boot(readHash)) return;
    const h = readHash();
    const first = scenarios.find((s) => s.id === h.scenario) || scenarios.find((s) => s.id === DEFAULT_SCENARIO) || scenarios[0];
    if (first) openScenario(first.id, first.id === h.scenario ? h.step : 0);
    else root.dataset.state = 'ready';
  })();
}

start(document.getElementById('memviz'));
