// store.js: the state of the page as data: the open run (its step index), the cursor, and a
// cache of snapshots so that Back is as instant as Next.
//
// A snapshot is fetched once; its neighbours are derived from it with small diffs
// (GET /diff, applied by applyDiff() exactly as docs/trace-format.md says), ahead of the cursor
// and behind it, so stepping either way usually needs no request at all. Unchanged objects are
// shared between cached snapshots (applyDiff keeps their identity), which keeps the cache
// small and lets the renderer skip them with an identity test.
//
// Listeners get:
//   'run'   {run}                       a new run was opened (index + source)
//   'step'  {snap, prev, from, to}      the cursor moved; prev is the snapshot shown before
//   'busy'  {busy}                      a step is being fetched
//   'error' {error}                     a request failed
//   'play'  {playing}                   playback started / stopped

export const TRACE_FORMAT_VERSION = 1;

const CACHE_MAX = 1200; // snapshots kept (LRU); objects are shared, so this is cheap
const PREFETCH_AHEAD = 6; // steps derived ahead of the cursor
const PREFETCH_BEHIND = 3; // and behind it
const DIFF_REACH = 400; // fetch a diff from a cached step at most this far away, else a snapshot

/** Snapshot(a) + diff(a -> b) = snapshot(b); `a` is not modified. */
export function applyDiff(a, d) {
  const removed = new Set(d.removed);
  const replace = new Map();
  for (const o of d.changed) replace.set(o.id, o);
  for (const o of d.added) replace.set(o.id, o);
  const objects = [];
  for (const o of a.objects) {
    if (removed.has(o.id)) continue;
    const r = replace.get(o.id);
    if (r) {
      objects.push(r);
      replace.delete(o.id);
    } else {
      objects.push(o);
    }
  }
  if (replace.size) {
    for (const o of replace.values()) objects.push(o);
    objects.sort((x, y) => x.id - y.id);
  }
  return {
    version: d.version,
    step: d.step,
    kind: d.kind,
    line: d.line,
    gc: d.gc,
    frames: d.frames !== undefined ? d.frames : a.frames,
    objects,
    events: d.events,
    memory: d.memory,
    stdout: d.stdout,
    error: d.error,
  };
}

/** Map id -> object of a snapshot, computed once per snapshot. */
const byIdCache = new WeakMap();
export function objectsById(snap) {
  let m = byIdCache.get(snap);
  if (!m) {
    m = new Map();
    for (const o of snap.objects) m.set(o.id, o);
    byIdCache.set(snap, m);
  }
  return m;
}

export function createStore(api) {
  let run = null; // {id, meta (step index fields), source, scenario, filename}
  let cursor = -1; // the step on screen
  let target = -1; // the step asked for last (may still be loading)
  let generation = 0; // bumps when a new run opens: late answers for an old run are dropped
  const cache = new Map();
  const inflight = new Map();
  const listeners = new Map();
  let playback = null;
  let prefetchQueue = [];
  let prefetching = false;

  function on(type, fn) {
    if (!listeners.has(type)) listeners.set(type, new Set());
    listeners.get(type).add(fn);
    return () => listeners.get(type).delete(fn);
  }
  function emit(type, detail) {
    for (const fn of listeners.get(type) || []) fn(detail);
  }

  function cached(n) {
    const s = cache.get(n);
    if (s) {
      cache.delete(n); // LRU: most recent last
      cache.set(n, s);
    }
    return s;
  }

  function put(n, snap) {
    if (snap.version !== TRACE_FORMAT_VERSION) {
      throw new Error(`trace format version ${snap.version} is not supported (expected ${TRACE_FORMAT_VERSION})`);
    }
    cache.delete(n);
    cache.set(n, snap);
    while (cache.size > CACHE_MAX) {
      const oldest = cache.keys().next().value;
      if (oldest === cursor || oldest === target) {
        const s = cache.get(oldest);
        cache.delete(oldest);
        cache.set(oldest, s);
        if (cache.size <= CACHE_MAX + 2) break;
        continue;
      }
      cache.delete(oldest);
    }
  }

  function nearestCached(n) {
    let best = -1;
    let dist = Infinity;
    for (const k of cache.keys()) {
      const d = Math.abs(k - n);
      if (d < dist) {
        dist = d;
        best = k;
      }
    }
    return dist <= DIFF_REACH ? best : -1;
  }

  /** Promise of snapshot n: from the cache, from a diff against a cached step, or fetched. */
  function fetchStep(n) {
    const hit = cached(n);
    if (hit) return Promise.resolve(hit);
    if (inflight.has(n)) return inflight.get(n);
    const gen = generation;
    const id = run.id;
    const k = nearestCached(n);
    const base = k >= 0 ? cache.get(k) : null;
    const p = (base ? api.diff(id, k, n).then((d) => applyDiff(base, d)) : api.step(id, n))
      .then((snap) => {
        if (gen === generation) put(n, snap);
        return snap;
      })
      .finally(() => inflight.delete(n));
    inflight.set(n, p);
    return p;
  }

  function schedulePrefetch(n) {
    const want = [];
    for (let i = 1; i <= PREFETCH_AHEAD; i++) want.push(n + i);
    for (let i = 1; i <= PREFETCH_BEHIND; i++) want.push(n - i);
    prefetchQueue = want.filter((k) => k >= 0 && k < nsteps() && !cache.has(k));
    if (!prefetching) pumpPrefetch();
  }

  async function pumpPrefetch() {
    prefetching = true;
    const gen = generation;
    while (prefetchQueue.length && gen === generation) {
      const k = prefetchQueue.shift();
      if (cache.has(k)) continue;
      try {
        await fetchStep(k);
      } catch {
        break; // a real move will report the error
      }
    }
    prefetching = false;
  }

  function nsteps() {
    return run ? run.meta.nsteps : 0;
  }

  async function go(n) {
    if (!run) return;
    n = Math.max(0, Math.min(nsteps() - 1, Math.round(n)));
    target = n;
    const gen = generation;
    let snap = cached(n);
    if (!snap) {
      emit('busy', { busy: true });
      try {
        snap = await fetchStep(n);
      } catch (error) {
        emit('busy', { busy: false });
        emit('error', { error });
        return;
      }
      emit('busy', { busy: false });
      if (gen !== generation || target !== n) return; // superseded by a newer move
    }
    const from = cursor;
    const prev = from >= 0 ? cache.get(from) || null : null;
    cursor = n;
    emit('step', { snap, prev, from, to: n });
    schedulePrefetch(n);
  }

  /** Open a recorded run: `summary` is the answer of POST /api/runs (or {id}). */
  async function open(summary, { scenario = null } = {}) {
    stop();
    const meta = await api.run(summary.id);
    if (meta.state !== 'done') throw new Error('the run is still recording');
    if (meta.version !== TRACE_FORMAT_VERSION) {
      throw new Error(`trace format version ${meta.version} is not supported`);
    }
    generation++;
    cache.clear();
    inflight.clear();
    prefetchQueue = [];
    run = { id: meta.id, meta, source: meta.source, filename: meta.filename, scenario };
    cursor = -1;
    target = -1;
    emit('run', { run });
  }

  /** Steps at which a collection starts (for `g` and the timeline). */
  function collectionStarts() {
    if (!run) return [];
    if (run.collections) return run.collections;
    const ph = run.meta.steps.gc_phase;
    const out = [];
    for (let i = 0; i < ph.length; i++) {
      if (ph[i] !== null && (i === 0 || ph[i - 1] === null || ph[i] === 'start')) out.push(i);
    }
    run.collections = out;
    return out;
  }

  // ---- playback: the server's step stream, paced by the server at `speed` steps per second
  function play(speed) {
    if (!run) return;
    stop();
    let from = cursor;
    if (from >= nsteps() - 1) from = 0;
    const gen = generation;
    let last = null;
    let lastStep = -1;
    const state = { speed };
    const finish = () => {
      if (playback === state) {
        playback = null;
        emit('play', { playing: false });
      }
    };
    state.handle = api.stream(run.id, { from, speed }, {
      onSnapshot(snap) {
        if (gen !== generation) return;
        last = snap;
        lastStep = snap.step;
        put(snap.step, snap);
        if (snap.step !== cursor) go(snap.step);
      },
      onDiff(d) {
        if (gen !== generation || playback !== state) return;
        const base = lastStep === d.from ? last : cache.get(d.from);
        if (!base) return;
        last = applyDiff(base, d);
        lastStep = d.to;
        put(d.to, last);
        go(d.to);
      },
      onEnd: finish,
      onError(error) {
        if (playback === state) emit('error', { error });
        finish();
      },
    });
    playback = state;
    emit('play', { playing: true });
    if (from !== cursor) go(from);
  }

  function stop() {
    if (playback) {
      const p = playback;
      playback = null;
      p.handle.close();
      emit('play', { playing: false });
    }
  }

  return {
    on,
    open,
    go,
    play,
    stop,
    fetchStep,
    collectionStarts,
    get run() {
      return run;
    },
    get cursor() {
      return cursor;
    },
    get target() {
      return target;
    },
    get nsteps() {
      return nsteps();
    },
    get playing() {
      return playback !== null;
    },
    get speed() {
      return playback ? playback.speed : 0;
    },
    snapshot: (n) => cache.get(n) || null,
  };
}
