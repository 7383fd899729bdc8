/** Types for scripts/seededRandom.mjs, which bench/searchIndex.ts imports. */
export function seededRandom(seed: number): () => number;
