/// <reference types="google-publisher-tag" />
import type { AdSize } from '../inventory';
import type { AdProvider, AdRequest } from './types';

/**
 * Google Publisher Tag (Google Ad Manager), written against GPT's documented API: the library
 * is loaded only when this provider is configured and a slot first nears the viewport; each
 * slot is defined with its allowed sizes, displayed, and resolved when `slotRenderEnded`
 * reports what (if anything) rendered. Never loaded in tests.
 *
 * Switched on at build time with `NEXT_PUBLIC_AD_PROVIDER=gpt` and
 * `NEXT_PUBLIC_GPT_AD_UNIT_PATH=/<network code>/<ad unit>`.
 */
const GPT_SRC = 'https://securepagead2.googlesyndication.com/tag/js/gpt.js';

let loading: Promise<void> | undefined;

function loadGpt(): Promise<void> {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = GPT_SRC;
    script.async = true;
    script.crossOrigin = 'anonymous';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('Google Publisher Tag failed to load'));
    document.head.append(script);
  });
  return loading;
}

let servicesEnabled = false;

export function googlePublisherTagProvider(adUnitPath: string): AdProvider {
  return {
    name: 'gpt',
    async fill(request: AdRequest) {
      await loadGpt();
      const container = request.container;
      container.id ||= `gpt-${request.slotId}`;
      return new Promise<AdSize | null>((resolve) => {
        googletag.cmd.push(() => {
          const slot = googletag.defineSlot(
            adUnitPath,
            request.sizes.map((size): [number, number] => [size.width, size.height]),
            container.id,
          );
          if (!slot) {
            resolve(null);
            return;
          }
          slot.addService(googletag.pubads()).setTargeting('path', request.path);
          const onRender = (event: googletag.events.SlotRenderEndedEvent) => {
            if (event.slot !== slot) return;
            googletag.pubads().removeEventListener('slotRenderEnded', onRender);
            const [width, height] = Array.isArray(event.size) ? event.size : [0, 0];
            resolve(event.isEmpty ? null : { width: Number(width), height: Number(height) });
          };
          googletag.pubads().addEventListener('slotRenderEnded', onRender);
          if (!servicesEnabled) {
            googletag.pubads().enableSingleRequest();
            googletag.enableServices();
            servicesEnabled = true;
          }
          googletag.display(container.id);
        });
      });
    },
  };
}
