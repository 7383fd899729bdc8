import { readdirSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import path from 'node:path';

/**
 * Calls `onChange` whenever a file below one of `roots` is added, changed, renamed or removed.
 *
 * One inotify watch per folder, not per file: Node 20's `recursive` option watches every file
 * separately, which for a 100,000-article archive would pass the kernel's limit on watches.
 * A watch on a folder already reports changes to the files in it. New sub-folders are picked
 * up when they appear. The watches do not keep the process alive.
 */
export function watchFolders(roots: readonly string[], onChange: () => void): () => void {
  const watchers = new Map<string, FSWatcher>();

  const add = (folder: string) => {
    if (watchers.has(folder)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: false }, () => {
        onChange();
        scan(folder);
      });
    } catch {
      return; // Gone already, or not a folder; its parent's watch reports it.
    }
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(folder);
      onChange();
    });
    watchers.set(folder, watcher);
    scan(folder);
  };

  const scan = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) add(path.join(folder, entry.name));
    }
  };

  for (const root of roots) add(root);
  return () => {
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
}
