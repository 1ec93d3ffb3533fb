// render.js: the only code that touches the SVG.
//
// render(layout) reconciles the drawing with a layout by stable keys (frame-<id>, obj-<id>,
// grp-..., edge-<src>-<dst>): elements that are new are created (enter), elements whose markup
// changed are rewritten and moved (update), elements whose key is gone are marked `exiting`
// and left in place for the animator to fade (exit). It returns what happened so animate.js can
// choreograph it; animate.js plays its animations through the small API at the bottom
// (element(), animate(), setBadge(), fxText(), ...), never by reaching into the DOM itself.
//
// Boxes and frames are HTML (absolutely positioned, sized by layout.js), over one SVG that holds
// every arrow, under one layer for effects. Why not one big SVG: the browser re-records and
// re-layerizes the paint of a whole SVG, every <text> a chunk of its own, whenever anything in
// it changes, so with a few hundred boxes every animation frame cost tens of milliseconds.
// HTML text is cheap to paint, an animation repaints only its own box, and fades, slides and
// badge pulses (opacity, transform) run on the compositor.
//
// The viewport (pan and zoom) is a CSS transform on one container; pointer drag pans, the
// wheel zooms around the pointer.

import { HEAD_H, ROW_H, FOOT_H, NOTE_H, STACK_HEAD_H, FRAME_CELL_W, PTR_INSET, CHAR_W, HEAP_X, truncate } from './layout.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const ZOOM_MIN = 0.15;
const ZOOM_MAX = 4;
const FIT_MAX = 1.3; // never blow a small diagram up beyond this (times the type scale)
const FIT_MIN = 0.62; // nor shrink it below this to fit: past it, pan (the text must stay readable)
const FIT_PAD = 14;
const MAX_TEXT = 80; // characters put in a slot (CSS ellipsis cuts what does not fit)

const esc = (s) =>
  String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function badgeText(o) {
  return o.refcount >= 1e9 ? '∞' : String(o.refcount);
}

function rowMarkup(r, labelW) {
  let s = `<div class="row${r.more ? ' more' : ''}${r.expand ? ' expand' : ''}">`;
  if (r.label) s += `<span class="lbl" style="width:${labelW}px">${esc(r.label)}</span>`;
  if (r.ref) {
    if (r.text !== undefined) s += `<span class="val">${esc(truncate(r.text, MAX_TEXT))}</span>`;
    s += '<i class="ptr"></i>';
  } else if (r.expand || r.more) {
    s += `<span class="val">${esc(r.text)}</span>`;
    if (r.refs && r.refs.length) s += '<i class="ptr"></i>';
  } else {
    s += `<span class="val inline"${r.title ? ` title="${esc(r.title)}"` : ''}>${esc(truncate(r.text, MAX_TEXT))}</span>`;
  }
  return s + '</div>';
}

function objMarkup(n) {
  const o = n.o;
  const boxH = n.h - (n.garbage ? NOTE_H : 0);
  const labelW = Math.round(Math.min(n.w * 0.5, Math.max(26, ...n.rows.filter((r) => r.label).map((r) => r.label.length * CHAR_W + 8))));
  const typeText = o.type === 'type' && o.repr ? o.repr : o.type;
  let s = `<div class="box" style="height:${boxH}px"><div class="head"><span class="type">${esc(truncate(typeText, 40))}</span><span class="oid">#${o.id}</span></div>`;
  for (const r of n.rows) s += rowMarkup(r, labelW);
  if (n.body !== null) s += `<div class="row body"><span class="val repr">${esc(truncate(n.body, MAX_TEXT))}</span></div>`;
  s += `<div class="foot">${esc(n.foot)}</div></div>`;
  if (n.garbage) s += '<div class="note">garbage: kept alive by a cycle<br>until the collector runs</div>';
  s += '<div class="badges">';
  if (n.inGc && o.gc_refs !== null) s += `<span class="gcb" title="gc_refs: references from outside the collection">gc <b class="gcv">${o.gc_refs}</b></span>`;
  s += `<span class="badge${n.immortal ? ' immortal' : ''}" title="refcount ${o.refcount}"><span class="rc">${badgeText(o)}</span></span></div>`;
  return s;
}

function groupMarkup(n) {
  let s = `<div class="box" style="height:${n.h}px"><div class="head"><span class="type">${esc(n.title)}</span></div>`;
  for (const r of n.rows) s += rowMarkup(r, 0);
  return s + `<div class="foot">${esc(n.foot)}</div></div>`;
}

function frameMarkup(f) {
  let s = `<div class="head"><span class="fname">${esc(f.name)}</span>${f.line ? `<span class="fline">line ${f.line}</span>` : ''}</div>`;
  const row = (r, cls) => {
    let t = `<div class="row ${cls}" data-row="${esc(r.key)}"><span class="var">${esc(r.label)}</span><span class="cell">`;
    if (r.ref) t += '<i class="ptr"></i>';
    else t += `<span class="val"${r.title ? ` title="${esc(r.title)}"` : ''}>${esc(truncate(r.text, MAX_TEXT))}</span>`;
    return t + '</span></div>';
  };
  for (const r of f.rows) s += row(r, 'local');
  if (!f.rows.length) s += '<div class="no-locals"></div>';
  if (f.stack.length) {
    s += '<div class="stack-label">VALUE STACK <span>(temporaries)</span></div><div class="stack">';
    for (const r of f.stack) s += row(r, 'temp');
    s += '</div>';
  }
  return s;
}

function markerFor(e) {
  if (e.path) return 'url(#mv-arrow-path)';
  if (e.temp) return 'url(#mv-arrow-temp)';
  if (e.garbage) return 'url(#mv-arrow-garbage)';
  return 'url(#mv-arrow)';
}

function edgeClass(e) {
  let c = 'edge';
  if (e.weak) c += ' weak';
  if (e.temp) c += ' temp';
  if (e.garbage) c += ' from-garbage';
  return c;
}

export function createRenderer(host, handlers = {}) {
  const markers = ['', '-temp', '-garbage', '-path']
    .map(
      (suffix) =>
        `<marker id="mv-arrow${suffix}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
        `<path class="arrow-head${suffix ? ' ' + suffix.slice(1) : ''}" d="M0,0 L10,5 L0,10 z"/></marker>`,
    )
    .join('');
  host.innerHTML =
    '<div class="viewport"><div class="layer-regions"></div>' +
    `<svg class="edges-svg" width="1" height="1" overflow="visible" aria-hidden="true"><defs>${markers}</defs><g class="layer-edges"></g></svg>` +
    '<div class="layer-frames"></div><div class="layer-nodes"></div><div class="layer-fx" aria-hidden="true"></div></div>';
  // The sizes layout.js computed with, for the stylesheet (one source of truth).
  for (const [k, v] of Object.entries({ 'head-h': HEAD_H, 'row-h': ROW_H, 'foot-h': FOOT_H, 'note-h': NOTE_H, 'stack-head-h': STACK_HEAD_H, 'cell-w': FRAME_CELL_W, 'ptr-inset': PTR_INSET })) {
    host.style.setProperty(`--${k}`, `${v}px`);
  }
  const viewport = host.querySelector('.viewport');
  const layers = {
    regions: host.querySelector('.layer-regions'),
    edges: host.querySelector('.layer-edges'),
    frames: host.querySelector('.layer-frames'),
    nodes: host.querySelector('.layer-nodes'),
    fx: host.querySelector('.layer-fx'),
  };
  const els = new Map(); // key -> element on screen
  const exiting = new Set(); // elements fading out
  const running = new Set(); // animations started through animate() (getAnimations() is slow)
  let current = null; // the layout on screen
  let view = { x: 0, y: 0, k: 1 };
  let selected = null;
  let pathKeys = new Set();
  // The panel's size and the type scale, measured when they change (never during a step:
  // reading layout right after a DOM update would force a synchronous layout).
  const metrics = { w: 0, h: 0, scale: 1 };
  const measure = () => {
    const r = host.getBoundingClientRect();
    metrics.w = r.width;
    metrics.h = r.height;
    metrics.scale = parseFloat(getComputedStyle(host).fontSize) / 14 || 1;
  };
  new ResizeObserver(() => {
    measure();
    handlers.onResize?.();
  }).observe(host);

  function flushExits() {
    for (const el of exiting) el.remove();
    exiting.clear();
  }

  function exit(key, el, changes, list) {
    els.delete(key);
    el.classList.add('exiting');
    el.style.pointerEvents = 'none';
    el.removeAttribute('id');
    exiting.add(el);
    changes[list].push({ key, el });
  }

  const box = (key, x, y, w, h, inner, cls) =>
    `<div id="${key}" class="${cls}" data-key="${key}" style="left:${x}px;top:${y}px;width:${w}px;height:${h}px">${inner}</div>`;

  function setBox(el, n) {
    if (el._x !== n.x) el.style.left = `${n.x}px`;
    if (el._y !== n.y) el.style.top = `${n.y}px`;
    if (el._w !== n.w) el.style.width = `${n.w}px`;
    if (el._h !== n.h) el.style.height = `${n.h}px`;
    el._x = n.x;
    el._y = n.y;
    el._w = n.w;
    el._h = n.h;
  }

  function objClass(n) {
    let cls = n.kind === 'group' ? 'obj group' : 'obj';
    if (n.kind === 'obj') {
      if (n.garbage) cls += ' garbage';
      if (n.o.static) cls += ' static';
      if (n.inGc) cls += ' in-gc';
      if (n.mark !== 'none') cls += ` mark-${n.mark}`;
    }
    if (n.key === selected) cls += ' selected';
    if (pathKeys.has(n.key)) cls += ' on-path';
    return cls;
  }

  /**
   * Reconcile the drawing with layout `lay`. Returns {entered, updated, moved, exited,
   * edgesEntered, edgesExited, edgesMoved, framesEntered, framesExited}.
   * `instant`: remove exits right away (no animation will run).
   */
  function render(lay, { instant = false } = {}) {
    flushExits();
    const changes = {
      entered: [], updated: [], moved: [], exited: [],
      edgesEntered: [], edgesExited: [], edgesMoved: [],
      framesEntered: [], framesExited: [],
    };
    const live = new Set();

    // frames
    for (const f of lay.frames) {
      live.add(f.key);
      let el = els.get(f.key);
      const markup = frameMarkup(f);
      if (!el) {
        layers.frames.insertAdjacentHTML('beforeend', box(f.key, f.x, f.y, f.w, f.h, markup, 'frame'));
        el = layers.frames.lastElementChild;
        el._sig = markup;
        els.set(f.key, el);
        changes.framesEntered.push(f.key);
      } else if (el._sig !== markup) {
        el.innerHTML = markup;
        el._sig = markup;
      }
      el.classList.toggle('top', f.top);
      setBox(el, f);
    }

    // boxes: new ones are created in one parse (a cold jump may add hundreds)
    const fresh = [];
    for (const n of lay.nodes.values()) {
      live.add(n.key);
      if (!els.has(n.key)) fresh.push(n);
    }
    if (fresh.length) {
      const inner = fresh.map((n) => (n.kind === 'group' ? groupMarkup(n) : objMarkup(n)));
      layers.nodes.insertAdjacentHTML('beforeend', fresh.map((n, i) => box(n.key, n.x, n.y, n.w, n.h, inner[i], objClass(n))).join(''));
      let el = layers.nodes.lastElementChild;
      for (let i = fresh.length - 1; i >= 0; i--, el = el.previousElementSibling) {
        const n = fresh[i];
        el._sig = inner[i];
        el._cls = objClass(n);
        el._x = n.x;
        el._y = n.y;
        el._w = n.w;
        el._h = n.h;
        el._entered = true;
        els.set(n.key, el);
        changes.entered.push(n.key);
      }
    }
    for (const n of lay.nodes.values()) {
      const el = els.get(n.key);
      if (el._entered) {
        el._entered = false;
        continue;
      }
      const markup = n.kind === 'group' ? groupMarkup(n) : objMarkup(n);
      if (el._sig !== markup) {
        el.innerHTML = markup;
        el._sig = markup;
        changes.updated.push(n.key);
      }
      const cls = objClass(n);
      if (el._cls !== cls) {
        el.className = cls;
        el._cls = cls;
      }
      if (el._x !== n.x || el._y !== n.y) changes.moved.push({ key: n.key, from: { x: el._x, y: el._y }, to: { x: n.x, y: n.y } });
      setBox(el, n);
    }

    // edges
    for (const e of lay.edges) {
      live.add(e.key);
      let el = els.get(e.key);
      const onPath = pathKeys.has(e.key);
      const cls = edgeClass(e) + (onPath ? ' on-path' : '');
      if (!el) {
        el = document.createElementNS(SVG_NS, 'path');
        el.id = e.key;
        el.setAttribute('class', cls);
        el.setAttribute('d', e.d);
        el.setAttribute('marker-end', markerFor({ ...e, path: onPath }));
        el._d = e.d;
        el._cls = cls;
        layers.edges.appendChild(el);
        els.set(e.key, el);
        changes.edgesEntered.push(e.key);
      } else {
        if (el._d !== e.d) {
          changes.edgesMoved.push({ key: e.key, from: el._d, to: e.d });
          el.setAttribute('d', e.d);
          el._d = e.d;
        }
        if (el._cls !== cls) {
          el.setAttribute('class', cls);
          el.setAttribute('marker-end', markerFor({ ...e, path: onPath }));
          el._cls = cls;
        }
      }
      el._edge = e;
    }

    // exits
    for (const [key, el] of [...els]) {
      if (live.has(key)) continue;
      if (key.startsWith('edge-')) exit(key, el, changes, 'edgesExited');
      else if (key.startsWith('frame-')) exit(key, el, changes, 'framesExited');
      else exit(key, el, changes, 'exited');
    }
    if (instant) flushExits();

    const regions = lay.empty
      ? `<span class="empty-hint" style="left:16px;top:0">${esc(lay.empty)}</span>`
      : `<span class="region-label" style="left:16px;top:-22px">FRAMES</span>${lay.nodes.size ? `<span class="region-label" style="left:${HEAP_X}px;top:-22px">HEAP</span>` : ''}`;
    if (layers.regions._sig !== regions) {
      layers.regions.innerHTML = regions;
      layers.regions._sig = regions;
    }
    current = lay;
    return changes;
  }

  // ---- view: pan and zoom
  function applyView() {
    viewport.style.transform = `translate(${view.x}px,${view.y}px) scale(${view.k})`;
  }
  function setView(v) {
    view = { x: v.x, y: v.y, k: Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, v.k)) };
    applyView();
  }
  /** The view that fits `bounds` into the panel (left-aligned, top-aligned). */
  function fitView(bounds) {
    if (!metrics.w) measure();
    const r = { width: metrics.w, height: metrics.h };
    const bw = bounds.x1 - bounds.x0;
    const bh = bounds.y1 - bounds.y0;
    if (!r.width || !r.height) return view;
    const ts = metrics.scale;
    const k = Math.max(FIT_MIN * ts, Math.min((r.width - 2 * FIT_PAD) / bw, (r.height - 2 * FIT_PAD) / bh, FIT_MAX * ts));
    return { x: FIT_PAD - bounds.x0 * k, y: FIT_PAD - bounds.y0 * k, k };
  }
  /** Does the whole of `bounds` show with the current view? */
  function contains(bounds) {
    if (!metrics.w) measure();
    const r = { width: metrics.w, height: metrics.h };
    const x0 = bounds.x0 * view.k + view.x;
    const y0 = bounds.y0 * view.k + view.y;
    const x1 = bounds.x1 * view.k + view.x;
    const y1 = bounds.y1 * view.k + view.y;
    return x0 >= -1 && y0 >= -1 && x1 <= r.width + 1 && y1 <= r.height + 1;
  }
  function zoomAt(factor, cx, cy) {
    const k = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, view.k * factor));
    const f = k / view.k;
    setView({ x: cx - (cx - view.x) * f, y: cy - (cy - view.y) * f, k });
    handlers.onViewChange?.();
  }

  let drag = null;
  host.addEventListener('pointerdown', (ev) => {
    if (ev.button !== 0) return;
    const target = ev.target.closest('.obj');
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false, target, id: ev.pointerId };
  });
  host.addEventListener('pointermove', (ev) => {
    if (!drag || ev.pointerId !== drag.id) return;
    const dx = ev.clientX - drag.x;
    const dy = ev.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      host.setPointerCapture(ev.pointerId);
      host.classList.add('panning');
    }
    setView({ x: drag.vx + dx, y: drag.vy + dy, k: view.k });
  });
  const endDrag = (ev) => {
    if (!drag || ev.pointerId !== drag.id) return;
    const d = drag;
    drag = null;
    host.classList.remove('panning');
    if (d.moved) {
      handlers.onViewChange?.();
      return;
    }
    if (ev.type !== 'pointerup') return;
    const key = d.target ? d.target.dataset.key : null;
    if (key && key.startsWith('grp-')) handlers.onToggleGroup?.(key);
    else handlers.onSelect?.(key || null);
  };
  host.addEventListener('pointerup', endDrag);
  host.addEventListener('pointercancel', endDrag);
  host.addEventListener(
    'wheel',
    (ev) => {
      ev.preventDefault();
      const r = host.getBoundingClientRect();
      const factor = Math.exp(-ev.deltaY * (ev.deltaMode === 1 ? 0.05 : 0.0015));
      zoomAt(factor, ev.clientX - r.left, ev.clientY - r.top);
    },
    { passive: false },
  );

  // ---- the animator's API
  return {
    render,
    flushExits,
    /** Measure the panel again (after a theme change: the type scale may differ). */
    remeasure: measure,
    get layout() {
      return current;
    },
    get view() {
      return { ...view };
    },
    setView,
    fitView,
    contains,
    zoomBy(factor) {
      const r = host.getBoundingClientRect();
      zoomAt(factor, r.width / 2, r.height / 2);
    },
    /** Move the viewport to `v`, sliding there (a compositor animation of one transform). */
    moveView(v, ms = 260) {
      const from = viewport.style.transform;
      setView(v);
      if (ms > 0 && from) {
        viewport.animate([{ transform: from }, { transform: viewport.style.transform }], { duration: ms, easing: 'ease-in-out' });
      }
    },
    /** Pan so that box `key` is not hidden under a panel `rightInset` px wide on the right. */
    reveal(key, rightInset) {
      const n = current?.nodes.get(key);
      if (!n) return false;
      if (!metrics.w) measure();
      const right = (n.x + n.w) * view.k + view.x;
      const limit = metrics.w - rightInset - 16;
      if (right <= limit) return false;
      const left = n.x * view.k + view.x;
      const dx = Math.min(right - limit, left - 16);
      if (dx <= 0) return false;
      this.moveView({ ...view, x: view.x - dx });
      return true;
    },
    element: (key) => els.get(key) || null,
    /** Start a Web Animation on element `el` (or key). */
    animate(elOrKey, keyframes, opts) {
      const el = typeof elOrKey === 'string' ? els.get(elOrKey) : elOrKey;
      if (!el) return null;
      const a = el.animate(keyframes, { fill: 'backwards', ...opts });
      running.add(a);
      a.addEventListener('finish', () => running.delete(a));
      a.addEventListener('cancel', () => running.delete(a));
      return a;
    },
    /** Remove an exited element now (its fade is over). */
    discard(el) {
      if (exiting.delete(el)) el.remove();
    },
    setBadge(key, value) {
      const t = els.get(key)?.querySelector('.badge .rc');
      if (t) t.textContent = value >= 1e9 ? '∞' : String(value);
    },
    setGcRefs(key, value) {
      const t = els.get(key)?.querySelector('.gcb .gcv');
      if (t) t.textContent = String(value);
    },
    badgeOf: (key) => els.get(key)?.querySelector('.badge') || null,
    gcBadgeOf: (key) => els.get(key)?.querySelector('.gcb') || null,
    /** Floating text in the fx layer at diagram coordinates; the caller removes it. */
    fxText(x, y, text, cls) {
      const t = document.createElement('span');
      t.className = `fx-text ${cls}`;
      t.style.left = `${x}px`;
      t.style.top = `${y}px`;
      t.textContent = text;
      layers.fx.appendChild(t);
      return t;
    },
    /** A ring around a box, for flashes. */
    fxRing(key, cls) {
      const n = current?.nodes.get(key);
      if (!n) return null;
      const r = document.createElement('div');
      r.className = `fx-ring ${cls}`;
      r.style.cssText = `left:${n.x - 4}px;top:${n.y - 4}px;width:${n.w + 8}px;height:${n.h - (n.garbage ? NOTE_H : 0) + 8}px`;
      layers.fx.appendChild(r);
      return r;
    },
    removeFx(el) {
      el.remove();
    },
    clearFx() {
      layers.fx.replaceChildren();
    },
    /** The row inside a frame element, for flashing a variable that changed. */
    frameRow: (frameKey, rowKey) => els.get(frameKey)?.querySelector(`[data-row="${CSS.escape(rowKey)}"]`) || null,
    edgeLength(key) {
      return els.get(key)?._edge?.len || 0;
    },
    /** Toggle a state class on a box (the animator holds back GC marks until their turn). */
    setClass(key, cls, on) {
      const el = els.get(key);
      if (!el) return;
      el.classList.toggle(cls, on);
      el._cls = el.className;
    },
    setSelection(key) {
      selected = key;
      for (const el of layers.nodes.children) {
        el.classList.toggle('selected', el.dataset.key === key);
        el._cls = el.className;
      }
    },
    /** Highlight the retainer path: a set of box keys and edge keys. */
    setPath(keys) {
      pathKeys = new Set(keys);
      for (const el of layers.nodes.children) {
        el.classList.toggle('on-path', pathKeys.has(el.dataset.key));
        el._cls = el.className;
      }
      for (const el of layers.edges.children) {
        if (!el.id) continue;
        const on = pathKeys.has(el.id);
        el.classList.toggle('on-path', on);
        el._cls = el.getAttribute('class');
        el.setAttribute('marker-end', markerFor({ ...el._edge, path: on }));
      }
    },
    cancelAll() {
      for (const a of [...running]) a.finish();
      running.clear();
      flushExits();
      layers.fx.replaceChildren();
    },
  };
}
