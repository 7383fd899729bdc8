import type { z } from 'zod';
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

  const known = knownFields(schema);
  const issues: ContentIssue[] = [];
  const reported = new Set<string>();
  for (const issue of result.error.issues) {
    // One line per field: zod may add a length issue after a type issue for the same value.
    const key = JSON.stringify(issue.path.map(String));
    if (issue.code !== 'unrecognized_keys') {
      if (reported.has(key)) continue;
      reported.add(key);
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const suggestion = closest(key, issue.path.length === 0 ? known : []);
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
      message: issue.message + writtenAs(issue, frontMatter.sourceOf(issue.path)),
    });
  }
  return { ok: false, issues };
}

/**
 * YAML silently turns `0o17` into 15 and `~` into null; when the value zod saw is not what the
 * editor typed, say what they typed.
 */
function writtenAs(issue: z.core.$ZodIssue, source: string | undefined): string {
  if (issue.code !== 'invalid_type' || !('input' in issue)) return '';
  const input = issue.input;
  if (typeof input === 'string' || input === undefined) return '';
  const typed = source ?? String(input);
  if (issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
    return ` (put it in quotes: "${typed}")`;
  }
  return typed !== String(input) ? ` (written as ${typed})` : '';
}

/** `summary[1]`, `image.alt`: how a path into front matter reads in an error line. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function knownFields(schema: z.ZodType): string[] {
  if (!('shape' in schema)) return [];
  const shape: unknown = schema.shape;
  return shape !== null && typeof shape === 'object' ? Object.keys(shape) : [];
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
