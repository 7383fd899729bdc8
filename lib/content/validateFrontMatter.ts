import { z } from 'zod';
import type { ContentIssue } from './errors';
import type { FrontMatterFile } from './frontMatter';

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ContentIssue[] };

/** Runs a raw schema over parsed front matter; every zod issue becomes one line for the editor. */
export function validateFrontMatter<S extends z.ZodType>(
  schema: S,
  frontMatter: FrontMatterFile,
  file: string,
): Validated<z.output<S>> {
  const result = schema.safeParse(frontMatter.data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };

  const issues: ContentIssue[] = [];
  const reported = new Set<string>();
  for (const issue of result.error.issues.flatMap((issue) => unionBranchIssues(issue))) {
    // One line per field: zod may add a length issue after a type issue for the same value.
    const key = JSON.stringify(issue.path.map(String));
    if (issue.code !== 'unrecognized_keys') {
      if (reported.has(key)) continue;
      reported.add(key);
    }
    if (issue.code === 'unrecognized_keys') {
      // Known fields of the mapping the key sits in: the article's, or a photo's for `image.x`.
      const known = knownFields(schemaAt(schema, issue.path));
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const suggestion = closest(key, known);
        issues.push({
          kind: 'field',
          file,
          line: frontMatter.lineOf(path),
          field: fieldName(path),
          message:
            'unknown field' + (suggestion ? ` (did you mean "${suggestion}"?)` : ` (known: ${known.join(', ')})`),
        });
      }
      continue;
    }
    issues.push({
      kind: 'field',
      file,
      line: frontMatter.lineOf(issue.path),
      field: issue.path.length > 0 ? fieldName(issue.path) : 'front matter',
      message: issue.message + writtenAs(issue, frontMatter.sourceOf(issue.path), schemaAt(schema, issue.path)),
    });
  }
  return { ok: false, issues };
}

/**
 * A value that fits no branch of a union (`author: [5]` is neither an id nor a list of ids)
 * makes zod report the union as a whole. When the value has the shape of exactly one branch
 * (it is a list), that branch's own issues say what is wrong inside it (`author[0]`), so
 * those are reported instead.
 */
function unionBranchIssues(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const shaped = issue.errors.filter(
    (branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
  );
  const [branch] = shaped;
  if (shaped.length !== 1 || !branch || branch.length === 0) return [issue];
  return branch.flatMap((inner) => unionBranchIssues({ ...inner, path: [...issue.path, ...inner.path] }));
}

/**
 * YAML silently turns `0o17` into 15 and `~` into null; when the value zod saw is not what the
 * editor typed, say what they typed. When quoting what they typed would make it valid (a
 * headline `1984`, a section id `2026`), say so.
 */
function writtenAs(issue: z.core.$ZodIssue, source: string | undefined, field: Schema | undefined): string {
  if (issue.code !== 'invalid_type' || !('input' in issue)) return '';
  const input = issue.input;
  if (typeof input === 'string' || input === undefined) return '';
  const typed = source ?? String(input);
  if (
    issue.expected === 'string' &&
    (typeof input === 'number' || typeof input === 'boolean') &&
    field !== undefined &&
    z.safeParse(field, typed).success
  ) {
    return ` (put it in quotes: "${typed}")`;
  }
  return typed !== '' && typed !== String(input) ? ` (written as ${typed})` : '';
}

type Schema = z.core.$ZodType;

/**
 * The schema of the value at `path` (`['image', 'alt']`, `['author', 0]`), looking through
 * optional and default wrappers, lists and unions; undefined when the schema has no such place.
 */
function schemaAt(schema: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let current: Schema | undefined = schema;
  for (const key of path) current = current && childSchema(unwrap(current), key);
  return current;
}

function childSchema(schema: Schema, key: PropertyKey): Schema | undefined {
  if (schema instanceof z.core.$ZodObject && typeof key === 'string') {
    const shape: Record<string, Schema | undefined> = schema._zod.def.shape;
    return Object.hasOwn(shape, key) ? shape[key] : undefined;
  }
  if (schema instanceof z.core.$ZodArray && typeof key === 'number') return schema._zod.def.element;
  if (schema instanceof z.core.$ZodUnion) {
    for (const option of schema._zod.def.options) {
      const child = childSchema(unwrap(option), key);
      if (child) return child;
    }
  }
  return undefined;
}

function unwrap(schema: Schema): Schema {
  if (schema instanceof z.core.$ZodOptional || schema instanceof z.core.$ZodDefault) {
    return unwrap(schema._zod.def.innerType);
  }
  return schema;
}

/** `summary[1]`, `image.alt`: how a path into front matter reads in an error line. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function knownFields(schema: Schema | undefined): string[] {
  const inner = schema && unwrap(schema);
  return inner instanceof z.core.$ZodObject ? Object.keys(inner._zod.def.shape) : [];
}

/** The known field a typo most likely meant: within two edits, or the same ignoring case. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
