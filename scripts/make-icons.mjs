// Draws the app icons (public/*.png, favicon.ico, favicon.svg) from code: a ranking ladder of four bars.
// Run `node scripts/make-icons.mjs`; output is deterministic, so re-running gives identical files.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const out = (name) => fileURLToPath(new URL(`../public/${name}`, import.meta.url));

const BG_FROM = [55, 48, 163]; // #3730a3
const BG_TO = [79, 70, 229]; // #4f46e5
const BAR = [255, 255, 255];
const BAR_ALPHA = [1, 0.86, 0.72, 0.58];
const BAR_LENGTH = [1, 0.76, 0.52, 0.3];

/** Signed distance to a rounded box centred at (cx, cy) with half-size (hx, hy) and radius r. */
function roundedBox(x, y, cx, cy, hx, hy, r) {
  const qx = Math.abs(x - cx) - hx + r;
  const qy = Math.abs(y - cy) - hy + r;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

/** Colour (premultiplied-free RGBA, 0..1 alpha) at unit coordinates (u, v) in [0, 1]. */
function shade(u, v, { maskable }) {
  const corner = maskable ? 0 : 0.22;
  const inBg = maskable ? -1 : roundedBox(u, v, 0.5, 0.5, 0.5, 0.5, corner);
  if (inBg > 0) return [0, 0, 0, 0];
  const t = (u + v) / 2;
  let rgb = BG_FROM.map((c, i) => c + (BG_TO[i] - c) * t);
  // The glyph fills 64% of the icon, or 50% for maskable icons (safe zone is the centre 80% circle).
  const scale = maskable ? 0.5 : 0.64;
  const gx = (u - 0.5) / scale + 0.5;
  const gy = (v - 0.5) / scale + 0.5;
  const barHeight = 0.14;
  const gap = (1 - 4 * barHeight) / 3;
  for (let i = 0; i < 4; i++) {
    const len = BAR_LENGTH[i];
    const cy = barHeight / 2 + i * (barHeight + gap);
    const d = roundedBox(gx, gy, len / 2, cy, len / 2, barHeight / 2, barHeight / 2);
    if (d <= 0) {
      const a = BAR_ALPHA[i];
      rgb = rgb.map((c, k) => c * (1 - a) + BAR[k] * a);
      break;
    }
  }
  return [...rgb, 1];
}

/** Render a size x size RGBA image with 4x4 supersampling. */
function render(size, opts) {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [cr, cg, cb, ca] = shade((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size, opts);
          r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
        }
      }
      const o = (y * size + x) * 4;
      px[o] = a ? Math.round(r / a) : 0;
      px[o + 1] = a ? Math.round(g / a) : 0;
      px[o + 2] = a ? Math.round(b / a) : 0;
      px[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encode RGBA pixels as a PNG (8-bit, colour type 6, filter 0 on every row). */
function png(size, px) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Wrap one PNG in an ICO container (PNG-in-ICO is valid since Windows Vista and in every browser). */
function ico(size, pngData) {
  const head = Buffer.alloc(22);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(1, 4);
  head[6] = size;
  head[7] = size;
  head.writeUInt16LE(1, 10);
  head.writeUInt16LE(32, 12);
  head.writeUInt32LE(pngData.length, 14);
  head.writeUInt32LE(22, 18);
  return Buffer.concat([head, pngData]);
}

function svg() {
  const barHeight = 0.14;
  const gap = (1 - 4 * barHeight) / 3;
  const s = 0.64 * 64;
  const o = (64 - s) / 2;
  const bars = BAR_LENGTH.map((len, i) => {
    const y = o + i * (barHeight + gap) * s;
    const h = barHeight * s;
    return `<rect x="${o}" y="${y.toFixed(2)}" width="${(len * s).toFixed(2)}" height="${h.toFixed(2)}" rx="${(h / 2).toFixed(2)}" fill="#fff" fill-opacity="${BAR_ALPHA[i]}"/>`;
  });
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">',
    '<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">',
    '<stop offset="0" stop-color="#3730a3"/><stop offset="1" stop-color="#4f46e5"/></linearGradient></defs>',
    '<rect width="64" height="64" rx="14.08" fill="url(#g)"/>',
    ...bars,
    '</svg>',
    '',
  ].join('\n');
}

const write = (name, data) => {
  writeFileSync(out(name), data);
  console.log(`wrote public/${name} (${data.length} bytes)`);
};
write('icon-192.png', png(192, render(192, { maskable: false })));
write('icon-512.png', png(512, render(512, { maskable: false })));
write('icon-maskable-512.png', png(512, render(512, { maskable: true })));
write('apple-touch-icon.png', png(180, render(180, { maskable: true })));
write('favicon.ico', ico(32, png(32, render(32, { maskable: false }))));
write('favicon.svg', svg());
