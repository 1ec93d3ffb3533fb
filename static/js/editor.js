// editor.js: the code panel. A <textarea> over a syntax-coloured copy of its text, with line
// numbers; while a trace is shown, the current line and the next line are marked, and a syntax
// or runtime error is marked at its line with its message.
//
// The textarea keeps its own text transparent and sits exactly on the coloured <pre>, so both
// must lay out the same characters the same way: same font, padding, tab size, no wrapping.

const KEYWORDS = new Set(
  ('False None True and as assert async await break class continue def del elif else except finally ' +
    'for from global if import in is lambda nonlocal not or pass raise return try while with yield match case')
    .split(' '),
);
const BUILTINS = new Set(
  ('print len range list dict set tuple str int float bool object type id isinstance super open ' +
    'enumerate zip map filter sorted reversed sum min max abs repr hash iter next getattr setattr ' +
    'hasattr delattr vars dir callable globals locals Exception ValueError TypeError KeyError ' +
    'IndexError ZeroDivisionError RuntimeError MemoryError StopIteration self')
    .split(' '),
);

const esc = (s) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);

/** Colour Python source: returns one HTML string per line. */
export function highlight(source) {
  const out = [];
  let open = null; // an unterminated triple-quoted string's quote
  for (const line of source.split('\n')) {
    let h = '';
    let i = 0;
    if (open) {
      const end = line.indexOf(open);
      if (end < 0) {
        out.push(`<span class="tok-str">${esc(line)}</span>`);
        continue;
      }
      h += `<span class="tok-str">${esc(line.slice(0, end + 3))}</span>`;
      i = end + 3;
      open = null;
    }
    let prevWord = '';
    while (i < line.length) {
      const rest = line.slice(i);
      let m;
      if (rest[0] === '#') {
        h += `<span class="${rest.startsWith('#:') ? 'tok-narr' : 'tok-com'}">${esc(rest)}</span>`;
        break;
      }
      if ((m = /^([rRbBuUfF]{0,2})('''|""")/.exec(rest))) {
        const q = m[2];
        const end = rest.indexOf(q, m[0].length);
        if (end < 0) {
          h += `<span class="tok-str">${esc(rest)}</span>`;
          open = q;
          break;
        }
        h += `<span class="tok-str">${esc(rest.slice(0, end + 3))}</span>`;
        i += end + 3;
        continue;
      }
      if ((m = /^[rRbBuUfF]{0,2}(['"])(?:\\.|(?!\1).)*\1?/.exec(rest))) {
        h += `<span class="tok-str">${esc(m[0])}</span>`;
        i += m[0].length;
        continue;
      }
      if ((m = /^(?:0[xXoObB][\da-fA-F_]+|\d[\d_]*\.?[\d_]*(?:[eE][+-]?\d+)?j?|\.\d[\d_]*)/.exec(rest))) {
        h += `<span class="tok-num">${esc(m[0])}</span>`;
        i += m[0].length;
        continue;
      }
      if ((m = /^[A-Za-z_]\w*/.exec(rest))) {
        const w = m[0];
        let cls = '';
        if (prevWord === 'def' || prevWord === 'class') cls = 'tok-def';
        else if (KEYWORDS.has(w)) cls = 'tok-kw';
        else if (BUILTINS.has(w)) cls = 'tok-builtin';
        h += cls ? `<span class="${cls}">${w}</span>` : w;
        prevWord = w;
        i += w.length;
        continue;
      }
      h += esc(line[i]);
      if (!/\s/.test(line[i])) prevWord = '';
      i++;
    }
    out.push(h);
  }
  return out;
}

export function createEditor(root, { onRun, onEdit } = {}) {
  const ta = root.querySelector('.editor-input');
  const hl = root.querySelector('.editor-hl');
  const gutter = root.querySelector('.editor-gutter');
  const scroller = root.querySelector('.editor-scroll');
  let marks = { cur: 0, next: 0, err: null };
  let traced = null; // the source the marks belong to

  let painted = null; // {src, lines: html per line} of the last full paint
  let shownMarks = null; // the marks drawn by the last paint (to update only what moved)

  function lineClass(n, stale) {
    if (stale) return '';
    if (marks.err && marks.err.line === n) return 'err';
    if (n === marks.cur) return 'cur';
    if (n === marks.next) return 'next';
    return '';
  }

  function lineHtml(html, cls) {
    let body = html || ' ';
    if (cls === 'err' && marks.err.message) body += `<span class="err-msg-inline">◀ ${esc(marks.err.message)}</span>`;
    return `<span class="line${cls ? ' ' + cls : ''}">${body}</span>`;
  }

  /** Redraw the coloured copy and the gutter (the text changed). */
  function paint() {
    const src = ta.value;
    const lines = highlight(src);
    const stale = traced !== null && src !== traced;
    let g = '';
    let h = '';
    lines.forEach((html, i) => {
      const cls = lineClass(i + 1, stale);
      g += `<span class="ln${cls ? ' ' + cls : ''}">${i + 1}</span>`;
      h += lineHtml(html, cls);
    });
    gutter.innerHTML = g;
    hl.innerHTML = h;
    painted = { src, lines };
    shownMarks = { ...marks, stale };
  }

  /** Move the line marks without redrawing every line (a step changes two or three lines). */
  function repaintMarks() {
    if (!painted || painted.src !== ta.value) return paint();
    const stale = traced !== null && ta.value !== traced;
    const touched = new Set();
    for (const m of [shownMarks, { ...marks }]) {
      if (m.cur) touched.add(m.cur);
      if (m.next) touched.add(m.next);
      if (m.err) touched.add(m.err.line);
    }
    if (shownMarks.stale !== stale) return paint();
    for (const n of touched) {
      const i = n - 1;
      if (i < 0 || i >= painted.lines.length) continue;
      const cls = lineClass(n, stale);
      const ln = gutter.children[i];
      const line = hl.children[i];
      if (!ln || !line) return paint();
      ln.className = `ln${cls ? ' ' + cls : ''}`;
      const html = lineHtml(painted.lines[i], cls);
      if (line.outerHTML !== html) line.outerHTML = html;
    }
    shownMarks = { ...marks, stale };
  }

  ta.addEventListener('input', () => {
    paint();
    onEdit?.(ta.value !== traced);
  });
  ta.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      onRun?.();
    } else if (ev.key === 'Tab' && !ev.shiftKey) {
      ev.preventDefault();
      ta.setRangeText('    ', ta.selectionStart, ta.selectionEnd, 'end');
      paint();
      onEdit?.(ta.value !== traced);
    } else if (ev.key === 'Escape') {
      ta.blur();
    }
  });

  // Scrolling reads layout: done in the next frame, when the layout is clean anyway.
  let scrollFrame = 0;
  function scrollToLine(n) {
    if (!n || scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      const want = marks.err ? marks.err.line : marks.cur;
      if (!want) return;
      const lh = parseFloat(getComputedStyle(hl).lineHeight) || 20;
      const top = 8 + (want - 1) * lh;
      const view = scroller.clientHeight;
      if (top < scroller.scrollTop + lh || top > scroller.scrollTop + view - 2 * lh) {
        scroller.scrollTop = Math.max(0, top - view / 3);
      }
    });
  }

  return {
    get source() {
      return ta.value;
    },
    /** Replace the text; `traced`: it is the source of the trace now shown. */
    setSource(text, { traced: isTraced = false } = {}) {
      ta.value = text;
      traced = isTraced ? text : null;
      scroller.scrollTop = 0;
      paint();
    },
    /** The source the trace was recorded from (marks apply while the text is unchanged). */
    setTraced(text) {
      traced = text;
      paint();
    },
    get dirty() {
      return traced !== null && ta.value !== traced;
    },
    setMarks(m) {
      marks = { cur: 0, next: 0, err: null, ...m };
      repaintMarks();
      scrollToLine(marks.err ? marks.err.line : marks.cur);
    },
    focus() {
      ta.focus();
    },
  };
}
