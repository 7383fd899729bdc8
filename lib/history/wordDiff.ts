/**
 * A word-level diff of two texts, for showing readers what changed between revisions. Pure:
 * no I/O. Words come from `Intl.Segmenter` (so Chinese and Japanese text splits into words,
 * not whole runs), whitespace and punctuation are tokens of their own, and joining every part's
 * text in order gives back the old text (same + del) and the new text (same + ins).
 */

/** One run of the diff: unchanged text, text removed, or text added. */
export type DiffPart = { kind: 'same' | 'del' | 'ins'; text: string };

/** Past this many token comparisons (n × m) the diff is done by paragraph, so a page cannot hang. */
export const MAX_WORD_CELLS = 4_000_000;

const SEGMENTER = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * Whitespace runs, runs of scripts written without spaces (split into words by
 * `Intl.Segmenter`, which is slow, so only they go through it), words, single other marks.
 */
const TOKEN =
  /\s+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|./gsu;
const UNSPACED =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Words, runs of whitespace and single punctuation marks, in order. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const [token] of text.matchAll(TOKEN)) {
    if (UNSPACED.test(token)) {
      for (const { segment } of SEGMENTER.segment(token)) tokens.push(segment);
    } else tokens.push(token);
  }
  return tokens;
}

/** Paragraphs with the blank lines after them, so joining them gives back the text. */
export function paragraphs(text: string): string[] {
  return text.split(/(?<=\n\s*\n)(?=\S)/);
}

/**
 * The diff of `before` and `after` by word. The text both share at the start and the end is
 * set aside first, so a comma changed in a long story is still diffed by word; only when what
 * is left is very large is it diffed by paragraph.
 */
export function wordDiff(
  before: string,
  after: string,
  maxCells: number = MAX_WORD_CELLS,
): DiffPart[] {
  const oldTokens = tokenize(before);
  const newTokens = tokenize(after);
  const { start, endA, endB } = commonEnds(oldTokens, newTokens);
  const a = oldTokens.slice(start, endA);
  const b = newTokens.slice(start, endB);
  const middle =
    a.length * b.length <= maxCells
      ? lcsDiff(a, b)
      : coarseDiff(paragraphs(a.join('')), paragraphs(b.join('')), maxCells);
  const same = (tokens: string[]): DiffPart[] =>
    tokens.length > 0 ? [{ kind: 'same', text: tokens.join('') }] : [];
  return absorbSpaces(
    mergeRuns([...same(oldTokens.slice(0, start)), ...middle, ...same(oldTokens.slice(endA))]),
  );
}

/** By paragraph; if even that is too large, the whole text was replaced. */
function coarseDiff(oldParas: string[], newParas: string[], maxCells: number): DiffPart[] {
  if (oldParas.length * newParas.length <= maxCells) return diffTokens(oldParas, newParas);
  const before = oldParas.join('');
  const after = newParas.join('');
  if (before === after) return [{ kind: 'same', text: before }];
  return [
    { kind: 'del', text: before },
    { kind: 'ins', text: after },
  ];
}

/** How many items `a` and `b` share at the start, and where their shared ends begin. */
function commonEnds(a: readonly string[], b: readonly string[]) {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, endA, endB };
}

/** Longest common subsequence of two lists, after trimming their common ends. */
function diffTokens(a: string[], b: string[]): DiffPart[] {
  const { start, endA, endB } = commonEnds(a, b);
  const head = a.slice(0, start).map((text): DiffPart => ({ kind: 'same', text }));
  const tail = a.slice(endA).map((text): DiffPart => ({ kind: 'same', text }));
  return [...head, ...lcsDiff(a.slice(start, endA), b.slice(start, endB)), ...tail];
}

function lcsDiff(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  // lengths[i * width + j]: LCS length of a[i..] and b[j..].
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      parts.push({ kind: 'same', text: a[i++] ?? '' });
      j++;
    } else if (
      j < m &&
      (i === n || (lengths[i * width + j + 1] ?? 0) >= (lengths[(i + 1) * width + j] ?? 0))
    ) {
      parts.push({ kind: 'ins', text: b[j++] ?? '' });
    } else {
      parts.push({ kind: 'del', text: a[i++] ?? '' });
    }
  }
  return parts;
}

/** Adjacent parts of one kind joined; within a changed stretch, deletions before insertions. */
function mergeRuns(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) merged.push({ kind: 'del', text: del });
    if (ins) merged.push({ kind: 'ins', text: ins });
    del = '';
    ins = '';
  };
  for (const part of parts) {
    if (part.kind === 'del') del += part.text;
    else if (part.kind === 'ins') ins += part.text;
    else {
      flush();
      const last = merged[merged.length - 1];
      if (last?.kind === 'same') last.text += part.text;
      else merged.push({ ...part });
    }
  }
  flush();
  return merged;
}

/**
 * "a b c" → "x y z" reads better as one replaced phrase than as three words replaced around
 * two unchanged spaces: whitespace alone between two changes joins them.
 */
function absorbSpaces(parts: DiffPart[]): DiffPart[] {
  const changed = (part: DiffPart | undefined) => part !== undefined && part.kind !== 'same';
  const flat: DiffPart[] = [];
  parts.forEach((part, index) => {
    if (
      part.kind === 'same' &&
      /^\s+$/.test(part.text) &&
      changed(parts[index - 1]) &&
      changed(parts[index + 1])
    ) {
      flat.push({ kind: 'del', text: part.text }, { kind: 'ins', text: part.text });
    } else flat.push(part);
  });
  return flat.length === parts.length ? parts : mergeRuns(flat);
}
