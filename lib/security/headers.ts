/**
 * The HTTP security headers every response carries (next.config.ts applies them to every
 * path, 404s included). Each CSP allowance beyond 'self' is there for a reason named here.
 */

const GPT_SCRIPT_HOSTS = [
  'https://securepagead2.googlesyndication.com',
  'https://pagead2.googlesyndication.com',
  'https://tpc.googlesyndication.com',
  'https://www.googletagservices.com',
];
const GPT_FRAME_HOSTS = ['https://securepagead2.googlesyndication.com', 'https://tpc.googlesyndication.com', 'https://googleads.g.doubleclick.net'];
const GPT_CONNECT_HOSTS = ['https://securepagead2.googlesyndication.com', 'https://pagead2.googlesyndication.com', 'https://googleads.g.doubleclick.net'];

export type HeaderOptions = {
  /** Google Publisher Tag is switched on (`NEXT_PUBLIC_AD_PROVIDER=gpt`): allow its hosts. */
  googleAds: boolean;
};

function contentSecurityPolicy({ googleAds }: HeaderOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // 'unsafe-inline': Next.js streams each statically built page's data as inline <script>
    // elements whose text differs per page. Nonces need a per-request render (which static
    // pages do not have) and hashes would have to be computed per page after the build.
    'script-src': ["'self'", "'unsafe-inline'", ...(googleAds ? GPT_SCRIPT_HOSTS : [])],
    // 'unsafe-inline': next/image and the ad slots' reserved heights use style attributes.
    'style-src': ["'self'", "'unsafe-inline'"],
    // data: for next/image's blur placeholders; https: only when third-party ads may show images.
    'img-src': ["'self'", 'data:', ...(googleAds ? ['https:'] : [])],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(googleAds ? GPT_CONNECT_HOSTS : [])],
    'frame-src': googleAds ? GPT_FRAME_HOSTS : ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'frame-ancestors': ["'self'"],
    'form-action': ["'self'"],
    'manifest-src': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

export type Header = { key: string; value: string };

export function securityHeaders(options: HeaderOptions): Header[] {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(options) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    {
      key: 'Permissions-Policy',
      value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), interest-cohort=()',
    },
    { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
}

/** Sent only when the request reached us over HTTPS (the proxy in front says so). */
export const STRICT_TRANSPORT_SECURITY: Header = {
  key: 'Strict-Transport-Security',
  value: 'max-age=63072000; includeSubDomains',
};
