// Draws media/icon.png (128x128, the Marketplace icon): a lens over a page with
// quote marks. Run: node media/make-icon.mjs. Plain RGBA raster, written with zlib.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const N = 128;
const px = new Float64Array(N * N * 4);

function blend(x, y, [r, g, b], a) {
  if (x < 0 || y < 0 || x >= N || y >= N || a <= 0) return;
  const i = (y * N + x) * 4;
  const da = px[i + 3], oa = a + da * (1 - a);
  for (const [k, c] of [[0, r], [1, g], [2, b]]) px[i + k] = oa ? (c * a + px[i + k] * da * (1 - a)) / oa : 0;
  px[i + 3] = oa;
}

/** Fills where `dist(x, y)` (signed distance, negative inside) is below 0, antialiased. */
function fill(dist, color, alpha = 1) {
  for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) {
    const d = dist(x + 0.5, y + 0.5);
    blend(x, y, color, alpha * Math.max(0, Math.min(1, 0.5 - d)));
  }
}

const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const qx = Math.max(x0 + r - x, 0, x - (x1 - r)), qy = Math.max(y0 + r - y, 0, y - (y1 - r));
  const inside = Math.min(Math.max(x0 + r - x, x - (x1 - r), y0 + r - y, y - (y1 - r)), 0);
  return Math.hypot(qx, qy) + inside - r;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const ring = (cx, cy, r, w) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2;
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy) - w / 2;
};

fill(roundRect(4, 4, 124, 124, 22), [30, 42, 56]);
// The page with lines of text.
fill(roundRect(22, 18, 86, 104, 6), [236, 240, 244]);
for (let i = 0; i < 6; i++) fill(roundRect(30, 30 + i * 11, i % 3 === 2 ? 62 : 78, 34 + i * 11, 2), [150, 162, 176]);
// A highlighted quote line.
fill(roundRect(28, 51, 80, 59, 3), [79, 193, 255], 0.55);
// The lens: glass, rim, handle.
fill(circle(74, 70, 26), [79, 193, 255], 0.28);
fill(ring(74, 70, 26, 7), [255, 196, 61]);
fill(segment(93, 89, 112, 108, 12), [255, 196, 61]);
// Quote marks inside the lens.
for (const ox of [64, 80]) {
  fill(circle(ox, 66, 5), [255, 255, 255]);
  fill(segment(ox + 3.5, 68, ox - 2, 79, 4), [255, 255, 255]);
}

const raw = Buffer.alloc(N * (N * 4 + 1));
// Colour channels are 0..255, alpha 0..1; each row starts with filter byte 0.
for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) {
  const i = (y * N + x) * 4, o = y * (N * 4 + 1) + 1 + x * 4;
  raw[o] = Math.round(px[i]); raw[o + 1] = Math.round(px[i + 1]); raw[o + 2] = Math.round(px[i + 2]); raw[o + 3] = Math.round(px[i + 3] * 255);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = buf => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.writeFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), 'icon.png'), png);
console.log(`media/icon.png: ${N}x${N}, ${png.length} bytes`);
