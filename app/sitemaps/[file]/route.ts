import { notFound } from 'next/navigation';
import { xmlResponse } from '@/lib/http/responses';
import { siteSitemapEntries } from '@/lib/seo/siteSitemap';
import { sitemapChunkPath, sitemapChunks, urlsetXml } from '@/lib/seo/sitemaps';

export const dynamic = 'force-static';

/** Chunk files exist only when the site outgrows one sitemap. */
export async function generateStaticParams() {
  const chunks = sitemapChunks(await siteSitemapEntries());
  if (chunks.length === 1) return [];
  return chunks.map((_, index) => ({ file: sitemapChunkPath(index).slice('/sitemaps/'.length) }));
}

export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[file]'>) {
  const { file } = await params;
  const chunks = sitemapChunks(await siteSitemapEntries());
  const index = /^[1-9]\d*\.xml$/.test(file) ? Number(file.slice(0, -4)) - 1 : -1;
  const chunk = chunks.length > 1 ? chunks[index] : undefined;
  if (!chunk) notFound();
  return xmlResponse(urlsetXml(chunk));
}
