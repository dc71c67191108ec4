// Draws the add-in's icons (a blue rounded square with a white check mark) as PNG files in
// assets/: icon-16, -32, -64, -80 and -128. Only Node built-ins: zlib deflates the image data,
// the CRC-32 is computed here. Run `node scripts/make-icons.mjs` and commit the PNGs.
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x1f, 0x5f, 0xbf]; // background
const WHITE = [0xff, 0xff, 0xff]; // check mark
const SUPERSAMPLE = 4; // samples per pixel along each axis, for smooth edges

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes RGBA pixels (width*height*4 bytes) as a PNG file. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter
  header[12] = 0; // no interlace
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 4)] = 0; // filter type None
    rgba.copy(raw, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Distance from point p to the segment a–b (all in unit coordinates). */
function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  const cx = ax + t * dx - px;
  const cy = ay + t * dy - py;
  return Math.sqrt(cx * cx + cy * cy);
}

/** Inside the rounded square? (unit coordinates, corner radius r). */
function insideRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** On the check mark? Two strokes of half-width w through three points. */
function onCheckMark(x, y, w) {
  const a = [0.24, 0.52];
  const b = [0.42, 0.7];
  const c = [0.77, 0.3];
  return (
    distanceToSegment(x, y, a[0], a[1], b[0], b[1]) <= w ||
    distanceToSegment(x, y, b[0], b[1], c[0], c[1]) <= w
  );
}

function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const strokeHalfWidth = Math.max(0.07, 1.1 / size); // stays visible at 16 px
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let coverage = 0;
      let white = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!insideRoundedSquare(x, y, 0.18)) continue;
          coverage++;
          if (onCheckMark(x, y, strokeHalfWidth)) white++;
        }
      }
      const i = (py * size + px) * 4;
      if (coverage === 0) continue; // transparent
      const share = white / coverage;
      for (let ch = 0; ch < 3; ch++) {
        rgba[i + ch] = Math.round(BLUE[ch] * (1 - share) + WHITE[ch] * share);
      }
      rgba[i + 3] = Math.round((255 * coverage) / (SUPERSAMPLE * SUPERSAMPLE));
    }
  }
  return encodePng(size, size, rgba);
}

const assets = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
mkdirSync(assets, { recursive: true });
for (const size of SIZES) {
  const file = join(assets, `icon-${size}.png`);
  const png = drawIcon(size);
  writeFileSync(file, png);
  console.log(`${file} (${png.length} bytes)`);
}
