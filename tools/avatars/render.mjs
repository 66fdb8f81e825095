// Renders a tagged, captioned set of cartoon avatar pictures for gan4j experiments
// (conditional GANs, text-to-image). Each picture's tags and captions are drawn
// first from a seeded PRNG and then forced onto DiceBear, so they describe exactly
// what is drawn, and the same command always gives byte-identical files.
//
//   node render.mjs --count N --out DIR [--size 64] [--seed 1]
//
// Writes DIR/images/000000.png ..., DIR/tags.csv, DIR/captions.csv, DIR/README.txt.
//
// Art: DiceBear "Adventurer" style, based on "Adventurer" by Lisa Wischofsky,
// licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); rendered with
// DiceBear (MIT, https://www.dicebear.com) and resvg-js (MPL-2.0).

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAvatar } from '@dicebear/core';
import { adventurer } from '@dicebear/collection';
import { Resvg } from '@resvg/resvg-js';

// Tag/English name, DiceBear colour, French word (masculine plural, agrees with "cheveux").
const HAIR_COLOURS = [
  ['black', '0e0e0e', 'noirs'],
  ['blonde', 'e5d7a3', 'blonds'],
  ['brown', '6a4e35', 'châtains'],
  ['red', 'ab2a18', 'roux'],
  ['grey', 'afafaf', 'gris'],
  ['green', '3eac2c', 'verts'],
  ['blue', '85c2c6', 'bleus'],
  ['pink', 'dba3be', 'roses'],
  ['purple', '592454', 'violets'],
  ['orange', 'cb6820', 'orange'],
];
// Tag/English name, DiceBear colour, French word (feminine singular, agrees with "peau").
const SKINS = [
  ['light', 'f2d3b1', 'claire'],
  ['tan', 'ecad80', 'mate'],
  ['brown', '9e5622', 'brune'],
  ['dark', '763900', 'foncée'],
];
const variants = (prefix, n) => Array.from({ length: n }, (_, k) => prefix + String(k + 1).padStart(2, '0'));
// short19 is a shaved head that does not use the hair colour at all, so it is left out.
const HAIR_STYLES = {
  long: { en: 'long', fr: 'longs', variants: variants('long', 26) },
  short: { en: 'short', fr: 'courts', variants: variants('short', 18) },
};

// mulberry32, seeded per avatar from an FNV-1a hash of "<seed>-<i>".
function prng(key) {
  let h = 0x811c9dc5;
  for (const ch of key) h = Math.imul(h ^ ch.codePointAt(0), 0x01000193);
  let a = h >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (arr) => arr[Math.floor(next() * arr.length)];
}

// Caption templates; a = { len, hair, skin, glasses } in the caption's language.
const EN = [
  (a) => `a character with ${a.len} ${a.hair} hair${a.glasses ? ', glasses' : ''} and ${a.skin} skin`,
  (a) => `a ${a.skin}-skinned character with ${a.len} ${a.hair} hair${a.glasses ? ' who wears glasses' : ''}`,
  (a) => `portrait of someone with ${a.len} ${a.hair} hair and ${a.skin} skin${a.glasses ? ', wearing glasses' : ''}`,
  (a) => `an avatar with ${a.len} ${a.hair} hair and ${a.skin} skin, ${a.glasses ? 'with glasses' : 'without glasses'}`,
  (a) => `${a.skin} skin, ${a.len} ${a.hair} hair${a.glasses ? ', glasses' : ', no glasses'}`,
];
const FR = [
  (a) => `un personnage aux cheveux ${a.len} et ${a.hair}, ${a.glasses ? 'avec des lunettes, ' : ''}à la peau ${a.skin}`,
  (a) => `un personnage à la peau ${a.skin}, aux cheveux ${a.len} et ${a.hair}${a.glasses ? ', avec des lunettes' : ''}`,
  (a) => `portrait d'une personne aux cheveux ${a.len} et ${a.hair} et à la peau ${a.skin}${a.glasses ? ', qui porte des lunettes' : ''}`,
  (a) => `un avatar à la peau ${a.skin} et aux cheveux ${a.len} et ${a.hair}, ${a.glasses ? 'avec des lunettes' : 'sans lunettes'}`,
  (a) => `peau ${a.skin}, cheveux ${a.len} et ${a.hair}, ${a.glasses ? 'avec des lunettes' : 'sans lunettes'}`,
];

// Everything about avatar i that the tags and captions depend on, drawn in a fixed order.
function attributes(seed, i) {
  const pick = prng(`${seed}-${i}`);
  const hair = pick(HAIR_COLOURS);
  const style = HAIR_STYLES[pick(['long', 'short'])];
  const variant = pick(style.variants);
  const glasses = pick([true, false]);
  const skin = pick(SKINS);
  const tags = [`${hair[0]} hair`, `${style.en} hair`, ...(glasses ? ['glasses'] : []), `${skin[0]} skin`];
  const en = pick(EN)({ hair: hair[0], len: style.en, skin: skin[0], glasses });
  const fr = pick(FR)({ hair: hair[2], len: style.fr, skin: skin[2], glasses });
  const options = {
    seed: `${seed}-${i}`,
    hair: [variant],
    hairColor: [hair[1]],
    hairProbability: 100,
    glassesProbability: glasses ? 100 : 0,
    skinColor: [skin[1]],
    backgroundColor: ['f0f0f0'],
  };
  return { options, tags, captions: [en, fr] };
}

function render(options, size) {
  const avatar = createAvatar(adventurer, options).toJson();
  // Guard against DiceBear ever dropping a forced choice (its own PRNG could, in theory,
  // step past a one-element list); the tags would then be wrong, so stop instead.
  const x = avatar.extra;
  if (x.hair !== options.hair[0] || x.hairColor !== `#${options.hairColor[0]}` ||
      x.skinColor !== `#${options.skinColor[0]}` || !!x.glasses !== (options.glassesProbability === 100)) {
    throw new Error(`DiceBear did not honour the options for seed ${options.seed}`);
  }
  // No text in the picture, so skip the (slow) system font scan.
  return new Resvg(avatar.svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

const quote = (s) => `"${String(s).replaceAll('"', '""')}"`;

function version(pkg) {
  const file = new URL(`./node_modules/${pkg}/package.json`, import.meta.url);
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

function readme(count, size, seed) {
  const pkgs = ['@dicebear/core', '@dicebear/collection', '@resvg/resvg-js'];
  return `Avatars: ${count} tagged and captioned cartoon avatar pictures (${size}x${size} PNG).

Art
  DiceBear "Adventurer" avatar style, based on "Adventurer" by Lisa Wischofsky
  (https://www.figma.com/community/file/1184595184137881796),
  licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).
  Rendered with DiceBear (https://www.dicebear.com, MIT licence) and
  resvg-js (https://github.com/yisibl/resvg-js, MPL-2.0 licence).
  The pictures are generated from that art; if you share them, keep this credit.

How this set was made
  gan4j tools/avatars:  bash tools/avatars/make.sh ${count} DIR --size ${size} --seed ${seed}
  (equivalently: node tools/avatars/render.mjs --count ${count} --out DIR --size ${size} --seed ${seed})
  Packages: ${pkgs.map((p) => `${p} ${version(p)}`).join(', ')}.
  The same command with the same packages gives byte-identical files.

  Avatar i uses DiceBear seed "${seed}-i". Its hair colour, hair length (and style
  within it), glasses (yes/no) and skin colour are drawn uniformly and independently
  from a PRNG seeded with "${seed}-i" and forced onto DiceBear; eyes, eyebrows, mouth,
  earrings and rare features (blush, freckles, birthmark, mustache) are left to DiceBear.
  Background: solid #f0f0f0. "long hair" / "short hair" follow DiceBear's own style
  names long01-long26 / short01-short18 (so "long" includes buns, pigtails and bobs);
  short19, a shaved head that shows no hair colour, is never used.

Files
  images/NNNNNN.png  the pictures
  tags.csv           file,tags      tags in this order: hair colour, hair length, glasses (if worn), skin
                     hair colours: ${HAIR_COLOURS.map((c) => c[0]).join(', ')}
                     hair lengths: long, short; skin: ${SKINS.map((s) => s[0]).join(', ')}
  captions.csv       file,caption   two rows per picture: an English caption, then a French one
`;
}

function main() {
  const usage = () => {
    console.error('usage: node render.mjs --count N --out DIR [--size 64] [--seed 1]');
    process.exit(2);
  };
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        count: { type: 'string' },
        out: { type: 'string' },
        size: { type: 'string', default: '64' },
        seed: { type: 'string', default: '1' },
      },
    }));
  } catch (e) {
    console.error(e.message);
    usage();
  }
  const count = Number(values.count), size = Number(values.size), seed = values.seed;
  if (!Number.isInteger(count) || count < 1 || !values.out || !Number.isInteger(size) || size < 1) usage();
  const out = values.out;
  fs.mkdirSync(path.join(out, 'images'), { recursive: true });
  const digits = Math.max(6, String(count - 1).length);
  const tags = ['file,tags'], captions = ['file,caption'];
  const start = performance.now(), tty = process.stderr.isTTY;
  let shown = start;
  const progress = (done) => {
    const s = (performance.now() - start) / 1000;
    const line = `${done}/${count} images, ${(done / Math.max(s, 1e-3)).toFixed(0)} images/s`;
    process.stderr.write(tty ? `\r${line}  ` : `${line}\n`);
  };
  for (let i = 0; i < count; i++) {
    const a = attributes(seed, i);
    const file = `images/${String(i).padStart(digits, '0')}.png`;
    fs.writeFileSync(path.join(out, file), render(a.options, size));
    tags.push(`${file},${quote(a.tags.join(','))}`);
    for (const c of a.captions) captions.push(`${quote(file)},${quote(c)}`);
    const now = performance.now();
    if (now - shown > (tty ? 250 : 5000)) { shown = now; progress(i + 1); }
  }
  progress(count);
  if (tty) process.stderr.write('\n');
  fs.writeFileSync(path.join(out, 'tags.csv'), tags.join('\n') + '\n');
  fs.writeFileSync(path.join(out, 'captions.csv'), captions.join('\n') + '\n');
  fs.writeFileSync(path.join(out, 'README.txt'), readme(count, size, seed));
}

main();
