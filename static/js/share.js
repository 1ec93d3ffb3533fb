// share.js: permalinks and export.
//
// Permalinks live in the address's hash: `#scenario=refcount.py&step=4` for a lecture
// scenario, `#code=<base64url of the UTF-8 source>&step=4` for the user's own program. Reading
// such a hash reopens the same view. `?room=CODE` (a query, not the hash) is the follow link.
//
// Export draws the heap diagram of a layout (layout.js) as one self-contained SVG document
// (no CSS classes, no external references: it opens in any viewer and pastes into slides),
// and rasterizes that SVG into a PNG at 2x through a canvas.

import { HEAD_H, ROW_H, FOOT_H, STACK_HEAD_H, PTR_INSET, truncate } from './layout.js';

// ---- base64url of UTF-8 text
export function encodeSource(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeSource(b64) {
  const s = b64.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(s + '='.repeat((4 - (s.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The hash for a view: a scenario (by id) or a source, and a step. */
export function makeHash({ scenario = null, source = null, step = 0 }) {
  if (scenario) return `#scenario=${encodeURIComponent(scenario)}&step=${step}`;
  if (source !== null) return `#code=${encodeSource(source)}&step=${step}`;
  return '';
}

/** {scenario, source, step} from a hash ('' when absent or unreadable). */
export function parseHash(hash) {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  let source = null;
  if (p.get('code')) {
    try {
      source = decodeSource(p.get('code'));
    } catch {
      source = null;
    }
  }
  const step = Math.max(0, Math.floor(Number(p.get('step')) || 0));
  return { scenario: p.get('scenario') || null, source, step };
}

/** The full link of a view on this page. */
export function permalink(view, loc = location) {
  return `${loc.origin}${loc.pathname}${makeHash(view)}`;
}

/** Copy text to the clipboard; falls back to a selected text field (older / insecure pages). */
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall through */
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}

// ---- export
const esc = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const PALETTE = {
  bg: '#ffffff',
  frame: '#eef3fb',
  frameTop: '#dce8fb',
  frameStroke: '#5477b3',
  box: '#ffffff',
  boxHead: '#f1ede4',
  boxStroke: '#3b3f46',
  garbage: '#eceff1',
  garbageStroke: '#9aa1a9',
  text: '#1d2024',
  muted: '#666d75',
  edge: '#2c5da8',
  temp: '#b07d18',
  weak: '#8a8f96',
  badge: '#1d2024',
  badgeText: '#ffffff',
};
const FONT = "'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, monospace";

/** The heap diagram of `lay` (layout.js) as an SVG document string. */
export function diagramSvg(lay, { title = '', palette = PALETTE } = {}) {
  const P = palette;
  const b = lay.bounds;
  const titleH = title ? 28 : 0;
  const x0 = b.x0 - 10;
  const y0 = b.y0 - 10 - titleH;
  const w = Math.ceil(Math.max(b.x1 - b.x0 + 20, title ? title.length * 8.6 + 30 : 0));
  const h = Math.ceil(b.y1 - b.y0 + 20 + titleH);
  const out = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${x0} ${y0} ${w} ${h}" font-family="${esc(FONT)}" font-size="11.5">`,
  );
  out.push(
    '<defs>' +
      ['', 'temp', 'weak']
        .map((k) => {
          const c = k === 'temp' ? P.temp : k === 'weak' ? P.weak : P.edge;
          return `<marker id="a${k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`;
        })
        .join('') +
      '</defs>',
  );
  out.push(`<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="${P.bg}"/>`);
  if (title) out.push(`<text x="${x0 + 12}" y="${y0 + 20}" font-size="14" font-weight="bold" fill="${P.text}">${esc(title)}</text>`);
  const text = (x, y, s, { fill = P.text, anchor = 'start', weight = 'normal', size = null, chars = 30 } = {}) =>
    `<text x="${x}" y="${y}" fill="${fill}" text-anchor="${anchor}"${weight !== 'normal' ? ` font-weight="${weight}"` : ''}${size ? ` font-size="${size}"` : ''}>${esc(truncate(String(s), chars))}</text>`;

  // frames
  for (const f of lay.frames) {
    out.push(`<g>`);
    out.push(`<rect x="${f.x}" y="${f.y}" width="${f.w}" height="${f.h}" rx="6" fill="${f.top ? P.frameTop : P.frame}" stroke="${P.frameStroke}" stroke-width="${f.top ? 2 : 1}"/>`);
    out.push(text(f.x + 8, f.y + HEAD_H / 2 + 4, f.name, { weight: 'bold', chars: 22 }));
    if (f.line) out.push(text(f.x + f.w - 8, f.y + HEAD_H / 2 + 4, `line ${f.line}`, { fill: P.muted, anchor: 'end' }));
    const row = (r) => {
      const cy = f.y + r.y + ROW_H / 2 + 4;
      out.push(text(f.x + 10, cy, r.label, { chars: 14, fill: r.temp ? P.temp : P.text }));
      if (r.ref) out.push(`<circle cx="${f.x + f.w - PTR_INSET}" cy="${f.y + r.y + ROW_H / 2}" r="3.5" fill="${r.temp ? P.temp : P.edge}"/>`);
      else out.push(text(f.x + f.w - 10, cy, r.text ?? '', { anchor: 'end', chars: 16, fill: P.muted }));
    };
    f.rows.forEach(row);
    if (f.stack.length) {
      out.push(text(f.x + 10, f.y + f.stackY + STACK_HEAD_H / 2 + 4, 'VALUE STACK', { fill: P.muted, size: 9 }));
      f.stack.forEach(row);
    }
    out.push('</g>');
  }

  // boxes
  for (const n of lay.nodes.values()) {
    if (n.x === undefined) continue;
    const garbage = !!n.garbage;
    const stroke = garbage ? P.garbageStroke : P.boxStroke;
    const boxH = n.h - (garbage ? 30 : 0);
    out.push(`<g opacity="${garbage ? 0.75 : 1}">`);
    out.push(`<rect x="${n.x}" y="${n.y}" width="${n.w}" height="${boxH}" rx="4" fill="${garbage ? P.garbage : P.box}" stroke="${stroke}" stroke-width="1.5"${garbage ? ' stroke-dasharray="5 3"' : ''}/>`);
    out.push(`<path d="M${n.x},${n.y + HEAD_H} h${n.w}" stroke="${stroke}" stroke-width="1"/>`);
    const head = n.kind === 'group' ? n.title : n.o.type === 'type' && n.o.repr ? n.o.repr : n.o.type;
    out.push(text(n.x + 8, n.y + HEAD_H / 2 + 4, head, { weight: 'bold', chars: 20 }));
    if (n.kind !== 'group') out.push(text(n.x + n.w - 34, n.y + HEAD_H / 2 + 4, `#${n.o.id}`, { fill: P.muted, anchor: 'end' }));
    for (const r of n.rows) {
      const cy = n.y + r.y + ROW_H / 2 + 4;
      if (r.label) out.push(text(n.x + 8, cy, r.label, { chars: 12, fill: P.muted }));
      if (r.ref || (r.refs && r.refs.length)) {
        if (r.text !== undefined) out.push(text(n.x + n.w - PTR_INSET - 8, cy, r.text, { anchor: 'end', chars: 14 }));
        out.push(`<circle cx="${n.x + n.w - PTR_INSET}" cy="${n.y + r.y + ROW_H / 2}" r="3.5" fill="${r.weak ? P.weak : P.edge}"/>`);
      } else {
        out.push(text(r.label ? n.x + n.w - 8 : n.x + 8, cy, r.text ?? '', { anchor: r.label ? 'end' : 'start', chars: r.label ? 16 : 26 }));
      }
    }
    const bodyY = n.y + HEAD_H + n.rows.length * ROW_H;
    if (n.body !== null && n.body !== undefined) out.push(text(n.x + 8, bodyY + ROW_H / 2 + 4, n.body, { chars: 26 }));
    out.push(text(n.x + 8, n.y + boxH - FOOT_H / 2 + 4, n.foot, { fill: P.muted, size: 10, chars: 30 }));
    if (garbage) out.push(text(n.x + 4, n.y + boxH + 13, 'garbage: kept alive by a cycle', { fill: P.muted, size: 9.5, chars: 34 }));
    if (n.kind !== 'group') {
      const rc = n.o.refcount >= 1e9 ? '∞' : String(n.o.refcount);
      const bw = Math.max(20, 8 + rc.length * 7.5);
      out.push(`<rect x="${n.x + n.w - bw - 4}" y="${n.y + 4}" width="${bw}" height="18" rx="9" fill="${P.badge}"/>`);
      out.push(text(n.x + n.w - 4 - bw / 2, n.y + 17, rc, { fill: P.badgeText, anchor: 'middle', weight: 'bold' }));
    }
    out.push('</g>');
  }

  // arrows over everything
  for (const e of lay.edges) {
    const c = e.temp ? P.temp : e.weak ? P.weak : e.garbage ? P.garbageStroke : P.edge;
    const m = e.temp ? 'atemp' : e.weak ? 'aweak' : 'a';
    out.push(`<path d="${e.d}" fill="none" stroke="${c}" stroke-width="1.6"${e.weak ? ' stroke-dasharray="4 3"' : ''} marker-end="url(#${m})"/>`);
  }
  if (lay.empty) out.push(text(b.x0 + 12, b.y0 + 40, lay.empty, { fill: P.muted, chars: 80 }));
  out.push('</svg>');
  return out.join('\n');
}

/** Rasterize an SVG document string into a PNG Blob at `scale`. */
export function svgToPng(svg, scale = 2) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    img.onload = () => {
      try {
        const canvas = document.createElement('canvas');
        canvas.width = Math.ceil(img.naturalWidth * scale);
        canvas.height = Math.ceil(img.naturalHeight * scale);
        const ctx = canvas.getContext('2d');
        ctx.scale(scale, scale);
        ctx.drawImage(img, 0, 0);
        URL.revokeObjectURL(url);
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))), 'image/png');
      } catch (err) {
        URL.revokeObjectURL(url);
        reject(err);
      }
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the SVG could not be drawn'));
    };
    img.src = url;
  });
}

/** Offer a Blob as a download named `name`. */
export function download(blob, name) {
  const a = document.createElement('a');
  const url = URL.createObjectURL(blob);
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}
