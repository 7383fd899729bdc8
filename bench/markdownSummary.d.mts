/** Types for bench/markdownSummary.mjs, which bench/markdownStage.ts imports. */
export type MarkdownShard = { bytes: number; seconds: number; timingsMs: number[] };
export function summarizeMarkdownStage(shards: MarkdownShard[]): Record<string, number>;
