#!/usr/bin/env node
/**
 * Runs a TypeScript script from a bundle, so a command an editor runs on every save starts in
 * a fraction of the time `tsx` takes (tsx compiles each of the script's modules as it loads
 * them; node then still resolves and loads hundreds of small packages one by one).
 *
 *   node scripts/runBundled.mjs <entry.ts> [args...]
 *
 * The entry and everything it imports, packages included, are bundled by esbuild into
 * `node_modules/.cache/broadsheet/<name>-<hash>.mjs` (the hash covers every input's path and
 * text, esbuild's version and the options below), with the `react-server` condition that
 * `tsx --conditions=react-server` applies today. Beside it, `<name>.json` lists the inputs
 * esbuild's metafile named, with their sizes and modification times: a later run only `stat`s
 * them, and bundles again when any changed. The script then runs as under tsx: `process.argv`
 * is `[node, <entry>, ...args]`, and its output and exit code are its own. Packages are bundled
 * rather than left to node: that loads measurably faster (bench/contentCheck.mjs), and it is
 * how every package is resolved with the `react-server` condition, as tsx resolves them.
 */
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLE_CACHE, bundleManifest, bundleName } from './bundleCache.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = BUNDLE_CACHE;
/** Files that change how the inputs are resolved, though esbuild's metafile does not list them. */
const ALWAYS_STAMPED = ['tsconfig.json', 'package.json', 'scripts/runBundled.mjs'];

/** CommonJS packages (gray-matter, for one) call `require`: give the ES module bundle one. */
const BANNER =
  "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);";

const OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['react-server'],
  banner: { js: BANNER },
  // Beside the bundle, for stack traces that name the TypeScript lines (as tsx's do).
  sourcemap: 'external',
  metafile: true,
  write: false,
  logLevel: 'silent',
  absWorkingDir: ROOT,
};

/** `size:mtime` of a file, or undefined when it is gone. */
function stampOf(relative) {
  try {
    const stats = statSync(path.join(ROOT, relative));
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** The bundle the manifest names, if every input it lists is as it was when it was made. */
function cachedBundle(manifestFile, entry) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest?.entry !== entry || !Array.isArray(manifest.inputs)) return undefined;
  for (const [input, stamp] of manifest.inputs) if (stampOf(input) !== stamp) return undefined;
  const file = path.join(CACHE, String(manifest.bundle));
  return stampOf(path.relative(ROOT, file)) === undefined ? undefined : file;
}

/** The modification time in a `size:mtime` stamp. */
const modified = (stamp) => Number(stamp.split(':')[1]);

function writeAtomically(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file); // a concurrent run reads all of it or none
}

/** Bundles the entry; returns the bundle's path. Exits 1 with esbuild's messages if it fails. */
async function bundle(entry, name, manifestFile) {
  const esbuild = await import('esbuild');
  const started = Date.now();
  let result;
  try {
    result = await esbuild.build({
      ...OPTIONS,
      entryPoints: [entry],
      outfile: path.join(CACHE, `${name}.mjs`),
    });
  } catch (error) {
    const messages = await esbuild.formatMessages(error.errors ?? [], { kind: 'error' });
    console.error(messages.join('') || error);
    process.exit(1);
  }
  const inputs = [...new Set([...Object.keys(result.metafile.inputs), ...ALWAYS_STAMPED])]
    .filter((input) => stampOf(input) !== undefined)
    .sort();
  const hash = createHash('sha256').update(`${esbuild.version}\n${JSON.stringify(OPTIONS)}\n`);
  for (const input of inputs)
    hash
      .update(`${input}\0`)
      .update(readFileSync(path.join(ROOT, input)))
      .update('\0');
  const file = `${name}-${hash.digest('hex').slice(0, 16)}.mjs`;
  mkdirSync(CACHE, { recursive: true });
  const output = (extension) => result.outputFiles.find((out) => out.path.endsWith(extension));
  writeAtomically(path.join(CACHE, `${file}.map`), output('.mjs.map').contents);
  writeAtomically(
    path.join(CACHE, file),
    `${output('.mjs').text}//# sourceMappingURL=${file}.map\n`,
  );
  // Earlier bundles of this entry (not those of an entry whose name starts like this one's).
  const earlier = /^(.+)-[0-9a-f]{16}\.mjs(\.map)?$/;
  for (const old of readdirSync(CACHE)) {
    if (earlier.exec(old)?.[1] === name && !old.startsWith(file)) {
      rmSync(path.join(CACHE, old), { force: true });
    }
  }
  // An input saved while esbuild read it may be in the bundle as it was before: no manifest,
  // so the next run bundles again.
  const stamped = inputs.map((input) => [input, stampOf(input)]);
  const settled = stamped.every(([, stamp]) => stamp !== undefined && modified(stamp) < started);
  if (settled)
    writeAtomically(manifestFile, JSON.stringify({ entry, bundle: file, inputs: stamped }));
  return path.join(CACHE, file);
}

const [given, ...args] = process.argv.slice(2);
if (!given) {
  console.error('usage: node scripts/runBundled.mjs <entry.ts> [args...]');
  process.exit(2);
}
const entry = path.relative(ROOT, path.resolve(given)).split(path.sep).join('/');
const name = bundleName(entry);
const manifestFile = bundleManifest(entry);
const file = cachedBundle(manifestFile, entry) ?? (await bundle(entry, name, manifestFile));
// As tsx runs it: the script's own path, then its arguments.
process.argv = [process.argv[0], path.join(ROOT, entry), ...args];
process.setSourceMapsEnabled(true);
await import(pathToFileURL(file).href);
