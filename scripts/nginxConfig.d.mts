/** Types for scripts/nginxConfig.mjs, which the tests import. */
export function siteConfig(values?: { listen?: string; upstream?: string | readonly string[]; cacheDir?: string }): string;
export function standaloneConfig(folder: string, server: string, options?: { upstreamLog?: boolean }): string;
