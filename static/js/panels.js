// panels.js: the HTML panels around the diagram: console, garbage-collector panel, object
// inspector, legend and the run banner. Each is a function of the state it is given.

import { objectsById } from './store.js';
import { nameOf, fmtBytes } from './layout.js';
import { PHASE_TEXT } from './narrate.js';

const esc = (s) =>
  String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

export const PHASES = [
  'start', 'merge', 'update_refs', 'subtract_refs', 'move_unreachable', 'promote', 'weakrefs',
  'finalize', 'resurrect', 'delete', 'done',
];
const CHIPS_PER_GEN = 160;

// ------------------------------------------------------------------ console
export function createConsole(el) {
  let shown = '';
  let lastHtml = '';
  let scrollFrame = 0;
  return {
    render(snap, meta) {
      if (!snap) {
        el.innerHTML = '<span class="placeholder">Output of print() appears here.</span>';
        shown = '';
        lastHtml = '';
        return;
      }
      const out = snap.stdout;
      let html = '';
      if (out.startsWith(shown) && out.length > shown.length && shown) {
        html = esc(shown) + `<span class="fresh">${esc(out.slice(shown.length))}</span>`;
      } else {
        html = esc(out);
      }
      if (snap.error && (snap.kind === 'error' || snap.kind === 'stopped')) {
        html += `<span class="err">${esc(snap.error)}</span>`;
      }
      if (!html) html = `<span class="placeholder">${meta && meta.stdout ? 'Nothing printed yet.' : 'This program prints nothing.'}</span>`;
      if (html === lastHtml) return;
      el.innerHTML = html;
      lastHtml = html;
      shown = out;
      // scrolling reads layout: next frame
      if (!scrollFrame) {
        scrollFrame = requestAnimationFrame(() => {
          scrollFrame = 0;
          el.scrollTop = el.scrollHeight;
        });
      }
    },
  };
}

// ------------------------------------------------------------------ GC panel
export function createGcPanel(el, label) {
  const chips = new Map(); // object id -> chip element
  let selectedId = null;

  let lastSig = '';
  const gens = new Map(); // object id -> generation at the last render

  function render(snap, during = null) {
    if (!snap) {
      el.innerHTML = '<p class="gc-note">Run a program to see its generations.</p>';
      label.textContent = '';
      chips.clear();
      gens.clear();
      lastSig = '';
      return;
    }
    const gc = snap.gc;
    const byGen = [[], [], []];
    for (const o of snap.objects) if (o.generation !== null && !o.static && o.generation <= 2) byGen[o.generation].push(o);
    const chipOf = (o) => {
      const marked = gc.phase && o.gc_mark !== 'none';
      return `gc-chip${marked ? ' m-' + o.gc_mark : o.reachable ? '' : ' grey'}${o.id === selectedId ? ' sel' : ''}`;
    };
    // Nothing to do when nothing the panel shows changed (most steps).
    let sig = `${gc.phase}|${during}|${gc.generation}|${gc.count}|${gc.threshold}|${gc.enabled}`;
    for (let g = 0; g < 3; g++) {
      sig += `|${g}:`;
      for (const o of byGen[g].slice(0, CHIPS_PER_GEN)) sig += `${o.id}${chipOf(o)},`;
      sig += byGen[g].length;
    }
    if (sig === lastSig) return;
    lastSig = sig;

    // Survivors slide from their old generation to the new one: measure only when some
    // object changed generation (measuring forces a layout).
    let moved = false;
    for (let g = 0; g < 3 && !moved; g++) for (const o of byGen[g]) if (gens.has(o.id) && gens.get(o.id) !== g) moved = true;
    const before = new Map();
    if (moved) for (const [id, c] of chips) if (c.isConnected) before.set(id, c.getBoundingClientRect());
    gens.clear();

    const now = gc.phase ? PHASES.indexOf(gc.phase) : -1;
    let h = '';
    if (gc.phase) {
      h += '<div class="gc-phases" aria-label="Collection phases">' +
        PHASES.map((p, i) => `<span class="${i === now ? 'now' : i < now ? 'done' : ''}">${p}</span>`).join('') + '</div>';
    }
    h += '<div class="gc-gens">';
    for (let g = 0; g < 3; g++) {
      const cnt = gc.count[g];
      const thr = gc.threshold[g];
      const collecting = gc.phase && gc.generation !== null && g <= gc.generation;
      h += `<div class="gc-gen${collecting ? ' collecting' : ''}" data-gen="${g}">`;
      h += `<div class="gc-gen-head"><b>gen ${g}</b>` +
        `<span class="cnt" title="${g === 0 ? 'allocations minus deallocations since the last collection' : 'collections of the younger generation since this one was collected'}">${cnt} / ${thr}</span></div>`;
      h += `<div class="gc-meter" title="count / threshold: a collection runs when the count passes the threshold"><i style="width:${Math.min(100, (100 * cnt) / Math.max(1, thr))}%"></i></div>`;
      h += '<div class="gc-chips"></div>';
      if (byGen[g].length > CHIPS_PER_GEN) h += `<div class="gc-more">+ ${byGen[g].length - CHIPS_PER_GEN} more</div>`;
      h += '</div>';
    }
    h += '</div>';
    if (!gc.enabled) h += '<p class="gc-note">gc.disable(): automatic collection is off.</p>';
    el.innerHTML = h;
    label.textContent = gc.phase
      ? `collecting generation ${gc.generation} · ${gc.phase}`
      : during
        ? `collecting · running Python code for it (after ${during})`
        : gc.enabled ? 'idle' : 'disabled';
    label.title = gc.phase && PHASE_TEXT[gc.phase] ? PHASE_TEXT[gc.phase](gc.generation) : '';

    const live = new Set();
    const boxes = el.querySelectorAll('.gc-chips');
    for (let g = 0; g < 3; g++) {
      const frag = document.createDocumentFragment();
      for (const o of byGen[g].slice(0, CHIPS_PER_GEN)) {
        let c = chips.get(o.id);
        if (!c) {
          c = document.createElement('span');
          chips.set(o.id, c);
        }
        const cls = chipOf(o);
        if (c.className !== cls) c.className = cls;
        c.title = `${nameOf(o)}${o.gc_refs !== null ? ` · gc_refs ${o.gc_refs}` : ''}${o.reachable ? '' : ' · unreachable'}`;
        live.add(o.id);
        gens.set(o.id, g);
        frag.appendChild(c);
      }
      boxes[g].appendChild(frag);
    }
    for (const id of [...chips.keys()]) if (!live.has(id)) chips.delete(id);
    for (const [id, r0] of before) {
      const c = chips.get(id);
      if (!c) continue;
      const r1 = c.getBoundingClientRect();
      const dx = r0.left - r1.left;
      const dy = r0.top - r1.top;
      if (Math.abs(dx) > 30 || Math.abs(dy) > 30) {
        c.animate([{ transform: `translate(${dx}px,${dy}px)` }, { transform: 'none' }], { duration: 700, easing: 'ease-in-out' });
      }
    }
  }

  return {
    render,
    select(id) {
      selectedId = id;
    },
  };
}

// ------------------------------------------------------------------ inspector
export function createInspector(el, { onClose, onSelect } = {}) {
  el.addEventListener('click', (ev) => {
    if (ev.target.closest('.close')) onClose?.();
    const link = ev.target.closest('[data-obj]');
    if (link) {
      ev.preventDefault();
      onSelect?.(Number(link.dataset.obj));
    }
  });

  function referrers(snap, id) {
    const out = [];
    for (const f of snap.frames) {
      for (const v of f.locals) if (v.ref === id) out.push(`name <b>${esc(v.name)}</b> in ${esc(f.name)}`);
      f.stack.forEach((s, i) => {
        if (s === id) out.push(`value stack [${i}] of ${esc(f.name)} <span class="muted">(temporary)</span>`);
      });
    }
    for (const o of snap.objects) {
      for (const r of o.refs) {
        if (r.ref === id) {
          out.push(`${esc(r.label)} of <a href="#" data-obj="${o.id}">${esc(nameOf(o))}</a>${r.weak ? ' <span class="muted">(weak)</span>' : ''}`);
        }
      }
    }
    return out;
  }

  return {
    hide() {
      el.hidden = true;
      el.innerHTML = '';
    },
    /** Show object `id` at `snap`; `ret` is the retainer document (or null while loading). */
    show(snap, id, ret) {
      const o = objectsById(snap).get(id);
      if (!o) {
        el.hidden = false;
        el.innerHTML = `<h3>object #${id}<button type="button" class="btn icon close" aria-label="Close the details">×</button></h3><p class="muted">It does not exist at this step (freed, or not created yet).</p>`;
        return;
      }
      const refs = referrers(snap, id);
      let h = `<h3>${esc(nameOf(o))}<button type="button" class="btn icon close" aria-label="Close the details">×</button></h3><dl>`;
      const row = (k, v) => (h += `<dt>${k}</dt><dd>${v}</dd>`);
      row('type', esc(o.type));
      row('id', o.id);
      row('address', `0x${o.address.toString(16)}`);
      row('size', `${fmtBytes(o.size)}${o.size >= 1024 ? ` (${o.size} B)` : ''} <span class="muted">sys.getsizeof</span>`);
      row('refcount', o.refcount >= 1e9 ? `${o.refcount} <span class="muted">(shared, effectively immortal)</span>` : `${o.refcount} <span class="muted">(sys.getrefcount shows ${o.refcount + 1})</span>`);
      row('generation', o.generation === null ? 'not tracked by the GC' : o.generation === 3 ? 'permanent (gc.freeze)' : o.generation);
      if (o.len || ['list', 'tuple', 'dict', 'set'].includes(o.type)) row('len', o.len);
      if (o.repr) row('value', esc(o.repr));
      if (snap.gc.phase && (o.gc_refs !== null || o.gc_mark !== 'none')) {
        row('gc_refs', o.gc_refs === null ? '–' : o.gc_refs);
        row('gc mark', esc(o.gc_mark));
      }
      row('reachable', o.reachable ? 'yes' : '<span class="warn">no: only a cycle keeps it alive</span>');
      h += '</dl>';
      h += `<h4>Referred to by (${refs.length})</h4>`;
      h += refs.length ? `<ul>${refs.slice(0, 40).map((r) => `<li>${r}</li>`).join('')}</ul>` : '<p class="muted">nothing that memviz shows</p>';
      if (refs.length > 40) h += `<p class="muted">… and ${refs.length - 40} more</p>`;
      h += '<h4>Why is it alive?</h4>';
      if (o.static) {
        h += '<p>A shared object the interpreter keeps for the whole run.</p>';
      } else if (!ret) {
        h += '<p class="muted">looking for a path from a variable…</p>';
      } else if (ret.error) {
        h += `<p class="muted">${esc(ret.error)}</p>`;
      } else if (!ret.reachable) {
        h += '<p class="warn">No path from any variable: only a reference cycle keeps it alive. The cycle collector will find it.</p>';
      } else {
        const byId = objectsById(snap);
        let p = `<span class="hop">${esc(ret.root || '?')}</span>`;
        for (const step of ret.path) {
          const t = byId.get(step.id);
          p += ` → ${step.label ? esc(step.label) + ' → ' : ''}<span class="hop">${esc(t ? nameOf(t) : '#' + step.id)}</span>`;
        }
        h += `<p class="path">${p}</p><p class="muted">highlighted in gold in the diagram</p>`;
      }
      el.hidden = false;
      el.innerHTML = h;
    },
  };
}

// ------------------------------------------------------------------ legend
const SW = (body) => `<svg width="44" height="24" viewBox="0 0 44 24" aria-hidden="true">${body}</svg>`;
export const LEGEND_HTML = `
<h3>Legend<button type="button" class="btn icon close" aria-label="Close the legend">×</button></h3>
<ul>
  <li><span class="swatch"><span class="badge"><span class="rc">2</span></span></span><span><b>Refcount</b>: how many references point at the object. <span class="muted">sys.getrefcount shows one more (its argument).</span></span></li>
  <li><span class="swatch"><b style="color:var(--inc)">+1</b> <b style="color:var(--dec)">−1</b></span><span>A reference was added / dropped in this step.</span></li>
  <li>${SW('<rect x="3" y="3" width="38" height="18" rx="4" style="fill:none;stroke:var(--new);stroke-width:3"/>')}<span>New object (fades in) or, during a collection, <b>reachable</b>.</span></li>
  <li>${SW('<rect x="3" y="3" width="38" height="18" rx="4" style="fill:var(--unreach-bg);stroke:var(--unreach);stroke-width:2.5"/>')}<span>Freed (flashes, fades) or <b>unreachable</b> in a collection.</span></li>
  <li>${SW('<rect x="3" y="3" width="38" height="18" rx="4" style="fill:var(--garbage-bg);stroke:var(--garbage-fg);stroke-dasharray:5 3"/>')}<span><b>Garbage</b>: no variable reaches it, a cycle keeps it alive until the collector runs.</span></li>
  <li>${SW('<rect x="3" y="3" width="38" height="18" rx="4" style="fill:none;stroke:var(--collect);stroke-width:2.2;stroke-dasharray:6 3"/>')}<span>In the generation being collected; <span class="gcb">gc <b>1</b></span> is its gc_refs.</span></li>
  <li>${SW('<path d="M4,12 H38" class="edge"/><path d="M34,8 L40,12 L34,16z" class="arrow-head"/>')}<span>A reference, from a slot (<code>[0]</code>, <code>.next</code>, <code>['key']</code>) or a variable.</span></li>
  <li>${SW('<path d="M4,12 H38" class="edge weak"/>')}<span>A weak reference (does not count).</span></li>
  <li>${SW('<path d="M4,12 H38" class="edge temp"/>')}<span>A temporary on a frame's value stack (dimmed).</span></li>
  <li>${SW('<path d="M4,12 H38" class="edge on-path"/>')}<span>Why the selected object is alive: its path from a variable.</span></li>
</ul>
<p>Shared objects (small ints, interned strings, <code>None</code>, builtins) are written inside the slot that refers to them; tick <b>Shared objects</b> to draw them as boxes.</p>
<p>Keys: <kbd>←</kbd> <kbd>→</kbd> step, <kbd>Space</kbd> play, <kbd>Home</kbd> <kbd>End</kbd>, <kbd>g</kbd> next collection, <kbd>+</kbd> <kbd>−</kbd> <kbd>0</kbd> zoom. Drag to pan, wheel to zoom, click an object for details.</p>`;

// ------------------------------------------------------------------ banner
export function bannerFor(meta) {
  if (!meta) return null;
  if (meta.status === 'stopped') {
    const why = /\(([^)]+)\)/.exec(meta.error || '');
    return {
      cls: 'stopped',
      html: `<strong>Stopped after ${meta.nsteps - 1} steps</strong> (${esc(why ? why[1] : meta.error || 'limit')}): the program may never end. ` +
        'Its first steps are recorded and can be stepped through; raise <em>Max steps</em> to record more.',
    };
  }
  if (meta.status === 'error') {
    const last = (meta.error || '').trim().split('\n').pop();
    const syntax = meta.nsteps === 1 && /Error/.test(last);
    return {
      cls: 'error',
      html: syntax
        ? `<strong>The program does not compile.</strong>${esc(last)} <span class="muted">(marked in the code)</span>`
        : `<strong>The program raised an exception.</strong>${esc(last)}. The steps up to it can be stepped through; the traceback is in the console.`,
    };
  }
  return null;
}
