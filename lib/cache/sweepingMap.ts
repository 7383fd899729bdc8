/**
 * A map that forgets what was not used between two sweeps. The content caches keep one entry
 * per file version; after a reload has touched every current file, a sweep drops the versions
 * that were edited away, so a long-running server does not pile up old renderings.
 */
export type SweepingMap<V> = {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  /** Forgets every entry not touched, read or written since the last sweep. */
  sweep(): void;
};

export function createSweepingMap<V>(): SweepingMap<V> {
  const entries = new Map<string, V>();
  const used = new Set<string>();
  return {
    get(key) {
      used.add(key);
      return entries.get(key);
    },
    set(key, value) {
      used.add(key);
      entries.set(key, value);
    },
    sweep() {
      for (const key of entries.keys()) if (!used.has(key)) entries.delete(key);
      used.clear();
    },
  };
}
