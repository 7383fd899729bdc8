import { xmlResponse } from '@/lib/http/responses';
import { siteSitemapEntries } from '@/lib/seo/siteSitemap';
import { mainSitemapXml } from '@/lib/seo/sitemaps';

export const dynamic = 'force-static';

/** The urlset itself, or an index of `/sitemaps/<n>.xml` once there are over 50,000 URLs. */
export async function GET() {
  return xmlResponse(mainSitemapXml(await siteSitemapEntries()));
}
