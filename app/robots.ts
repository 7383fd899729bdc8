import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/config/site';
import { searchPath } from '@/lib/urls';

/**
 * Everything a reader can reach is open to crawlers but the site search, whose queries, filters
 * and pages make endless addresses of pages that repeat the articles (and ask not to be
 * indexed), and the server's preview and internal routes.
 */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: [searchPath(), '/api/', '/internal/'] }],
    sitemap: [absoluteUrl('/sitemap.xml'), absoluteUrl('/news-sitemap.xml')],
  };
}
