/**
 * One term's postings: the documents holding it, in the order they were added, each with how
 * often it occurs there (weighted by field). Kept compact, since a 100,000-article archive has
 * tens of millions of them: document numbers as varint-coded gaps, each followed by one byte of
 * weighted frequency, in a byte array that grows by doubling and is trimmed after a bulk load.
 */
export type Postings = {
  bytes: Uint8Array;
  /** Bytes in use. */
  length: number;
  /** The last document added: gaps are counted from it. */
  last: number;
  /** Documents added, removed ones included until the index is compacted. */
  count: number;
};

export function newPostings(): Postings {
  return { bytes: new Uint8Array(8), length: 0, last: -1, count: 0 };
}

/** Adds a document, numbered above every one added before. */
export function addPosting(postings: Postings, doc: number, frequency: number): void {
  ensureRoom(postings, 6);
  let gap = doc - postings.last;
  const { bytes } = postings;
  let at = postings.length;
  while (gap >= 0x80) {
    bytes[at++] = (gap & 0x7f) | 0x80;
    gap >>>= 7;
  }
  bytes[at++] = gap;
  bytes[at++] = Math.min(255, Math.max(1, Math.round(frequency)));
  postings.length = at;
  postings.last = doc;
  postings.count += 1;
}

function ensureRoom(postings: Postings, needed: number): void {
  if (postings.length + needed <= postings.bytes.length) return;
  const grown = new Uint8Array(Math.max(16, postings.bytes.length * 2));
  grown.set(postings.bytes.subarray(0, postings.length));
  postings.bytes = grown;
}

/** Drops the unused tail of the array: after a bulk load, most arrays are a third empty. */
export function trimPostings(postings: Postings): void {
  if (postings.bytes.length > postings.length) postings.bytes = postings.bytes.slice(0, postings.length);
}

/**
 * Calls `visit` with each document and its frequency, in order, until it returns true; true
 * when it did.
 */
export function scanPostings(postings: Postings, visit: (doc: number, frequency: number) => boolean | void): boolean {
  const { bytes, length } = postings;
  let doc = -1;
  let at = 0;
  while (at < length) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[at++] ?? 0;
      gap += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    doc += gap;
    if (visit(doc, bytes[at++] ?? 0) === true) return true;
  }
  return false;
}

/** Calls `visit` with each document and its frequency, in order. */
export function forEachPosting(postings: Postings, visit: (doc: number, frequency: number) => void): void {
  scanPostings(postings, (doc, frequency) => void visit(doc, frequency));
}

/** Whether any document in the list passes `test`; stops at the first that does. */
export function somePosting(postings: Postings, test: (doc: number) => boolean): boolean {
  return scanPostings(postings, (doc) => test(doc));
}
