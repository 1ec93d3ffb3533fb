// The QR encoder of the room link (static/js/qr.js), without a browser: the Reed-Solomon test
// vector of the standard's "HELLO WORLD" 1-M example, the function patterns, and (when
// zbarimg from Debian's zbar-tools is installed) a real decoder reading back what was encoded,
// for versions 1 to 10 at L and M.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { reedSolomon, qrMatrix, qrSvg } from '../../static/js/qr.js';

test('Reed-Solomon: the HELLO WORLD 1-M error correction codewords', () => {
  const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
  assert.deepEqual(reedSolomon(data, 10), [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
});

test('sizes, versions and function patterns', () => {
  const q = qrMatrix('HELLO WORLD', { ecl: 'M' });
  assert.equal(q.version, 1);
  assert.equal(q.size, 21);
  // finder pattern corners and the timing pattern
  for (const [x, y] of [[0, 0], [6, 0], [0, 6], [6, 6], [14, 0], [20, 6], [0, 20], [2, 2], [2, 18]]) assert.ok(q.get(x, y), `dark at ${x},${y}`);
  for (const [x, y] of [[1, 1], [7, 7], [13, 1], [1, 19]]) assert.ok(!q.get(x, y), `light at ${x},${y}`);
  for (let i = 8; i < 13; i++) assert.equal(q.get(i, 6), i % 2 === 0);
  assert.ok(q.get(8, q.size - 8), 'the dark module');
  assert.equal(qrMatrix('x'.repeat(200), { ecl: 'M' }).version, 10);
  assert.throws(() => qrMatrix('x'.repeat(400), { ecl: 'M' }), /too long/);
  assert.match(qrSvg('http://127.0.0.1:8000/?room=K7M2QX'), /^<svg xmlns=/);
});

let zbar = false;
try {
  execFileSync('zbarimg', ['--version'], { stdio: 'ignore' });
  zbar = true;
} catch {
  zbar = false;
}

test('a decoder reads back every version 1 to 10 at L and M', { skip: !zbar && 'zbarimg is not installed (apt-get install zbar-tools)' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'memviz-qr-'));
  try {
    const seen = new Set();
    const long = 'http://192.168.1.20:8000/?room=K7M2QX&x=' + 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(8);
    for (const ecl of ['L', 'M']) {
      for (let len = 1; len <= 271; len += 9) {
        const text = long.slice(0, len);
        let q;
        try {
          q = qrMatrix(text, { ecl });
        } catch {
          break;
        }
        seen.add(`${ecl}${q.version}`);
        const sc = 4;
        const m = 4;
        const n = (q.size + 2 * m) * sc;
        const px = Buffer.alloc(n * n, 255);
        for (let y = 0; y < q.size; y++)
          for (let x = 0; x < q.size; x++)
            if (q.get(x, y)) for (let dy = 0; dy < sc; dy++) px.fill(0, ((y + m) * sc + dy) * n + (x + m) * sc, ((y + m) * sc + dy) * n + (x + m + 1) * sc);
        const file = join(dir, 'q.pgm');
        writeFileSync(file, Buffer.concat([Buffer.from(`P5\n${n} ${n}\n255\n`), px]));
        const out = execFileSync('zbarimg', ['-q', '--raw', file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8').replace(/\n$/, '');
        assert.equal(out, text, `${ecl} version ${q.version}, ${len} characters`);
      }
    }
    for (const ecl of ['L', 'M']) for (let v = 1; v <= 10; v++) if (!(ecl === 'L' && v === 10)) assert.ok(seen.has(`${ecl}${v}`), `${ecl}${v} was tried`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
