import type { NextConfig } from 'next';
import { env } from './lib/config/env';
import { PHOTO_WIDTHS } from './lib/images/optimizedPhoto';
import { ICON_CACHE_CONTROL, ICON_PATHS, PAGE_CACHE_CONTROL } from './lib/http/cacheControl';
import { securityHeaders, STRICT_TRANSPORT_SECURITY } from './lib/security/headers';

const config: NextConfig = {
  poweredByHeader: false,
  // Next hashes every page it sends to make its ETag, character by character: a fifth of the
  // server's time under load (measured with --cpu-prof). Pages change only with content and
  // are small once gzipped, so a reader's browser fetching one again costs less than that.
  generateEtags: false,
  reactStrictMode: true,
  experimental: {
    // app/global-not-found.tsx: the not-found page stays out of every other page's payload.
    globalNotFound: true,
  },
  // The build script builds into a fresh folder and swaps it in only on success.
  distDir: env.BROADSHEET_DIST_DIR,
  // Types are checked by `npm test` (and CI) on every change to the code; the build runs on
  // every content change, where checking unchanged code again would only cost time.
  typescript: { ignoreBuildErrors: true },
  images: {
    // WebP only: AVIF decoding in the image optimizer was the path of the August 2026 RCE
    // (GHSA-2xp9-vwfh-vxw4); the patched releases turn it off, and so do we.
    formats: ['image/webp'],
    // The widths a photo is offered at (the Markdown body's photos use the same list). Next's
    // default list (eight widths up to 3840) put each photo's srcset twice into every page, in
    // the HTML and again in the React payload.
    deviceSizes: [...PHOTO_WIDTHS],
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: securityHeaders({ googleAds: env.NEXT_PUBLIC_AD_PROVIDER === 'gpt' }),
      },
      {
        // For a CDN in front (lib/http/cacheControl.ts). Not Next's own files, which carry
        // their own long-lived headers, nor the server's internal route, nor the preview
        // routes, which say no-store themselves.
        source: '/((?!_next/|internal/|api/).*)',
        headers: [{ key: 'Cache-Control', value: PAGE_CACHE_CONTROL }],
      },
      // After the rule above, which also matches them: the last matching value is sent.
      ...ICON_PATHS.map((source) => ({ source, headers: [{ key: 'Cache-Control', value: ICON_CACHE_CONTROL }] })),
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [STRICT_TRANSPORT_SECURITY],
      },
    ];
  },
};

export default config;
