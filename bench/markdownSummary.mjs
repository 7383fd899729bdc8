/**
 * Merges per-process Markdown-stage timings ({ bytes, seconds, timingsMs }) into the figures
 * the results report. Processes run side by side, so wall time is the slowest one's.
 */
export function summarizeMarkdownStage(shards) {
  const timings = shards.flatMap((shard) => shard.timingsMs).sort((a, b) => a - b);
  const bytes = shards.reduce((sum, shard) => sum + shard.bytes, 0);
  const wallSeconds = Math.max(...shards.map((shard) => shard.seconds));
  const cpuSeconds = timings.reduce((sum, value) => sum + value, 0) / 1000;
  const at = (fraction) => timings[Math.min(timings.length - 1, Math.floor(timings.length * fraction))] ?? 0;
  const slowest = timings.slice(Math.floor(timings.length * 0.99));
  const slowestMeanMs = slowest.reduce((sum, value) => sum + value, 0) / Math.max(1, slowest.length);
  return {
    files: timings.length,
    processes: shards.length,
    megabytes: +(bytes / 1e6).toFixed(2),
    wallSeconds: +wallSeconds.toFixed(2),
    megabytesPerSecond: +(bytes / 1e6 / wallSeconds).toFixed(2),
    megabytesPerSecondPerCore: +(bytes / 1e6 / cpuSeconds).toFixed(2),
    medianMs: +at(0.5).toFixed(2),
    p99Ms: +at(0.99).toFixed(2),
    slowestOnePercentMeanMs: +slowestMeanMs.toFixed(2),
    slowestToMedian: +(slowestMeanMs / at(0.5)).toFixed(1),
  };
}
