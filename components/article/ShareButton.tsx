'use client';

import { useSyncExternalStore } from 'react';

type Props = {
  title: string;
  /** The story's canonical absolute URL. */
  url: string;
};

const subscribe = () => () => {};
const canShare = () => typeof navigator.share === 'function';
const onServer = () => false;

/**
 * "Share…": the browser's own share sheet, where there is one. Nothing is rendered on the
 * server or where `navigator.share` is missing, so the plain links beside it (`ShareLinks`)
 * are all a reader without it, or without JavaScript, ever sees.
 */
export function ShareButton({ title, url }: Props) {
  const available = useSyncExternalStore(subscribe, canShare, onServer);
  if (!available) return null;
  return (
    <button
      type="button"
      className="share__button"
      onClick={() => {
        // Rejects when the reader closes the sheet: nothing to do.
        navigator.share({ title, url }).catch(() => {});
      }}
    >
      Share…
    </button>
  );
}
