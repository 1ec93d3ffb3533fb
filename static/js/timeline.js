// timeline.js: the memory timeline under the controls. Bytes (area) and live objects (line)
// per step from the step index, bands where collections ran, the end marked if the run failed
// or was stopped, and the cursor. Click or drag to jump. A canvas, so it costs the same for
// ten steps or a million (one min/max bucket per pixel column).

import { fmtBytes } from './layout.js';

const PAD_X = 8;
const PAD_BOTTOM = 4;

export function createTimeline(canvas, tip, { onJump } = {}) {
  let meta = null;
  let cursor = 0;
  let dragging = false;
  let size = { w: 0, h: 0 }; // from the ResizeObserver: never read layout during a step
  let colors = null; // theme colours, read once per theme
  let base = null; // offscreen canvas: everything but the cursor
  let frame = 0;
  let fontPx = 10; // the legend's type, scaled with the page (4K)
  let padTop = 14;
  const measureType = () => {
    fontPx = Math.round((parseFloat(getComputedStyle(canvas).fontSize) || 14) * 0.72);
    padTop = fontPx + 4;
  };

  const css = (name) => {
    if (!colors) colors = {};
    if (!(name in colors)) colors[name] = getComputedStyle(canvas).getPropertyValue(name).trim();
    return colors[name];
  };

  function stepAt(clientX) {
    const r = canvas.getBoundingClientRect();
    const n = meta.nsteps;
    const f = (clientX - r.left - PAD_X) / Math.max(1, r.width - 2 * PAD_X);
    return Math.max(0, Math.min(n - 1, Math.round(f * (n - 1))));
  }

  function drawBase() {
    const dpr = window.devicePixelRatio || 1;
    const { w, h } = size;
    base = document.createElement('canvas');
    base.width = Math.round(w * dpr);
    base.height = Math.round(h * dpr);
    const g = base.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, h);
    g.fillStyle = css('--panel-2');
    g.fillRect(0, 0, w, h);
    if (!meta || !meta.nsteps) return;
    const n = meta.nsteps;
    const s = meta.steps;
    const iw = w - 2 * PAD_X;
    const ih = h - padTop - PAD_BOTTOM;
    const xOf = (i) => PAD_X + (n === 1 ? iw / 2 : (i / (n - 1)) * iw);
    const cols = Math.max(1, Math.floor(iw));
    const maxB = Math.max(1, ...bucket(s.bytes, cols));
    const maxO = Math.max(1, ...bucket(s.objects, cols));

    // collections
    g.fillStyle = css('--collect');
    g.globalAlpha = 0.28;
    for (let i = 0; i < n; i++) {
      if (s.gc_phase[i] === null) continue;
      let j = i;
      while (j + 1 < n && s.gc_phase[j + 1] !== null) j++;
      const x0 = xOf(i) - 1.5;
      g.fillRect(x0, padTop - 4, Math.max(3, xOf(j) - x0 + 1.5), ih + 4);
      i = j;
    }
    g.globalAlpha = 1;

    // bytes (area) and objects (line), one bucket per pixel column
    const points = (values) =>
      values.length <= cols
        ? values.map((v, i) => [xOf(i), v])
        : bucket(values, cols).map((v, c) => [PAD_X + (c / Math.max(1, cols - 1)) * iw, v]);
    const pb = points(s.bytes);
    const po = points(s.objects);
    const yB = (v) => padTop + ih - (v / maxB) * ih;
    const yO = (v) => padTop + ih - (v / maxO) * ih;
    g.beginPath();
    g.moveTo(pb[0][0], padTop + ih);
    for (const [x, v] of pb) g.lineTo(x, yB(v));
    g.lineTo(pb[pb.length - 1][0], padTop + ih);
    g.closePath();
    g.fillStyle = css('--accent-soft');
    g.fill();
    g.beginPath();
    pb.forEach(([x, v], i) => g[i ? 'lineTo' : 'moveTo'](x, yB(v)));
    g.strokeStyle = css('--accent');
    g.lineWidth = 1.5;
    g.stroke();
    g.beginPath();
    po.forEach(([x, v], i) => g[i ? 'lineTo' : 'moveTo'](x, yO(v)));
    g.strokeStyle = css('--inc');
    g.lineWidth = 1.5;
    g.stroke();

    // the end, if it was an error or a stop
    if (meta.status !== 'end') {
      g.fillStyle = css('--free');
      g.fillRect(xOf(n - 1) - 2, padTop - 4, 4, ih + 4);
    }

    // legend
    g.font = `600 ${fontPx}px ${css('--font-ui')}`;
    g.textBaseline = 'top';
    g.fillStyle = css('--accent');
    g.fillText(`bytes (max ${fmtBytes(maxB)})`, PAD_X, 2);
    const bw = g.measureText(`bytes (max ${fmtBytes(maxB)})`).width;
    g.fillStyle = css('--inc');
    g.fillText(`objects (max ${maxO.toLocaleString('en-US')})`, PAD_X + bw + 14, 2);
    const ow = g.measureText(`objects (max ${maxO.toLocaleString('en-US')})`).width;
    if (s.gc_phase.some((p) => p !== null)) {
      g.fillStyle = css('--collect');
      g.fillText('collections', PAD_X + bw + ow + 28, 2);
    }

  }

  function draw() {
    frame = 0;
    const dpr = window.devicePixelRatio || 1;
    const { w, h } = size;
    if (!w || !h) return;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
      base = null;
    }
    if (!base) drawBase();
    const g = canvas.getContext('2d');
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, canvas.width, canvas.height);
    g.drawImage(base, 0, 0);
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (!meta || !meta.nsteps) return;
    const n = meta.nsteps;
    const iw = w - 2 * PAD_X;
    const xOf = (i) => PAD_X + (n === 1 ? iw / 2 : (i / (n - 1)) * iw);
    // cursor
    const cx = xOf(cursor);
    g.strokeStyle = css('--fg');
    g.lineWidth = 2;
    g.beginPath();
    g.moveTo(cx, padTop - 2);
    g.lineTo(cx, h);
    g.stroke();
    g.fillStyle = css('--fg');
    g.beginPath();
    g.moveTo(cx - 5, padTop - 6);
    g.lineTo(cx + 5, padTop - 6);
    g.lineTo(cx, padTop);
    g.fill();
  }

  function showTip(ev) {
    if (!meta) return;
    const i = stepAt(ev.clientX);
    const s = meta.steps;
    const r = canvas.getBoundingClientRect();
    tip.hidden = false;
    tip.style.left = `${ev.clientX - r.left}px`;
    tip.textContent =
      `step ${i + 1} · line ${s.line[i]} · ${s.objects[i].toLocaleString('en-US')} objects · ${fmtBytes(s.bytes[i])}` +
      (s.gc_phase[i] ? ` · gc ${s.gc_phase[i]}` : '') +
      (s.kind[i] === 'error' || s.kind[i] === 'stopped' ? ` · ${s.kind[i]}` : '');
  }

  canvas.addEventListener('pointerdown', (ev) => {
    if (!meta) return;
    dragging = true;
    canvas.setPointerCapture(ev.pointerId);
    onJump?.(stepAt(ev.clientX));
  });
  canvas.addEventListener('pointermove', (ev) => {
    showTip(ev);
    if (dragging) onJump?.(stepAt(ev.clientX));
  });
  canvas.addEventListener('pointerup', () => (dragging = false));
  canvas.addEventListener('pointercancel', () => (dragging = false));
  canvas.addEventListener('pointerleave', () => (tip.hidden = true));
  new ResizeObserver((entries) => {
    const r = entries[entries.length - 1].contentRect;
    size = { w: r.width, h: r.height };
    measureType();
    base = null;
    draw();
  }).observe(canvas);
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  return {
    setRun(m) {
      meta = m;
      cursor = 0;
      base = null;
      schedule();
    },
    setCursor(n) {
      cursor = n;
      schedule();
    },
    /** The theme changed: read the colours again. */
    restyle() {
      colors = null;
      measureType();
      base = null;
      schedule();
    },
  };
}

/** Max of each of `cols` buckets (or the values themselves when there are fewer). */
function bucket(values, cols) {
  if (values.length <= cols) return values;
  const out = new Array(cols).fill(0);
  const f = cols / values.length;
  for (let i = 0; i < values.length; i++) {
    const c = Math.min(cols - 1, Math.floor(i * f));
    if (values[i] > out[c]) out[c] = values[i];
  }
  return out;
}
