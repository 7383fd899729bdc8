#!/usr/bin/env node
/**
 * Compares full-text search libraries on the generated corpus, so the search engine is chosen by
 * measurement: index build time, retained index memory, warm query latency (p50/p95/max, top 20,
 * title ×3 and summary ×2 over body, fuzzy for words of 5+ letters) and the time to re-index one
 * changed article.
 *
 *   node bench/searchEngines.mjs
 *
 * Environment (all optional):
 *   BENCH_SEARCH_SIZES       article counts, default "10000,100000"
 *   BENCH_SEARCH_ENGINES     adapters to run, default "broadsheet,minisearch,flexsearch,orama,sqlite-fts5"
 *   BENCH_SEARCH_VOCABS      "generated,zipf" (default): the generator's ~60-word vocabulary, and the
 *                            same corpus with every word redrawn from a 50,000-word Zipf vocabulary
 *   BENCH_SEARCH_QUERIES     number of seeded queries, default 500
 *   BENCH_SEARCH_TIMEOUT_S   per engine run, after the corpus is loaded; default 300
 *   BENCH_SEARCH_MAX_RSS_MB  an engine run is stopped above this resident size; default 6144
 *   BENCH_BETTER_SQLITE3     path to an installed better-sqlite3 (it is not a project dependency);
 *                            without it, and when `better-sqlite3` does not resolve, FTS5 is skipped
 *   BENCH_SEARCH_OUT         output folder, default bench/results
 *
 * Every engine runs in its own child process (`node --expose-gc`), one after another, never in
 * parallel. The corpus is written under os.tmpdir(); a 100,000-article corpus already generated in
 * /tmp/c100k (same generator, same seeds) is read instead when its first files are byte-identical
 * to a fresh generation. Results: bench/results/search-engines.md and search-engines.json.
 *
 * Adding an engine: add an entry to ADAPTERS below. `load()` runs in the child and returns
 * `{ name, version, build(docs), search(query) -> ids, replace(doc) }` (any of them may return a
 * promise). `execArgv` is passed to the child's node, e.g. ['--import', 'tsx',
 * '--conditions=react-server'] for an adapter over the project's TypeScript `lib/search/searchIndex.ts`.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { seededRandom } from '../scripts/seededRandom.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
const SCRATCH = path.join(os.tmpdir(), 'broadsheet-search-bench');
const SHARED_100K = '/tmp/c100k';
const TOP = 20;
const BOOST = { title: 3, summary: 2, body: 1 };
const FUZZY_MIN_LENGTH = 5;
const REPLACE_SAMPLES = 50;
const MARKER = 'revisedmarker';

const env = (name, fallback) => process.env[name] || fallback;
const require = createRequire(import.meta.url);

function packageVersion(name, from = ROOT) {
  try {
    const resolved = require.resolve(`${name}/package.json`, { paths: [from] });
    return JSON.parse(readFileSync(resolved, 'utf8')).version;
  } catch {
    // Packages whose exports map hides package.json: walk up from the entry point.
    let dir = path.dirname(createRequire(path.join(from, 'x.js')).resolve(name));
    while (dir !== path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      if (existsSync(file)) {
        const json = JSON.parse(readFileSync(file, 'utf8'));
        if (json.name === name) return json.version;
      }
      dir = path.dirname(dir);
    }
    return '?';
  }
}

const fuzzyFor = (term) => (term.length >= FUZZY_MIN_LENGTH ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Adapters: each runs alone in a child process.
// ---------------------------------------------------------------------------------------------

const ADAPTERS = {
  minisearch: {
    async load() {
      const { default: MiniSearch } = await import('minisearch');
      let index;
      const searchOptions = {
        boost: { title: BOOST.title, summary: BOOST.summary },
        fuzzy: (term) => fuzzyFor(term) || false,
        prefix: false,
        combineWith: 'OR',
      };
      return {
        name: 'MiniSearch',
        version: packageVersion('minisearch'),
        config: 'fields title/summary/body, nothing stored, BM25+, OR, fuzzy 1 edit for 5+ letters',
        build(docs) {
          index = new MiniSearch({
            idField: 'id',
            fields: ['title', 'summary', 'body'],
            storeFields: [],
            searchOptions,
          });
          index.addAll(docs);
        },
        search(query) {
          const results = index.search(query.terms.join(' '));
          return results.slice(0, TOP).map((result) => result.id);
        },
        replace(doc) {
          index.replace(doc); // discard(id) + add(doc); discarded entries are vacuumed in batches
        },
      };
    },
  },

  flexsearch: {
    async load() {
      const { Document, Resolver } = await import('flexsearch');
      let index;
      return {
        name: 'FlexSearch',
        version: packageVersion('flexsearch'),
        config:
          'Document index, tokenize "strict", default encoder, fastupdate, no store; suggest (partial matches) on; fields OR-ed by a Resolver with boosts 3/2/0',
        build(docs) {
          index = new Document({
            document: { id: 'id', index: ['title', 'summary', 'body'], store: false },
            tokenize: 'strict',
            fastupdate: true,
          });
          for (const doc of docs) index.add(doc);
        },
        search(query) {
          const text = query.terms.join(' ');
          return new Resolver({
            index,
            query: text,
            field: 'title',
            boost: BOOST.title,
            suggest: true,
          })
            .or({ index, query: text, field: 'summary', boost: BOOST.summary, suggest: true })
            .or({ index, query: text, field: 'body', suggest: true })
            .resolve({ limit: TOP });
        },
        replace(doc) {
          index.update(doc);
        },
      };
    },
  },

  orama: {
    async load() {
      const { create, insertMultiple, search, update } = await import('@orama/orama');
      let db;
      const record = (doc) => ({
        id: String(doc.id),
        title: doc.title,
        summary: doc.summary,
        body: doc.body,
      });
      return {
        name: 'Orama',
        version: packageVersion('@orama/orama'),
        config:
          'schema title/summary/body (Orama also stores the documents), BM25, threshold 1 (OR), tolerance 1 when any term has 5+ letters',
        async build(docs) {
          db = create({ schema: { title: 'string', summary: 'string', body: 'string' } });
          await insertMultiple(db, docs.map(record), 1000);
        },
        async search(query) {
          const result = await search(db, {
            term: query.terms.join(' '),
            properties: ['title', 'summary', 'body'],
            boost: { title: BOOST.title, summary: BOOST.summary },
            limit: TOP,
            threshold: 1,
            tolerance: query.terms.some((term) => fuzzyFor(term)) ? 1 : 0,
          });
          return result.hits.map((hit) => Number(hit.id));
        },
        async replace(doc) {
          await update(db, String(doc.id), record(doc));
        },
      };
    },
  },

  'sqlite-fts5': {
    available() {
      try {
        return Boolean(sqlitePath());
      } catch {
        return false;
      }
    },
    async load({ scratch }) {
      const modulePath = sqlitePath();
      const Database = createRequire(import.meta.url)(modulePath);
      const file = path.join(scratch, `fts5-${process.pid}.db`);
      let db, insert, remove, select;
      const quote = (term) => `"${term.replaceAll('"', '""')}"`;
      return {
        name: 'SQLite FTS5 (better-sqlite3)',
        version: `${packageVersion('better-sqlite3', path.dirname(path.dirname(modulePath)))}`,
        config:
          'on-disk contentless table (contentless_delete=1), unicode61, bm25(3,2,1), OR of quoted terms, phrases as FTS5 phrases, no fuzzy',
        diskFile: file,
        build(docs) {
          rmSync(file, { force: true });
          db = new Database(file);
          db.pragma('journal_mode = DELETE');
          db.exec(
            "CREATE VIRTUAL TABLE fts USING fts5(title, summary, body, content='', contentless_delete=1, tokenize='unicode61')",
          );
          insert = db.prepare('INSERT INTO fts(rowid, title, summary, body) VALUES (?, ?, ?, ?)');
          remove = db.prepare('DELETE FROM fts WHERE rowid = ?');
          db.transaction(() => {
            for (const doc of docs) insert.run(doc.id, doc.title, doc.summary, doc.body);
          })();
          db.exec("INSERT INTO fts(fts) VALUES('optimize')");
          select = db.prepare(
            `SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, ${BOOST.title}, ${BOOST.summary}, ${BOOST.body}) LIMIT ${TOP}`,
          );
          select.pluck(true);
        },
        search(query) {
          const match =
            query.kind === 'phrase'
              ? quote(query.terms.join(' '))
              : query.terms.map(quote).join(' OR ');
          return select.all(match);
        },
        replace(doc) {
          db.transaction(() => {
            remove.run(doc.id);
            insert.run(doc.id, doc.title, doc.summary, doc.body);
          })();
        },
        close() {
          db.close();
          rmSync(file, { force: true });
        },
      };
    },
  },

  // The project's own engine (lib/search/searchIndex.ts), loaded through tsx.
  broadsheet: {
    execArgv: ['--import', 'tsx', '--conditions=react-server'],
    async load() {
      const { createSearchIndex } = await import('../lib/search/searchIndex.ts');
      const { terms } = await import('../lib/search/tokenize.ts');
      const { parseQuery } = await import('../lib/search/searchRequest.ts');
      let index;
      const ids = new Map();
      const document = (doc) => {
        ids.set(String(doc.id), doc.id);
        return {
          key: String(doc.id),
          publishedAt: Date.parse(doc.publishedAt) || 0,
          section: doc.section,
          fields: { title: doc.title, summary: doc.summary, topics: doc.topics.join('\n'), body: doc.body },
        };
      };
      return {
        name: 'Broadsheet lib/search',
        version: 'this repository',
        config:
          'BM25 over title ×4, summary ×2, topics ×2, body ×1, with the freshness blend; every query word required (or a spelling one edit away, 5+ letters); varint postings, nothing stored; phrases checked on the page, not here',
        build(docs) {
          index = createSearchIndex();
          for (const doc of docs) index.add(document(doc));
          index.trim();
        },
        search(query) {
          const words = parseQuery(query.terms.join(' ')).terms;
          const now = Date.now();
          return index
            .search({ terms: words.length > 0 ? words : terms(query.text ?? ''), accept: () => true, now, limit: TOP })
            .ranked.map((hit) => ids.get(hit.key));
        },
        replace(doc) {
          index.add(document(doc));
        },
      };
    },
  },
};

function sqlitePath() {
  const candidate = process.env.BENCH_BETTER_SQLITE3;
  if (candidate)
    return createRequire(path.join(path.resolve(candidate), 'x.js')).resolve(
      path.resolve(candidate),
    );
  return require.resolve('better-sqlite3', { paths: [ROOT] });
}

const FEATURES = {
  MiniSearch: {
    ranking: 'BM25+ per field, summed with field boosts',
    boosts: 'yes: `boost` per field, plus `boostDocument` (e.g. recency)',
    phrase: 'no: no positions are stored; only OR/AND/AND_NOT of terms',
    fuzzy:
      'yes: Levenshtein per term, a distance or a fraction of the term length, or a function per term (`maxFuzzy` caps it)',
    prefix: 'yes: `prefix` option (radix tree), per term if a function',
    cjk: 'yes: `tokenize(text, field)` and `processTerm` can use `Intl.Segmenter`',
    incremental:
      'yes: add, remove (needs the old document), discard(id) and replace(doc); discarded ids are vacuumed in the background',
  },
  FlexSearch: {
    ranking:
      'not BM25/TF-IDF: a positional "resolution" score (where a term occurs in the field, term order); optional context index scores nearby terms',
    boosts:
      'no field weights in one call; Document search returns one list per field; merged with a Resolver chain whose `boost` shifts score slots',
    phrase: 'no exact phrases; `context: true` prefers terms near each other (larger index)',
    fuzzy:
      'no edit distance; phonetic encoders (LatinBalance…LatinSoundex) and tokenize "tolerant" (swapped/missing letters) at index time; `suggest` for partial matches',
    prefix: 'at index time: tokenize "forward"/"reverse"/"full" (multiplies index size)',
    cjk: 'yes: `Charset.CJK`, or a custom Encoder/`encode` function (Intl.Segmenter)',
    incremental:
      'yes: add, update(doc), remove(id); fast with `fastupdate: true` (~30% more memory); persistent adapters (SQLite, Postgres, Redis, IndexedDB…)',
  },
  Orama: {
    ranking: 'BM25 (k, b, d configurable)',
    boosts: 'yes: `boost` per property',
    phrase:
      'no phrase queries (`exact` matches whole terms only; `threshold` chooses AND-ish vs OR)',
    fuzzy: 'yes: `tolerance` (Levenshtein) for the whole query, not per term',
    prefix: 'yes, by default (radix tree); `exact: true` turns it off',
    cjk: 'yes: custom `components.tokenizer`; @orama/tokenizers has Japanese/Mandarin; Intl.Segmenter works in a custom tokenizer',
    incremental: 'yes: insert, remove, update, upsert; it keeps every document in memory as well',
  },
  'SQLite FTS5 (better-sqlite3)': {
    ranking: 'BM25 (`bm25()` with per-column weights)',
    boosts: 'yes: bm25 column weights',
    phrase: 'yes: "phrases", NEAR, AND/OR/NOT, column filters',
    fuzzy: 'no (prefix `term*` only; the trigram tokenizer gives substring matching)',
    prefix: 'yes: `term*`, faster with the `prefix=` option',
    cjk: 'custom tokenizers only in C; unicode61 does not split CJK; workable by inserting Intl.Segmenter output joined by spaces, or the trigram tokenizer',
    incremental: 'yes: row INSERT/DELETE (contentless_delete=1); index lives on disk',
  },
};

// ---------------------------------------------------------------------------------------------
// Corpus: read, strip, optionally re-vocabulary.
// ---------------------------------------------------------------------------------------------

const storyFile = (dir, index) =>
  path.join(dir, 'content', 'articles', `story-${String(index).padStart(6, '0')}.md`);

const unquote = (value) => {
  const trimmed = value.trim();
  return /^".*"$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
};

/** The generator's front matter is simple YAML: scalars, one `summary` list, `topics: [a, b]`. */
export function parseArticle(text, id) {
  const end = text.indexOf('\n---\n', 4);
  const front = text.slice(4, end).split('\n');
  const body = text.slice(end + 5);
  const data = { summary: [] };
  let list = null;
  for (const line of front) {
    if (line.startsWith('  - ') && list) data[list].push(unquote(line.slice(4)));
    else if (line.startsWith(' '))
      continue; // nested map (image), not indexed
    else {
      const colon = line.indexOf(':');
      const key = line.slice(0, colon);
      const value = line.slice(colon + 1).trim();
      list = value === '' ? key : null;
      if (list) data[key] = [];
      else if (value.startsWith('['))
        data[key] = value
          .slice(1, -1)
          .split(',')
          .map((item) => item.trim());
      else data[key] = unquote(value);
    }
  }
  return {
    id,
    title: data.title ?? '',
    summary: data.summary.join(' '),
    topics: data.topics ?? [],
    section: data.section ?? '',
    publishedAt: data.publishedAt ?? '',
    body: stripMarkdown(body),
  };
}

export function stripMarkdown(markdown) {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: keep alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: keep link text
    .replace(/<[^>]+>|https?:\/\/\S+/g, ' ')
    .replace(/[#>*_`~|[\]-]+/g, ' ') // headings, emphasis, tables, lists
    .replace(/\s+/g, ' ')
    .trim();
}

/** 50,000 pseudo-words (short ones most frequent) with Zipf (s = 1) frequencies. */
export function zipfVocabulary(size = 50_000, seed = 20261129) {
  const random = seededRandom(seed);
  const onsets = 'b c d f g h j k l m n p r s t v w z br cl dr st tr sh ch pl gr th qu sk'.split(
    ' ',
  );
  const vowels = 'a e i o u ai ea ou io'.split(' ');
  const codas = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck', 'ng'];
  const pick = (list) => list[Math.floor(random() * list.length)];
  const seen = new Set();
  while (seen.size < size) {
    const roll = random();
    const syllables = roll < 0.2 ? 1 : roll < 0.6 ? 2 : roll < 0.88 ? 3 : 4;
    let word = '';
    for (let s = 0; s < syllables; s++) word += pick(onsets) + pick(vowels) + pick(codas);
    seen.add(word);
  }
  const words = [...seen].sort((a, b) => a.length - b.length); // stable: short words rank first
  const cdf = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) cdf[rank] = total += 1 / (rank + 1);
  for (let rank = 0; rank < size; rank++) cdf[rank] /= total;
  const sample = (random) => {
    const u = random();
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cdf[mid] < u) low = mid + 1;
      else high = mid;
    }
    return words[low];
  };
  return { words, sample };
}

/** Redraws every word of the title, summary and body from the Zipf vocabulary (seeded per article). */
export function rewordArticle(doc, vocabulary) {
  const random = seededRandom(Math.imul(doc.id + 1, 2654435761) ^ 0x5eed);
  const swap = (text) => text.replace(/[A-Za-z]+/g, () => vocabulary.sample(random));
  return { ...doc, title: swap(doc.title), summary: swap(doc.summary), body: swap(doc.body) };
}

/** Parsed (and reworded) documents are cached once per run in SCRATCH as a V8-serialized file. */
function loadDocsCached(corpusDir, count, vocab, vocabulary) {
  const cache = path.join(SCRATCH, `docs-${count}-${vocab}.v8`);
  if (existsSync(cache)) return deserialize(readFileSync(cache));
  const docs = loadDocs(corpusDir, count, vocabulary);
  writeFileSync(`${cache}.partial`, serialize(docs));
  renameSync(`${cache}.partial`, cache);
  return docs;
}

function loadDocs(corpusDir, count, vocabulary) {
  const docs = new Array(count);
  for (let index = 0; index < count; index++) {
    const doc = parseArticle(readFileSync(storyFile(corpusDir, index), 'utf8'), index);
    docs[index] = vocabulary ? rewordArticle(doc, vocabulary) : doc;
  }
  return docs;
}

// ---------------------------------------------------------------------------------------------
// Queries: ~500, seeded, the same for every engine and size.
// ---------------------------------------------------------------------------------------------

const GENERATED_WORDS = (
  'officials said the ministry would review exports and prices across the region as demand for ' +
  'components rose while factories reported new orders and analysts expected growth to slow next ' +
  'year because higher costs weighed on households companies and governments that depend on trade ' +
  'data published on monday showed shipments climbed in october after a weak summer according to'
).split(' '); // same list as WORDS in bench/generateCorpus.mjs

function misspell(word, random) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (;;) {
    const at = 1 + Math.floor(random() * (word.length - 2));
    const kind = Math.floor(random() * 3);
    const typo =
      kind === 0
        ? word.slice(0, at) + letters[Math.floor(random() * 26)] + word.slice(at + 1)
        : kind === 1
          ? word.slice(0, at) + word.slice(at + 1)
          : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    if (typo !== word) return typo;
  }
}

export function makeQueries({ vocab, vocabulary, sampleDocs, count, seed = 4242 }) {
  const random = seededRandom(seed);
  const pickWord =
    vocab === 'zipf'
      ? // log-uniform rank: as many queries for ranks 1–10 as for 10–100, 100–1000, …
        () =>
          vocabulary.words[
            Math.min(
              vocabulary.words.length - 1,
              Math.floor(Math.exp(random() * Math.log(vocabulary.words.length))) - 1,
            )
          ]
      : () => GENERATED_WORDS[Math.floor(random() * GENERATED_WORDS.length)];
  const longWord = () => {
    for (;;) {
      const word = pickWord();
      if (word.length >= FUZZY_MIN_LENGTH) return word;
    }
  };
  const queries = [];
  const phrases = Math.round(count * 0.1);
  const typos = Math.round(count * 0.1);
  for (let i = 0; i < count - phrases - typos; i++) {
    const length = 1 + Math.floor(random() * 3);
    const terms = Array.from({ length }, pickWord);
    queries.push({ kind: 'words', terms, text: terms.join(' ') });
  }
  for (let i = 0; i < phrases; i++) {
    const doc = sampleDocs[Math.floor(random() * sampleDocs.length)];
    const words = doc.body
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((word) => word.length > 1);
    const at = Math.floor(random() * (words.length - 1));
    const terms = [words[at], words[at + 1]];
    queries.push({ kind: 'phrase', terms, text: `"${terms.join(' ')}"` });
  }
  for (let i = 0; i < typos; i++) {
    const terms = [misspell(longWord(), random)];
    if (random() < 0.5) terms.push(pickWord());
    queries.push({ kind: 'typo', terms, text: terms.join(' ') });
  }
  for (let i = queries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [queries[i], queries[j]] = [queries[j], queries[i]];
  }
  return queries;
}

// ---------------------------------------------------------------------------------------------
// Child: one engine, one size, one vocabulary.
// ---------------------------------------------------------------------------------------------

const MB = 1024 * 1024;
function heap() {
  global.gc();
  global.gc();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed + usage.arrayBuffers, rss: usage.rss };
}
const maxRssMB = () => process.resourceUsage().maxRSS / 1024;

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function settle(value) {
  return value && typeof value.then === 'function' ? await value : value;
}

async function runChild(options) {
  const send = (message) => process.send(message);
  const deadline = () => options.deadline; // set when the parent acknowledges 'loaded'
  const vocabulary = options.vocab === 'zipf' ? zipfVocabulary() : null;
  const queries = JSON.parse(readFileSync(options.queriesFile, 'utf8'));
  const adapter = await ADAPTERS[options.engine].load(options);
  const before = heap();

  const loadStart = performance.now();
  let docs = loadDocsCached(options.corpusDir, options.count, options.vocab, vocabulary);
  const loadMs = performance.now() - loadStart;
  const loaded = heap();
  const stride = Math.floor(docs.length / REPLACE_SAMPLES);
  const changed = Array.from({ length: REPLACE_SAMPLES }, (_, i) => {
    const doc = docs[i * stride];
    return {
      ...doc,
      title: `${doc.title} ${MARKER}`,
      body: doc.body.split(' ').reverse().join(' '),
    };
  });
  await new Promise((resolve) => {
    process.once('message', (message) => {
      options.deadline = message.deadline;
      resolve();
    });
    send({
      phase: 'loaded',
      name: adapter.name,
      version: adapter.version,
      config: adapter.config,
      loadS: loadMs / 1000,
      docsHeapMB: (loaded.heap - before.heap) / MB,
    });
  });
  const remaining = () => (deadline() - Date.now()) / 1000;

  const buildStart = performance.now();
  await settle(adapter.build(docs));
  const buildS = (performance.now() - buildStart) / 1000;
  docs = null;
  const built = heap();
  let diskMB = null;
  if (adapter.diskFile && existsSync(adapter.diskFile))
    diskMB = statSync(adapter.diskFile).size / MB;
  const result = {
    buildS,
    indexHeapMB: (built.heap - before.heap) / MB,
    rssMB: built.rss / MB,
    peakRssMB: maxRssMB(),
    diskMB,
  };
  send({ phase: 'built', ...result });

  const pass = async (budgetS, timed) => {
    const times = [];
    const stop = performance.now() + budgetS * 1000;
    let hits = 0;
    let empty = 0;
    const byKind = {};
    for (const query of queries) {
      const start = performance.now();
      const ids = await settle(adapter.search(query));
      const ms = performance.now() - start;
      if (timed) {
        times.push(ms);
        (byKind[query.kind] ??= []).push(ms);
        hits += ids.length;
        if (!ids.length) empty++;
      }
      if (performance.now() > stop) break;
    }
    return { times, hits, empty, byKind };
  };
  const warm = await pass(Math.max(5, Math.min(30, remaining() * 0.2)), false);
  void warm;
  const timed = await pass(Math.max(5, Math.min(120, remaining() * 0.6)), true);
  const sorted = [...timed.times].sort((a, b) => a - b);
  Object.assign(result, {
    queries: sorted.length,
    queriesPlanned: queries.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? null,
    meanHits: sorted.length ? timed.hits / sorted.length : null,
    emptyResults: timed.empty,
    p95ByKind: Object.fromEntries(
      Object.entries(timed.byKind).map(([kind, times]) => [
        kind,
        percentile(
          times.sort((a, b) => a - b),
          95,
        ),
      ]),
    ),
  });
  send({ phase: 'queried', ...result });

  const replaceTimes = [];
  for (const doc of changed) {
    const start = performance.now();
    await settle(adapter.replace(doc));
    replaceTimes.push(performance.now() - start);
  }
  replaceTimes.sort((a, b) => a - b);
  const found = await settle(adapter.search({ kind: 'words', terms: [MARKER], text: MARKER }));
  Object.assign(result, {
    replaceMedianMs: percentile(replaceTimes, 50),
    replaceMaxMs: replaceTimes.at(-1),
    replaceVerified: found.length === Math.min(TOP, REPLACE_SAMPLES),
    peakRssMB: maxRssMB(),
  });
  adapter.close?.();
  send({ phase: 'done', ...result });
}

// ---------------------------------------------------------------------------------------------
// Parent: corpus, queries, one child at a time, report.
// ---------------------------------------------------------------------------------------------

function readRss(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

function runEngine(engine, options, limits) {
  return new Promise((resolve) => {
    const execArgv = [
      '--expose-gc',
      '--max-old-space-size=8192',
      ...(ADAPTERS[engine].execArgv ?? []),
    ];
    const child = fork(SELF, ['--child', JSON.stringify(options)], {
      execArgv,
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const record = { engine, status: 'running', loadavgStart: os.loadavg()[0] };
    let timer = null;
    let stopped = null;
    let peak = 0;
    const watch = setInterval(() => {
      const rss = readRss(child.pid);
      peak = Math.max(peak, rss);
      if (rss > limits.maxRssMB && !stopped) {
        stopped = `stopped: resident memory passed ${limits.maxRssMB} MB`;
        child.kill('SIGKILL');
      }
    }, 250);
    child.on('message', (message) => {
      Object.assign(record, message);
      console.log(`  ${engine} ${message.phase}`, JSON.stringify(message));
      if (message.phase === 'loaded') {
        child.send({ deadline: Date.now() + limits.timeoutS * 1000 });
        timer = setTimeout(() => {
          stopped = `did not finish within ${limits.timeoutS} s`;
          child.kill('SIGKILL');
        }, limits.timeoutS * 1000);
      }
    });
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      clearTimeout(timer);
      record.status = stopped ?? (record.phase === 'done' ? 'ok' : `failed (${signal ?? code})`);
      record.watchedPeakRssMB = peak;
      record.loadavgEnd = os.loadavg()[0];
      delete record.phase;
      resolve(record);
    });
  });
}

async function corpusFor(size, notes) {
  const own = path.join(SCRATCH, `corpus-${size}`);
  if (existsSync(path.join(own, '.complete'))) return own;
  const { generateCorpus } = await import('./generateCorpus.mjs');
  if (size > 20_000 && existsSync(storyFile(SHARED_100K, size - 1))) {
    const check = path.join(SCRATCH, 'corpus-check');
    const checked = 2_000;
    if (!existsSync(path.join(check, '.complete'))) {
      rmSync(check, { recursive: true, force: true });
      generateCorpus(checked, check);
      writeFileSync(path.join(check, '.complete'), '');
    }
    let same = true;
    for (let index = 0; index < checked && same; index++)
      same =
        readFileSync(storyFile(check, index), 'utf8') ===
        readFileSync(storyFile(SHARED_100K, index), 'utf8');
    if (same) {
      notes.push(
        `The ${size.toLocaleString('en')}-article corpus was read from ${SHARED_100K} (read only); its first ${checked.toLocaleString('en')} stories are byte-identical to a fresh generation.`,
      );
      return SHARED_100K;
    }
  }
  console.log(`Generating ${size} articles into ${own}`);
  const start = performance.now();
  rmSync(own, { recursive: true, force: true });
  generateCorpus(size, own);
  writeFileSync(path.join(own, '.complete'), '');
  console.log(`  done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return own;
}

const fmt = (value, digits = 1) =>
  value === null || value === undefined || Number.isNaN(value)
    ? '–'
    : Number(value).toFixed(digits);

function targetsMissed(row) {
  const missed = [];
  if (row.status !== 'ok') return row.status;
  if (row.count <= 10_000) {
    if (row.p95 > 20) missed.push('p95 > 20 ms');
    if (row.buildS > 15) missed.push('build > 15 s');
  } else {
    if (row.p95 > 100) missed.push('p95 > 100 ms');
    if (row.indexHeapMB > 300 && !(row.diskMB > 0)) missed.push('heap > 300 MB');
  }
  if (row.replaceMedianMs > 100) missed.push('re-index > 100 ms');
  if (row.queries < row.queriesPlanned)
    missed.push(`only ${row.queries} queries in the time budget`);
  return missed.length ? missed.join('; ') : 'all met';
}

function markdown(report) {
  const lines = [
    '# Full-text search engines on the generated corpus',
    '',
    `Run ${report.date} on ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGB} GB, Node ${report.machine.node}; ` +
      `load average ${report.machine.loadavgStart.toFixed(2)} at the start, ${report.machine.loadavgEnd.toFixed(2)} at the end ` +
      '(another benchmark was running on the same machine, so absolute times are pessimistic). ' +
      `Total time ${(report.totalS / 60).toFixed(1)} min. Produced by \`node bench/searchEngines.mjs\`; raw numbers in search-engines.json.`,
    '',
    'Each engine ran alone in its own `node --expose-gc` process, one after another. **Index heap** is the V8 heap plus array buffers retained after the build, ' +
      'with the source documents released and after `gc()`, minus the same figure before the corpus was read (for SQLite it is near zero: the index is on disk, see disk MB). ' +
      '**RSS** is the resident size of the whole process at that moment (it still holds freed pages of the corpus). ' +
      `Queries: ${report.queryCount} seeded queries (80% 1–3 words, 10% two-word phrases, 10% with a one-letter typo in a 5+-letter word), top ${TOP}, ` +
      'title ×3, summary ×2, body ×1, fuzzy (1 edit) for 5+-letter terms where supported; one untimed pass first, then the timed pass. ' +
      `**Re-index** is the median of ${REPLACE_SAMPLES} replacements of a changed article (new title, reordered body).`,
    '',
  ];
  const header =
    '| engine | version | articles | build s | index heap MB | RSS MB | disk MB | p50 ms | p95 ms | max ms | re-index ms | mean hits | load avg | targets |';
  const rule = '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|';
  for (const [vocab, title, explanation] of [
    [
      'generated',
      'Generated vocabulary (about 60 distinct words)',
      'The generator draws every word from a list of about 60, so nearly every query term occurs in nearly every article: every query scores almost the whole corpus. ' +
        'This is the **worst case for query latency** and the **best case for memory** (tiny dictionary, dense postings).',
    ],
    [
      'zipf',
      'Realistic vocabulary (50,000 pseudo-words, Zipf)',
      'The same articles with every word of title, summary and body redrawn (seeded per article) from 50,000 pseudo-words with Zipf (s = 1) frequencies; ' +
        'query words are drawn with log-uniform rank (as many from ranks 1–10 as from 10–100, 100–1,000, …), so some queries still hit very common words. ' +
        'Memory here reflects real text better.',
    ],
  ]) {
    const rows = report.runs.filter((run) => run.vocab === vocab);
    if (!rows.length) continue;
    lines.push(`## ${title}`, '', explanation, '', header, rule);
    for (const row of rows) {
      lines.push(
        `| ${row.name ?? row.engine} | ${row.version ?? '–'} | ${row.count.toLocaleString('en')} | ${fmt(row.buildS, 2)} | ${fmt(row.indexHeapMB, 0)} | ${fmt(row.rssMB, 0)} | ${row.diskMB ? fmt(row.diskMB, 0) : '–'} | ` +
          `${fmt(row.p50, 2)} | ${fmt(row.p95, 2)} | ${fmt(row.max, 1)} | ${fmt(row.replaceMedianMs, 2)} | ${fmt(row.meanHits, 1)} | ${fmt(row.loadavgStart, 1)}→${fmt(row.loadavgEnd, 1)} | ${targetsMissed(row)} |`,
      );
    }
    lines.push('');
  }
  lines.push(
    '## Targets',
    '',
    'p95 query ≤ 20 ms at 10,000 articles and ≤ 100 ms at 100,000 (server-side, warm); build from scratch ≤ 15 s at 10,000; one changed article re-indexed in ≤ 100 ms; index memory ≤ 300 MB at 100,000 (or an on-disk index).',
    '',
    '## Configuration measured',
    '',
  );
  const configs = new Map(
    report.runs.filter((run) => run.config).map((run) => [run.name, run.config]),
  );
  for (const [name, config] of configs) lines.push(`- **${name}**: ${config}.`);
  lines.push('', '## What each engine supports for our needs', '');
  lines.push(
    '| | ' +
      Object.keys(FEATURES)
        .filter((name) => configs.has(name))
        .join(' | ') +
      ' |',
  );
  const names = Object.keys(FEATURES).filter((name) => configs.has(name));
  lines.push('|---|' + names.map(() => '---').join('|') + '|');
  for (const [key, label] of [
    ['ranking', 'ranking'],
    ['boosts', 'field boosts'],
    ['phrase', 'phrase queries'],
    ['fuzzy', 'fuzzy / typos'],
    ['prefix', 'prefix'],
    ['cjk', 'CJK tokenizer (Intl.Segmenter)'],
    ['incremental', 'incremental update / remove'],
  ])
    lines.push(`| ${label} | ${names.map((name) => FEATURES[name][key]).join(' | ')} |`);
  lines.push('', '## Notes', '');
  lines.push(
    "- **load avg** is the machine's 1-minute load average (2 cores) when the run started and ended: above 2, the engine shared the CPU with the background benchmark, which inflates its times.",
    '- "did not finish within 300 s" means the engine was stopped by the wall-clock limit (counted from the end of corpus loading) before it finished building; look at its load avg: at 10 or more the engine got a small fraction of one core, so such a row says "not measurable under this load" more than "too slow". Runs stopped at the time or memory limit, or whose queries were cut short by the time budget, report what they measured before stopping (the timed queries are in seeded random order, so a prefix is a fair sample).',
  );
  if (report.runs.some((run) => run.engine === 'sqlite-fts5'))
    lines.push(
      '- better-sqlite3 is not a project dependency: `npm install better-sqlite3` could not download its prebuilt binary (GitHub unreachable) and fell back to compiling SQLite and the addon with node-gyp, which worked here in about 1 minute because python3, make and g++ are installed and node-gyp found the Node headers locally (better-sqlite3 12.11.1 bundles SQLite 3.53.2); it was run from a scratch install via `BENCH_BETTER_SQLITE3`.',
    );
  for (const note of report.notes) lines.push(`- ${note}`);
  lines.push('');
  return lines.join('\n');
}

async function main() {
  const started = performance.now();
  const sizes = env('BENCH_SEARCH_SIZES', '10000,100000').split(',').map(Number);
  const vocabs = env('BENCH_SEARCH_VOCABS', 'generated,zipf').split(',');
  const queryCount = Number(env('BENCH_SEARCH_QUERIES', '500'));
  const limits = {
    timeoutS: Number(env('BENCH_SEARCH_TIMEOUT_S', '300')),
    maxRssMB: Number(env('BENCH_SEARCH_MAX_RSS_MB', '6144')),
  };
  const outDir = path.resolve(env('BENCH_SEARCH_OUT', path.join(ROOT, 'bench', 'results')));
  const notes = [];
  const engines = env('BENCH_SEARCH_ENGINES', 'broadsheet,minisearch,flexsearch,orama,sqlite-fts5')
    .split(',')
    .filter((engine) => {
      if (!ADAPTERS[engine]) throw new Error(`unknown engine ${engine}`);
      if (ADAPTERS[engine].available && !ADAPTERS[engine].available()) {
        notes.push(
          `${engine} skipped: not installed (set BENCH_BETTER_SQLITE3 to an installed better-sqlite3).`,
        );
        return false;
      }
      return true;
    });
  mkdirSync(SCRATCH, { recursive: true });
  for (const file of readdirSync(SCRATCH))
    if (/^docs-.*\.v8/.test(file)) rmSync(path.join(SCRATCH, file), { force: true });
  const machine = {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim(),
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    loadavgStart: os.loadavg()[0],
  };

  const runs = [];
  const queriesByVocab = {};
  for (const size of sizes) {
    const corpusDir = await corpusFor(size, notes);
    for (const vocab of vocabs) {
      const vocabulary = vocab === 'zipf' ? zipfVocabulary() : null;
      const queriesFile = path.join(SCRATCH, `queries-${vocab}.json`);
      if (!queriesByVocab[vocab]) {
        const sampleDocs = loadDocs(corpusDir, Math.min(200, size), vocabulary);
        queriesByVocab[vocab] = makeQueries({ vocab, vocabulary, sampleDocs, count: queryCount });
        writeFileSync(queriesFile, JSON.stringify(queriesByVocab[vocab]));
      }
      for (const engine of engines) {
        console.log(`${engine}: ${size} articles, ${vocab} vocabulary`);
        const record = await runEngine(
          engine,
          { engine, corpusDir, count: size, vocab, queriesFile, scratch: SCRATCH },
          limits,
        );
        runs.push({ ...record, count: size, vocab, corpus: corpusDir });
      }
    }
  }

  machine.loadavgEnd = os.loadavg()[0];
  const report = {
    date: new Date().toISOString(),
    machine,
    limits,
    queryCount,
    sampleQueries: Object.fromEntries(
      Object.entries(queriesByVocab).map(([vocab, queries]) => [
        vocab,
        queries.slice(0, 12).map((q) => q.text),
      ]),
    ),
    totalS: (performance.now() - started) / 1000,
    notes,
    runs,
  };
  notes.push(
    'Phrase queries run as plain multi-term queries on the JavaScript engines (none of them indexes positions); FTS5 runs them as real phrases. Typo queries find nothing on FTS5 (no fuzzy matching).',
    'FlexSearch ranks by term position within a field, not by term frequency; its "boost" shifts score slots rather than multiplying scores, so its top 20 are not comparable in quality to the BM25 engines.',
  );
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'search-engines.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'search-engines.md'), markdown(report));
  console.log(`Wrote ${path.join(outDir, 'search-engines.md')} and search-engines.json`);
}

if (process.argv[2] === '--child') {
  runChild(JSON.parse(process.argv[3])).catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else if (process.argv[2] === '--markdown') {
  // Re-renders search-engines.md from search-engines.json, e.g. after editing the notes.
  const outDir = path.resolve(env('BENCH_SEARCH_OUT', path.join(ROOT, 'bench', 'results')));
  const report = JSON.parse(readFileSync(path.join(outDir, 'search-engines.json'), 'utf8'));
  writeFileSync(path.join(outDir, 'search-engines.md'), markdown(report));
} else if (SELF === path.resolve(process.argv[1] ?? '')) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
