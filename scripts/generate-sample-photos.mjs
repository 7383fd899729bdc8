#!/usr/bin/env node
/**
 * Generates the sample photographs that the content in `content/` refers to.
 *
 * The newsroom's sample articles need pictures, but no real photographs ship with the
 * repository. This script scans every Markdown file under `content/`, collects each
 * `/images/...` path it references and renders a plausible, abstract "photograph" for it
 * into `public/images/`:
 *
 *   - hero photos (an article's `image.src`)      1600 x 900
 *   - inline photos (`![alt](/images/x.jpg "..")`)  1200 x 800
 *   - author portraits (an author's `avatar`)      400 x 400
 *
 * Each picture is an SVG scene (layered gradients, blurred silhouettes, haze) chosen from the
 * file name, rendered with sharp, then given film grain and a vignette. Output is
 * deterministic: every random choice comes from a generator seeded with the file name, so
 * running the script twice produces the same bytes.
 *
 * Usage: node scripts/generate-sample-photos.mjs [--only <substring>]
 */
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { parse as parseYaml } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONTENT_DIR = path.join(ROOT, 'content');
const PUBLIC_DIR = path.join(ROOT, 'public');

const SIZES = {
  hero: { width: 1600, height: 900 },
  inline: { width: 1200, height: 800 },
  portrait: { width: 400, height: 400 },
};
const JPEG_QUALITY = 78;
const MAX_BYTES = 200 * 1024;

// ---------------------------------------------------------------------------------------
// Collecting references
// ---------------------------------------------------------------------------------------

async function listMarkdown(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listMarkdown(full)));
    else if (entry.name.endsWith('.md')) files.push(full);
  }
  return files.sort();
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;
const BODY_IMAGE = /!\[[^\]]*\]\(\s*(\/images\/[^\s)"]+)/g;
const PRIORITY = { portrait: 3, hero: 2, inline: 1 };

/** Returns a map from `/images/...` path to the kind of picture it is used as. */
async function collectReferences() {
  const refs = new Map();
  const add = (src, kind, file) => {
    if (typeof src !== 'string' || !src.startsWith('/images/')) return;
    const previous = refs.get(src);
    if (!previous || PRIORITY[kind] > PRIORITY[previous.kind]) refs.set(src, { kind, file });
  };
  for (const file of await listMarkdown(CONTENT_DIR)) {
    const text = await readFile(file, 'utf8');
    const match = FRONT_MATTER.exec(text);
    const body = match ? match[2] : text;
    if (match) {
      let data;
      try {
        data = parseYaml(match[1]);
      } catch (error) {
        throw new Error(
          `${path.relative(ROOT, file)}: front matter is not valid YAML: ${error.message}`,
        );
      }
      if (data && typeof data === 'object') {
        add(data.avatar, 'portrait', file);
        add(data.image?.src, 'hero', file);
      }
    }
    for (const m of body.matchAll(BODY_IMAGE)) add(m[1], 'inline', file);
  }
  return refs;
}

// ---------------------------------------------------------------------------------------
// Deterministic randomness and colour helpers
// ---------------------------------------------------------------------------------------

function hashString(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.range = (lo, hi) => lo + (hi - lo) * next();
  next.int = (lo, hi) => Math.floor(lo + (hi - lo + 1) * next());
  next.pick = (list) => list[Math.floor(next() * list.length)];
  next.chance = (p) => next() < p;
  return next;
}

const clamp = (v, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, v));
const r1 = (v) => Math.round(v * 10) / 10;

function toRgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
function toHex([r, g, b]) {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(clamp(v, 0, 255))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
/** Mixes colour a towards colour b by t (0..1). */
function mix(a, b, t) {
  const x = toRgb(a);
  const y = toRgb(b);
  return toHex(x.map((v, i) => v + (y[i] - v) * t));
}
const lighten = (c, t) => mix(c, '#ffffff', t);
const darken = (c, t) => mix(c, '#000000', t);
function jitter(rng, c, amount = 12) {
  return toHex(toRgb(c).map((v) => v + rng.range(-amount, amount)));
}

// ---------------------------------------------------------------------------------------
// SVG building blocks
// ---------------------------------------------------------------------------------------

/** Collects <defs> entries and hands out unique ids, so scenes can stay terse. */
class Defs {
  constructor() {
    this.items = [];
    this.count = 0;
    this.blurs = new Map();
  }
  id(prefix) {
    this.count += 1;
    return `${prefix}${this.count}`;
  }
  linear(stops, { x1 = 0, y1 = 0, x2 = 0, y2 = 1 } = {}) {
    const id = this.id('lg');
    const s = stops
      .map(([o, c, a = 1]) => `<stop offset="${o}" stop-color="${c}" stop-opacity="${a}"/>`)
      .join('');
    this.items.push(
      `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${s}</linearGradient>`,
    );
    return `url(#${id})`;
  }
  radial(stops, { cx = 0.5, cy = 0.5, r = 0.5, fx, fy } = {}) {
    const id = this.id('rg');
    const s = stops
      .map(([o, c, a = 1]) => `<stop offset="${o}" stop-color="${c}" stop-opacity="${a}"/>`)
      .join('');
    const f = fx === undefined ? '' : ` fx="${fx}" fy="${fy}"`;
    this.items.push(
      `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}"${f}>${s}</radialGradient>`,
    );
    return `url(#${id})`;
  }
  blur(sd) {
    const key = r1(sd);
    if (key <= 0) return '';
    if (!this.blurs.has(key)) {
      const id = this.id('bl');
      this.items.push(
        `<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${key}"/></filter>`,
      );
      this.blurs.set(key, id);
    }
    return `filter="url(#${this.blurs.get(key)})"`;
  }
  /** A turbulence texture filter, tinted by the colour of the shape it is applied to. */
  texture(seed, freq, octaves = 3, strength = 0.5) {
    const id = this.id('tx');
    this.items.push(
      `<filter id="${id}" x="0" y="0" width="100%" height="100%">` +
        `<feTurbulence type="fractalNoise" baseFrequency="${freq}" numOctaves="${octaves}" seed="${seed % 1000}" result="n"/>` +
        `<feColorMatrix in="n" type="matrix" values="0 0 0 0 0  0 0 0 0 0  0 0 0 0 0  ${strength} 0 0 0 ${-strength / 2}" result="m"/>` +
        `<feComposite in="m" in2="SourceGraphic" operator="in" result="t"/>` +
        `<feMerge><feMergeNode in="SourceGraphic"/><feMergeNode in="t"/></feMerge></filter>`,
    );
    return `filter="url(#${id})"`;
  }
  toString() {
    return `<defs>${this.items.join('')}</defs>`;
  }
}

const rect = (x, y, w, h, fill, extra = '') =>
  `<rect x="${r1(x)}" y="${r1(y)}" width="${r1(Math.max(0, w))}" height="${r1(Math.max(0, h))}" fill="${fill}" ${extra}/>`;
const ellipse = (cx, cy, rx, ry, fill, extra = '') =>
  `<ellipse cx="${r1(cx)}" cy="${r1(cy)}" rx="${r1(rx)}" ry="${r1(ry)}" fill="${fill}" ${extra}/>`;
const circle = (cx, cy, r, fill, extra = '') =>
  `<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(r)}" fill="${fill}" ${extra}/>`;
const poly = (points, fill, extra = '') =>
  `<polygon points="${points.map(([x, y]) => `${r1(x)},${r1(y)}`).join(' ')}" fill="${fill}" ${extra}/>`;
const line = (x1, y1, x2, y2, stroke, width, extra = '') =>
  `<line x1="${r1(x1)}" y1="${r1(y1)}" x2="${r1(x2)}" y2="${r1(y2)}" stroke="${stroke}" stroke-width="${r1(width)}" ${extra}/>`;
const group = (content, extra = '') => `<g ${extra}>${content}</g>`;

/** A ridge line from left to right by midpoint displacement, closed to the bottom edge. */
function ridgePath(rng, W, H, baseY, amp, roughness = 0.55, bottom = H) {
  const n = 64;
  const ys = new Array(n + 1).fill(0);
  ys[0] = rng.range(-1, 1) * amp;
  ys[n] = rng.range(-1, 1) * amp;
  let step = n;
  let scale = amp;
  while (step > 1) {
    const half = step / 2;
    for (let i = half; i < n; i += step)
      ys[i] = (ys[i - half] + ys[i + half]) / 2 + rng.range(-1, 1) * scale;
    step = half;
    scale *= roughness;
  }
  const pts = ys.map((y, i) => `${r1((i / n) * (W + 40) - 20)},${r1(baseY + y)}`);
  return `M-20,${bottom} L${pts.join(' L')} L${W + 20},${bottom} Z`;
}

function sky(d, W, H, stops) {
  return rect(0, 0, W, H, d.linear(stops));
}

function sunGlow(d, cx, cy, r, color, opacity = 0.9) {
  const fill = d.radial([
    [0, lighten(color, 0.7), opacity],
    [0.15, color, opacity * 0.8],
    [1, color, 0],
  ]);
  return circle(cx, cy, r, fill);
}

function clouds(
  d,
  rng,
  W,
  { n = 8, y0 = 0, y1 = 300, color = '#ffffff', opacity = 0.35, size = 1 } = {},
) {
  let out = '';
  for (let i = 0; i < n; i++) {
    const rx = rng.range(120, 380) * size;
    out += ellipse(
      rng.range(-100, W + 100),
      rng.range(y0, y1),
      rx,
      rx * rng.range(0.12, 0.3),
      color,
      `opacity="${r1(opacity * rng.range(0.5, 1) * 100) / 100}" ${d.blur(rx * 0.18)}`,
    );
  }
  return out;
}

function hills(d, rng, W, H, { baseY, amp, color, blur = 0, roughness = 0.55, opacity = 1 }) {
  return `<path d="${ridgePath(rng, W, H, baseY, amp, roughness)}" fill="${color}" opacity="${opacity}" ${d.blur(blur)}/>`;
}

/** City skyline silhouette with optional lit windows. */
function skyline(
  d,
  rng,
  W,
  {
    x0 = -20,
    x1 = W + 20,
    baseY,
    hMin,
    hMax,
    color,
    windows = null,
    windowProb = 0.3,
    blur = 0,
    scale = 1,
  },
) {
  let shapes = '';
  let lights = '';
  let x = x0;
  while (x < x1) {
    const w = rng.range(28, 90) * scale;
    const h = rng.range(hMin, hMax) * (rng.chance(0.12) ? 1.5 : 1);
    const c = jitter(rng, color, 6);
    shapes += rect(x, baseY - h, w, h + 2, c);
    if (rng.chance(0.25))
      shapes += rect(x + w * 0.2, baseY - h - h * 0.08, w * 0.6, h * 0.08 + 1, c);
    if (rng.chance(0.15))
      shapes += line(
        x + w / 2,
        baseY - h,
        x + w / 2,
        baseY - h - rng.range(15, 45) * scale,
        c,
        2 * scale,
      );
    if (windows) {
      const cw = 5 * scale;
      const ch = 4 * scale;
      for (let wy = baseY - h + 8 * scale; wy < baseY - 6; wy += 11 * scale) {
        for (let wx = x + 5 * scale; wx < x + w - cw - 3; wx += 10 * scale) {
          if (rng.chance(windowProb))
            lights += rect(
              wx,
              wy,
              cw,
              ch,
              windows,
              `opacity="${r1(rng.range(0.45, 1) * 10) / 10}"`,
            );
        }
      }
    }
    x += w + rng.range(-8, 6) * scale;
  }
  return group(shapes + lights, d.blur(blur));
}

/** Ship-to-shore gantry crane silhouette. */
function gantryCrane(x, baseY, h, color, s = 1) {
  const legW = 40 * s;
  const w = 5 * s;
  let out = '';
  out += line(x, baseY, x, baseY - h, color, w);
  out += line(x + legW, baseY, x + legW, baseY - h, color, w);
  out += line(x, baseY - h * 0.55, x + legW, baseY - h * 0.55, color, w * 0.8);
  out += line(x - 90 * s, baseY - h, x + legW + 55 * s, baseY - h, color, w * 1.3);
  out += line(x + legW * 0.5, baseY - h - 28 * s, x - 90 * s, baseY - h, color, w * 0.5);
  out += line(x + legW * 0.5, baseY - h - 28 * s, x + legW + 55 * s, baseY - h, color, w * 0.5);
  out += line(x, baseY - h, x + legW * 0.5, baseY - h - 28 * s, color, w * 0.7);
  out += line(x + legW, baseY - h, x + legW * 0.5, baseY - h - 28 * s, color, w * 0.7);
  out += rect(x + legW * 0.1, baseY - h - 10 * s, legW * 0.8, 12 * s, color);
  return out;
}

/** Tower crane: a mast with a horizontal jib. */
function towerCrane(rng, x, baseY, h, color, s = 1) {
  const jibL = rng.range(160, 260) * s;
  const jibR = rng.range(50, 80) * s;
  let out = line(x, baseY, x, baseY - h, color, 6 * s);
  for (let y = baseY; y > baseY - h + 10; y -= 18 * s)
    out += line(x - 3 * s, y, x + 3 * s, y - 9 * s, color, 1.2 * s);
  out += line(x - jibR, baseY - h, x + jibL, baseY - h, color, 4 * s);
  out += line(x, baseY - h - 30 * s, x + jibL * 0.8, baseY - h, color, 1.4 * s);
  out += line(x, baseY - h - 30 * s, x - jibR, baseY - h, color, 1.4 * s);
  out += line(x, baseY - h, x, baseY - h - 30 * s, color, 3 * s);
  out += rect(x - jibR, baseY - h, 22 * s, 14 * s, color);
  const hook = x + jibL * rng.range(0.4, 0.9);
  out += line(hook, baseY - h, hook, baseY - h + rng.range(40, 140) * s, color, 1 * s);
  return out;
}

const CONTAINER_COLOURS = [
  '#9b3b2e',
  '#2f5d8a',
  '#3f6f4a',
  '#b8862f',
  '#7a7f86',
  '#c45a2c',
  '#5b4a7a',
  '#d9d4c8',
  '#245063',
];

function containerStack(rng, x0, x1, baseY, rows, bw, bh, fade = null, fadeT = 0) {
  let out = '';
  for (let r = 0; r < rows; r++) {
    let x = x0 + rng.range(-bw * 0.3, 0);
    while (x < x1) {
      if (rng.chance(0.9)) {
        let c = jitter(rng, rng.pick(CONTAINER_COLOURS), 10);
        if (fade) c = mix(c, fade, fadeT);
        out += rect(x, baseY - (r + 1) * bh, bw - 1.5, bh - 1.2, c);
        out += rect(x, baseY - (r + 1) * bh, bw - 1.5, bh * 0.18, lighten(c, 0.18));
      }
      x += bw;
    }
  }
  return out;
}

/** Container ship seen side-on. */
function containerShip(rng, x, waterY, len, hull, s = 1, fade = null, fadeT = 0) {
  const hh = 46 * s;
  let out = poly(
    [
      [x, waterY - hh],
      [x + len, waterY - hh],
      [x + len - 40 * s, waterY + 6 * s],
      [x + 25 * s, waterY + 6 * s],
    ],
    hull,
  );
  out += rect(x + 6 * s, waterY - hh, len - 20 * s, 6 * s, lighten(hull, 0.2));
  out += containerStack(
    rng,
    x + len * 0.12,
    x + len * 0.9,
    waterY - hh,
    rng.int(3, 5),
    30 * s,
    13 * s,
    fade,
    fadeT,
  );
  const bx = x + len * 0.03;
  const bridge = fade ? mix('#e8e6e0', fade, fadeT) : '#e8e6e0';
  out += rect(bx, waterY - hh - 78 * s, 52 * s, 78 * s, bridge);
  for (let i = 0; i < 5; i++)
    out += rect(bx + 4 * s, waterY - hh - 72 * s + i * 14 * s, 44 * s, 4 * s, darken(bridge, 0.55));
  out += rect(bx + 14 * s, waterY - hh - 98 * s, 16 * s, 22 * s, darken(hull, 0.2));
  return out;
}

/** Crude oil tanker seen side-on: long low hull, pipework on deck, accommodation aft. */
function tankerShip(x, waterY, len, hull, s = 1) {
  const hh = 30 * s;
  let out = poly(
    [
      [x, waterY - hh],
      [x + len, waterY - hh - 4 * s],
      [x + len - 30 * s, waterY + 6 * s],
      [x + 18 * s, waterY + 6 * s],
    ],
    hull,
  );
  out += rect(x + 10 * s, waterY - 4 * s, len - 40 * s, 10 * s, '#7a2a24');
  out += rect(x + 4 * s, waterY - hh - 5 * s, len - 10 * s, 5 * s, lighten(hull, 0.25));
  out += line(
    x + len * 0.2,
    waterY - hh - 9 * s,
    x + len * 0.95,
    waterY - hh - 9 * s,
    '#9a9a92',
    3 * s,
  );
  for (let px = x + len * 0.22; px < x + len * 0.94; px += len * 0.08) {
    out += line(px, waterY - hh - 5 * s, px, waterY - hh - 16 * s, '#8a8a84', 2 * s);
  }
  out += line(
    x + len * 0.55,
    waterY - hh - 5 * s,
    x + len * 0.55,
    waterY - hh - 40 * s,
    '#6a6a64',
    3 * s,
  );
  const bx = x + len * 0.03;
  out += rect(bx, waterY - hh - 70 * s, 70 * s, 70 * s, '#e8e6e0');
  for (let i = 0; i < 4; i++) {
    out += rect(bx + 5 * s, waterY - hh - 64 * s + i * 15 * s, 60 * s, 4 * s, '#3a3f44');
  }
  out += rect(bx + 20 * s, waterY - hh - 96 * s, 20 * s, 28 * s, '#c0392b');
  out += rect(bx + 20 * s, waterY - hh - 100 * s, 20 * s, 6 * s, '#1e1e1e');
  return out;
}

/** Small standing figures; `tint` colours the clothing. */
function figures(rng, d, positions, h, tint, { helmet = null, blur = 0 } = {}) {
  let out = '';
  for (const [x, y] of positions) {
    const k = h * rng.range(0.9, 1.08);
    const c = jitter(rng, tint, 14);
    out += rect(x - k * 0.14, y - k * 0.78, k * 0.28, k * 0.5, c, `rx="${r1(k * 0.08)}"`);
    out += rect(x - k * 0.11, y - k * 0.32, k * 0.09, k * 0.32, darken(c, 0.45));
    out += rect(x + k * 0.02, y - k * 0.32, k * 0.09, k * 0.32, darken(c, 0.45));
    out += circle(x, y - k * 0.88, k * 0.1, helmet ?? '#c49a7c');
    if (helmet) out += ellipse(x, y - k * 0.92, k * 0.12, k * 0.06, helmet);
    out += rect(x - k * 0.14, y - k * 0.66, k * 0.28, k * 0.05, lighten(c, 0.5), 'opacity="0.6"');
  }
  return group(out, d.blur(blur));
}

function waterSurface(
  d,
  rng,
  W,
  y0,
  H,
  top,
  bottom,
  { streaks = 40, streakColor = '#ffffff', streakOpacity = 0.18 } = {},
) {
  let out = rect(
    0,
    y0,
    W,
    H - y0,
    d.linear([
      [0, top],
      [1, bottom],
    ]),
  );
  for (let i = 0; i < streaks; i++) {
    const y = y0 + Math.pow(rng(), 1.6) * (H - y0);
    const len = rng.range(40, 260) * (1 + (y - y0) / (H - y0));
    out += rect(
      rng.range(-50, W),
      y,
      len,
      rng.range(1, 3.5),
      streakColor,
      `opacity="${r1(streakOpacity * rng.range(0.3, 1) * 100) / 100}" ${d.blur(1.2)}`,
    );
  }
  return out;
}

function hazeBand(d, W, y, h, color, opacity) {
  return rect(
    -50,
    y - h / 2,
    W + 100,
    h,
    d.linear([
      [0, color, 0],
      [0.5, color, opacity],
      [1, color, 0],
    ]),
  );
}

function bokeh(
  d,
  rng,
  W,
  H,
  n,
  palette,
  { rMin = 10, rMax = 60, yMin = 0, yMax = H, blur = 6, opacity = [0.25, 0.7] } = {},
) {
  let out = '';
  for (let i = 0; i < n; i++) {
    out += circle(
      rng.range(0, W),
      rng.range(yMin, yMax),
      rng.range(rMin, rMax),
      rng.pick(palette),
      `opacity="${r1(rng.range(...opacity) * 100) / 100}"`,
    );
  }
  return group(out, d.blur(blur));
}

// ---------------------------------------------------------------------------------------
// Scenes. Each returns the SVG content (without <svg> and <defs>) for a W x H canvas.
// ---------------------------------------------------------------------------------------

const scenes = {
  quarry(d, rng, W, H) {
    // An open pit seen from its near rim: the far wall shows as stepped benches.
    const haze = '#d9cdb4';
    let out = sky(d, W, H, [
      [0, '#a9b3b8'],
      [0.45, '#d8d1bf'],
      [1, '#e6dcc4'],
    ]);
    out += sunGlow(d, W * rng.range(0.55, 0.85), H * 0.1, H * 0.5, '#fff3d6', 0.6);
    out += hills(d, rng, W, H, {
      baseY: H * 0.27,
      amp: H * 0.05,
      color: mix('#7d8a8c', haze, 0.55),
      blur: 3,
    });
    out += hills(d, rng, W, H, {
      baseY: H * 0.33,
      amp: H * 0.03,
      color: mix('#6f6a5a', haze, 0.4),
      blur: 1.5,
    });
    const cx = W * rng.range(0.45, 0.58);
    const tiers = 9;
    const earth = ['#a0613a', '#b07a4a', '#8f5a3c', '#9d8a74', '#b8946a', '#a86f46'];
    for (let i = 0; i < tiers; i++) {
      const t = i / (tiers - 1);
      const top = H * (0.34 + t * 0.36);
      const ry = H * (0.3 - t * 0.16);
      const rx = W * (0.95 - t * 0.58);
      const cy = top + ry;
      const wallH = H * (0.022 + t * 0.03);
      const base = mix(rng.pick(earth), haze, 0.45 - t * 0.4);
      out += ellipse(
        cx,
        cy,
        rx,
        ry,
        lighten(base, 0.3),
        d.texture(hashString(`bench${i}`), 0.03 + t * 0.02, 3, 0.35),
      );
      out += ellipse(
        cx,
        cy + wallH * 0.35,
        rx * 0.975,
        ry * 0.97,
        darken(base, 0.12),
        d.texture(hashString(`wall${i}`), 0.01 + t * 0.02, 4, 0.6),
      );
      out += ellipse(cx, cy + wallH, rx * 0.96, ry * 0.94, base);
      if (i > 0 && i < tiers - 1 && rng.chance(0.75)) {
        const s = (0.5 + t * 1.4) * (W / 1600);
        const ex = cx + rng.range(-0.55, 0.55) * rx;
        const ey = top + wallH * 0.2 + Math.pow((ex - cx) / rx, 2) * ry * 0.9;
        const yellow = mix('#d9a82a', haze, 0.35 - t * 0.3);
        out += group(
          rect(ex, ey - 16 * s, 34 * s, 16 * s, yellow) +
            rect(ex + 4 * s, ey - 26 * s, 14 * s, 11 * s, darken(yellow, 0.1)) +
            line(ex + 30 * s, ey - 14 * s, ex + 56 * s, ey - 34 * s, darken(yellow, 0.15), 4 * s) +
            line(ex + 56 * s, ey - 34 * s, ex + 66 * s, ey - 8 * s, darken(yellow, 0.15), 3 * s) +
            rect(ex - 2 * s, ey - 3 * s, 38 * s, 5 * s, '#2e2a26'),
          d.blur(0.6),
        );
      }
    }
    out += ellipse(cx, H * 0.86, W * 0.2, H * 0.05, '#6d7f78', `opacity="0.85" ${d.blur(5)}`);
    out += `<path d="M${r1(cx - W * 0.5)},${r1(H * 0.42)} C${r1(cx - W * 0.2)},${r1(H * 0.5)} ${r1(cx + W * 0.05)},${r1(H * 0.55)} ${r1(cx + W * 0.3)},${r1(H * 0.72)}" stroke="#e0cfb0" stroke-width="${r1(H * 0.012)}" fill="none" opacity="0.55" ${d.blur(2)}/>`;
    out += hazeBand(d, W, H * 0.42, H * 0.3, haze, 0.5);
    out += clouds(d, rng, W, { n: 6, y0: H * 0.35, y1: H * 0.7, color: '#efe4cc', opacity: 0.3 });
    out += `<path d="${ridgePath(rng, W, H, H * 0.88, H * 0.04, 0.5)}" fill="#5a4230" ${d.blur(5)}/>`;
    out += rect(0, H * 0.9, W, H * 0.1, '#3e2e22', d.blur(8));
    return out;
  },

  workbench(d, rng, W, H) {
    let out = rect(
      0,
      0,
      W,
      H,
      d.linear([
        [0, '#2b2e33'],
        [0.5, '#3d4046'],
        [1, '#1f2124'],
      ]),
    );
    out += bokeh(d, rng, W, H, 22, ['#f2c77a', '#e8e2d0', '#9fc3e0'], {
      yMax: H * 0.4,
      rMin: 16,
      rMax: 60,
      blur: 16,
      opacity: [0.2, 0.55],
    });
    const top = H * 0.38;
    out += poly(
      [
        [W * 0.05, top],
        [W * 0.95, top],
        [W * 1.3, H],
        [-W * 0.3, H],
      ],
      d.linear([
        [0, '#5d6167'],
        [0.5, '#858a90'],
        [1, '#a3a7ab'],
      ]),
      d.texture(19, 0.05, 2, 0.2),
    );
    out += rect(0, top - 6, W, 12, '#1e2024', d.blur(4));
    out += rect(
      0,
      top,
      W,
      H - top,
      d.radial(
        [
          [0, '#fff6e0', 0.35],
          [1, '#fff6e0', 0],
        ],
        { cx: 0.35, cy: 0.2, r: 0.6 },
      ),
    );
    const rows = 5;
    for (let r = 0; r < rows; r++) {
      const t = r / (rows - 1);
      const y = top + (H - top) * (0.12 + Math.pow(t, 1.3) * 0.9);
      const s = 0.45 + t * 1.35;
      const bw = 150 * s * (W / 1200);
      const bh = 40 * s * (W / 1200);
      const depth = 70 * s * (W / 1200);
      const gap = bw * 0.35;
      let blocks = '';
      let x = W / 2 - (bw + gap) * Math.ceil(W / (bw + gap) / 2 + 1) + rng.range(0, gap);
      while (x < W + bw) {
        const c = jitter(rng, '#7f848b', 6);
        const skew = ((x + bw / 2 - W / 2) / W) * depth * 0.6;
        blocks += rect(
          x + 6,
          y - 4,
          bw + 8,
          bh * 0.5,
          '#000000',
          `opacity="0.45" ${d.blur(6 * s)}`,
        );
        blocks += poly(
          [
            [x, y - bh],
            [x + bw, y - bh],
            [x + bw + skew * 0.6, y - bh - depth],
            [x + skew * 0.6, y - bh - depth],
          ],
          d.linear([
            [0, lighten(c, 0.45)],
            [1, lighten(c, 0.15)],
          ]),
        );
        blocks += rect(
          x,
          y - bh,
          bw,
          bh,
          d.linear([
            [0, c],
            [1, darken(c, 0.35)],
          ]),
        );
        blocks += line(x, y - bh, x + bw, y - bh, lighten(c, 0.7), 1.5 * s);
        x += bw + gap;
      }
      const focus = Math.abs(t - 0.55);
      out += group(blocks, d.blur(0.6 + focus * 10));
    }
    return out;
  },

  mountainScar(d, rng, W, H) {
    const mist = '#c8ccc6';
    let out = sky(d, W, H, [
      [0, '#8e9893'],
      [0.5, '#b9beb7'],
      [1, '#c6c9c1'],
    ]);
    out += clouds(d, rng, W, {
      n: 10,
      y0: 0,
      y1: H * 0.35,
      color: '#e4e6e2',
      opacity: 0.55,
      size: 1.4,
    });
    out += hills(d, rng, W, H, {
      baseY: H * 0.3,
      amp: H * 0.12,
      color: mix('#4c5e52', mist, 0.6),
      blur: 4,
      roughness: 0.6,
    });
    out += hazeBand(d, W, H * 0.36, H * 0.12, mist, 0.7);
    const slope = ridgePath(rng, W, H, H * 0.4, H * 0.16, 0.58);
    out += `<path d="${slope}" fill="#34503b" ${d.texture(7, 0.012, 4, 0.7)}/>`;
    const sx = W * rng.range(0.4, 0.6);
    const pts = [];
    for (let i = 0; i <= 12; i++) {
      const t = i / 12;
      pts.push([sx + Math.sin(t * 3) * 40 - t * 60 + rng.range(-18, 18), H * (0.3 + t * 0.6)]);
    }
    const left = pts.map(([x, y], i) => [x - (20 + i * 14) - rng.range(0, 20), y]);
    const right = pts.map(([x, y], i) => [x + (20 + i * 16) + rng.range(0, 20), y]).reverse();
    out += poly([...left, ...right], '#7b5c42', d.texture(21, 0.03, 3, 0.8));
    out += poly([...left, ...right], '#a07c58', `opacity="0.35" ${d.blur(8)}`);
    out += hills(d, rng, W, H, { baseY: H * 0.88, amp: H * 0.05, color: '#2b3a2e', blur: 2 });
    out += `<path d="M${-20},${H * 0.97} C${W * 0.3},${H * 0.9} ${W * 0.6},${H * 1.02} ${W + 20},${H * 0.93}" stroke="#9aa7a0" stroke-width="9" fill="none" opacity="0.6" ${d.blur(2)}/>`;
    out += clouds(d, rng, W, {
      n: 7,
      y0: H * 0.35,
      y1: H * 0.7,
      color: '#e8eae6',
      opacity: 0.5,
      size: 1.2,
    });
    return out;
  },

  rescueSlope(d, rng, W, H) {
    let out = sky(d, W, H, [
      [0, '#a7aca6'],
      [1, '#c2c4bd'],
    ]);
    out += hills(d, rng, W, H, { baseY: H * 0.22, amp: H * 0.06, color: '#7c8a7e', blur: 6 });
    out += `<path d="${ridgePath(rng, W, H, H * 0.32, H * 0.05, 0.5)}" fill="#6b533f" ${d.texture(11, 0.018, 4, 0.8)}/>`;
    out += rect(
      0,
      H * 0.3,
      W,
      H * 0.7,
      d.linear([
        [0, '#5f4a38', 0],
        [1, '#3f3024', 0.7],
      ]),
    );
    let rocks = '';
    for (let i = 0; i < 90; i++) {
      const y = H * rng.range(0.35, 1);
      const s = (y / H) * rng.range(6, 26);
      rocks += ellipse(
        rng.range(0, W),
        y,
        s * 1.5,
        s,
        mix('#4a3c30', '#2a221c', rng()),
        `opacity="0.85"`,
      );
    }
    out += group(rocks, d.blur(1));
    let stumps = '';
    for (let i = 0; i < 14; i++) {
      const x = rng.range(0, W);
      const y = H * rng.range(0.35, 0.9);
      stumps += line(
        x,
        y,
        x + rng.range(-60, 60),
        y + rng.range(-10, 10),
        '#2f2620',
        rng.range(3, 8),
      );
    }
    out += stumps;
    const pos = [];
    const n = rng.int(7, 10);
    for (let i = 0; i < n; i++) {
      const t = i / n;
      pos.push([
        W * (0.15 + t * 0.7) + rng.range(-15, 15),
        H * (0.48 + t * 0.22) + rng.range(-10, 10),
      ]);
    }
    out += figures(rng, d, pos, H * 0.13, '#e0602a', { helmet: '#f1c232', blur: 0.8 });
    out += hazeBand(d, W, H * 0.3, H * 0.25, '#d8dad4', 0.5);
    return out;
  },

  coastalVenue(d, rng, W, H) {
    let out = sky(d, W, H, [
      [0, '#2c2f5a'],
      [0.45, '#8a5a7a'],
      [0.72, '#e39a6a'],
      [1, '#f3c48c'],
    ]);
    out += sunGlow(d, W * 0.7, H * 0.6, H * 0.5, '#ffb26b', 0.7);
    out += clouds(d, rng, W, { n: 7, y0: H * 0.15, y1: H * 0.45, color: '#d88a8a', opacity: 0.35 });
    out += hills(d, rng, W, H, { baseY: H * 0.5, amp: H * 0.05, color: '#4a3c5a', blur: 2 });
    out += waterSurface(d, rng, W, H * 0.56, H * 0.66, '#c98f7a', '#6a4f6a', {
      streaks: 25,
      streakColor: '#ffd6a0',
      streakOpacity: 0.4,
    });
    out += rect(
      0,
      H * 0.64,
      W,
      H * 0.36,
      d.linear([
        [0, '#3a3040'],
        [1, '#1d1a22'],
      ]),
    );
    const bx = W * 0.12;
    const bw = W * 0.76;
    const by = H * 0.5;
    out += rect(bx, by, bw, H * 0.16, '#2e2a36');
    out += rect(bx - 20, by - 10, bw + 40, 14, '#3d3848');
    let windows = '';
    for (let x = bx + 10; x < bx + bw - 20; x += 26)
      windows += rect(
        x,
        by + 14,
        18,
        H * 0.11,
        '#f6c983',
        `opacity="${r1(rng.range(0.5, 0.95) * 10) / 10}"`,
      );
    out += group(windows, d.blur(1.5));
    out += rect(bx, by + 14, bw, H * 0.11, '#ffd79a', `opacity="0.25" ${d.blur(20)}`);
    const flagColours = [
      '#c8102e',
      '#0a3d91',
      '#ffffff',
      '#009246',
      '#f7c600',
      '#1c1c1c',
      '#ef7d00',
      '#00843d',
    ];
    for (let i = 0; i < 14; i++) {
      const t = i / 13;
      const x = W * 0.05 + t * W * 0.9;
      const base = H * (0.98 - Math.abs(t - 0.5) * 0.12);
      const h = H * (0.3 - Math.abs(t - 0.5) * 0.1);
      out += line(x, base, x, base - h, '#bfb7c8', 3);
      const fc = rng.pick(flagColours);
      out += `<path d="M${r1(x)},${r1(base - h)} q30,6 60,-2 l0,36 q-30,8 -60,2 z" fill="${fc}" opacity="0.9"/>`;
      out += `<path d="M${r1(x)},${r1(base - h)} q30,6 60,-2 l0,36 q-30,8 -60,2 z" fill="#000000" opacity="0.25"/>`;
    }
    out += rect(0, H * 0.9, W, H * 0.1, '#141218', d.blur(4));
    return out;
  },

  plenaryHall(d, rng, W, H) {
    let out = rect(
      0,
      0,
      W,
      H,
      d.linear([
        [0, '#0f1626'],
        [0.6, '#1b2438'],
        [1, '#0b0f18'],
      ]),
    );
    for (let i = 0; i < 9; i++)
      out += ellipse(
        W * (0.08 + i * 0.105),
        H * 0.05,
        30,
        10,
        '#fff4dc',
        `opacity="0.7" ${d.blur(8)}`,
      );
    const sx = W * 0.28;
    const sw = W * 0.44;
    out += rect(
      sx - 30,
      H * 0.12 - 30,
      sw + 60,
      H * 0.3 + 60,
      '#4f86c6',
      `opacity="0.35" ${d.blur(40)}`,
    );
    out += rect(
      sx,
      H * 0.12,
      sw,
      H * 0.3,
      d.linear([
        [0, '#6aa5e0'],
        [1, '#2f6db0'],
      ]),
    );
    out += rect(sx + sw * 0.1, H * 0.2, sw * 0.5, H * 0.03, '#ffffff', 'opacity="0.75"');
    out += rect(sx + sw * 0.1, H * 0.26, sw * 0.7, H * 0.015, '#ffffff', 'opacity="0.5"');
    out += rect(sx + sw * 0.1, H * 0.29, sw * 0.6, H * 0.015, '#ffffff', 'opacity="0.5"');
    out += rect(W * 0.2, H * 0.44, W * 0.6, H * 0.05, '#2a3550');
    const rows = 7;
    for (let r = 0; r < rows; r++) {
      const t = r / (rows - 1);
      const y = H * (0.52 + Math.pow(t, 1.2) * 0.46);
      const s = 0.35 + t * 0.9;
      let row = rect(0, y, W, 18 * s, '#1c2336');
      let x = rng.range(-30, 0) * s;
      while (x < W) {
        const c = jitter(rng, rng.pick(['#1a1c22', '#262a33', '#3a3430', '#2e3340']), 6);
        row += ellipse(x, y - 4 * s, 26 * s, 20 * s, c);
        row += circle(
          x,
          y - 34 * s,
          13 * s,
          rng.pick(['#2a201c', '#1b1715', '#3b2e27', '#4a4038']),
        );
        if (rng.chance(0.35))
          row += rect(
            x - 12 * s,
            y + 2 * s,
            24 * s,
            6 * s,
            '#9cc6f2',
            `opacity="0.6" ${d.blur(3 * s)}`,
          );
        x += rng.range(48, 64) * s;
      }
      out += group(row, d.blur(Math.max(0, (0.6 - t) * 3)));
    }
    out += rect(
      0,
      0,
      W,
      H,
      d.radial(
        [
          [0, '#4a7fc0', 0.12],
          [1, '#000000', 0],
        ],
        { cx: 0.5, cy: 0.25, r: 0.6 },
      ),
    );
    return out;
  },

  canalShip(d, rng, W, H) {
    let out = sky(d, W, H, [
      [0, '#7d8fa3'],
      [0.55, '#c7cfd6'],
      [1, '#dfe2e0'],
    ]);
    out += clouds(d, rng, W, {
      n: 12,
      y0: 0,
      y1: H * 0.35,
      color: '#f4f5f3',
      opacity: 0.6,
      size: 1.3,
    });
    out += hills(d, rng, W, H, { baseY: H * 0.44, amp: H * 0.06, color: '#61806a', blur: 3 });
    out += hills(d, rng, W, H, { baseY: H * 0.52, amp: H * 0.04, color: '#3f6347', blur: 1 });
    out += waterSurface(d, rng, W, H * 0.6, H, '#6b7f7a', '#3d4f4c', { streaks: 30 });
    out += poly(
      [
        [0, H * 0.6],
        [W * 0.3, H * 0.6],
        [W * 0.05, H],
        [0, H],
      ],
      '#9a9a92',
      d.texture(3, 0.03, 2, 0.4),
    );
    out += poly(
      [
        [W, H * 0.6],
        [W * 0.7, H * 0.6],
        [W * 0.95, H],
        [W, H],
      ],
      '#8f8f88',
      d.texture(5, 0.03, 2, 0.4),
    );
    out += containerShip(rng, W * 0.2, H * 0.66, W * 0.6, '#2b2f36', W / 1600);
    out += rect(W * 0.2, H * 0.665, W * 0.6, 12, '#000000', `opacity="0.3" ${d.blur(6)}`);
    for (let i = 0; i < 4; i++)
      out += line(
        W * (0.28 + i * 0.015),
        H * 0.6,
        W * (0.22 + i * 0.02),
        H * 0.6 - 50,
        '#d9d9d0',
        2,
      );
    return out;
  },

  canalLockClose(d, rng, W, H) {
    let out = sky(d, W, H, [
      [0, '#96a6b4'],
      [1, '#d7dcdd'],
    ]);
    out += hills(d, rng, W, H, { baseY: H * 0.3, amp: H * 0.04, color: '#5f7d66', blur: 4 });
    const vx = W * rng.range(0.45, 0.55);
    const vy = H * 0.34;
    out += poly(
      [
        [0, H * 0.25],
        [vx - 60, vy],
        [vx - 40, H],
        [0, H],
      ],
      '#9c9b94',
      d.texture(8, 0.02, 3, 0.5),
    );
    out += poly(
      [
        [W, H * 0.25],
        [vx + 60, vy],
        [vx + 40, H],
        [W, H],
      ],
      '#8e8d87',
      d.texture(9, 0.02, 3, 0.5),
    );
    out += poly(
      [
        [vx - 60, vy],
        [vx + 60, vy],
        [W * 0.92, H],
        [W * 0.08, H],
      ],
      d.linear([
        [0, '#6c817c'],
        [1, '#2f4240'],
      ]),
    );
    out += rect(vx - 80, vy - 40, 30, 60, '#3b3f40');
    out += rect(vx + 50, vy - 40, 30, 60, '#3b3f40');
    let foam = '';
    for (let i = 0; i < 420; i++) {
      const t = rng();
      const y = vy + t * (H - vy);
      const spread = 60 + t * W * 0.35;
      foam += ellipse(
        vx + rng.range(-spread, spread),
        y,
        rng.range(8, 40) * (0.3 + t),
        rng.range(1.5, 6) * (0.3 + t),
        '#eef3f1',
        `opacity="${r1(rng.range(0.2, 0.7) * 10) / 10}"`,
      );
    }
    out += group(foam, d.blur(3.5));
    out += ellipse(vx, H * 0.75, W * 0.25, H * 0.25, '#e6efec', `opacity="0.35" ${d.blur(40)}`);
    out += hazeBand(d, W, vy, H * 0.2, '#e6ecea', 0.6);
    for (let i = 0; i < 7; i++)
      out += rect(0, H * (0.3 + i * 0.1), W * 0.08, 3, '#5e5d58', 'opacity="0.6"');
    return out;
  },

  steelDock(d, rng, W, H) {
    let out = sky(d, W, H, [
      [0, '#3a2f4a'],
      [0.4, '#b4553a'],
      [0.7, '#f08a3c'],
      [1, '#f6c27a'],
    ]);
    out += sunGlow(d, W * rng.range(0.3, 0.7), H * 0.58, H * 0.45, '#ffb347', 0.85);
    out += clouds(d, rng, W, { n: 6, y0: H * 0.1, y1: H * 0.4, color: '#7a3b3a', opacity: 0.45 });
    const sil = '#2a1d24';
    for (let i = 0; i < 4; i++)
      out += gantryCrane(
        W * (0.1 + i * 0.24) + rng.range(-30, 30),
        H * 0.62,
        H * rng.range(0.3, 0.4),
        mix(sil, '#b4553a', 0.25),
        W / 1600,
      );
    out += containerShip(rng, W * 0.45, H * 0.62, W * 0.5, sil, W / 1600, sil, 0.85);
    out += waterSurface(d, rng, W, H * 0.62, H * 0.72, '#c6703e', '#5a3134', {
      streakColor: '#ffd08a',
      streakOpacity: 0.5,
    });
    out += rect(
      0,
      H * 0.7,
      W,
      H * 0.3,
      d.linear([
        [0, '#3b2b2a'],
        [1, '#1a1414'],
      ]),
    );
    const rOuter = H * 0.15;
    let coils = '';
    for (let row = 0; row < 2; row++) {
      const y = H * (0.92 - row * 0.25);
      const n = 5 - row;
      for (let i = 0; i < n; i++) {
        const x = -rOuter * 0.4 + rOuter * (1 + row) + i * rOuter * 2.05;
        const rim = d.radial([
          [0, '#2a2624'],
          [0.35, '#4a4440'],
          [0.4, '#a09a94'],
          [0.8, '#6e6862'],
          [0.95, '#d4a070'],
          [1, '#3a2e28'],
        ]);
        coils += circle(x, y, rOuter, rim);
        coils += circle(
          x - rOuter * 0.2,
          y - rOuter * 0.25,
          rOuter * 0.7,
          '#ffd0a0',
          `opacity="0.15" ${d.blur(12)}`,
        );
      }
    }
    out += group(coils, d.blur(W / 400));
    return out;
  },

  bayskyline(d, rng, W, H) {
    const horizon = H * 0.58;
    let out = sky(d, W, H, [
      [0, '#10183a'],
      [0.45, '#3e3f74'],
      [0.75, '#b46a7e'],
      [1, '#e69b7a'],
    ]);
    out += clouds(d, rng, W, { n: 5, y0: H * 0.1, y1: H * 0.35, color: '#8a6a9a', opacity: 0.35 });
    const back = skyline(d, rng, W, {
      baseY: horizon,
      hMin: H * 0.1,
      hMax: H * 0.26,
      color: '#2a2d4a',
      windows: '#f5d9a0',
      windowProb: 0.15,
      blur: 1.5,
      scale: 0.7,
    });
    const front = skyline(d, rng, W, {
      baseY: horizon,
      hMin: H * 0.05,
      hMax: H * 0.38,
      color: '#171a30',
      windows: '#ffe2a8',
      windowProb: 0.35,
      blur: 0.4,
      scale: 1,
    });
    out += back + front;
    out += rect(
      0,
      horizon,
      W,
      H - horizon,
      d.linear([
        [0, '#2a2a4a'],
        [1, '#0c0f22'],
      ]),
    );
    out += group(
      back + front,
      `transform="translate(0 ${r1(2 * horizon)}) scale(1 -1)" opacity="0.45" ${d.blur(4)}`,
    );
    for (let i = 0; i < 60; i++) {
      const y = horizon + Math.pow(rng(), 1.3) * (H - horizon);
      out += rect(
        rng.range(0, W),
        y,
        rng.range(30, 200),
        1.5,
        rng.pick(['#ffe2a8', '#f3a3a0', '#ffffff']),
        `opacity="${r1(rng.range(0.1, 0.5) * 10) / 10}"`,
      );
    }
    out += rect(0, horizon - 3, W, 5, '#ffd9a0', `opacity="0.35" ${d.blur(3)}`);
    return out;
  },

  cleanroom(d, rng, W, H) {
    let out = rect(
      0,
      0,
      W,
      H,
      d.linear([
        [0, '#e6d27a'],
        [0.5, '#cdb653'],
        [1, '#8c7a2e'],
      ]),
    );
    const vx = W * 0.5;
    const vy = H * 0.42;
    for (let i = -6; i <= 6; i++)
      out += line(vx + i * 30, vy, vx + i * W * 0.22, -10, '#f8eeb0', 2, 'opacity="0.5"');
    for (let j = 1; j < 6; j++) {
      const y = vy - (vy + 10) * Math.pow(j / 6, 1.4);
      out += rect(0, y, W, 3, '#fff6c8', 'opacity="0.5"');
      for (let i = -4; i <= 4; i++)
        out += rect(
          vx + i * (40 + j * 60),
          y + 3,
          20 + j * 18,
          6 + j * 3,
          '#fffbe6',
          `opacity="0.8" ${d.blur(2)}`,
        );
    }
    out += poly(
      [
        [0, H],
        [vx - 120, vy + 40],
        [vx + 120, vy + 40],
        [W, H],
      ],
      d.linear([
        [0, '#a8964a'],
        [1, '#6e622a'],
      ]),
    );
    const machine = (x, y, w, h, blur) => {
      let m = rect(
        x,
        y - h,
        w,
        h,
        d.linear(
          [
            [0, '#f2edd8'],
            [1, '#b9b18e'],
          ],
          { x1: 0, y1: 0, x2: 1, y2: 0 },
        ),
        'rx="10"',
      );
      m += rect(x + w * 0.1, y - h * 0.8, w * 0.35, h * 0.25, '#3a4a5a', 'rx="4"');
      m += rect(x + w * 0.12, y - h * 0.78, w * 0.31, h * 0.2, '#6fb3d8', 'opacity="0.7"');
      m += rect(x + w * 0.55, y - h * 0.5, w * 0.35, h * 0.05, '#8a8266');
      m += rect(x + w * 0.55, y - h * 0.4, w * 0.35, h * 0.05, '#8a8266');
      m += rect(x, y - 6, w, 8, '#000000', `opacity="0.25" ${d.blur(6)}`);
      return group(m, d.blur(blur));
    };
    out += machine(W * 0.08, H * 0.86, W * 0.26, H * 0.5, 0.5);
    out += machine(W * 0.66, H * 0.84, W * 0.28, H * 0.52, 0.5);
    out += machine(W * 0.36, H * 0.6, W * 0.12, H * 0.2, 2);
    out += machine(W * 0.52, H * 0.6, W * 0.1, H * 0.18, 2.5);
    const suits = [
      [W * 0.42, H * 0.86],
      [W * 0.57, H * 0.74],
      [W * 0.48, H * 0.63],
    ];
    out += figures(rng, d, suits.slice(0, 1), H * 0.42, '#f5f3ea', {
      helmet: '#e8e6de',
      blur: 0.6,
    });
    out += figures(rng, d, suits.slice(1, 2), H * 0.26, '#f5f3ea', {
      helmet: '#e8e6de',
      blur: 1.2,
    });
    out += figures(rng, d, suits.slice(2), H * 0.16, '#f5f3ea', { helmet: '#e8e6de', blur: 2 });
    out += rect(0, 0, W, H, '#f0c840', 'opacity="0.12"');
    return out;
  },

  constructionFields(d, rng, W, H) {
    const horizon = H * 0.55;
    let out = sky(d, W, H, [
      [0, '#a9c0d3'],
      [0.7, '#dfe6e6'],
      [1, '#eef0ea'],
    ]);
    out += clouds(d, rng, W, { n: 8, y0: H * 0.05, y1: H * 0.3, color: '#ffffff', opacity: 0.55 });
    out += hills(d, rng, W, H, {
      baseY: horizon - H * 0.12,
      amp: H * 0.06,
      color: '#9fb0bd',
      blur: 4,
      opacity: 0.8,
    });
    out += hills(d, rng, W, H, {
      baseY: horizon - H * 0.03,
      amp: H * 0.02,
      color: '#7d9488',
      blur: 2,
    });
    const bx = W * rng.range(0.25, 0.4);
    const bw = W * 0.4;
    const bh = H * 0.22;
    out += rect(bx, horizon - bh, bw, bh, '#c9c8c2');
    out += rect(bx + bw * 0.55, horizon - bh * 1.25, bw * 0.45, bh * 0.25, '#b6b5af');
    let grid = '';
    for (let x = bx; x <= bx + bw; x += bw / 18)
      grid += line(x, horizon - bh * 1.25, x, horizon, '#7d7a72', 1.5);
    for (let y = horizon - bh * 1.2; y < horizon; y += bh / 8)
      grid += line(bx + bw * 0.55, y, bx + bw, y, '#7d7a72', 1.2);
    for (let y = horizon - bh; y < horizon; y += bh / 6)
      grid += line(bx, y, bx + bw * 0.55, y, '#8a877f', 1.2);
    out += group(grid, 'opacity="0.8"');
    out += rect(
      bx + bw * 0.05,
      horizon - bh * 0.6,
      bw * 0.45,
      bh * 0.25,
      '#3f5566',
      'opacity="0.5"',
    );
    for (let i = 0; i < 3; i++)
      out += towerCrane(
        rng,
        bx + bw * (0.15 + i * 0.35),
        horizon,
        H * rng.range(0.32, 0.42),
        '#d8a23a',
        W / 1600,
      );
    for (let i = 0; i < 9; i++) {
      const y0 = horizon + (H - horizon) * Math.pow(i / 9, 1.5);
      const y1 = horizon + (H - horizon) * Math.pow((i + 1) / 9, 1.5);
      const c = jitter(rng, rng.pick(['#7fa34a', '#8fb45a', '#6c9443', '#a7b764']), 10);
      out += rect(0, y0, W, y1 - y0 + 1, c, d.texture(30 + i, 0.08, 2, 0.35));
      out += rect(0, y0, W, 2, '#c9c7a4', 'opacity="0.5"');
    }
    out += hazeBand(d, W, horizon, H * 0.1, '#f0f1ea', 0.5);
    return out;
  },

  cableShipHarbour(d, rng, W, H) {
    const horizon = H * 0.6;
    let out = sky(d, W, H, [
      [0, '#5d6770'],
      [0.6, '#9aa2a7'],
      [1, '#b8bcbc'],
    ]);
    out += clouds(d, rng, W, {
      n: 12,
      y0: 0,
      y1: H * 0.35,
      color: '#4e565d',
      opacity: 0.5,
      size: 1.5,
    });
    out += hills(d, rng, W, H, {
      baseY: horizon - H * 0.15,
      amp: H * 0.08,
      color: '#56655c',
      blur: 3,
    });
    out += skyline(d, rng, W, {
      baseY: horizon,
      hMin: H * 0.03,
      hMax: H * 0.09,
      color: '#7b8187',
      windows: null,
      blur: 1.5,
      scale: 0.6,
    });
    for (let i = 0; i < 3; i++)
      out += gantryCrane(W * (0.62 + i * 0.12), horizon, H * 0.22, '#8c4a3c', 0.6 * (W / 1600));
    out += waterSurface(d, rng, W, horizon, H, '#6f7a7e', '#2e3a3f', {
      streaks: 40,
      streakOpacity: 0.15,
    });
    const x = W * 0.14;
    const len = W * 0.55;
    const y = horizon + H * 0.12;
    const hull = poly(
      [
        [x, y - 60],
        [x + len, y - 70],
        [x + len - 20, y + 8],
        [x + 30, y + 8],
      ],
      '#eceae4',
    );
    out += hull;
    out += rect(x, y - 4, len, 12, '#2d5f8a');
    out += rect(x + len * 0.35, y - 150, len * 0.35, 90, '#f3f1ec');
    out += rect(x + len * 0.45, y - 190, len * 0.15, 40, '#e4e1da');
    for (let i = 0; i < 8; i++)
      out += rect(x + len * 0.37 + i * len * 0.04, y - 135, len * 0.028, 12, '#2a3036');
    out += circle(x + len - 25, y - 70, 34, 'none', 'stroke="#c9c5bb" stroke-width="10"');
    out += line(x + len * 0.2, y - 60, x + len * 0.12, y - 190, '#e0b43a', 8);
    out += rect(x + 20, y + 10, len - 40, 50, '#e8e6e0', `opacity="0.18" ${d.blur(8)}`);
    return out;
  },

  cableDeck(d, rng, W, H) {
    let out = sky(d, W, H, [
      [0, '#8b959c'],
      [1, '#c3c7c6'],
    ]);
    out += rect(0, H * 0.28, W, H * 0.12, '#5c6b72', d.blur(2));
    out += rect(
      0,
      H * 0.36,
      W,
      H * 0.64,
      d.linear([
        [0, '#6f6f6a'],
        [1, '#3e3e3a'],
      ]),
    );
    const cx = W * rng.range(0.42, 0.55);
    const cy = H * 0.7;
    out += ellipse(cx, cy, W * 0.36, H * 0.24, '#2a2a28');
    out += ellipse(cx, cy - 8, W * 0.35, H * 0.23, '#555550');
    for (let i = 0; i < 26; i++) {
      const t = i / 26;
      out += ellipse(
        cx,
        cy - 4,
        W * (0.33 - t * 0.25),
        H * (0.21 - t * 0.15),
        'none',
        `stroke="${jitter(rng, '#161616', 6)}" stroke-width="${r1(9 - t * 4)}"`,
      );
      out += ellipse(
        cx,
        cy - 7,
        W * (0.33 - t * 0.25),
        H * (0.21 - t * 0.15),
        'none',
        `stroke="#8d8d88" stroke-width="1.2" opacity="0.45"`,
      );
    }
    out += ellipse(cx, cy - 6, W * 0.07, H * 0.05, '#3c3c38');
    out += line(W * 0.85, H * 0.95, W * 0.72, H * 0.15, '#e2b030', 22);
    out += line(W * 0.72, H * 0.15, W * 0.55, H * 0.18, '#e2b030', 12);
    out += line(W * 0.55, H * 0.18, W * 0.55, H * 0.45, '#333333', 3);
    for (let x = 0; x < W; x += 60) out += line(x, H * 0.36, x, H * 0.45, '#c9c9c2', 4);
    out += line(0, H * 0.36, W, H * 0.36, '#d8d8d0', 6);
    out += line(0, H * 0.41, W, H * 0.41, '#c9c9c2', 3);
    out += rect(
      0,
      0,
      W,
      H,
      d.radial([
        [0.5, '#000000', 0],
        [1, '#000000', 0.2],
      ]),
    );
    return out;
  },

  aerialReef(d, rng, W, H) {
    let out = rect(
      0,
      0,
      W,
      H,
      d.linear(
        [
          [0, '#0c3f73'],
          [1, '#0a5588'],
        ],
        { x1: 0, y1: 0, x2: 1, y2: 1 },
      ),
    );
    out += rect(0, 0, W, H, '#0b4a7d', d.texture(41, 0.004, 4, 0.5));
    // Organic blobs: turbulence added to a radial falloff, then thresholded, so each
    // patch has ragged edges instead of an elliptical outline.
    const blob = (cx, cy, rx, ry, color, seed, freq, level) => {
      const id = d.id('blob');
      const [r, g, b] = toRgb(color).map((v) => r1((v / 255) * 1000) / 1000);
      d.items.push(
        `<filter id="${id}" x="0" y="0" width="100%" height="100%" color-interpolation-filters="sRGB">` +
          `<feTurbulence type="fractalNoise" baseFrequency="${freq}" numOctaves="4" seed="${seed}" result="n"/>` +
          `<feColorMatrix in="n" type="matrix" values="1 0 0 0 0  1 0 0 0 0  1 0 0 0 0  0 0 0 0 1" result="g"/>` +
          `<feComposite in="g" in2="SourceGraphic" operator="arithmetic" k1="0" k2="0.45" k3="0.75" k4="0" result="s"/>` +
          `<feColorMatrix in="s" type="matrix" values="0 0 0 0 ${r}  0 0 0 0 ${g}  0 0 0 0 ${b}  14 0 0 0 ${r1(-level * 14)}" result="c"/>` +
          `<feGaussianBlur in="c" stdDeviation="1.5"/></filter>`,
      );
      return rect(
        cx - rx,
        cy - ry,
        rx * 2,
        ry * 2,
        d.radial([
          [0, '#ffffff'],
          [1, '#000000'],
        ]),
        `filter="url(#${id})"`,
      );
    };
    const patch = (cx, cy, rx, ry) => {
      const seed = hashString(`${cx},${cy}`) % 997;
      let p = ellipse(cx, cy, rx * 0.9, ry * 0.9, '#2f9fc2', `opacity="0.5" ${d.blur(rx * 0.25)}`);
      p += blob(cx, cy, rx * 1.2, ry * 1.2, '#4fbfd0', seed, 0.006, 0.5);
      p += blob(cx, cy, rx * 1.2, ry * 1.2, '#82d8d0', seed + 1, 0.012, 0.68);
      p += blob(cx, cy, rx * 1.2, ry * 1.2, '#587a62', seed + 2, 0.025, 0.8);
      p += ellipse(
        cx + rx * 0.2,
        cy,
        rx * 0.18,
        ry * 0.12,
        '#efe6c8',
        `opacity="0.8" ${d.blur(10)}`,
      );
      return p;
    };
    out += patch(W * 0.35, H * 0.45, W * 0.26, H * 0.22);
    out += patch(W * 0.78, H * 0.72, W * 0.14, H * 0.12);
    out += patch(W * 0.12, H * 0.85, W * 0.09, H * 0.07);
    out += patch(W * 0.85, H * 0.18, W * 0.08, H * 0.06);
    for (let i = 0; i < 5; i++)
      out += `<path d="M${r1(W * rng.range(0, 0.3))},${r1(H * rng.range(0.05, 0.95))} q${r1(W * 0.15)},${r1(rng.range(-20, 20))} ${r1(W * rng.range(0.2, 0.4))},${r1(rng.range(-10, 10))}" stroke="#ffffff" stroke-width="1.5" fill="none" opacity="0.12" ${d.blur(2.5)}/>`;
    return out;
  },

  underwater(d, rng, W, H) {
    let out = rect(
      0,
      0,
      W,
      H,
      d.linear([
        [0, '#4fb4cc'],
        [0.35, '#177aa0'],
        [1, '#062c45'],
      ]),
    );
    for (let i = 0; i < 8; i++) {
      const x = rng.range(0, W);
      out += poly(
        [
          [x - 20, 0],
          [x + 30, 0],
          [x + rng.range(80, 240), H],
          [x - rng.range(40, 160), H],
        ],
        '#d6f3ff',
        `opacity="0.1" ${d.blur(22)}`,
      );
    }
    out += rect(0, 0, W, H * 0.06, '#c8f0ff', `opacity="0.35" ${d.blur(12)}`);
    // Reef: mounds and branching corals, duller and bluer with distance.
    const water = '#1d6f8f';
    const reef = (y0, y1, n, fade, blur) => {
      let g = '';
      for (let i = 0; i < n; i++) {
        const x = rng.range(-40, W + 40);
        const y = rng.range(y0, y1);
        const s = rng.range(18, 60) * (y / H) * (W / 1200);
        const c = mix(
          rng.pick(['#c9b9a0', '#b9785c', '#9c5a6a', '#cfc6b0', '#8a7f96', '#b8984e', '#6e8a5a']),
          water,
          fade,
        );
        if (rng.chance(0.5)) {
          g += ellipse(x, y, s * 1.6, s, c, d.texture(i * 7 + 3, 0.05, 3, 0.7));
          g += ellipse(
            x - s * 0.3,
            y - s * 0.4,
            s * 0.9,
            s * 0.4,
            lighten(c, 0.2),
            'opacity="0.5"',
          );
        } else {
          for (let k = 0; k < 6; k++) {
            const a = -Math.PI / 2 + rng.range(-0.9, 0.9);
            const len = s * rng.range(1, 2.2);
            const ex = x + Math.cos(a) * len;
            const ey = y + Math.sin(a) * len;
            g += line(x, y, ex, ey, c, s * 0.18, 'stroke-linecap="round"');
            g += circle(ex, ey, s * 0.13, lighten(c, 0.25));
          }
        }
      }
      return group(g, d.blur(blur));
    };
    out += rect(0, H * 0.72, W, H * 0.3, mix('#3a5a5a', water, 0.5), d.blur(20));
    out += reef(H * 0.7, H * 0.8, 40, 0.6, 3);
    out += reef(H * 0.78, H * 0.92, 40, 0.3, 1.5);
    out += reef(H * 0.9, H * 1.05, 26, 0.05, 2.5);
    // A diver, swimming left, slightly out of focus.
    const dx = W * rng.range(0.4, 0.6);
    const dy = H * 0.4;
    const k = W / 1200;
    const suit = '#101820';
    let diver = '';
    diver += ellipse(dx, dy, 120 * k, 26 * k, suit, `transform="rotate(-6 ${r1(dx)} ${r1(dy)})"`);
    diver += rect(dx - 50 * k, dy - 44 * k, 90 * k, 22 * k, '#5b6670', `rx="${r1(11 * k)}"`);
    diver += circle(dx - 128 * k, dy + 4 * k, 24 * k, suit);
    diver += rect(
      dx - 150 * k,
      dy - 6 * k,
      20 * k,
      14 * k,
      '#9fd0e0',
      `opacity="0.6" rx="${r1(4 * k)}"`,
    );
    diver += line(
      dx - 100 * k,
      dy + 10 * k,
      dx - 170 * k,
      dy + 50 * k,
      suit,
      16 * k,
      'stroke-linecap="round"',
    );
    diver += line(
      dx + 100 * k,
      dy - 4 * k,
      dx + 190 * k,
      dy - 26 * k,
      suit,
      18 * k,
      'stroke-linecap="round"',
    );
    diver += line(
      dx + 100 * k,
      dy + 10 * k,
      dx + 190 * k,
      dy + 22 * k,
      suit,
      18 * k,
      'stroke-linecap="round"',
    );
    diver += poly(
      [
        [dx + 185 * k, dy - 36 * k],
        [dx + 260 * k, dy - 60 * k],
        [dx + 262 * k, dy - 30 * k],
        [dx + 190 * k, dy - 14 * k],
      ],
      '#1d5f7a',
    );
    diver += poly(
      [
        [dx + 185 * k, dy + 12 * k],
        [dx + 262 * k, dy + 20 * k],
        [dx + 255 * k, dy + 48 * k],
        [dx + 188 * k, dy + 32 * k],
      ],
      '#1d5f7a',
    );
    out += group(diver, `opacity="0.92" ${d.blur(2)}`);
    let bubbles = '';
    for (let i = 0; i < 30; i++)
      bubbles += circle(
        dx - 140 * k + rng.range(-25, 25) * k,
        dy - rng.range(20, dy),
        rng.range(2, 8) * k,
        'none',
        'stroke="#e8fbff" stroke-width="1.5" opacity="0.55"',
      );
    out += group(bubbles, d.blur(0.6));
    out += bokeh(d, rng, W, H, 90, ['#cfefff', '#ffffff'], {
      rMin: 1,
      rMax: 4,
      blur: 1.2,
      opacity: [0.15, 0.5],
    });
    return out;
  },

  icebreaker(d, rng, W, H) {
    const horizon = H * 0.45;
    let out = sky(d, W, H, [
      [0, '#6f7c88'],
      [0.8, '#b9c2c8'],
      [1, '#d5dadd'],
    ]);
    out += clouds(d, rng, W, {
      n: 10,
      y0: 0,
      y1: horizon * 0.8,
      color: '#59636c',
      opacity: 0.45,
      size: 1.6,
    });
    out += rect(
      0,
      horizon,
      W,
      H - horizon,
      d.linear([
        [0, '#2c3a44'],
        [1, '#101a22'],
      ]),
    );
    let floes = '';
    for (let i = 0; i < 320; i++) {
      const t = Math.pow(rng(), 0.8);
      const y = horizon + t * (H - horizon);
      const s = 6 + t * 120;
      const x = rng.range(-50, W + 50);
      const pts = [];
      const k = rng.int(6, 11);
      const size = s * rng.range(0.4, 1.5);
      const rot = rng() * Math.PI;
      for (let j = 0; j < k; j++) {
        const a = rot + (j / k) * Math.PI * 2 + rng.range(-0.2, 0.2);
        pts.push([
          x + Math.cos(a) * size * rng.range(0.5, 1.3),
          y + Math.sin(a) * size * 0.3 * rng.range(0.5, 1.3),
        ]);
      }
      const c = mix('#f4f7f8', '#aab8c2', rng.range(0, 0.5));
      floes += poly(
        pts.map(([px, py]) => [px, py + size * 0.07]),
        '#6d8594',
        'opacity="0.8"',
      );
      floes += poly(pts, c);
    }
    out += group(floes, d.blur(0.8));
    const x = W * rng.range(0.3, 0.45);
    const y = horizon + H * 0.14;
    const len = W * 0.34;
    out += poly(
      [
        [x, y - 40],
        [x + len, y - 46],
        [x + len - 30, y + 10],
        [x + 20, y + 10],
      ],
      '#b8352c',
    );
    out += rect(x + len * 0.15, y - 110, len * 0.5, 70, '#f1efea');
    out += rect(x + len * 0.28, y - 150, len * 0.2, 40, '#e8e6e0');
    for (let i = 0; i < 7; i++)
      out += rect(x + len * 0.17 + i * len * 0.065, y - 95, len * 0.045, 10, '#28313a');
    out += rect(x + len * 0.36, y - 175, 6, 28, '#2a2a2a');
    out += ellipse(x + len * 0.5, y + 12, len * 0.6, 14, '#dfe8ec', `opacity="0.6" ${d.blur(6)}`);
    out += hazeBand(d, W, horizon, H * 0.08, '#d7dee2', 0.6);
    return out;
  },

  iceFloe(d, rng, W, H) {
    let out = sky(d, W, H, [
      [0, '#8895a0'],
      [1, '#cdd4d8'],
    ]);
    out += clouds(d, rng, W, {
      n: 8,
      y0: 0,
      y1: H * 0.3,
      color: '#6c7882',
      opacity: 0.4,
      size: 1.5,
    });
    out += rect(0, H * 0.4, W, H * 0.08, '#2a3843');
    out += poly(
      [
        [W * 0.75, H * 0.41],
        [W * 0.9, H * 0.4],
        [W * 0.89, H * 0.43],
        [W * 0.76, H * 0.43],
      ],
      '#8a2e27',
      d.blur(1.5),
    );
    out += rect(
      0,
      H * 0.45,
      W,
      H * 0.55,
      d.linear([
        [0, '#dfe6ea'],
        [1, '#f6f8f9'],
      ]),
      d.texture(17, 0.01, 4, 0.25),
    );
    let snow = '';
    for (let i = 0; i < 40; i++)
      snow += ellipse(
        rng.range(0, W),
        H * rng.range(0.5, 1),
        rng.range(40, 200),
        rng.range(4, 14),
        '#c5d1d8',
        'opacity="0.5"',
      );
    out += group(snow, d.blur(6));
    const tx = W * rng.range(0.4, 0.55);
    const ty = H * 0.78;
    out += line(tx - 60, ty, tx, ty - 200, '#4c4c4c', 6);
    out += line(tx + 60, ty, tx, ty - 200, '#4c4c4c', 6);
    out += line(tx, ty + 10, tx, ty - 200, '#5a5a5a', 5);
    out += rect(tx - 16, ty - 110, 32, 50, '#e3a628');
    out += ellipse(tx, ty + 12, 50, 10, '#28343c', 'opacity="0.6"');
    out += figures(
      rng,
      d,
      [
        [tx - 130, ty + 20],
        [tx + 120, ty + 15],
        [tx + 230, ty - 40],
      ],
      H * 0.24,
      '#c8321f',
      { helmet: '#c8321f', blur: 1.2 },
    );
    out += rect(0, H * 0.45, W, 10, '#ffffff', `opacity="0.5" ${d.blur(4)}`);
    return out;
  },

  solarStorage(d, rng, W, H) {
    const horizon = H * 0.5;
    let out = sky(d, W, H, [
      [0, '#34406a'],
      [0.5, '#c9756a'],
      [0.85, '#f2b36e'],
      [1, '#f7cf8c'],
    ]);
    out += sunGlow(d, W * rng.range(0.55, 0.8), horizon - 10, H * 0.4, '#ffc870', 0.9);
    out += hills(d, rng, W, H, { baseY: horizon - 8, amp: H * 0.02, color: '#5a4050', blur: 2 });
    out += rect(
      0,
      horizon,
      W,
      H - horizon,
      d.linear([
        [0, '#6b5a3a'],
        [1, '#2a2a1c'],
      ]),
    );
    for (let r = 0; r < 9; r++) {
      const t = r / 8;
      const y = horizon + (H - horizon) * Math.pow(t, 1.6) * 0.95 + 10;
      const s = 0.2 + t * 1.3;
      let rowSvg = '';
      let x = -40 + (r % 2) * 30 * s;
      while (x < W) {
        const pw = 110 * s;
        const ph = 26 * s;
        rowSvg += poly(
          [
            [x, y],
            [x + pw, y],
            [x + pw + 14 * s, y - ph],
            [x + 14 * s, y - ph],
          ],
          d.linear([
            [0, '#2a3a62'],
            [1, '#5a78a8'],
          ]),
        );
        rowSvg += line(
          x + 14 * s,
          y - ph,
          x + pw + 14 * s,
          y - ph,
          '#ffd09a',
          1.5 * s,
          'opacity="0.8"',
        );
        rowSvg += line(x + pw * 0.5, y, x + pw * 0.5, y + 10 * s, '#333', 2 * s);
        x += pw + 10 * s;
      }
      out += rowSvg;
    }
    let boxes = '';
    for (let i = 0; i < 7; i++) {
      const bx = W * 0.05 + i * W * 0.07;
      boxes += rect(bx, horizon - 34, W * 0.06, 40, '#e9e4da');
      boxes += rect(bx, horizon - 34, W * 0.06, 6, '#ffffff');
      boxes += rect(bx + W * 0.005, horizon - 22, W * 0.02, 20, '#b8b2a6');
      boxes += rect(bx + W * 0.032, horizon - 22, W * 0.02, 20, '#b8b2a6');
    }
    out += group(boxes, d.blur(0.8));
    out += rect(
      0,
      0,
      W,
      H,
      d.radial(
        [
          [0, '#ffb060', 0.2],
          [1, '#ffb060', 0],
        ],
        { cx: 0.7, cy: 0.5, r: 0.7 },
      ),
    );
    return out;
  },

  scrapHall(d, rng, W, H) {
    let out = rect(
      0,
      0,
      W,
      H,
      d.linear([
        [0, '#4a4d50'],
        [0.6, '#6a6a66'],
        [1, '#3a3834'],
      ]),
    );
    for (let i = 0; i < 6; i++)
      out += rect(
        W * (0.05 + i * 0.16),
        0,
        W * 0.1,
        H * 0.06,
        '#f4f1e6',
        `opacity="0.9" ${d.blur(10)}`,
      );
    for (let i = 0; i < 12; i++)
      out += line(W * (i / 11), 0, W * 0.5 + (i - 5.5) * 40, H * 0.3, '#2c2e30', 4);
    out += rect(0, H * 0.3, W, 6, '#2c2e30');
    out += rect(0, H * 0.05, W, H * 0.4, '#ffffff', `opacity="0.08" ${d.blur(30)}`);
    const mound = (cx, cy, rx, ry, n, blur) => {
      let m = ellipse(cx, cy, rx, ry, '#4a4640');
      for (let i = 0; i < n; i++) {
        const a = rng() * Math.PI;
        const rr = Math.sqrt(rng());
        const x = cx + Math.cos(a) * rr * rx;
        const y = cy - Math.sin(a) * rr * ry;
        const s = rng.range(3, 12) * (ry / 120);
        const c = rng.chance(0.85)
          ? mix(
              rng.pick(['#8a8680', '#b0aca4', '#6e6a64', '#3a3a3a', '#c0c4c8', '#7a6a58']),
              '#5a5650',
              rng.range(0, 0.5),
            )
          : mix(rng.pick(['#5a6e3a', '#a88b4a', '#8a4a2a', '#2f5a7a']), '#5a5650', 0.4);
        m += poly(
          [
            [x, y],
            [x + s * 2, y - s],
            [x + s * 2.5, y + s * 0.5],
            [x + s * 0.4, y + s],
          ],
          c,
        );
      }
      return group(m, d.blur(blur));
    };
    out += mound(W * 0.25, H * 0.72, W * 0.28, H * 0.3, 700, 1.8);
    out += mound(W * 0.78, H * 0.66, W * 0.24, H * 0.22, 500, 2.4);
    out += mound(W * 0.55, H * 1.02, W * 0.4, H * 0.22, 900, 0.6);
    out += rect(W * 0.6, H * 0.62, W * 0.12, H * 0.1, '#d9a22a', d.blur(2));
    out += line(W * 0.6, H * 0.66, W * 0.52, H * 0.58, '#c8911e', 10, d.blur(2));
    out += rect(
      0,
      0,
      W,
      H,
      d.radial(
        [
          [0, '#fff0d0', 0.12],
          [1, '#000000', 0.25],
        ],
        { cx: 0.5, cy: 0.2, r: 0.8 },
      ),
    );
    return out;
  },

  warehouse(d, rng, W, H) {
    let out = rect(
      0,
      0,
      W,
      H,
      d.linear([
        [0, '#3b4450'],
        [0.5, '#6a7480'],
        [1, '#5a5650'],
      ]),
    );
    const vx = W * 0.5;
    const vy = H * 0.38;
    for (let j = 1; j < 9; j++) {
      const t = Math.pow(j / 9, 1.6);
      const y = vy - vy * t;
      for (let i = -3; i <= 3; i++)
        out += ellipse(
          vx + i * (30 + t * W * 0.35),
          y,
          8 + t * 50,
          2 + t * 8,
          '#fffbea',
          `opacity="0.95" ${d.blur(2 + t * 6)}`,
        );
    }
    out += rect(0, 0, W, H * 0.5, '#fff6de', `opacity="0.1" ${d.blur(40)}`);
    out += poly(
      [
        [0, H],
        [vx - 50, vy + 20],
        [vx + 50, vy + 20],
        [W, H],
      ],
      d.linear([
        [0, '#7a746a'],
        [1, '#4e4a44'],
      ]),
    );
    const belt = (side) => {
      const pts =
        side < 0
          ? [
              [vx - 70, vy + 30],
              [vx - 30, vy + 30],
              [W * 0.28, H],
              [-W * 0.1, H],
            ]
          : [
              [vx + 30, vy + 30],
              [vx + 70, vy + 30],
              [W * 1.1, H],
              [W * 0.72, H],
            ];
      let b = poly(pts, '#2f3236');
      b += poly(
        pts.map(([x, y], i) => [x, y - (i < 2 ? 6 : 40)]),
        '#55595e',
      );
      return b;
    };
    out += belt(-1) + belt(1);
    for (let side of [-1, 1]) {
      for (let k = 0; k < 14; k++) {
        const t = Math.pow(k / 14, 1.5);
        const y = vy + 30 + t * (H - vy - 30);
        const centre =
          side < 0 ? vx - 50 + t * (W * 0.09 - vx + 50) : vx + 50 + t * (W * 0.91 - vx - 50);
        const s = 0.15 + t * 1.4;
        const bw = rng.range(60, 110) * s;
        const bh = rng.range(40, 70) * s;
        const c = jitter(rng, '#c49a64', 14);
        const box =
          rect(centre - bw / 2, y - bh - 30 * t, bw, bh, c) +
          rect(centre - bw / 2, y - bh - 30 * t, bw, bh * 0.2, lighten(c, 0.2)) +
          rect(centre - bw * 0.1, y - bh - 30 * t, bw * 0.2, bh, '#e6d7b8', 'opacity="0.6"');
        out += group(box, d.blur(t > 0.7 ? (t - 0.7) * 8 : (0.3 - Math.min(t, 0.3)) * 4));
      }
    }
    out += rect(
      0,
      0,
      W,
      H,
      d.radial(
        [
          [0, '#ffe7b0', 0.15],
          [1, '#000000', 0.2],
        ],
        { cx: 0.5, cy: 0.3, r: 0.8 },
      ),
    );
    return out;
  },

  port(d, rng, W, H, opts = {}) {
    const horizon = H * rng.range(0.55, 0.62);
    const haze = '#d9dcd8';
    let out = sky(d, W, H, [
      [0, '#8fa6bb'],
      [0.6, '#d3d6d0'],
      [1, '#e8e2d2'],
    ]);
    out += sunGlow(d, W * rng.range(0.2, 0.8), H * 0.25, H * 0.5, '#fff1d0', 0.7);
    out += clouds(d, rng, W, { n: 8, y0: 0, y1: H * 0.3, color: '#ffffff', opacity: 0.45 });
    out += hills(d, rng, W, H, {
      baseY: horizon - H * (opts.ship ? 0.22 : 0.12),
      amp: H * (opts.ship ? 0.12 : 0.08),
      color: mix('#55695c', haze, 0.45),
      blur: 3,
    });
    out += skyline(d, rng, W, {
      baseY: horizon - 4,
      hMin: H * 0.04,
      hMax: H * (opts.ship ? 0.3 : 0.16),
      color: mix('#6a7380', haze, 0.35),
      windows: null,
      blur: 1.2,
      scale: 0.6,
    });
    if (opts.tanker) {
      // An industrial shore: storage tanks and chimneys.
      let shore = '';
      for (let i = 0; i < 9; i++) {
        const tx = W * rng.range(0.4, 1);
        const tr = H * rng.range(0.02, 0.04);
        shore += rect(tx, horizon - tr * 1.2, tr * 2, tr * 1.2, mix('#8a8f94', haze, 0.4));
        shore += ellipse(tx + tr, horizon - tr * 1.2, tr, tr * 0.25, mix('#a4a9ad', haze, 0.4));
      }
      for (let i = 0; i < 3; i++) {
        const cx = W * rng.range(0.5, 0.95);
        shore += rect(cx, horizon - H * 0.18, 8, H * 0.18, mix('#6a6f74', haze, 0.35));
        shore += ellipse(
          cx + 4,
          horizon - H * 0.2,
          40,
          12,
          '#f0f0ea',
          `opacity="0.4" ${d.blur(8)}`,
        );
      }
      out += group(shore, d.blur(1.2));
    }
    if (!opts.ship) {
      for (let i = 0; i < 6; i++)
        out += gantryCrane(
          W * (0.04 + i * 0.17) + rng.range(-20, 20),
          horizon,
          H * rng.range(0.28, 0.36),
          mix('#3a4048', haze, 0.3),
          W / 1600,
        );
      out += containerStack(rng, 0, W, horizon + 2, 3, 38 * (W / 1600), 16 * (W / 1600), haze, 0.3);
    }
    out += waterSurface(d, rng, W, horizon, H, '#7e8c90', '#33444c', {
      streaks: 50,
      streakColor: '#fff4da',
      streakOpacity: 0.25,
    });
    if (opts.ship) {
      const sx = W * rng.range(0.08, 0.25);
      const sy = horizon + H * 0.24;
      const ship = opts.tanker
        ? tankerShip(sx, sy, W * 0.62, '#2a2c30', 1.25 * (W / 1600))
        : containerShip(rng, sx, sy, W * 0.62, '#1f2a33', 1.25 * (W / 1600));
      out += group(
        ship,
        `transform="translate(0 ${r1(2 * sy + 12)}) scale(1 -1)" opacity="0.3" ${d.blur(6)}`,
      );
      out += ship;
      if (!opts.tanker) {
        out += ellipse(
          sx + W * 0.62,
          sy + 4,
          W * 0.06,
          10,
          '#ffffff',
          `opacity="0.5" ${d.blur(5)}`,
        );
      }
    }
    out += hazeBand(d, W, horizon - H * 0.05, H * 0.16, haze, 0.45);
    return out;
  },

  sunriseSkyline(d, rng, W, H, opts = {}) {
    const horizon = H * 0.66;
    let out = sky(d, W, H, [
      [0, '#5a7fb0'],
      [0.45, '#e8a8a0'],
      [0.75, '#f5c890'],
      [1, '#fbe2b0'],
    ]);
    out += sunGlow(d, W * rng.range(0.2, 0.4), horizon - H * 0.12, H * 0.55, '#ffd48a', 0.95);
    out += clouds(d, rng, W, { n: 8, y0: H * 0.05, y1: H * 0.4, color: '#f0a8a0', opacity: 0.4 });
    out += skyline(d, rng, W, {
      baseY: horizon,
      hMin: H * 0.12,
      hMax: H * 0.4,
      color: '#6a6478',
      windows: '#ffe0a0',
      windowProb: 0.06,
      blur: 1.2,
      scale: 0.9,
    });
    for (let i = 0; i < 3; i++)
      out += towerCrane(
        rng,
        W * rng.range(0.45, 0.95),
        horizon - H * 0.2,
        H * 0.25,
        '#574f63',
        0.8 * (W / 1600),
      );
    out += skyline(d, rng, W, {
      baseY: horizon,
      hMin: H * 0.03,
      hMax: H * 0.1,
      color: '#3a3444',
      windows: null,
      blur: 0.4,
      scale: 1.2,
    });
    out += waterSurface(d, rng, W, horizon, H, '#c49080', '#4a4058', {
      streaks: 60,
      streakColor: '#ffd9a0',
      streakOpacity: 0.45,
    });
    out += hazeBand(d, W, horizon - H * 0.1, H * 0.2, '#fbe0c0', 0.35);
    if (opts.crowd) {
      // A waterfront promenade full of people, nearest ones out of focus.
      const edge = H * 0.8;
      out += rect(
        0,
        edge,
        W,
        H - edge,
        d.linear([
          [0, '#8a8078'],
          [1, '#4a423e'],
        ]),
      );
      out += line(0, edge, W, edge, '#cfc6bc', 3);
      for (let x = 0; x < W; x += 24) out += line(x, edge, x, edge - H * 0.035, '#6a625c', 2);
      out += line(0, edge - H * 0.035, W, edge - H * 0.035, '#7a726c', 3);
      const palette = [
        '#c0392b',
        '#2e4a6e',
        '#e8e2d4',
        '#3a3a3a',
        '#d4a03a',
        '#5a7a5a',
        '#8a5a8a',
        '#f0f0ea',
      ];
      for (let band = 0; band < 3; band++) {
        const y0 = edge + (H - edge) * (0.15 + band * 0.3);
        const size = H * (0.09 + band * 0.07);
        let people = '';
        for (let x = rng.range(-20, 10); x < W + 20; x += size * rng.range(0.28, 0.6)) {
          people += figures(
            rng,
            d,
            [[x, y0 + rng.range(-6, 6) + size * 0.6]],
            size,
            rng.pick(palette),
            {},
          );
        }
        out += group(people, d.blur([1.2, 0.6, 3][band]));
      }
    }
    return out;
  },

  gasCarrier(d, rng, W, H) {
    // A liquefied-gas carrier at anchor off an industrial shore: long, low hull, a row of
    // spherical cargo domes and the accommodation block at the stern.
    const s = W / 1600;
    const horizon = H * rng.range(0.52, 0.58);
    const haze = '#d8d9d2';
    let out = sky(d, W, H, [
      [0, '#8a9cb0'],
      [0.55, '#cfd2cc'],
      [1, '#e6e0d0'],
    ]);
    out += sunGlow(d, W * rng.range(0.55, 0.85), H * 0.2, H * 0.55, '#fff0d0', 0.75);
    out += clouds(d, rng, W, { n: 7, y0: 0, y1: H * 0.32, color: '#ffffff', opacity: 0.4 });
    out += hills(d, rng, W, H, {
      baseY: horizon - H * 0.05,
      amp: H * 0.04,
      color: mix('#5e6e66', haze, 0.55),
      blur: 3,
    });
    // Storage tanks and flare stacks on the far shore.
    let shore = '';
    for (let x = rng.range(0, 60); x < W; x += rng.range(50, 140) * s) {
      const r = rng.range(14, 30) * s;
      const th = rng.range(10, 24) * s;
      shore += rect(x, horizon - th, r * 2, th + 2, mix('#7a8088', haze, 0.25));
      shore += ellipse(x + r, horizon - th, r, r * 0.18, mix('#9aa0a6', haze, 0.25));
      if (rng.chance(0.2))
        shore += line(
          x + r,
          horizon - th,
          x + r,
          horizon - th - rng.range(40, 90) * s,
          '#6a6e72',
          3 * s,
        );
    }
    out += group(shore, d.blur(1.2));
    out += waterSurface(d, rng, W, horizon, H, '#7d8b8e', '#2f3f47', {
      streaks: 50,
      streakColor: '#fff2d6',
      streakOpacity: 0.25,
    });
    const len = W * rng.range(0.62, 0.72);
    const sx = W * rng.range(0.06, 0.3);
    const sy = horizon + H * 0.2;
    const hh = 42 * s;
    const hull = '#2c3a4a';
    let ship = '';
    const domes = 4;
    const dr = (len * 0.7) / domes / 2.15;
    for (let i = 0; i < domes; i++) {
      const cx = sx + len * 0.2 + dr * 1.1 + i * dr * 2.15;
      // Only the upper half of each sphere stands above the deck.
      ship += `<path d="M${r1(cx - dr)},${r1(sy - hh)} A${r1(dr)},${r1(dr * 0.78)} 0 0 1 ${r1(cx + dr)},${r1(sy - hh)} Z" fill="#e9e6dc"/>`;
      ship += ellipse(
        cx - dr * 0.3,
        sy - hh - dr * 0.35,
        dr * 0.45,
        dr * 0.3,
        '#ffffff',
        `opacity="0.5" ${d.blur(6 * s)}`,
      );
    }
    ship += poly(
      [
        [sx, sy - hh],
        [sx + len, sy - hh],
        [sx + len - 36 * s, sy + 8 * s],
        [sx + 18 * s, sy + 8 * s],
      ],
      hull,
    );
    ship += rect(sx + 16 * s, sy - 2 * s, len - 52 * s, 10 * s, '#7a2a24');
    ship += rect(sx + 4 * s, sy - hh, len - 10 * s, 5 * s, lighten(hull, 0.25));
    for (let i = 0; i < domes; i++) {
      const cx = sx + len * 0.2 + dr * 1.1 + i * dr * 2.15;
      ship += rect(cx - dr, sy - hh - 4 * s, dr * 2, 8 * s, '#c8c4b8');
    }
    const bx = sx + len * 0.03;
    ship += rect(bx, sy - hh - 84 * s, 70 * s, 84 * s, '#ebe8e0');
    for (let i = 0; i < 5; i++)
      ship += rect(bx + 5 * s, sy - hh - 78 * s + i * 15 * s, 60 * s, 4 * s, '#5a5a5e');
    ship += rect(bx + 22 * s, sy - hh - 112 * s, 20 * s, 30 * s, darken(hull, 0.1));
    out += group(
      ship,
      `transform="translate(0 ${r1(2 * sy + 16 * s)}) scale(1 -1)" opacity="0.3" ${d.blur(6)}`,
    );
    out += ship;
    out += hazeBand(d, W, horizon - H * 0.03, H * 0.14, haze, 0.5);
    return out;
  },

  separationHall(d, rng, W, H) {
    // Inside a rare earth separation plant: two long rows of solvent-extraction
    // mixer-settler tanks run away from the camera either side of an aisle, each stage
    // with a stirrer motor on its lid, under strip lights and overhead pipework.
    const vx = W * rng.range(0.47, 0.53);
    const vy = H * 0.42;
    const f = W * 0.55;
    const eye = 1.7;
    const P = (X, Y, Z) => [vx + (X * f) / Z, vy + ((Y - 0) * f) / Z];
    const floorY = eye;
    const roofY = eye - 8;
    const wallX = 9;
    const far = 70;
    const quad = (pts, fill, extra = '') => poly(pts, fill, extra);
    const haze = '#c9d2d4';
    // Far wall, side walls, ceiling and floor.
    let out = rect(0, 0, W, H, '#aab4b8');
    out += quad(
      [P(-wallX, roofY, far), P(wallX, roofY, far), P(wallX, floorY, far), P(-wallX, floorY, far)],
      '#c6cfd1',
    );
    out += quad(
      [P(-wallX, roofY, 1), P(wallX, roofY, 1), P(wallX, roofY, far), P(-wallX, roofY, far)],
      d.linear([
        [0, '#5d666c'],
        [1, '#9aa4a8'],
      ]),
    );
    for (const side of [-1, 1]) {
      out += quad(
        [
          P(side * wallX, roofY, 1),
          P(side * wallX, roofY, far),
          P(side * wallX, floorY, far),
          P(side * wallX, floorY, 1),
        ],
        d.linear(
          [
            [0, side < 0 ? '#7d888d' : '#8a9498'],
            [1, '#b4bdc0'],
          ],
          { x1: side < 0 ? 0 : 1, y1: 0, x2: side < 0 ? 1 : 0, y2: 0 },
        ),
      );
      // A band of high windows along each wall.
      for (let z = 4; z < far; z += 5)
        out += quad(
          [
            P(side * wallX, roofY + 1.2, z),
            P(side * wallX, roofY + 1.2, z + 3.6),
            P(side * wallX, roofY + 2.6, z + 3.6),
            P(side * wallX, roofY + 2.6, z),
          ],
          '#eef3f2',
          'opacity="0.75"',
        );
    }
    out += quad(
      [P(-wallX, floorY, 1), P(wallX, floorY, 1), P(wallX, floorY, far), P(-wallX, floorY, far)],
      d.linear([
        [0, '#7c8f86'],
        [0.5, '#5f7169'],
        [1, '#3e4d47'],
      ]),
      d.texture(31, 0.02, 2, 0.25),
    );
    // Reflected light down the middle of the polished floor.
    out += quad(
      [P(-1.2, floorY, 2), P(1.2, floorY, 2), P(0.6, floorY, far), P(-0.6, floorY, far)],
      '#e8f0ec',
      `opacity="0.18" ${d.blur(12)}`,
    );
    // Roof trusses and strip lights.
    let roof = '';
    for (let z = 3; z < far; z += 6) {
      roof += line(
        ...P(-wallX, roofY, z),
        ...P(wallX, roofY, z),
        '#3e464b',
        Math.max(1, (0.25 * f) / z),
      );
      roof += line(
        ...P(-wallX, roofY, z),
        ...P(0, roofY - 0.01, z),
        '#4a5257',
        Math.max(0.6, (0.08 * f) / z),
      );
    }
    out += roof;
    let lights = '';
    for (const lx of [-4, 0, 4])
      for (let z = 2.6; z < far; z += 4)
        lights += quad(
          [
            P(lx - 0.12, roofY + 1.5, z),
            P(lx + 0.12, roofY + 1.5, z),
            P(lx + 0.12, roofY + 1.5, z + 1.4),
            P(lx - 0.12, roofY + 1.5, z + 1.4),
          ],
          '#fffdf4',
        );
    out += group(lights, d.blur(1.2));
    out += group(lights, `opacity="0.6" ${d.blur(10)}`);
    out += hazeBand(d, W, vy, H * 0.3, haze, 0.45);
    // Overhead pipe racks above each row of tanks.
    const pipeColours = ['#c9702e', '#8d989c', '#3f6f9a', '#d8d4c6'];
    for (const side of [-1, 1]) {
      for (let k = 0; k < 4; k++) {
        const X = side * (2.6 + k * 0.45);
        const Y = eye - 3.6 - (k % 2) * 0.35;
        const r = 0.09 + (k % 3) * 0.03;
        const c = pipeColours[k];
        out += quad(
          [P(X, Y - r, 1.5), P(X, Y - r, far), P(X, Y + r, far), P(X, Y + r, 1.5)],
          d.linear([
            [0, lighten(c, 0.3)],
            [0.5, c],
            [1, darken(c, 0.35)],
          ]),
        );
      }
      for (let z = 3; z < far; z += 4)
        out += line(
          ...P(side * 2.3, eye - 3.3, z),
          ...P(side * 4.3, eye - 3.3, z),
          '#4a5358',
          Math.max(0.8, (0.1 * f) / z),
        );
    }
    // The tank rows, drawn from the back so nearer stages overlap farther ones.
    const tankTop = eye - 1.15;
    const stage = 1.7;
    const liquids = ['#b27fc8', '#9c7fc4', '#7fb06e', '#a9c25a', '#d2a866', '#6fa8a2'];
    const rows = [
      { inner: -1.3, outer: -4.6, side: -1 },
      { inner: 1.3, outer: 4.6, side: 1 },
    ];
    const nStages = Math.ceil((far - 8) / stage);
    for (let i = nStages - 1; i >= 0; i--) {
      const z0 = 2.2 + i * stage;
      const z1 = z0 + stage;
      const fade = clamp((z0 - 4) / 45, 0, 0.75);
      for (const { inner, outer, side } of rows) {
        const shell = mix(jitter(rng, '#5f7f94', 5), haze, fade);
        const lid = mix(jitter(rng, '#aeb9bf', 5), haze, fade);
        const liquid = mix(
          liquids[Math.floor((i / nStages) * liquids.length + (side > 0 ? 2 : 0)) % liquids.length],
          haze,
          0.2 + fade * 0.7,
        );
        let g = '';
        // Side facing the aisle, then the lid, then a rim along the inner edge.
        g += quad(
          [
            P(inner, tankTop, z0),
            P(inner, tankTop, z1),
            P(inner, floorY, z1),
            P(inner, floorY, z0),
          ],
          shell,
        );
        g += quad(
          [
            P(inner, tankTop + 0.12, z0),
            P(inner, tankTop + 0.12, z1),
            P(inner, tankTop + 0.2, z1),
            P(inner, tankTop + 0.2, z0),
          ],
          darken(shell, 0.25),
        );
        g += quad(
          [
            P(outer, tankTop, z0),
            P(inner, tankTop, z0),
            P(inner, tankTop, z1),
            P(outer, tankTop, z1),
          ],
          lid,
        );
        // An inspection window in the lid, showing the coloured liquor inside.
        const a = inner + (outer - inner) * 0.3;
        const b = inner + (outer - inner) * 0.8;
        g += quad(
          [
            P(a, tankTop, z0 + 0.35),
            P(b, tankTop, z0 + 0.35),
            P(b, tankTop, z1 - 0.2),
            P(a, tankTop, z1 - 0.2),
          ],
          darken(liquid, 0.3),
        );
        g += quad(
          [
            P(a, tankTop, z0 + 0.45),
            P(b, tankTop, z0 + 0.45),
            P(b, tankTop, z1 - 0.2),
            P(a, tankTop, z1 - 0.2),
          ],
          liquid,
        );
        g += line(
          ...P(inner, tankTop, z0),
          ...P(inner, floorY, z0),
          darken(shell, 0.3),
          Math.max(0.6, (0.03 * f) / z0),
        );
        // The nearest stage also shows its end wall, facing the camera.
        if (i === 0)
          g += quad(
            [
              P(outer, tankTop, z0),
              P(inner, tankTop, z0),
              P(inner, floorY, z0),
              P(outer, floorY, z0),
            ],
            darken(shell, 0.12),
          );
        // The stirrer motor on the mixer box at the front of each stage.
        const [mx, my] = P(inner + (outer - inner) * 0.15, tankTop, z0 + 0.25);
        const k = f / (z0 + 0.25);
        const mc = mix(i % 2 ? '#2f4f7a' : '#34577f', haze, fade);
        g += rect(mx - k * 0.05, my - k * 0.22, k * 0.1, k * 0.22, mix('#707a80', haze, fade));
        g += rect(mx - k * 0.13, my - k * 0.5, k * 0.26, k * 0.3, mc, `rx="${r1(k * 0.04)}"`);
        g += ellipse(mx, my - k * 0.5, k * 0.13, k * 0.04, lighten(mc, 0.35));
        g += rect(
          mx - k * 0.13,
          my - k * 0.45,
          k * 0.07,
          k * 0.22,
          lighten(mc, 0.25),
          'opacity="0.5"',
        );
        // A pipe dropping from the rack to the stage.
        if (i % 2 === 0)
          g += line(
            ...P(side * 2.6, eye - 3.5, z0 + 0.8),
            ...P(side * 2.6, tankTop, z0 + 0.8),
            mix('#8d989c', haze, fade),
            Math.max(0.6, (0.05 * f) / z0),
          );
        out += group(g, d.blur(z0 < 3 ? 2.5 : 0.4));
      }
    }
    // Yellow safety lines along the aisle.
    for (const X of [-1.1, 1.1])
      out += quad(
        [
          P(X - 0.04, floorY, 2),
          P(X + 0.04, floorY, 2),
          P(X + 0.04, floorY, far),
          P(X - 0.04, floorY, far),
        ],
        '#d8b63a',
        'opacity="0.85"',
      );
    // Two workers in overalls and hard hats, one near and one down the aisle.
    const z1 = rng.range(9, 12);
    const z2 = rng.range(20, 26);
    const w1 = P(rng.range(-0.7, -0.3), floorY, z1);
    const w2 = P(rng.range(0.3, 0.7), floorY, z2);
    out += figures(rng, d, [w2], (1.75 * f) / z2, '#2f5f9a', { helmet: '#f2f2ee', blur: 1 });
    out += figures(rng, d, [w1], (1.75 * f) / z1, '#2a5890', { helmet: '#f2f2ee', blur: 0.6 });
    out += rect(
      0,
      0,
      W,
      H,
      d.radial(
        [
          [0, '#fff8e8', 0.1],
          [1, '#000000', 0.2],
        ],
        { cx: 0.5, cy: 0.3, r: 0.8 },
      ),
    );
    return out;
  },

  portrait(d, rng, W, H, hints = {}) {
    // A head-and-shoulders portrait shot wide open: the background melts into bokeh and
    // the sitter is soft, lit from a window on one side.
    const bg =
      hints.bg ??
      rng.pick([
        ['#d9c7a8', '#7a6a58'],
        ['#b8c4cc', '#5a6670'],
        ['#c8b8c4', '#6a5a68'],
        ['#c4ccb4', '#5a6650'],
      ]);
    let out = rect(
      0,
      0,
      W,
      H,
      d.linear(
        [
          [0, bg[0]],
          [1, bg[1]],
        ],
        { x1: 0, y1: 0, x2: 1, y2: 1 },
      ),
    );
    out += bokeh(d, rng, W, H, 18, ['#ffffff', '#ffe8c0', lighten(bg[0], 0.4)], {
      rMin: 10,
      rMax: 34,
      blur: 8,
      opacity: [0.2, 0.55],
    });
    out += rect(0, 0, W * 0.4, H, '#ffffff', `opacity="0.18" ${d.blur(30)}`);
    const skin = hints.skin ?? rng.pick(['#e8c4a4', '#c9986e', '#8a5a3c', '#f0d2b8', '#b07850']);
    const hair = hints.hair ?? rng.pick(['#1c1614', '#2e2018', '#5a3e28', '#14110f']);
    const cloth = hints.cloth ?? rng.pick(['#2e3a4e', '#5a2e2e', '#3a4a3a', '#2a2a2e', '#6a6258']);
    const style = hints.style ?? rng.pick(['short', 'long', 'bob']);
    const cx = W * 0.5 + rng.range(-10, 10);
    const hy = H * 0.41;
    const hr = W * 0.15;
    const tilt = rng.range(-4, 4);
    let p = '';
    // Hair that falls behind the shoulders.
    if (style === 'long')
      p += `<path d="M${cx - hr * 1.15},${hy - hr * 0.3} C${cx - hr * 1.5},${hy + hr * 1.5} ${cx - hr * 1.3},${hy + hr * 2.4} ${cx - hr * 0.9},${hy + hr * 2.7} L${cx + hr * 0.9},${hy + hr * 2.7} C${cx + hr * 1.3},${hy + hr * 2.4} ${cx + hr * 1.5},${hy + hr * 1.5} ${cx + hr * 1.15},${hy - hr * 0.3} Z" fill="${hair}"/>`;
    // Shoulders and a jacket with an open collar.
    const shoulders = `M${cx - W * 0.5},${H + 5} C${cx - W * 0.49},${H * 0.84} ${cx - W * 0.45},${H * 0.77} ${cx - W * 0.34},${H * 0.75} C${cx - W * 0.24},${H * 0.73} ${cx - W * 0.15},${H * 0.7} ${cx - W * 0.11},${H * 0.665} L${cx + W * 0.11},${H * 0.665} C${cx + W * 0.15},${H * 0.7} ${cx + W * 0.24},${H * 0.73} ${cx + W * 0.34},${H * 0.75} C${cx + W * 0.45},${H * 0.77} ${cx + W * 0.49},${H * 0.84} ${cx + W * 0.5},${H + 5} Z`;
    p += `<path d="${shoulders}" fill="${d.linear(
      [
        [0, lighten(cloth, 0.12)],
        [1, darken(cloth, 0.35)],
      ],
      { x1: 0, y1: 0, x2: 1, y2: 0.3 },
    )}"/>`;
    p += `<path d="M${cx - W * 0.09},${H * 0.665} L${cx},${H * 0.84} L${cx + W * 0.09},${H * 0.665} Z" fill="${mix(lighten(cloth, 0.7), skin, 0.15)}" opacity="0.85"/>`;
    p += `<path d="M${cx - W * 0.12},${H * 0.665} L${cx - W * 0.02},${H * 0.9} L${cx - W * 0.16},${H + 5}" stroke="${darken(cloth, 0.4)}" stroke-width="3" fill="none" opacity="0.6"/>`;
    p += `<path d="M${cx + W * 0.12},${H * 0.665} L${cx + W * 0.02},${H * 0.9} L${cx + W * 0.16},${H + 5}" stroke="${darken(cloth, 0.4)}" stroke-width="3" fill="none" opacity="0.6"/>`;
    // Neck, in shadow under the jaw.
    p += rect(
      cx - hr * 0.45,
      hy + hr * 0.7,
      hr * 0.9,
      hr * 1.05,
      d.linear([
        [0, darken(skin, 0.35)],
        [0.5, darken(skin, 0.1)],
        [1, skin],
      ]),
    );
    // Face: lit from the viewer's left.
    const face = d.radial(
      [
        [0, lighten(skin, 0.2)],
        [0.6, skin],
        [1, darken(skin, 0.3)],
      ],
      { cx: 0.35, cy: 0.38, r: 0.75 },
    );
    let head = ellipse(cx, hy, hr, hr * 1.25, face);
    head += ellipse(
      cx + hr * 0.55,
      hy + hr * 0.1,
      hr * 0.5,
      hr * 1.1,
      darken(skin, 0.35),
      `opacity="0.35" ${d.blur(hr * 0.25)}`,
    );
    head += ellipse(
      cx - hr * 0.35,
      hy - hr * 0.12,
      hr * 0.16,
      hr * 0.08,
      darken(skin, 0.35),
      `opacity="0.45" ${d.blur(hr * 0.06)}`,
    );
    head += ellipse(
      cx + hr * 0.35,
      hy - hr * 0.12,
      hr * 0.16,
      hr * 0.08,
      darken(skin, 0.4),
      `opacity="0.5" ${d.blur(hr * 0.06)}`,
    );
    head += ellipse(
      cx + hr * 0.06,
      hy + hr * 0.28,
      hr * 0.1,
      hr * 0.24,
      darken(skin, 0.25),
      `opacity="0.35" ${d.blur(hr * 0.07)}`,
    );
    head += ellipse(
      cx,
      hy + hr * 0.68,
      hr * 0.24,
      hr * 0.06,
      darken(skin, 0.35),
      `opacity="0.45" ${d.blur(hr * 0.05)}`,
    );
    head += ellipse(
      cx - hr * 0.45,
      hy + hr * 0.35,
      hr * 0.22,
      hr * 0.15,
      '#e8a090',
      `opacity="0.18" ${d.blur(hr * 0.1)}`,
    );
    if (hints.beard)
      head += `<path d="M${cx - hr * 0.9},${hy + hr * 0.15} C${cx - hr * 0.8},${hy + hr * 1.5} ${cx + hr * 0.8},${hy + hr * 1.5} ${cx + hr * 0.9},${hy + hr * 0.15} C${cx + hr * 0.6},${hy + hr * 0.55} ${cx - hr * 0.6},${hy + hr * 0.55} ${cx - hr * 0.9},${hy + hr * 0.15} Z" fill="${hair}" opacity="0.3" ${d.blur(hr * 0.14)}/>`;
    // Hair on top of the head, with a soft highlight.
    const hairFill = d.linear(
      [
        [0, lighten(hair, 0.25)],
        [0.5, hair],
        [1, darken(hair, 0.3)],
      ],
      { x1: 0, y1: 0, x2: 1, y2: 0.4 },
    );
    if (style === 'short')
      head += `<path d="M${cx - hr * 1.03},${hy - hr * 0.05} C${cx - hr * 1.1},${hy - hr * 1.95} ${cx + hr * 1.1},${hy - hr * 1.95} ${cx + hr * 1.03},${hy - hr * 0.05} C${cx + hr * 0.95},${hy - hr * 0.7} ${cx + hr * 0.4},${hy - hr * 0.9} ${cx},${hy - hr * 0.88} C${cx - hr * 0.5},${hy - hr * 0.92} ${cx - hr * 0.95},${hy - hr * 0.7} ${cx - hr * 1.03},${hy - hr * 0.05} Z" fill="${hairFill}"/>`;
    else {
      const drop = style === 'bob' ? 0.95 : 0.5;
      head += `<path d="M${cx - hr * 1.12},${hy + hr * drop} C${cx - hr * 1.3},${hy - hr * 2.15} ${cx + hr * 1.3},${hy - hr * 2.15} ${cx + hr * 1.12},${hy + hr * drop} L${cx + hr * 0.9},${hy + hr * 0.05} C${cx + hr * 0.7},${hy - hr * 0.8} ${cx - hr * 0.1},${hy - hr * 0.95} ${cx - hr * 0.55},${hy - hr * 0.55} C${cx - hr * 0.8},${hy - hr * 0.3} ${cx - hr * 0.9},${hy} ${cx - hr * 0.92},${hy + hr * 0.3} Z" fill="${hairFill}"/>`;
    }
    p += group(head, `transform="rotate(${r1(tilt)} ${r1(cx)} ${r1(hy + hr)})"`);
    out += group(p, d.blur(2.2));
    // Window light wrapping round the cheek and shoulder.
    out += ellipse(
      cx - hr * 0.95,
      hy,
      hr * 0.22,
      hr * 1.1,
      '#fff4e0',
      `opacity="0.3" ${d.blur(10)}`,
    );
    out += ellipse(
      cx - W * 0.3,
      H * 0.8,
      W * 0.1,
      H * 0.1,
      '#fff4e0',
      `opacity="0.15" ${d.blur(20)}`,
    );
    return out;
  },
};

/** Ordered rules from file name to scene; the first match wins. */
const RECIPES = [
  [/^authors\//, 'portrait'],
  [/magnets|workbench/, 'workbench'],
  [/spy-warning|mine|quarry/, 'quarry'],
  [/landslide.*(team|rescuers)/, 'rescueSlope'],
  [/landslide|mountain/, 'mountainScar'],
  [/plenary|hall/, 'plenaryHall'],
  [/cop\d+|summit|conference/, 'coastalVenue'],
  [/locks/, 'canalLockClose'],
  [/panama|canal/, 'canalShip'],
  [/steel|coils|carbon-border/, 'steelDock'],
  [/oil-|tanker|crude/, 'port', { ship: true, tanker: true }],
  [/factory|production-line/, 'cleanroom'],
  [/golden-week|holiday|tourism/, 'sunriseSkyline', { crowd: true }],
  [/central-bank|financial|rates-hold|ipo|stock-market/, 'bayskyline'],
  [/cleanroom|export-controls|chip-equipment/, 'cleanroom'],
  [/packaging|construction/, 'constructionFields'],
  [/cable.*deck/, 'cableDeck'],
  [/cable|harbour/, 'cableShipHarbour'],
  [/diver|underwater/, 'underwater'],
  [/reef/, 'aerialReef'],
  [/floe/, 'iceFloe'],
  [/antarctic|sea-ice|icebreaker/, 'icebreaker'],
  [/battery|batteries|solar|sodium/, 'solarStorage'],
  [/recycling|scrap/, 'scrapHall'],
  [/singles-day|warehouse|parcel/, 'warehouse'],
  [/freight/, 'port', { ship: true }],
  [/container|port|exports/, 'port', { ship: false }],
  [/outlook|skyline|city/, 'sunriseSkyline'],
  // Added with the October 2026 sample articles; these patterns match none of the earlier
  // file names, so the pictures generated for those are unchanged.
  [/canton-fair|trade-fair|exhibition/, 'plenaryHall'],
  [/quarter-growth|gdp/, 'sunriseSkyline'],
  [/lng|gas-carrier/, 'gasCarrier'],
  // Added with the rare earths supply chain explainer; matches none of the earlier file names.
  [/separation|solvent-extraction|supply-chain/, 'separationHall'],
];
const FALLBACK_SCENES = [
  'port',
  'sunriseSkyline',
  'bayskyline',
  'canalShip',
  'quarry',
  'mountainScar',
];

/** Per-portrait appearance, so the sample authors look distinct from one another. */
const PORTRAIT_HINTS = {
  'mei-lin-zhou': {
    style: 'long',
    hair: '#15110f',
    skin: '#edcdb0',
    cloth: '#2e3a4e',
    bg: ['#d9c7a8', '#7a6a58'],
  },
  'daniel-okafor': {
    style: 'short',
    hair: '#111010',
    skin: '#6e4630',
    cloth: '#5a2e2e',
    bg: ['#b8c4cc', '#5a6670'],
  },
  'priya-raman': {
    style: 'long',
    hair: '#1a1210',
    skin: '#b07a52',
    cloth: '#3a4a3a',
    bg: ['#e0c8b0', '#7a5e50'],
  },
  'tomas-lindqvist': {
    style: 'short',
    hair: '#8a6a44',
    skin: '#f0d4bc',
    cloth: '#2a2a2e',
    bg: ['#c4ccb4', '#5a6650'],
    beard: true,
  },
  'hana-sato': {
    style: 'bob',
    hair: '#1c1614',
    skin: '#ecccb0',
    cloth: '#6a6258',
    bg: ['#c8b8c4', '#6a5a68'],
  },
  'rafael-mendes': {
    style: 'short',
    hair: '#2a1c14',
    skin: '#c49470',
    cloth: '#2e4a5e',
    bg: ['#d4c0a0', '#6a5a48'],
    beard: true,
  },
};

function chooseScene(relative, rng) {
  for (const [pattern, scene, options = {}] of RECIPES)
    if (pattern.test(relative)) return { scene, options };
  return { scene: rng.pick(FALLBACK_SCENES), options: {} };
}

// ---------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------

/** Film grain: a deterministic noise layer blended over the picture. */
function grain(rng, width, height, amplitude) {
  // Generated at half resolution and scaled up, which looks like film grain and keeps
  // the JPEG small.
  const w = Math.ceil(width / 2);
  const h = Math.ceil(height / 2);
  const data = Buffer.alloc(w * h);
  for (let i = 0; i < data.length; i++) {
    const n = (rng() + rng() + rng() - 1.5) / 1.5;
    data[i] = Math.round(128 + n * amplitude);
  }
  return sharp(data, { raw: { width: w, height: h, channels: 1 } })
    .resize(width, height, { kernel: 'cubic' })
    .toColourspace('srgb')
    .png()
    .toBuffer();
}

async function renderImage(relative, kind) {
  const { width: W, height: H } = SIZES[kind];
  const rng = makeRng(hashString(relative));
  const id = path.basename(relative).replace(/\.[a-z]+$/, '');
  const { scene: sceneName, options } =
    kind === 'portrait'
      ? { scene: 'portrait', options: PORTRAIT_HINTS[id] ?? {} }
      : chooseScene(relative, rng);
  const defs = new Defs();
  const body = scenes[sceneName](defs, rng, W, H, options);
  const vignette = defs.radial(
    [
      [0.55, '#000000', 0],
      [1, '#000000', 0.42],
    ],
    { r: 0.75 },
  );
  const grade = defs.linear([
    [0, '#fff2dc', 0.06],
    [1, '#1a2230', 0.08],
  ]);
  // Low-frequency light and shade, so large surfaces are never perfectly even.
  const uneven = defs.texture(hashString(relative), kind === 'portrait' ? 0.01 : 0.0025, 3, 0.5);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `${defs}${body}${rect(0, 0, W, H, '#000000', `opacity="0.35" ${uneven}`)}` +
    `${rect(0, 0, W, H, grade)}${rect(0, 0, W, H, vignette)}</svg>`;

  const rendered = await sharp(Buffer.from(svg), { density: 72 }).resize(W, H).png().toBuffer();
  // Bloom: a blurred, dimmed copy screened over the picture makes highlights glow as
  // they do through a real lens; a slight overall blur removes vector-sharp edges.
  const glow = await sharp(rendered)
    .blur(W / 90)
    .linear(0.3, 0)
    .png()
    .toBuffer();
  const base = await sharp(rendered)
    .composite([{ input: glow, blend: 'screen' }])
    .blur(kind === 'portrait' ? 0.6 : 0.9)
    .png()
    .toBuffer();
  const noise = await grain(rng, W, H, kind === 'portrait' ? 14 : 18);
  let quality = JPEG_QUALITY;
  let output;
  for (;;) {
    output = await sharp(base)
      .composite([{ input: noise, blend: 'soft-light' }])
      .jpeg({ quality, progressive: true, mozjpeg: true, chromaSubsampling: '4:2:0' })
      .toBuffer();
    if (output.length <= MAX_BYTES || quality <= 60) break;
    quality -= 4;
  }
  return { output, sceneName, quality };
}

async function main() {
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex > -1 ? process.argv[onlyIndex + 1] : null;
  const refs = await collectReferences();
  if (refs.size === 0) {
    console.log('No /images/ references found in content/.');
    return;
  }
  let count = 0;
  for (const [src, { kind }] of [...refs].sort(([a], [b]) => a.localeCompare(b))) {
    if (only && !src.includes(only)) continue;
    if (!/\.jpe?g$/i.test(src)) {
      console.warn(`skipped ${src}: only .jpg images are generated`);
      continue;
    }
    const relative = src.replace(/^\/images\//, '');
    const target = path.join(PUBLIC_DIR, 'images', relative);
    await mkdir(path.dirname(target), { recursive: true });
    const { output, sceneName, quality } = await renderImage(relative, kind);
    await writeFile(target, output);
    count += 1;
    console.log(
      `${src.padEnd(64)} ${kind.padEnd(8)} ${sceneName.padEnd(18)} q${quality} ${(output.length / 1024).toFixed(0)} KB`,
    );
  }
  console.log(`Generated ${count} image(s) in public/images/.`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
