// narrate.js: the caption under the code: what this step did, in words.
//
// Built from the step's events (each carries `by`, its cause), the scenario's narration notes
// for the line, and, at call steps, what sits on the caller's value stack, so that
// `sys.getrefcount(a)` reads "the +1 is the argument on the stack". Pure: returns HTML text.

import { objectsById } from './store.js';
import { nameOf, shortRepr } from './layout.js';

const esc = (s) =>
  String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

export const PHASE_TEXT = {
  start: (g) => `A collection of generation ${g} begins: the collector looks only at container objects in generations 0..${g}.`,
  merge: (g) => `The younger generations are merged into generation ${g}, the one being collected.`,
  update_refs: () => 'update_refs: each object in the collection gets gc_refs = its refcount.',
  subtract_refs: () => 'subtract_refs: every reference from one object in the collection to another subtracts 1 from the target\'s gc_refs. What is left counts references from outside: variables, the stack, older objects.',
  move_unreachable: () => 'move_unreachable: objects with gc_refs > 0 are reachable from outside, and so is everything they refer to (green). The rest are tentatively unreachable (red).',
  promote: () => 'The survivors move on to the next generation: they have lived through a collection.',
  weakrefs: () => 'Weak references to unreachable objects are cleared and their callbacks are called.',
  finalize: () => 'Finalizers (__del__) of the unreachable objects run (PEP 442), once per object.',
  resurrect: () => 'Anything a finalizer made reachable again is moved back to the survivors.',
  delete: () => 'The garbage is cleared (tp_clear breaks the cycles) and the refcount cascade frees it.',
  done: () => 'The collection is over; the generation counts are reset.',
};

const MAX_EVENTS = 12; // events listed in the caption; the rest are counted

const KIND_LABEL = {
  line: 'line', call: 'call', return: 'return', exception: 'exception', gc: 'gc',
  end: 'end', error: 'error', stopped: 'stopped',
};

function objName(byId, prevById, id) {
  const o = byId.get(id) || prevById.get(id);
  return o ? nameOf(o) : `object #${id}`;
}

/** What a call step is calling: in CPython 3.11 the stack holds [NULL, callable, args...]. */
function callSite(frame, byId) {
  if (!frame || !frame.stack.length) return null;
  const st = frame.stack;
  let nul = -1;
  for (let i = st.length - 1; i >= 0; i--) {
    if (st[i] === null) {
      nul = i;
      break;
    }
  }
  const callee = st[nul + 1];
  if (!callee) return null;
  const fn = byId.get(callee);
  const args = st.slice(nul + 2).map((id) => (id ? byId.get(id) : null)).filter(Boolean);
  return { fn, args };
}

/** HTML for one event. */
function eventText(ev, ctx) {
  const { byId, prevById, snap } = ctx;
  const name = esc(objName(byId, prevById, ev.id));
  const by = ev.by ? esc(ev.by) : '';
  switch (ev.op) {
    case 'alloc':
      return `<span class="new">new</span> ${name}, refcount ${ev.new}${by && by !== 'new' ? ` <span class="why">(${by})</span>` : ''}`;
    case 'refcount': {
      const up = ev.new > ev.old;
      let why = by ? `(${by})` : '';
      if (ev.by === 'stack') {
        why = up
          ? snap.kind === 'call'
            ? '— the +1 is the argument on the stack'
            : '— a temporary on the value stack'
          : '— the value stack let go of it';
      }
      return `${name} refcount ${ev.old} → ${ev.new} <span class="${up ? 'up' : 'down'}">${up ? '+' : '−'}${Math.abs(ev.new - ev.old)}</span> <span class="why">${why}</span>`;
    }
    case 'free':
      return `${name} <span class="free">freed</span>: ${snap.gc.phase ? 'the collector cleared it' : 'its refcount reached 0'}`;
    case 'content':
      return `${name} changed${by ? ` <span class="why">(${by})</span>` : ''}`;
    case 'bind':
      return `a name was bound${by ? ` <span class="why">(${by})</span>` : ''}`;
    case 'unbind':
      return `a name was unbound${by ? ` <span class="why">(${by})</span>` : ''}`;
    case 'gc':
      return `collector: ${by || 'work'}`;
    default:
      return `${esc(ev.op)} ${name}`;
  }
}

/**
 * The caption for `snap`. ctx = {prev, lines (source lines), notes (Map line -> text),
 * }. Returns HTML.
 */
/** When step n runs Python code in the middle of a collection (a __del__ or a weakref
 *  callback), the phase before it; else null. */
export function collectionAround(meta, n) {
  if (!meta) return null;
  const ph = meta.steps.gc_phase;
  if (ph[n] !== null) return null;
  let k = n - 1;
  while (k >= 0 && ph[k] === null) k--;
  let j = n + 1;
  while (j < ph.length && ph[j] === null) j++;
  if (k < 0 || j >= ph.length || ph[j] === 'start' || ph[k] === 'done') return null;
  return ph[k];
}

export function caption(snap, { prev, lines, notes, meta }) {
  const byId = objectsById(snap);
  const prevById = prev ? objectsById(prev) : new Map();
  const inSource = snap.line > 0 && snap.line <= lines.length;
  const src = inSource ? lines[snap.line - 1].trim() : '';
  const kind = snap.kind;
  let h = '<div class="cap-head">';
  h += `<span class="cap-kind k-${kind}">${KIND_LABEL[kind] || esc(kind)}</span>`;
  if (snap.line > 0) {
    h += inSource
      ? `<span>line ${snap.line}</span> <code class="cap-src">${esc(src)}</code>`
      : `<span class="muted">line ${snap.line} of library code (not in your file)</span>`;
  }
  h += '</div>';

  const note = inSource ? notes.get(snap.line) : null;
  if (note && (kind === 'line' || kind === 'call')) h += `<p class="cap-note">${esc(note)}</p>`;

  const items = [];
  const events = snap.events.filter((ev) => ev.op !== 'stdout');
  for (const ev of events.slice(0, MAX_EVENTS)) items.push(eventText(ev, { byId, prevById, snap }));
  if (events.length > MAX_EVENTS) items.push(`<span class="why">… and ${events.length - MAX_EVENTS} more changes in this step</span>`);
  if (kind === 'call') {
    const top = snap.frames[snap.frames.length - 1];
    const caller = prev && snap.frames.length > prev.frames.length ? snap.frames[snap.frames.length - 2] : top;
    const during = meta ? collectionAround(meta, snap.step) : null;
    if (during && prev && snap.frames.length > prev.frames.length) {
      items.push(top.name === '__del__'
        ? `<b>The collector runs a finalizer</b>: <code>__del__</code> of an unreachable object, before it is freed (PEP 442). It could even make the object reachable again.`
        : `<b>The collector calls ${esc(top.name)}()</b>: a weak reference to an unreachable object was cleared and this is its callback.`);
    } else if (prev && snap.frames.length > prev.frames.length) {
      items.push(`<b>${esc(top.name)}()</b> is called: a new frame on top of the call stack, its parameters are new names for the arguments.`);
    } else {
      const site = callSite(caller, byId);
      if (site && site.fn) {
        const args = site.args.map((a) => (a.static ? esc(shortRepr(a)) : esc(nameOf(a)))).join(', ');
        const fname = esc(site.fn.repr ? site.fn.repr.replace(/\(\)$/, '') : nameOf(site.fn));
        items.push(`Calling <code>${fname}(${args})</code>: its arguments wait on the caller's value stack (dimmed in the frame), and each one is a reference.`);
      }
    }
  } else if (kind === 'return') {
    const top = snap.frames[snap.frames.length - 1];
    if (top) items.push(`<b>${esc(top.name)}()</b> returns: its frame goes away and its local names stop referring to their objects.`);
  } else if (kind === 'exception') {
    items.push('An exception was raised (it may still be caught).');
  }
  if (snap.gc.phase) {
    const f = PHASE_TEXT[snap.gc.phase];
    items.unshift(`<b>Garbage collector</b> · ${f ? esc(f(snap.gc.generation)) : esc(snap.gc.phase)}`);
  }
  if (kind === 'end') items.push('The program finished.');
  if ((kind === 'error' || kind === 'stopped') && snap.error) {
    const last = snap.error.trim().split('\n').pop();
    items.push(`<span class="free">${kind === 'stopped' ? 'Stopped' : 'Error'}:</span> ${esc(last)}`);
  }
  if (!items.length) {
    h += `<p class="empty">${kind === 'line' ? 'Nothing in memory changed on this step.' : ''}</p>`;
  } else {
    h += '<ul>' + items.map((i) => `<li>${i}</li>`).join('') + '</ul>';
  }
  return h;
}
