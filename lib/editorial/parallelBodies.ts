import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { ContentLocation } from '../content/contentLocation';
import type { ArticleRecord } from '../content/fileRecords';
import { createRecordCache } from '../content/fileRecords';
import { loadArticleFile } from '../content/loadFile';
import type { LoadCaches, LoadContext } from '../content/loadFile';
import { readCollection } from '../content/readContentFiles';
import type { ContentFile } from '../content/readContentFiles';
import { imageSizeReader } from '../images/imageSizes';
import type { BodyOutline } from '../markdown/bodyBlock';
import { createRenderCache } from '../markdown/renderCache';
import { recordingOutlines } from './collectWarnings';

/**
 * The whole-site content check's costly part, rendering every article body (about 5 ms each,
 * nearly all of it parsing Markdown), on every core. Before the check proper, this thread and
 * `threads - 1` worker threads take the article files a few at a time from one shared counter
 * (a worker that starts late takes fewer) and load each (`loadArticleFile`: split, render,
 * record). A worker sends back its files' records and their bodies' outlines; they go into the
 * check's caches, so the check then finds every article's record made (as a build's check
 * finds the records its Markdown processes made) and reports from it exactly what rendering
 * the file itself would have: same problems, same order, same warnings. A file no thread got
 * to, or one that changed meanwhile (a different stamp), is simply read again by the check.
 *
 * Workers run the script's own module (`workerUrl`): a bundle (scripts/runBundled.mjs), since
 * tsx's loader does not reach worker threads on Node 20.
 */

/** Below this many articles per thread, starting a worker costs more than it saves. */
const MIN_ARTICLES_PER_THREAD = 100;
/** Files taken from the counter at a time. */
const CHUNK = 8;

type Job = { location: ContentLocation; files: string[]; next: Int32Array };
type Done = { records: [string, ArticleRecord][]; outlines: [string, BodyOutline][] };

/** One thread per core, unless the site is too small to gain from more. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Renders every article body of the site into `caches` (and its records), on `threads`
 * threads; returns the outlines (links, photos) of the bodies the workers rendered, by hash.
 * With `force`, as many threads as asked however small the site (for tests).
 */
export async function renderBodiesInParallel(
  location: ContentLocation,
  caches: LoadCaches,
  options: { threads: number; force: boolean; workerUrl: URL },
): Promise<Map<string, BodyOutline>> {
  const { files } = await readCollection(location.projectRoot, location.contentDir, 'articles');
  const byThreads = Math.floor(files.length / MIN_ARTICLES_PER_THREAD);
  const threads = options.force ? options.threads : Math.min(options.threads, byThreads);
  const outlines = new Map<string, BodyOutline>();
  if (threads < 2) return outlines; // the check renders them itself
  const job: Job = {
    location,
    files: files.map((file) => file.file),
    next: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)),
  };
  const workers = Array.from({ length: threads - 1 }, () => startWorker(options.workerUrl, job));
  loadClaimed(files, job, { imageSize: imageSizeReader(location.publicDir), caches, issues: [] });
  for (const done of await Promise.all(workers)) {
    for (const [file, record] of done.records) caches.records.set(file, record);
    for (const [hash, outline] of done.outlines) outlines.set(hash, outline);
  }
  return outlines;
}

/** A worker's records, or none if it failed: the check then renders its files itself. */
function startWorker(url: URL, job: Job): Promise<Done> {
  const none: Done = { records: [], outlines: [] };
  return new Promise((resolve) => {
    const worker = new Worker(url, { workerData: job });
    worker.once('message', (done: Done) => resolve(done));
    worker.once('error', () => resolve(none));
    worker.once('exit', () => resolve(none));
  });
}

/**
 * Loads the files this thread takes from the shared counter, in chunks, until none is left.
 * Returns the names of those it took. The problems found are left to the check to report.
 */
function loadClaimed(files: readonly ContentFile[], job: Job, context: LoadContext): string[] {
  const byName = new Map(files.map((file) => [file.file, file]));
  const taken: string[] = [];
  for (;;) {
    const start = Atomics.add(job.next, 0, CHUNK);
    if (start >= job.files.length) return taken;
    for (const name of job.files.slice(start, start + CHUNK)) {
      const file = byName.get(name);
      if (file) loadArticleFile(file, context);
      taken.push(name);
    }
  }
}

/** In a worker thread started by `renderBodiesInParallel`: its share, sent back. */
export async function runBodyWorker(): Promise<void> {
  const job: Job = workerData;
  const { files } = await readCollection(
    job.location.projectRoot,
    job.location.contentDir,
    'articles',
  );
  const recorder = recordingOutlines(createRenderCache(undefined));
  const records = createRecordCache(undefined);
  const context: LoadContext = {
    imageSize: imageSizeReader(job.location.publicDir),
    caches: { render: recorder.cache, records },
    issues: [],
  };
  const done: Done = { records: [], outlines: [] };
  for (const name of loadClaimed(files, job, context)) {
    const record = records.latest(name);
    const outline = record?.body && recorder.outlineOf(record.body.hash);
    if (!record?.body || !outline) continue;
    done.records.push([name, record]);
    done.outlines.push([record.body.hash, outline]);
  }
  parentPort?.postMessage(done);
}
