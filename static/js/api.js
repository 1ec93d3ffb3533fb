// api.js: the only module that talks to the server (docs/api.md).
//
// Every call returns a Promise of parsed JSON; a non-2xx answer rejects with an ApiError that
// carries the server's `{error: {code, message}}`. `stream()` wraps EventSource for
// GET /api/runs/{id}/stream: a snapshot event, then diffs, then `end`.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export function createApi(base = '') {
  async function request(method, path, body) {
    const init = { method, headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(base + path, init);
    } catch (err) {
      throw new ApiError(0, 'network', `cannot reach the memviz server (${err.message})`);
    }
    let data = null;
    const text = await res.text();
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        throw new ApiError(res.status, 'bad_response', `the server sent something that is not JSON (${res.status})`);
      }
    }
    if (!res.ok) {
      const e = (data && data.error) || {};
      throw new ApiError(res.status, e.code || 'http_' + res.status, e.message || res.statusText);
    }
    return data;
  }

  const enc = encodeURIComponent;

  return {
    scenarios: () => request('GET', '/api/scenarios').then((r) => r.scenarios),

    /** POST /api/runs. `program` is {source} or {scenario}; waits until the run is recorded. */
    createRun(program, { maxSteps, filename } = {}) {
      const body = { ...program };
      if (maxSteps) body.max_steps = maxSteps;
      if (filename) body.filename = filename;
      return request('POST', '/api/runs', body);
    },

    run: (id) => request('GET', `/api/runs/${enc(id)}`),
    step: (id, n) => request('GET', `/api/runs/${enc(id)}/steps/${n}`),
    diff: (id, from, to) => request('GET', `/api/runs/${enc(id)}/diff?from=${from}&to=${to}`),
    retainers: (id, oid, step) =>
      request('GET', `/api/runs/${enc(id)}/objects/${oid}/retainers?step=${step}`),

    /**
     * Play a run from step `from` at `speed` steps per second. Handlers: onSnapshot(snap),
     * onDiff(diff), onEnd(), onError(). Returns {close()}. The stream is closed on `end` and on
     * the first error (EventSource would otherwise reconnect forever).
     */
    stream(id, { from = 0, speed = 0 }, handlers) {
      const url = `${base}/api/runs/${enc(id)}/stream?from=${from}&speed=${speed}`;
      const es = new EventSource(url);
      let closed = false;
      const close = () => {
        if (!closed) {
          closed = true;
          es.close();
        }
      };
      const parse = (fn) => (ev) => {
        if (closed) return;
        try {
          fn(JSON.parse(ev.data));
        } catch (err) {
          close();
          handlers.onError?.(err);
        }
      };
      es.addEventListener('snapshot', parse((d) => handlers.onSnapshot?.(d)));
      es.addEventListener('diff', parse((d) => handlers.onDiff?.(d)));
      es.addEventListener('end', () => {
        close();
        handlers.onEnd?.();
      });
      es.addEventListener('bye', () => {
        close();
        handlers.onEnd?.();
      });
      es.onerror = () => {
        if (closed) return;
        close();
        handlers.onError?.(new ApiError(0, 'stream', 'the step stream was interrupted'));
      };
      return { close };
    },
  };
}
