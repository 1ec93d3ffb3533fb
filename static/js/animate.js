// animate.js: plays one step's events, in their order, over the drawing render() just made.
//
// render() has already put the diagram in its final state; the animator makes the change
// readable: new objects fade in and their arrows draw from source to target, refcount badges
// tick through each +1 / -1 with a pulse, an object whose count reaches 0 flashes and fades and
// its arrows retract, in the order CPython did it (the events' order). A collection step plays
// its phase: the collected generation is outlined, gc_refs appear, subtract_refs flashes each
// internal reference as it decrements its target, move_unreachable spreads the "reachable"
// colour outward from the objects with gc_refs > 0 while the rest turn red, finalizers and
// the deleted garbage flash, fade and go.
//
// Timing is a schedule of callbacks on requestAnimationFrame plus Web Animations; finish()
// jumps everything to its end state at once (the next step, Back, or a test that wants the
// final picture never waits for an animation).

import { objectsById } from './store.js';

export const STEP_MS = 1100; // a step's animation at 1x
const FADE_MS = 360;
const DRAW_MS = 420;
const PULSE_MS = 460;
const FLASH_MS = 520;
const SLIDE_MS = 380;
const MAX_STAGGER = 260;
const MIN_BUDGET = 140; // below this (fast playback) only fades, no choreography
const MAX_SLIDES = 24; // more boxes moving than this (a re-layout): they jump, no slide
const MAX_FADES = 60; // more boxes appearing than this (a jump): they just appear

export function createAnimator(renderer) {
  let queue = []; // {at, fn} sorted by time
  let t0 = 0;
  let raf = 0;
  let endAt = 0;
  let resolveDone = null;
  let onIdle = null;
  const reduced = matchMedia('(prefers-reduced-motion: reduce)');

  function pump(now) {
    raf = 0;
    const t = now - t0;
    while (queue.length && queue[0].at <= t) queue.shift().fn();
    if (queue.length || t < endAt) raf = requestAnimationFrame(pump);
    else done();
  }
  function done(notify = true) {
    const r = resolveDone;
    resolveDone = null;
    if (r) r();
    if (notify) onIdle?.();
  }
  function at(ms, fn) {
    queue.push({ at: ms, fn });
  }

  /** Jump every running animation and pending tick to its end. */
  function finish(notify = true) {
    if (raf) cancelAnimationFrame(raf);
    raf = 0;
    const pending = queue;
    queue = [];
    for (const q of pending) q.fn();
    renderer.cancelAll();
    done(notify);
  }

  const A = (target, keyframes, opts) => renderer.animate(target, keyframes, { easing: 'ease-out', ...opts });

  function fadeIn(key, delay, ms = FADE_MS) {
    A(key, [{ opacity: 0 }, { opacity: 1 }], { duration: ms, delay });
  }
  function ring(key, cls, delay, ms = FLASH_MS) {
    at(delay, () => {
      const r = renderer.fxRing(key, cls);
      if (!r) return;
      const a = A(r, [{ opacity: 0 }, { opacity: 1, offset: 0.25 }, { opacity: 0 }], { duration: ms });
      a.onfinish = () => renderer.removeFx(r);
    });
  }
  function drawEdge(key, delay, ms = DRAW_MS) {
    const len = renderer.edgeLength(key);
    if (!len) return;
    A(key, [
      { strokeDasharray: `${len} ${len}`, strokeDashoffset: len, opacity: 0 },
      { opacity: 1, offset: 0.15 },
      { strokeDasharray: `${len} ${len}`, strokeDashoffset: 0, opacity: 1 },
    ], { duration: ms, delay, easing: 'ease-in-out' });
  }
  function retractEdge(el, delay, ms = DRAW_MS) {
    const len = el._edge?.len || 0;
    const a = A(el, [
      { strokeDasharray: `${len} ${len}`, strokeDashoffset: 0, opacity: 1 },
      { strokeDasharray: `${len} ${len}`, strokeDashoffset: -len, opacity: 0 },
    ], { duration: ms, delay, fill: 'both', easing: 'ease-in' });
    if (a) a.onfinish = () => renderer.discard(el);
  }
  function fadeOut(el, delay, ms = FADE_MS, flash = false) {
    const frames = flash
      ? [{ opacity: 1, transform: 'none' }, { opacity: 1, transform: 'none', offset: 0.45 }, { opacity: 0, transform: 'translateY(10px)' }]
      : [{ opacity: 1 }, { opacity: 0 }];
    const a = A(el, frames, { duration: ms, delay, fill: 'both', easing: 'ease-in' });
    if (a) a.onfinish = () => renderer.discard(el);
  }
  function pulseBadge(key, delay, up) {
    const badge = renderer.badgeOf(key);
    if (!badge) return;
    const color = up ? 'var(--inc)' : 'var(--dec)';
    A(badge, [
      { transform: 'scale(1)', backgroundColor: color },
      { transform: 'scale(1.45)', backgroundColor: color, offset: 0.35 },
      { transform: 'scale(1)', backgroundColor: color, offset: 0.7 },
      { transform: 'scale(1)' },
    ], { duration: PULSE_MS + 200, delay });
  }
  function floatText(key, delay, text, cls) {
    const n = renderer.layout?.nodes.get(key);
    if (!n) return;
    at(delay, () => {
      const t = renderer.fxText(n.x + n.w - 4, n.y - 22, text, cls);
      const a = A(t, [
        { opacity: 0, transform: 'translate(-50%, -50%) translateY(6px)' },
        { opacity: 1, transform: 'translate(-50%, -50%)', offset: 0.2 },
        { opacity: 0, transform: 'translate(-50%, -50%) translateY(-18px)' },
      ], { duration: 900 });
      a.onfinish = () => renderer.removeFx(t);
    });
  }
  function slide(m, ms = SLIDE_MS) {
    // the box is already at its new place (left/top): start it where it was
    A(m.key, [
      { transform: `translate(${m.from.x - m.to.x}px,${m.from.y - m.to.y}px)` },
      { transform: 'none' },
    ], { duration: ms, easing: 'ease-in-out' });
  }

  /**
   * Animate a step. ctx = {changes, snap, prev, lay, forward, budget}. Returns a Promise that
   * resolves when the animation is over (or finish() was called).
   */
  function play(ctx) {
    finish(false);
    const { changes, snap, prev, lay, forward } = ctx;
    const budget = reduced.matches ? 0 : ctx.budget ?? STEP_MS;
    t0 = performance.now();
    endAt = 0;
    const promise = new Promise((r) => (resolveDone = r));

    if (budget < MIN_BUDGET || !forward || !prev) {
      const ms = Math.min(200, Math.max(0, budget));
      if (ms > 0 && changes.entered.length + changes.exited.length <= MAX_FADES) {
        for (const key of changes.entered) fadeIn(key, 0, ms);
        for (const key of changes.framesEntered) fadeIn(key, 0, ms);
        if (changes.moved.length <= MAX_SLIDES) for (const m of changes.moved) slide(m, ms);
        for (const e of changes.edgesEntered) fadeIn(e, 0, ms);
        for (const x of [...changes.exited, ...changes.edgesExited, ...changes.framesExited]) fadeOut(x.el, 0, ms);
      } else {
        renderer.flushExits();
      }
      endAt = ms;
      raf = requestAnimationFrame(pump);
      return promise;
    }

    const events = snap.events.filter((e) => e.op !== 'stdout');
    const stagger = Math.min(MAX_STAGGER, (budget * 0.55) / Math.max(1, events.length));
    const entered = new Set(changes.entered);
    const exitedByKey = new Map(changes.exited.map((x) => [x.key, x.el]));
    const edgesByDst = new Map();
    const edgesBySrc = new Map();
    for (const key of changes.edgesEntered) {
      const el = renderer.element(key);
      const e = el?._edge;
      if (!e) continue;
      if (!edgesByDst.has(e.dst)) edgesByDst.set(e.dst, []);
      edgesByDst.get(e.dst).push(key);
    }
    for (const x of changes.edgesExited) {
      const src = x.el._edge?.src;
      if (!edgesBySrc.has(src)) edgesBySrc.set(src, []);
      edgesBySrc.get(src).push(x.el);
    }
    const drawn = new Set();
    const faded = new Set();
    const retracted = new Set();
    const prevById = objectsById(prev);
    const keyOfId = (id) => lay.keyOf.get(id) || `obj-${id}`;

    // Badges start at their previous value and tick at their events.
    const ticking = new Map();
    for (const ev of events) {
      if (ev.op !== 'refcount') continue;
      const key = keyOfId(ev.id);
      if (entered.has(key) || !key.startsWith('obj-') || ticking.has(key)) continue;
      ticking.set(key, ev.old);
    }
    for (const [key, v] of ticking) renderer.setBadge(key, v);

    let t = 0;
    for (const ev of events) {
      const key = keyOfId(ev.id);
      switch (ev.op) {
        case 'alloc':
          if (entered.has(key) && !faded.has(key)) {
            faded.add(key);
            fadeIn(key, t);
            ring(key, 'new', t);
            for (const ek of edgesByDst.get(key) || []) {
              drawn.add(ek);
              drawEdge(ek, t + FADE_MS * 0.4);
            }
          }
          break;
        case 'refcount': {
          if (!ticking.has(key)) break;
          const up = ev.new > ev.old;
          at(t, () => renderer.setBadge(key, ev.new));
          pulseBadge(key, t, up);
          const diff = ev.new - ev.old;
          floatText(key, t, `${diff > 0 ? '+' : '−'}${Math.abs(diff)}`, up ? 'up' : 'down');
          // the reference that caused it: a new arrow into this object draws now
          for (const ek of edgesByDst.get(key) || []) {
            if (drawn.has(ek)) continue;
            drawn.add(ek);
            drawEdge(ek, t);
          }
          break;
        }
        case 'free': {
          const el = exitedByKey.get(key);
          if (el && !faded.has(key)) {
            faded.add(key);
            at(t, () => {
              const b = el.querySelector('.badge .rc');
              if (b) b.textContent = '0';
            });
            fadeOut(el, t, FLASH_MS + 300, true);
            const bx = el._x;
            const by = el._y;
            if (bx !== undefined) {
              at(t, () => {
                const txt = renderer.fxText(bx + 98, by - 12, 'freed', 'free');
                const a = A(txt, [{ opacity: 0 }, { opacity: 1, offset: 0.2 }, { opacity: 0 }], { duration: 1000 });
                a.onfinish = () => renderer.removeFx(txt);
              });
            }
            for (const edgeEl of edgesBySrc.get(key) || []) {
              retracted.add(edgeEl);
              retractEdge(edgeEl, t + 80);
            }
          }
          break;
        }
        case 'content':
          if (!entered.has(key)) ring(key, 'changed', t);
          break;
        default:
          break;
      }
      t += stagger;
    }

    // Whatever the events did not cover.
    for (const key of changes.entered) if (!faded.has(key)) fadeIn(key, 0);
    for (const key of changes.framesEntered) fadeIn(key, 0);
    for (const x of changes.framesExited) fadeOut(x.el, 0);
    for (const [key, el] of exitedByKey) if (!faded.has(key)) fadeOut(el, 0);
    for (const key of changes.edgesEntered) if (!drawn.has(key)) drawEdge(key, Math.min(t, 150));
    for (const x of changes.edgesExited) if (!retracted.has(x.el)) retractEdge(x.el, 0, 300);
    if (changes.moved.length <= MAX_SLIDES) for (const m of changes.moved) slide(m);
    for (const key of changes.updated) {
      if (!ticking.has(key) && !snap.gc.phase) ring(key, 'changed', 0);
    }
    // variables that now refer to something else
    const prevFrames = new Map(prev.frames.map((f) => [f.id, f]));
    for (const f of snap.frames) {
      const pf = prevFrames.get(f.id);
      if (!pf) continue;
      const old = new Map(pf.locals.map((v) => [v.name, v.ref]));
      for (const v of f.locals) {
        if (old.get(v.name) === v.ref) continue;
        const row = renderer.frameRow(`frame-${f.id}`, `v-${v.name}`);
        const cell = row?.querySelector('.cell');
        if (cell) A(cell, [{ backgroundColor: 'var(--accent-soft)', borderColor: 'var(--accent)' }, {}], { duration: 900 });
      }
    }

    const gcEnd = snap.gc.phase ? playCollection(ctx, prevById, budget) : 0;
    endAt = Math.max(t + DRAW_MS + 200, gcEnd);
    raf = requestAnimationFrame(pump);
    return promise;
  }

  /** The phase of a collection this step shows. Returns when it ends (ms). */
  function playCollection({ snap, lay }, prevById, budget) {
    const phase = snap.gc.phase;
    const inGc = [...lay.nodes.values()].filter((n) => n.kind === 'obj' && n.inGc);
    const inSet = new Set(inGc.map((n) => n.key));
    const internalEdges = [];
    for (const n of inGc) {
      for (const r of n.rows) {
        if (r.ref && inSet.has(r.ref)) internalEdges.push({ src: n.key, dst: r.ref, id: n.id });
      }
    }
    const edgeKey = (e) => `edge-${e.id}-${e.dst.replace(/^obj-/, '')}`;
    const span = Math.max(budget * 1.6, 900);
    switch (phase) {
      case 'start':
      case 'merge': {
        const st = Math.min(90, span / Math.max(1, inGc.length));
        inGc.forEach((n, i) => ring(n.key, 'changed', i * st, 700));
        return inGc.length * st + 700;
      }
      case 'update_refs': {
        const st = Math.min(90, span / Math.max(1, inGc.length));
        inGc.forEach((n, i) => {
          const b = renderer.gcBadgeOf(n.key);
          if (b) A(b, [{ opacity: 0 }, { opacity: 1 }], { duration: 300, delay: i * st });
        });
        return inGc.length * st + 300;
      }
      case 'subtract_refs': {
        // gc_refs start at the refcount (update_refs) and lose one per internal reference.
        const value = new Map();
        for (const n of inGc) {
          const p = prevById.get(n.id);
          const start = p && p.gc_refs !== null ? p.gc_refs : n.o.refcount;
          value.set(n.key, start);
          renderer.setGcRefs(n.key, start);
        }
        const st = Math.min(MAX_STAGGER, span / Math.max(1, internalEdges.length));
        internalEdges.forEach((e, i) => {
          const ek = edgeKey(e);
          const el = renderer.element(ek);
          if (el) {
            A(el, [{ stroke: 'var(--collect)', strokeWidth: 4 }, { stroke: 'var(--collect)', strokeWidth: 4, offset: 0.6 }, {}], { duration: 700, delay: i * st });
          }
          at(i * st + 250, () => {
            const v = value.get(e.dst) - 1;
            value.set(e.dst, v);
            renderer.setGcRefs(e.dst, v);
          });
          const gb = renderer.gcBadgeOf(e.dst);
          if (gb) A(gb, [{ transform: 'scale(1)' }, { transform: 'scale(1.35)', offset: 0.4 }, { transform: 'scale(1)' }], { duration: 400, delay: i * st + 250 });
        });
        // make sure the badge ends on the recorded value
        at(internalEdges.length * st + 300, () => {
          for (const n of inGc) if (n.o.gc_refs !== null) renderer.setGcRefs(n.key, n.o.gc_refs);
        });
        return internalEdges.length * st + 700;
      }
      case 'move_unreachable': {
        // Breadth-first from the objects with gc_refs > 0: they are reachable from outside.
        const depth = new Map();
        const queue = [];
        for (const n of inGc) {
          const p = prevById.get(n.id);
          if (p && p.gc_refs > 0) {
            depth.set(n.key, 0);
            queue.push(n.key);
          }
        }
        while (queue.length) {
          const k = queue.shift();
          for (const e of internalEdges) {
            if (e.src === k && !depth.has(e.dst)) {
              depth.set(e.dst, depth.get(k) + 1);
              queue.push(e.dst);
            }
          }
        }
        const maxDepth = Math.max(0, ...depth.values());
        const st = Math.min(380, span / (maxDepth + 2));
        for (const n of inGc) {
          const cls = `mark-${n.mark}`;
          if (n.mark === 'none') continue;
          renderer.setClass(n.key, cls, false);
          const when = n.mark === 'reachable' && depth.has(n.key) ? depth.get(n.key) * st : (maxDepth + 1) * st;
          at(when, () => renderer.setClass(n.key, cls, true));
          ring(n.key, n.mark === 'reachable' ? 'new' : 'free', when, 600);
        }
        return (maxDepth + 1) * st + 600;
      }
      case 'finalize':
      case 'weakrefs': {
        const hit = inGc.filter((n) => n.mark === 'finalized' || n.mark === 'unreachable');
        hit.forEach((n, i) => ring(n.key, 'final', i * 200, 700));
        return hit.length * 200 + 700;
      }
      default:
        return 0;
    }
  }

  return {
    play,
    finish,
    set onIdle(fn) {
      onIdle = fn;
    },
    get busy() {
      return resolveDone !== null;
    },
  };
}
