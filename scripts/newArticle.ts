/**
 * `npm run new -- "Headline of the story" --section economy --author mei-lin-zhou`: starts a
 * story. Writes a draft to `content/articles/<yyyy>/<mm>/<slug>.md` (never over an existing
 * file) and prints its path and where to preview it. On a terminal, asks for whatever is
 * missing; otherwise a missing or unknown value is an error (exit code 2) and nothing is
 * written. The rules (slug, folder, front matter) are in `lib/editorial/newArticle.ts`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Interface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { now } from '../lib/config/clock';
import { site } from '../lib/config/site';
import { defaultLocation } from '../lib/content/contentLocation';
import { readCollection } from '../lib/content/readContentFiles';
import type { Collection } from '../lib/content/readContentFiles';
import {
  headlineProblem,
  normalizeHeadline,
  planArticle,
  previewAddress,
  unknownIdProblem,
} from '../lib/editorial/newArticle';
import type { StoryRequest } from '../lib/editorial/newArticle';

const USAGE = 'usage: npm run new -- "Headline of the story" --section <id> --author <id>';

type Given = { headline?: string; section?: string; author?: string };
type Known = { sections: string[]; authors: string[]; slugs: Set<string> };

/** Prints each problem as `npm run new: <problem>` (then the usage line if asked) and exits. */
function fail(problems: string[], code = 2, usage = false): never {
  for (const problem of problems) console.error(`npm run new: ${problem}`);
  if (usage) console.error(USAGE);
  process.exit(code);
}

function readArguments(): Given {
  try {
    const { values, positionals } = parseArgs({
      options: {
        section: { type: 'string' },
        author: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const headline = normalizeHeadline(positionals.join(' '));
    return {
      headline: headline || undefined,
      section: values.section?.trim(),
      author: values.author?.trim(),
    };
  } catch (error) {
    // Node's message goes on to explain `--`; its first sentence is the one that matters here.
    const message =
      error instanceof Error ? (error.message.split(/\.\s/)[0] ?? error.message) : String(error);
    // A headline that starts with "-" reads as an option: it goes last, after "--".
    const hint = /^Unknown option '-/.test(message) && !/^Unknown option '--[a-z][a-z-]*'$/.test(message)
      ? ' (a headline that starts with "-" goes last, after --: npm run new -- --section <id> --author <id> -- "-5% growth")'
      : '';
    return fail([`${message}${hint}`], 2, true);
  }
}

/** The ids that exist: file names in `content/sections/` and `content/authors/`, and every article slug. */
async function readKnown(projectRoot: string, contentDir: string): Promise<Known> {
  const ids = async (collection: Collection) => {
    const { files, issues } = await readCollection(projectRoot, contentDir, collection);
    // A refused file (a symbolic link, say) still holds its name on disk.
    const refused = issues.map((issue) => path.posix.basename(issue.file).replace(/\.md$/, ''));
    return {
      valid: files.map((file) => file.id),
      all: [...files.map((file) => file.id), ...refused],
    };
  };
  const [sections, authors, articles] = await Promise.all([
    ids('sections'),
    ids('authors'),
    ids('articles'),
  ]);
  return { sections: sections.valid, authors: authors.valid, slugs: new Set(articles.all) };
}

/** `missing the headline and --author`, or undefined when all three values were given. */
function missingLine(given: Given): string | undefined {
  const missing = [
    given.headline === undefined ? 'the headline' : undefined,
    given.section === undefined ? '--section' : undefined,
    given.author === undefined ? '--author' : undefined,
  ].filter((name) => name !== undefined);
  if (missing.length === 0) return undefined;
  return `missing ${missing.join(', ').replace(/, (?=[^,]*$)/, ' and ')}`;
}

/** Every problem with the values that were given, one line each. */
function problemsWith(given: Given, known: Known): string[] {
  return [
    given.headline === undefined ? undefined : headlineProblem(given.headline),
    given.section === undefined
      ? undefined
      : unknownIdProblem('section', given.section, known.sections),
    given.author === undefined
      ? undefined
      : unknownIdProblem('author', given.author, known.authors),
  ].filter((line) => line !== undefined);
}

/** Asks until the answer passes `check`; undefined when the editor ends input (Ctrl-D, Ctrl-C). */
async function askFor(
  rl: Interface,
  closed: Promise<undefined>,
  prompt: string,
  check: (answer: string) => string | undefined,
): Promise<string | undefined> {
  for (;;) {
    const answer = await Promise.race([rl.question(prompt), closed]);
    if (answer === undefined) return undefined;
    const value = normalizeHeadline(answer);
    const problem = value === '' ? 'an answer is needed' : check(value);
    if (!problem) return value;
    console.error(`  ${problem}`);
  }
}

/** On a terminal: asks for each value that is missing or unknown, showing the known ids. */
async function askForMissing(given: Given, known: Known): Promise<StoryRequest> {
  for (const problem of problemsWith(given, known)) console.error(problem);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const closed = new Promise<undefined>((resolve) => rl.once('close', () => resolve(undefined)));
  const ask = async (
    value: string | undefined,
    prompt: string,
    check: (answer: string) => string | undefined,
  ): Promise<string> => {
    if (value !== undefined && check(value) === undefined) return value;
    const answer = await askFor(rl, closed, prompt, check);
    if (answer === undefined) fail(['stopped; nothing was written'], 1);
    return answer;
  };
  const ids = (list: string[]) => [...list].sort().join(', ');
  const headline = await ask(given.headline, 'Headline: ', headlineProblem);
  const section = await ask(given.section, `Section (${ids(known.sections)}): `, (id) =>
    unknownIdProblem('section', id, known.sections),
  );
  const author = await ask(given.author, `Author (${ids(known.authors)}): `, (id) =>
    unknownIdProblem('author', id, known.authors),
  );
  rl.close();
  return { headline, section, author };
}

/** Writes the draft, never over an existing file, and says where it is and how to see it. */
function writeDraft(story: StoryRequest, known: Known, projectRoot: string): void {
  const planned = planArticle(story, {
    epochMs: now(),
    timeZone: site.timeZone,
    takenSlugs: known.slugs,
  });
  const absolute = path.join(projectRoot, planned.file);
  mkdirSync(path.dirname(absolute), { recursive: true });
  try {
    writeFileSync(absolute, planned.source, { flag: 'wx' });
  } catch (error) {
    const exists = error instanceof Error && 'code' in error && error.code === 'EEXIST';
    fail(
      [
        exists
          ? `${planned.file} already exists; nothing was written`
          : `cannot write ${planned.file}: ${String(error)}`,
      ],
      1,
    );
  }
  const previewSecret = process.env.PREVIEW_SECRET || undefined;
  const address = previewAddress(planned.slug, { previewSecret, port: process.env.PORT });
  console.log(`Wrote ${planned.file}`);
  console.log(
    `Preview: ${address}${previewSecret ? '' : ' (drafts show there while `npm run dev` is running)'}`,
  );
  console.log('When it is ready: set draft: false (or delete the line) and commit.');
}

const given = readArguments();
const location = defaultLocation(process.cwd());
if (!existsSync(location.contentDir)) {
  fail([`no content/ folder at ${location.contentDir} (is BROADSHEET_CONTENT_ROOT right?)`], 1);
}
const known = await readKnown(location.projectRoot, location.contentDir);
const missing = missingLine(given);
const problems = problemsWith(given, known);
let story: StoryRequest;
if (!missing && problems.length === 0 && given.headline && given.section && given.author) {
  story = { headline: given.headline, section: given.section, author: given.author };
} else if (process.stdin.isTTY) {
  story = await askForMissing(given, known);
} else {
  fail(missing ? [missing, ...problems] : problems, 2, missing !== undefined);
}
writeDraft(story, known, location.projectRoot);
