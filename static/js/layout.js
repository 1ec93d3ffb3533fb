// layout.js: where everything goes. A pure function of (snapshot, previous layout, options).
//
// Objects keep their place: every object that was on screen at the previous step stays exactly
// where it was (only pushed down if the box above it grew), and a new object is put next to
// the first thing that refers to it, one column to the right, at the first free height at or
// below the referring row. That is Python Tutor's rule ("derive the layout of step i from step
// i-1 so objects don't jiggle around") with stable keys: obj-<id> for objects, grp-... for
// collapsed groups, frame-<id> for frames, edge-<src>-<dst> for references.
//
// What is drawn as a box:
//   - shared static objects (small ints, interned strings, None, builtins, modules) are shown
//     inline in the slot that refers to them unless `showStatic`;
//   - class internals (what is reachable only through a class: its __dict__, __mro__,
//     methods, and the __class__ reference of every instance) are hidden unless
//     `showInternals`;
//   - above COLLAPSE_AT objects, the items of big containers collapse into one group box per
//     (container, type) ("2,000 PlayerStats"), then whatever is left by type; `expanded`
//     holds the group keys the user opened.

import { objectsById } from './store.js';

export const FRAME_X = 16;
export const FRAME_W = 236;
export const FRAME_GAP = 16;
export const FRAME_CELL_W = 112;
export const HEAP_X = FRAME_X + FRAME_W + 96;
export const COL_W = 250;
export const OBJ_W = 196;
export const HEAD_H = 26;
export const ROW_H = 20;
export const FOOT_H = 20;
export const NOTE_H = 30;
export const STACK_HEAD_H = 18;
export const V_GAP = 20;
export const SLACK_ROWS = 2; // room kept free below a mutable container, so appends don't push
export const MAX_ROWS = 12;
export const COLLAPSE_AT = 400;
export const GROUP_MIN = 6;
export const CHAR_W = 6.95; // advance of the 11.5px monospace font
export const PTR_INSET = 12; // pointer dot from the right edge of a row

const INDEX_LABEL = /^\[(\d+)\]$/;

/** A short human name for an object: "list #3", "Node #12". */
export function nameOf(o) {
  if (o.type === 'type' && o.repr) return `${o.repr} #${o.id}`;
  return `${o.type} #${o.id}`;
}

/** A short text for an object drawn inline in a slot. */
export function shortRepr(o) {
  if (o.repr) return o.repr;
  if (['list', 'tuple', 'dict', 'set', 'frozenset'].includes(o.type)) {
    return o.len === 0 ? (o.type === 'tuple' ? '()' : o.type === 'list' ? '[]' : `${o.type}()`) : `${o.type} (${o.len})`;
  }
  return nameOf(o);
}

export function truncate(text, chars) {
  if (chars < 2) return '';
  return text.length > chars ? text.slice(0, chars - 1) + '…' : text;
}

function fmtCount(n) {
  return n.toLocaleString('en-US');
}

export function fmtBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

/** Refs in display order: sequence items by index (tp_traverse may list them backwards). */
function orderedRefs(o) {
  if (o.refs.length > 1 && o.refs.every((r) => INDEX_LABEL.test(r.label))) {
    return [...o.refs].sort((a, b) => INDEX_LABEL.exec(a.label)[1] - INDEX_LABEL.exec(b.label)[1]);
  }
  return o.refs;
}

function isImmortal(o) {
  return o.refcount >= 1e9;
}

/** Which objects get a box, which are inline, which are hidden (class internals). */
function classify(snap, opts) {
  const byId = objectsById(snap);
  const rootIds = [];
  for (const f of snap.frames) {
    for (const v of f.locals) if (v.ref) rootIds.push(v.ref);
    for (const s of f.stack) if (s) rootIds.push(s);
  }
  const inline = new Set(); // drawn inside the slot that refers to them
  for (const o of snap.objects) if (o.static && !opts.showStatic) inline.add(o.id);

  const internal = new Set();
  if (!opts.showInternals) {
    // Reached from the roots (and from garbage) without going through a class.
    const reached = new Set();
    const queue = [...rootIds];
    for (const o of snap.objects) if (!o.reachable) queue.push(o.id);
    while (queue.length) {
      const id = queue.pop();
      if (reached.has(id)) continue;
      const o = byId.get(id);
      if (!o) continue;
      reached.add(id);
      if (o.type === 'type') continue;
      for (const r of o.refs) if (r.label !== '__class__' && r.ref) queue.push(r.ref);
    }
    // Hidden: what only a class leads to.
    const viaType = [];
    for (const o of snap.objects) if (o.type === 'type') for (const r of o.refs) viaType.push(r.ref);
    const seen = new Set();
    while (viaType.length) {
      const id = viaType.pop();
      if (seen.has(id) || reached.has(id)) continue;
      seen.add(id);
      const o = byId.get(id);
      if (!o) continue;
      if (!o.static) internal.add(id);
      for (const r of o.refs) if (r.ref) viaType.push(r.ref);
    }
  }
  return { byId, rootIds, inline, internal };
}

/** Collapse big containers' items (and then whole types) into group boxes. */
function collapse(snap, visible, cls, opts) {
  const groups = new Map(); // key -> group
  const memberOf = new Map(); // id -> group key
  if (visible.length <= COLLAPSE_AT) return { groups, memberOf };
  const { byId } = cls;
  const rootSet = new Set(cls.rootIds);
  const visSet = new Set(visible.map((o) => o.id));
  const referrers = new Map();
  for (const o of visible) {
    for (const r of o.refs) {
      if (!visSet.has(r.ref)) continue;
      let a = referrers.get(r.ref);
      if (!a) referrers.set(r.ref, (a = []));
      a.push(o.id);
    }
  }
  const orphansByType = new Map();
  for (const o of visible) {
    if (!referrers.has(o.id) && !rootSet.has(o.id)) {
      let a = orphansByType.get(o.type);
      if (!a) orphansByType.set(o.type, (a = []));
      a.push(o.id);
    }
  }
  let remaining = visible.length;
  const exempt = new Set(); // items of containers the user expanded: never grouped again

  const absorbInner = (g) => {
    // Everything referred to only from inside the group belongs to it.
    const inGroup = new Set(g.members);
    const queue = [...g.members];
    while (queue.length) {
      const o = byId.get(queue.pop());
      for (const r of o.refs) {
        const t = r.ref;
        if (!visSet.has(t) || inGroup.has(t) || memberOf.has(t) || rootSet.has(t)) continue;
        const refs = referrers.get(t) || [];
        if (refs.every((s) => inGroup.has(s))) {
          inGroup.add(t);
          g.inner.push(t);
          queue.push(t);
        }
      }
    }
  };
  const addGroup = (g) => {
    absorbInner(g);
    for (const id of g.members) memberOf.set(id, g.key);
    for (const id of g.inner) memberOf.set(id, g.key);
    g.bytes = [...g.members, ...g.inner].reduce((s, id) => s + byId.get(id).size, 0);
    groups.set(g.key, g);
    remaining -= g.members.length + g.inner.length - 1;
  };

  for (const c of visible) {
    if (remaining <= COLLAPSE_AT) break;
    if (memberOf.has(c.id)) continue;
    const summarized = c.len > c.refs.length;
    if (c.refs.length < GROUP_MIN && !summarized) continue;
    const byType = new Map();
    for (const r of c.refs) {
      const t = byId.get(r.ref);
      if (!t || !visSet.has(t.id) || rootSet.has(t.id) || memberOf.has(t.id)) continue;
      const refs = referrers.get(t.id);
      if (!refs || refs.some((s) => s !== c.id)) continue;
      let a = byType.get(t.type);
      if (!a) byType.set(t.type, (a = []));
      if (!a.includes(t.id)) a.push(t.id);
    }
    for (const [type, ids] of byType) {
      const key = `grp-${c.id}-${type}`;
      const members = [...ids];
      if (summarized && orphansByType.has(type)) {
        // The container lists only its first items; its other items have no listed referrer.
        for (const id of orphansByType.get(type)) if (!memberOf.has(id)) members.push(id);
        orphansByType.delete(type);
      }
      if (opts.expanded.has(key)) {
        for (const id of members) exempt.add(id);
        continue;
      }
      if (members.length < GROUP_MIN) continue;
      addGroup({ key, kind: 'container', container: c.id, type, members, inner: [] });
    }
  }
  if (remaining > COLLAPSE_AT) {
    const byType = new Map();
    for (const o of visible) {
      if (memberOf.has(o.id) || rootSet.has(o.id) || exempt.has(o.id)) continue;
      let a = byType.get(o.type);
      if (!a) byType.set(o.type, (a = []));
      a.push(o.id);
    }
    const types = [...byType].sort((a, b) => b[1].length - a[1].length);
    for (const [type, ids] of types) {
      if (remaining <= COLLAPSE_AT || ids.length < GROUP_MIN) break;
      const key = `grp-type-${type}`;
      if (opts.expanded.has(key)) continue;
      addGroup({ key, kind: 'type', container: null, type, members: ids, inner: [] });
    }
  }
  return { groups, memberOf };
}

/**
 * Lay out one snapshot. `prev` is the layout on screen (or null); opts = {showStatic,
 * showInternals, expanded: Set of group keys}. Returns {frames, nodes: Map key -> node,
 * edges, keyOf: Map object id -> key of the box that shows it, bounds, counts}.
 */
export function layout(snap, prev, opts) {
  const cls = classify(snap, opts);
  const { byId, inline, internal } = cls;
  const visible = snap.objects.filter((o) => !inline.has(o.id) && !internal.has(o.id));
  const { groups, memberOf } = collapse(snap, visible, cls, opts);
  const keyOf = new Map();
  for (const o of visible) keyOf.set(o.id, memberOf.get(o.id) || `obj-${o.id}`);
  const phase = snap.gc.phase;

  // ---- slot contents: a pointer to a box, or inline text
  const slot = (ref, label) => {
    if (!ref) return { text: label === undefined ? 'NULL' : '—', inline: true, title: 'empty' };
    const t = byId.get(ref);
    if (!t) return { text: '…', inline: true, title: 'an object memviz does not show' };
    if (label === '__class__' && !opts.showInternals) return { text: t.repr || t.type, inline: true, title: nameOf(t) };
    if (inline.has(ref)) return { text: shortRepr(t), inline: true, title: `${nameOf(t)} (shared)` };
    if (internal.has(ref)) return { text: nameOf(t), inline: true, title: 'class internal: tick "Class internals" to draw it' };
    return { ref: keyOf.get(ref), id: ref };
  };

  // ---- frames (left column, outermost first)
  const frames = [];
  let fy = 0;
  for (let i = 0; i < snap.frames.length; i++) {
    const f = snap.frames[i];
    const rows = [];
    let y = HEAD_H;
    for (const v of f.locals) {
      rows.push({ key: `v-${v.name}`, label: v.name, y, ...slot(v.ref, v.name) });
      y += ROW_H;
    }
    if (!f.locals.length) y += 4;
    const stackY = y;
    const stack = [];
    if (f.stack.length) {
      y += STACK_HEAD_H;
      for (let s = 0; s < f.stack.length; s++) {
        stack.push({ key: `s${s}`, label: `[${s}]`, y, temp: true, ...slot(f.stack[s]) });
        y += ROW_H;
      }
    }
    const h = y + 8;
    frames.push({
      key: `frame-${f.id}`,
      id: f.id,
      name: f.name,
      line: f.line,
      top: i === snap.frames.length - 1,
      x: FRAME_X,
      y: fy,
      w: FRAME_W,
      h,
      rows,
      stack,
      stackY,
    });
    fy += h + FRAME_GAP;
  }

  // ---- boxes: size and rows
  const nodes = new Map();
  const makeObjNode = (o) => {
    const rows = [];
    let body = null;
    const refs = orderedRefs(o);
    const grouped = new Map(); // group key -> count of rows folded into one
    const CONTAINERS = ['list', 'tuple', 'dict', 'set', 'frozenset'];
    if (refs.length === 0) {
      body = o.repr || (CONTAINERS.includes(o.type) ? (o.len ? `${fmtCount(o.len)} item${o.len === 1 ? '' : 's'}` : 'empty') : '');
    } else {
      const own = []; // refs drawn as rows (the rest go into groups)
      for (const r of refs) {
        const s = slot(r.ref, r.label);
        if (s.ref && groups.has(s.ref)) grouped.set(s.ref, (grouped.get(s.ref) || 0) + 1);
        else own.push({ r, s });
      }
      const shown = own.length > MAX_ROWS ? MAX_ROWS - 1 : own.length;
      const extra = [];
      own.forEach(({ r, s }, i) => {
        if (i < shown) rows.push({ key: `r${i}`, label: r.label, weak: r.weak, ...s });
        else if (s.ref) extra.push({ ref: s.ref, id: s.id, weak: r.weak });
      });
      for (const [gk] of grouped) {
        const g = groups.get(gk);
        rows.push({ key: `g-${gk}`, label: '[…]', ref: gk, text: `${fmtCount(g.members.length)} ${g.type}` });
      }
      if (own.length > shown) {
        rows.push({ key: 'more', label: '', more: true, text: `… ${own.length - shown} more`, refs: extra });
      }
      if (o.len > o.refs.length && !grouped.size) {
        rows.push({ key: 'unlisted', label: '', more: true, text: `… ${fmtCount(o.len - o.refs.length)} more not listed` });
      }
    }
    const garbage = !o.reachable;
    let y = HEAD_H;
    for (const r of rows) {
      r.y = y;
      y += ROW_H;
    }
    if (body !== null) y += ROW_H;
    const h = y + FOOT_H + (garbage ? NOTE_H : 0);
    const inGc = phase !== null && (o.gc_refs !== null || o.gc_mark !== 'none');
    return {
      key: `obj-${o.id}`,
      kind: 'obj',
      id: o.id,
      o,
      w: OBJ_W,
      h,
      rows,
      body,
      garbage,
      immortal: isImmortal(o),
      inGc,
      mark: phase !== null ? o.gc_mark : 'none',
      foot: `${fmtBytes(o.size)} · ${o.generation === null ? 'not tracked' : o.generation === 3 ? 'permanent' : 'gen ' + o.generation}`,
    };
  };
  for (const o of visible) if (!memberOf.has(o.id)) nodes.set(`obj-${o.id}`, makeObjNode(o));
  for (const g of groups.values()) {
    const c = g.container ? byId.get(g.container) : null;
    const rows = [
      { key: 'in', label: '', more: true, text: c ? `items of ${nameOf(c)}` : 'no single container' },
      { key: 'inner', label: '', more: true, text: g.inner.length ? `+ ${fmtCount(g.inner.length)} objects inside them` : 'nothing else inside' },
      { key: 'open', label: '', expand: true, text: '▸ click to expand' },
    ];
    rows.forEach((r, i) => (r.y = HEAD_H + i * ROW_H));
    nodes.set(g.key, {
      key: g.key,
      kind: 'group',
      group: g,
      w: OBJ_W,
      h: HEAD_H + rows.length * ROW_H + FOOT_H,
      rows,
      title: c ? `${c.type} of ${fmtCount(g.members.length)} ${g.type}` : `${fmtCount(g.members.length)} × ${g.type}`,
      foot: fmtBytes(g.bytes),
    });
  }

  // ---- placement, in breadth-first order from the frames
  const order = [];
  const parentY = new Map(); // key -> absolute y of the row that first refers to it
  const parentCol = new Map(); // key -> column of that referrer (-1: a frame)
  const seen = new Set();
  const visit = (key, y, col) => {
    if (!key || seen.has(key) || !nodes.has(key)) return;
    seen.add(key);
    order.push(key);
    parentY.set(key, y);
    parentCol.set(key, col);
  };
  for (const f of frames) {
    for (const r of f.rows) visit(r.ref, f.y + r.y, -1);
    for (const r of f.stack) visit(r.ref, f.y + r.y, -1);
  }
  const pending = [...nodes.keys()].sort(); // orphans and garbage, in a stable order
  let qi = 0;
  let pi = 0;
  while (qi < order.length || pi < pending.length) {
    if (qi >= order.length) {
      visit(pending[pi++], null, null);
      continue;
    }
    const n = nodes.get(order[qi++]);
    const y0 = null; // resolved after placement (rows are relative to the box)
    for (const r of n.rows) {
      if (r.ref) visit(r.ref, y0, n.key);
      if (r.refs) for (const e of r.refs) visit(e.ref, y0, n.key);
    }
  }

  const prevNodes = prev ? prev.nodes : new Map();
  const columns = new Map(); // col -> [{y0, y1}]
  const occupy = (col, y, h) => {
    let c = columns.get(col);
    if (!c) columns.set(col, (c = []));
    c.push({ y0: y, y1: y + h });
    c.sort((a, b) => a.y0 - b.y0);
  };
  const findFree = (col, y, h) => {
    const c = columns.get(col) || [];
    y = Math.max(0, y);
    for (const iv of c) {
      if (iv.y1 + V_GAP <= y) continue;
      if (iv.y0 >= y + h + V_GAP) break;
      y = iv.y1 + V_GAP;
    }
    return y;
  };
  const MUTABLE = new Set(['list', 'dict', 'set', 'bytearray', 'deque', 'defaultdict', 'OrderedDict']);
  const extent = (n) => n.h + (n.kind === 'obj' && MUTABLE.has(n.o.type) ? SLACK_ROWS * ROW_H : 0);
  // 1. everything that was on screen keeps its place (pushed down only if overlapped)
  const kept = [];
  for (const key of order) {
    const p = prevNodes.get(key);
    if (!p) continue;
    const n = nodes.get(key);
    n.col = p.col;
    n.x = p.x;
    n.y = p.y;
    kept.push(n);
  }
  const byCol = new Map();
  for (const n of kept) {
    if (!byCol.has(n.col)) byCol.set(n.col, []);
    byCol.get(n.col).push(n);
  }
  for (const [col, list] of byCol) {
    list.sort((a, b) => a.y - b.y);
    let bottom = -Infinity;
    for (const n of list) {
      if (n.y < bottom + V_GAP) n.y = bottom + V_GAP;
      bottom = n.y + n.h;
      occupy(col, n.y, extent(n));
    }
  }
  // 2. new boxes go right of their first referrer, level with the referring row
  for (const key of order) {
    const n = nodes.get(key);
    if (n.x !== undefined) continue;
    const pc = parentCol.get(key);
    let col = 0;
    let y = 0;
    if (pc === -1) {
      y = parentY.get(key) - HEAD_H / 2 + ROW_H / 2;
    } else if (pc) {
      const p = nodes.get(pc);
      col = p.col + 1;
      const row = p.rows.find((r) => r.ref === key || (r.refs && r.refs.some((e) => e.ref === key)));
      y = p.y + (row ? row.y : 0) - HEAD_H / 2 + ROW_H / 2;
    } else {
      // unreferenced (garbage, or items whose container is summarized): below everything
      col = 0;
      y = 0;
    }
    n.col = col;
    n.x = HEAP_X + col * COL_W;
    n.y = findFree(col, y, extent(n));
    occupy(col, n.y, extent(n));
  }

  // ---- edges
  const edges = [];
  const edgeKeys = new Map();
  const addEdge = (base, sx, sy, dstKey, cls2) => {
    const t = nodes.get(dstKey);
    if (!t) return;
    const n = (edgeKeys.get(base) || 0) + 1;
    edgeKeys.set(base, n);
    const g = edgeGeometry(sx, sy, t);
    edges.push({ key: n > 1 ? `${base}~${n}` : base, d: g.d, len: g.len, dst: dstKey, ...cls2 });
  };
  const idOf = (key) => key.replace(/^obj-/, '');
  for (const f of frames) {
    for (const r of f.rows) {
      if (r.ref) addEdge(`edge-f${f.id}-${r.label}-${idOf(r.ref)}`, f.x + f.w - PTR_INSET, f.y + r.y + ROW_H / 2, r.ref, { src: f.key, var: r.label });
    }
    for (const r of f.stack) {
      if (r.ref) addEdge(`edge-f${f.id}-${r.key}-${idOf(r.ref)}`, f.x + f.w - PTR_INSET, f.y + r.y + ROW_H / 2, r.ref, { src: f.key, temp: true });
    }
  }
  for (const n of nodes.values()) {
    if (n.kind !== 'obj') continue;
    for (const r of n.rows) {
      const sx = n.x + n.w - PTR_INSET;
      const sy = n.y + r.y + ROW_H / 2;
      const src = { src: n.key, garbage: n.garbage, label: r.label };
      if (r.ref) addEdge(`edge-${n.id}-${idOf(r.ref)}`, sx, sy, r.ref, { ...src, weak: r.weak });
      if (r.refs) for (const e of r.refs) addEdge(`edge-${n.id}-${idOf(e.ref)}`, sx, sy, e.ref, { ...src, weak: e.weak });
    }
  }

  // ---- bounds
  let x1 = FRAME_X + FRAME_W;
  let y1 = fy;
  for (const n of nodes.values()) {
    x1 = Math.max(x1, n.x + n.w);
    y1 = Math.max(y1, n.y + n.h);
  }
  let empty = null;
  if (!frames.length && !nodes.size) {
    empty = snap.kind === 'error' ? 'The program did not start: see the error in the code.' : 'Nothing on the stack yet: press Next (→).';
  }
  return {
    step: snap.step,
    empty,
    frames,
    nodes,
    edges,
    keyOf,
    groups,
    bounds: { x0: 0, y0: -30, x1: x1 + 60, y1: y1 + 20 },
    counts: {
      objects: snap.objects.length,
      boxes: nodes.size,
      inline: inline.size,
      internal: internal.size,
      grouped: memberOf.size,
    },
  };
}

/** An arrow from a slot's pointer dot (sx, sy) to a box: forward into its left side, else
 *  looping round into its right side. Returns the SVG path and its length (for the animation
 *  that draws it: measuring the path in the page would force a layout). */
export function edgeGeometry(sx, sy, t) {
  const ty = t.y + HEAD_H / 2;
  let c;
  if (t.x >= sx + 30) {
    const dx = Math.max(30, (t.x - sx) * 0.5);
    c = [sx, sy, sx + dx, sy, t.x - dx, ty, t.x - 2, ty];
  } else {
    const ex = t.x + t.w;
    const out = Math.max(sx, ex) + Math.max(36, Math.abs(sy - ty) * 0.35);
    c = [sx, sy, out, sy, out, ty, ex + 2, ty];
  }
  return { d: `M${c[0]},${c[1]} C${c[2]},${c[3]} ${c[4]},${c[5]} ${c[6]},${c[7]}`, len: bezierLength(c) };
}

function bezierLength(c) {
  let len = 0;
  let px = c[0];
  let py = c[1];
  for (let i = 1; i <= 16; i++) {
    const t = i / 16;
    const u = 1 - t;
    const x = u * u * u * c[0] + 3 * u * u * t * c[2] + 3 * u * t * t * c[4] + t * t * t * c[6];
    const y = u * u * u * c[1] + 3 * u * u * t * c[3] + 3 * u * t * t * c[5] + t * t * t * c[7];
    len += Math.hypot(x - px, y - py);
    px = x;
    py = y;
  }
  return len;
}
