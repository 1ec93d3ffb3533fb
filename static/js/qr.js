// qr.js: a small QR Code encoder (ISO/IEC 18004) for the room link: byte mode (UTF-8),
// error correction L or M, versions 1 to 10 (up to 213 bytes at M, 271 at L). No dependencies.
//
//   qrMatrix(text, {ecl: 'M'}) -> {size, version, mask, get(x, y) -> bool}
//   qrSvg(text, {ecl, scale, margin}) -> '<svg ...>' (dark modules as one path)
//
// The steps are the standard's: data bits (mode, count, bytes, terminator, padding), split
// into blocks, Reed-Solomon error correction over GF(256) (polynomial 0x11d), interleave,
// place in the zigzag around the function patterns, try the 8 masks and keep the one with the
// lowest penalty, then write the format (and, from version 7, version) information.

// [ecc codewords per block, [blocks, data codewords per block], ...] for versions 1..10
const BLOCKS = {
  L: [
    [7, [1, 19]], [10, [1, 34]], [15, [1, 55]], [20, [1, 80]], [26, [1, 108]],
    [18, [2, 68]], [20, [2, 78]], [24, [2, 97]], [30, [2, 116]], [18, [2, 68], [2, 69]],
  ],
  M: [
    [10, [1, 16]], [16, [1, 28]], [26, [1, 44]], [18, [2, 32]], [24, [2, 43]],
    [16, [4, 27]], [18, [4, 31]], [22, [2, 38], [2, 39]], [22, [3, 36], [2, 37]], [26, [4, 43], [1, 44]],
  ],
};
const ECL_BITS = { L: 1, M: 0 };
const ALIGN = [[], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]];

// ---- GF(256) and Reed-Solomon
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255];
}
const mul = (a, b) => (a && b ? EXP[LOG[a] + LOG[b]] : 0);

/** The generator polynomial of degree n, coefficients highest first (leading 1 omitted). */
function generator(n) {
  let g = [1];
  for (let i = 0; i < n; i++) {
    const next = new Array(g.length + 1).fill(0);
    for (let j = 0; j < g.length; j++) {
      next[j] ^= g[j];
      next[j + 1] ^= mul(g[j], EXP[i]);
    }
    g = next;
  }
  return g.slice(1);
}

/** The n error correction codewords of `data` (remainder of data * x^n by the generator). */
export function reedSolomon(data, n) {
  const g = generator(n);
  const r = new Array(n).fill(0);
  for (const b of data) {
    const f = b ^ r.shift();
    r.push(0);
    for (let i = 0; i < n; i++) r[i] ^= mul(g[i], f);
  }
  return r;
}

// ---- data codewords
function utf8(text) {
  return [...new TextEncoder().encode(text)];
}

function capacity(version, ecl) {
  const [, ...groups] = BLOCKS[ecl][version - 1];
  return groups.reduce((s, [nb, nd]) => s + nb * nd, 0);
}

/** The data codewords (before error correction) of `bytes` at this version. */
export function dataCodewords(bytes, version, ecl) {
  const bits = [];
  const put = (v, n) => {
    for (let i = n - 1; i >= 0; i--) bits.push((v >>> i) & 1);
  };
  put(0b0100, 4); // byte mode
  put(bytes.length, version < 10 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  const cap = capacity(version, ecl) * 8;
  put(0, Math.min(4, cap - bits.length)); // terminator
  while (bits.length % 8) bits.push(0);
  const out = [];
  for (let i = 0; i < bits.length; i += 8) out.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  for (let pad = 0xec; out.length < cap / 8; pad ^= 0xec ^ 0x11) out.push(pad);
  return out;
}

/** Data codewords -> the final interleaved sequence with the error correction. */
function interleave(data, version, ecl) {
  const [ecc, ...groups] = BLOCKS[ecl][version - 1];
  const blocks = [];
  let k = 0;
  for (const [nb, nd] of groups) {
    for (let b = 0; b < nb; b++) {
      const d = data.slice(k, k + nd);
      k += nd;
      blocks.push({ d, e: reedSolomon(d, ecc) });
    }
  }
  const out = [];
  const maxD = Math.max(...blocks.map((b) => b.d.length));
  for (let i = 0; i < maxD; i++) for (const b of blocks) if (i < b.d.length) out.push(b.d[i]);
  for (let i = 0; i < ecc; i++) for (const b of blocks) out.push(b.e[i]);
  return out;
}

// ---- the matrix
function bch(value, poly, polyDegree) {
  let v = value << polyDegree;
  const top = 31 - Math.clz32(poly);
  while (v && 31 - Math.clz32(v) >= top) v ^= poly << (31 - Math.clz32(v) - top);
  return (value << polyDegree) | v;
}

function baseMatrix(version) {
  const size = version * 4 + 17;
  const m = Array.from({ length: size }, () => new Array(size).fill(false));
  const fn = Array.from({ length: size }, () => new Array(size).fill(false));
  const set = (x, y, dark) => {
    m[y][x] = dark;
    fn[y][x] = true;
  };
  // timing patterns
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  // finders with separators
  const finder = (cx, cy) => {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        if (x < 0 || y < 0 || x >= size || y >= size) continue;
        const d = Math.max(Math.abs(dx), Math.abs(dy));
        set(x, y, d !== 2 && d !== 4);
      }
    }
  };
  finder(3, 3);
  finder(size - 4, 3);
  finder(3, size - 4);
  // alignment patterns
  const pos = ALIGN[version - 1];
  for (const ay of pos) {
    for (const ax of pos) {
      if ((ax === 6 && ay === 6) || (ax === 6 && ay === pos[pos.length - 1]) || (ay === 6 && ax === pos[pos.length - 1])) continue;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) set(ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    }
  }
  // reserve the format areas (written later) and the dark module
  for (let i = 0; i < 9; i++) {
    if (!fn[8][i]) set(i, 8, false);
    if (!fn[i][8]) set(8, i, false);
  }
  for (let i = 0; i < 8; i++) {
    set(size - 1 - i, 8, false);
    set(8, size - 1 - i, false);
  }
  set(8, size - 8, true);
  // version information (version >= 7)
  if (version >= 7) {
    const v = bch(version, 0x1f25, 12);
    for (let i = 0; i < 18; i++) {
      const bit = ((v >>> i) & 1) === 1;
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(a, b, bit);
      set(b, a, bit);
    }
  }
  return { size, m, fn };
}

function placeData(base, codewords) {
  const { size, m, fn } = base;
  const bits = [];
  for (const c of codewords) for (let i = 7; i >= 0; i--) bits.push((c >>> i) & 1);
  let k = 0;
  let upward = true;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5; // skip the vertical timing column
    for (let vert = 0; vert < size; vert++) {
      const y = upward ? size - 1 - vert : vert;
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        if (fn[y][x]) continue;
        m[y][x] = k < bits.length ? bits[k] === 1 : false; // remainder bits are 0
        k++;
      }
    }
    upward = !upward;
  }
}

const MASKS = [
  (x, y) => (x + y) % 2 === 0,
  (x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(y / 2) + Math.floor(x / 3)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

function applyMask(base, mask) {
  const { size, m, fn } = base;
  const f = MASKS[mask];
  const out = m.map((row) => row.slice());
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (!fn[y][x] && f(x, y)) out[y][x] = !out[y][x];
  return out;
}

function writeFormat(m, size, ecl, mask) {
  const data = (ECL_BITS[ecl] << 3) | mask;
  const bits = bch(data, 0x537, 10) ^ 0x5412;
  const bit = (i) => ((bits >>> i) & 1) === 1;
  // around the top-left finder
  for (let i = 0; i <= 5; i++) m[i][8] = bit(i);
  m[7][8] = bit(6);
  m[8][8] = bit(7);
  m[8][7] = bit(8);
  for (let i = 9; i < 15; i++) m[8][14 - i] = bit(i);
  // the copy: bottom-left column and top-right row
  for (let i = 0; i < 8; i++) m[8][size - 1 - i] = bit(i);
  for (let i = 8; i < 15; i++) m[size - 15 + i][8] = bit(i);
  m[size - 8][8] = true; // the dark module
}

function penalty(m, size) {
  let p = 0;
  // runs of 5+ in rows and columns; finder-like 1:1:3:1:1 patterns
  const lines = [];
  for (let y = 0; y < size; y++) lines.push(m[y]);
  for (let x = 0; x < size; x++) lines.push(m.map((row) => row[x]));
  const pat1 = [true, false, true, true, true, false, true, false, false, false, false];
  const pat2 = [false, false, false, false, true, false, true, true, true, false, true];
  for (const line of lines) {
    let run = 1;
    for (let i = 1; i <= size; i++) {
      if (i < size && line[i] === line[i - 1]) run++;
      else {
        if (run >= 5) p += run - 2;
        run = 1;
      }
    }
    for (let i = 0; i + 11 <= size; i++) {
      let a = true;
      let b = true;
      for (let j = 0; j < 11; j++) {
        if (line[i + j] !== pat1[j]) a = false;
        if (line[i + j] !== pat2[j]) b = false;
      }
      if (a) p += 40;
      if (b) p += 40;
    }
  }
  // 2x2 blocks
  for (let y = 0; y + 1 < size; y++) {
    for (let x = 0; x + 1 < size; x++) {
      const c = m[y][x];
      if (m[y][x + 1] === c && m[y + 1][x] === c && m[y + 1][x + 1] === c) p += 3;
    }
  }
  // balance of dark modules
  let dark = 0;
  for (const row of m) for (const v of row) if (v) dark++;
  const pct = (dark * 100) / (size * size);
  p += Math.floor(Math.abs(pct - 50) / 5) * 10;
  return p;
}

/** Encode `text` as a QR code. Throws if it does not fit in version 10. */
export function qrMatrix(text, { ecl = 'M', version: forced = 0, mask: forcedMask = -1 } = {}) {
  if (!BLOCKS[ecl]) throw new Error(`error correction level ${ecl} is not supported (L or M)`);
  const bytes = utf8(text);
  let version = forced;
  if (!version) {
    for (let v = 1; v <= 10; v++) {
      const need = 4 + (v < 10 ? 8 : 16) + bytes.length * 8;
      if (need <= capacity(v, ecl) * 8) {
        version = v;
        break;
      }
    }
  }
  if (!version) throw new Error(`the text is too long for a QR code here (${bytes.length} bytes)`);
  const codewords = interleave(dataCodewords(bytes, version, ecl), version, ecl);
  const base = baseMatrix(version);
  placeData(base, codewords);
  let best = null;
  for (let mask = 0; mask < 8; mask++) {
    if (forcedMask >= 0 && mask !== forcedMask) continue;
    const m = applyMask(base, mask);
    writeFormat(m, base.size, ecl, mask);
    const score = penalty(m, base.size);
    if (!best || score < best.score) best = { m, mask, score };
  }
  const { m, mask } = best;
  return { size: base.size, version, mask, ecl, get: (x, y) => m[y][x], rows: m };
}

/** The QR code as an SVG string: dark modules on a light background with a quiet zone. */
export function qrSvg(text, { ecl = 'M', scale = 6, margin = 4, dark = '#000', light = '#fff' } = {}) {
  const q = qrMatrix(text, { ecl });
  const n = q.size + margin * 2;
  let d = '';
  for (let y = 0; y < q.size; y++) {
    for (let x = 0; x < q.size; x++) if (q.get(x, y)) d += `M${x + margin},${y + margin}h1v1h-1z`;
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" width="${n * scale}" height="${n * scale}" ` +
    `shape-rendering="crispEdges" role="img" aria-label="QR code"><rect width="${n}" height="${n}" fill="${light}"/>` +
    `<path d="${d}" fill="${dark}"/></svg>`
  );
}
