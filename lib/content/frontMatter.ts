import matter from 'gray-matter';
import { isAlias, isCollection, isMap, isNode, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import type { ContentIssue } from './errors';
import { describeIndicatorAsText, describeYamlError } from './yamlMessages';

/** A Markdown file split into its parsed front matter and its body. */
export type FrontMatterFile = {
  /** The parsed front matter: plain data, still unvalidated. */
  data: unknown;
  /** The Markdown after the closing `---`. */
  body: string;
  /** The file line on which the body starts, to turn body positions into file lines. */
  bodyStartLine: number;
  /** The file line of a front-matter value (or its key), for error messages. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
  /** A value exactly as the editor typed it (`0o17`, `~`), to explain what YAML made of it. */
  sourceOf: (path: readonly PropertyKey[]) => string | undefined;
};

export type SplitResult =
  | { ok: true; file: FrontMatterFile }
  /** `body` when the file's `---` lines were found, so its body can still be checked. */
  | { ok: false; issues: ContentIssue[]; body?: { markdown: string; startLine: number } };

class ForbiddenFrontMatterLanguage extends Error {
  constructor(readonly language: string) {
    super(`must be YAML, not "${language}"; it was not evaluated`);
  }
}

function refuse(language: string) {
  return {
    parse(): never {
      throw new ForbiddenFrontMatterLanguage(language);
    },
  };
}

/**
 * gray-matter evaluates `---js` front matter with `eval` by default. Every engine it knows is
 * replaced: YAML is captured as text (and parsed below with a strict parser), everything else
 * is refused before it runs. A language gray-matter does not know makes it throw, which is
 * reported the same way.
 */
const GRAY_MATTER_OPTIONS = {
  language: 'yaml',
  engines: {
    yaml: { parse: () => ({}) },
    javascript: refuse('javascript'),
    js: refuse('js'),
    json: refuse('json'),
    coffee: refuse('coffee'),
    coffeescript: refuse('coffeescript'),
    cson: refuse('cson'),
    toml: refuse('toml'),
  },
};

const OPENING = /^---[^\n]*\n/;
const CLOSING = /\n---[ \t]*(?:\n|$)/;

/** Splits a Markdown file into front matter and body. Never evaluates anything. */
export function splitFrontMatter(rawText: string, file: string): SplitResult {
  const text = rawText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fail = (message: string, line?: number): SplitResult => ({
    ok: false,
    issues: [{ kind: 'front-matter', file, line, field: 'front matter', message }],
  });

  if (!OPENING.test(text)) {
    return fail('missing: the file must start with a line "---", then YAML, then "---"', 1);
  }
  const afterOpening = text.slice(text.indexOf('\n'));
  if (!CLOSING.test(afterOpening)) {
    return fail('no closing "---" line after the front matter', 1);
  }

  let parsed: { matter?: string; content: string; language?: string };
  try {
    parsed = matter(text, GRAY_MATTER_OPTIONS);
  } catch (error) {
    if (error instanceof ForbiddenFrontMatterLanguage) return fail(error.message, 1);
    const language = text.slice(3, text.indexOf('\n')).trim();
    return fail(`must be YAML, not "${language}"; it was not evaluated`, 1);
  }
  const language = (parsed.language ?? 'yaml').toLowerCase();
  if (language !== 'yaml' && language !== 'yml') {
    return fail(`must be YAML, not "${language}"; it was not evaluated`, 1);
  }

  // gray-matter keeps the rest of the opening line in `matter`, so YAML line N is file line N.
  const yamlText = parsed.matter ?? '';
  const yaml = parseStrictYaml(yamlText, file);
  const bodyOffset = text.length - parsed.content.length;
  const bodyStartLine = countLines(text.slice(0, bodyOffset)) + 1;
  if (!yaml.ok) return { ...yaml, body: { markdown: parsed.content, startLine: bodyStartLine } };

  return {
    ok: true,
    file: { data: yaml.data, body: parsed.content, bodyStartLine, lineOf: yaml.lineOf, sourceOf: yaml.sourceOf },
  };
}

type YamlResult =
  | { ok: true; data: unknown; lineOf: FrontMatterFile['lineOf']; sourceOf: FrontMatterFile['sourceOf'] }
  | { ok: false; issues: ContentIssue[] };

/**
 * YAML 1.2 core schema: no implicit dates, no `yes`/`no` booleans, no custom tags. Anchors and
 * aliases are refused outright (front matter never needs them, and they are how alias bombs
 * work), so is any duplicate key, merge key or tag.
 */
function parseStrictYaml(source: string, file: string): YamlResult {
  const { doc, lineAt } = parseYaml(source);
  const issues: ContentIssue[] = [];
  const report = (offset: number | undefined, message: string, field?: string) =>
    issues.push({
      kind: 'front-matter',
      file,
      line: offset === undefined ? undefined : lineAt(offset),
      field: field ?? 'front matter',
      message,
    });

  for (const error of errorsToReport(doc)) {
    if (error.code === 'TAG_RESOLVE_FAILED') {
      report(error.pos[0], refusedTag(error.message));
    } else {
      issues.push({ kind: 'front-matter', file, ...describeYamlError(source, error) });
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  refuseAdvancedYaml(doc, source, file, report, issues);
  if (issues.length > 0) return { ok: false, issues };

  if (doc.contents !== null && !isMap(doc.contents)) {
    report(doc.contents.range?.[0], 'must be "field: value" lines, not a list or plain text');
    return { ok: false, issues };
  }

  const data: unknown = doc.toJS({ maxAliasCount: 0 }) ?? {};
  // Line numbers are only wanted for error lines, which are rare: the parsed document is
  // dropped here and parsed again on demand, so a loaded site does not keep 10,000 of them.
  let again: ReturnType<typeof parseYaml> | undefined;
  const reparsed = () => (again ??= parseYaml(source));
  return {
    ok: true,
    data,
    lineOf: (path) => lineOfPath(reparsed().doc, path, reparsed().lineAt),
    sourceOf: (path) => {
      const node = reparsed().doc.getIn([...path].filter((key) => typeof key !== 'symbol'), true);
      return isScalar(node) && node.range ? source.slice(node.range[0], node.range[1]).trim() : undefined;
    },
  };
}

function parseYaml(source: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, {
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    lineCounter,
  });
  return { doc, lineAt: (offset: number) => lineCounter.linePos(offset).line };
}

type Report = (offset: number | undefined, message: string) => void;

/**
 * Anchors, aliases, tags other than `!!str`, and merge keys. `title: &Co results` and
 * `location: *Shanghai` (no anchor of that name) are YAML to the parser but text to the editor
 * who wrote them: those are reported as values to put in quotes.
 */
function refuseAdvancedYaml(doc: Document, source: string, file: string, report: Report, issues: ContentIssue[]) {
  const anchors = new Set<string>();
  const refuse = (offset: number | undefined, asText: boolean, message: string) => {
    const advice = asText && offset !== undefined ? describeIndicatorAsText(source, offset) : undefined;
    if (advice) issues.push({ kind: 'front-matter', file, ...advice });
    else report(offset, message);
  };
  visit(doc, {
    Alias(_, node) {
      refuse(node.range?.[0], !anchors.has(node.source), 'YAML aliases (*name) are not allowed in front matter');
      return visit.SKIP;
    },
    Node(_, node) {
      if (node.anchor) {
        anchors.add(node.anchor);
        const plain = isScalar(node) && node.type === 'PLAIN';
        refuse(node.range?.[0], plain, 'YAML anchors (&name) are not allowed in front matter');
      }
      if (node.tag && !isPlainTag(node.tag)) {
        report(node.range?.[0], `YAML tags such as "${shortTag(node.tag)}" are not allowed in front matter`);
      }
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '<<') {
        report(pair.key.range?.[0], 'YAML merge keys (<<) are not allowed in front matter');
      }
      const fieldName = nameProblem(pair.key, source);
      if (fieldName) report(fieldName.offset, fieldName.message);
    },
  });
}

/**
 * A key that cannot be a field's name: none at all (`: value`, `"": value`), YAML's null
 * (`~: value`), or a list or mapping (`[a, b]: value`). Other keys, numbers and `true` included, are names and
 * meet the unknown-field check.
 */
function nameProblem(key: unknown, source: string): { offset?: number; message: string } | undefined {
  if (isCollection(key)) {
    return { offset: key.range?.[0], message: 'a field name must be a word, not a list or a mapping' };
  }
  if (!isScalar(key)) return undefined;
  const offset = key.range?.[0];
  if (typeof key.value === 'string' && key.value.trim() === '') {
    return { offset, message: 'a field name is missing before ":"' };
  }
  if (key.value !== null) return undefined;
  const written = key.range ? source.slice(key.range[0], key.range[1]).trim() : '';
  const message = written
    ? `"${written}" is not a field name: YAML reads it as nothing`
    : 'a field name is missing before ":"';
  return { offset, message };
}

/** `!!str` only forces a value to be text, which is harmless; every other tag is refused. */
function isPlainTag(tag: string): boolean {
  return tag === 'tag:yaml.org,2002:str';
}

function shortTag(tag: string): string {
  return tag.replace(/^tag:yaml\.org,2002:/, '!!');
}

/** Errors that stand on their own; any other error leaves the parser lost for the rest of the file. */
const INDEPENDENT_ERRORS: ReadonlySet<string> = new Set(['DUPLICATE_KEY', 'TAG_RESOLVE_FAILED']);

/**
 * After a syntax error the parser is lost, and what it reports next is mostly an echo of the
 * first mistake (a missing quote can make 40 more), so only the first is reported. Duplicate
 * keys and tags are found separately and each is reported.
 */
function errorsToReport(doc: Document): YAMLError[] {
  const firstSyntaxError = doc.errors.find((error) => !INDEPENDENT_ERRORS.has(error.code));
  const errors = doc.errors.filter((error) => error === firstSyntaxError || INDEPENDENT_ERRORS.has(error.code));
  return [...errors, ...doc.warnings].sort((a, b) => a.pos[0] - b.pos[0]);
}

function refusedTag(message: string): string {
  const tag = /Unresolved tag: (\S+)/.exec(message)?.[1] ?? 'this tag';
  return `YAML tags such as "${shortTag(tag)}" are not allowed in front matter`;
}

function lineOfPath(
  doc: Document,
  path: readonly PropertyKey[],
  lineAt: (offset: number) => number,
): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined;
  for (const key of path) {
    if (!isCollection(node)) break;
    const keyValue = typeof key === 'symbol' ? undefined : key;
    if (keyValue === undefined) break;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === keyValue);
      if (!pair) break;
      const keyNode: unknown = pair.key;
      if (isNode(keyNode) && keyNode.range) line = lineAt(keyNode.range[0]);
      node = pair.value;
    } else {
      const item: unknown = node.items[Number(keyValue)];
      node = item;
    }
    if (isNode(node) && !isAlias(node) && node.range) line = lineAt(node.range[0]);
  }
  return line;
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
