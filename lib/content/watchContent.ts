import { readdirSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import path from 'node:path';
import { regenerateAllPages } from '../cache/pageRegeneration';
import { defaultLocation } from './contentLocation';
import type { ContentLocation } from './contentLocation';

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

/** A `git pull` writes many files at once: wait this long for the burst to end. */
const SETTLE_MS = 50;

/**
 * A running server's watch on its content (started by instrumentation.ts when the server
 * starts, before any page is asked for): after a change to `content/` or `public/images/` it
 * asks the server to reload and regenerate (`regenerateAllPages`). One request at a time: a
 * change while one is under way means one more after it.
 */
export function regenerateOnContentChange(location: ContentLocation = defaultLocation()): () => void {
  const state: { timer?: NodeJS.Timeout; running: boolean; again: boolean } = { running: false, again: false };
  const soon = () => {
    clearTimeout(state.timer);
    state.timer = setTimeout(run, SETTLE_MS);
    state.timer.unref();
  };
  const run = async () => {
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    await regenerateAllPages('content');
    state.running = false;
    if (state.again) {
      state.again = false;
      soon();
    }
  };
  const stop = watchFolders([location.contentDir, path.join(location.publicDir, 'images')], soon);
  return () => {
    clearTimeout(state.timer);
    stop();
  };
}
