import { absoluteUrl, site } from '@/lib/config/site';
import { xmlResponse } from '@/lib/http/responses';
import { element } from '@/lib/seo/xml';
import { opensearchPath, searchPath } from '@/lib/urls';

export const dynamic = 'force-static';

/** OpenSearch 1.1 allows a ShortName of at most 16 characters. */
const SHORT_NAME_LENGTH = 16;

/**
 * The OpenSearch description browsers read (through the `<link rel="search">` on every page)
 * to offer the site's search from their address bar.
 */
export function GET() {
  // The template's braces must stay as written: `searchPath` would percent-encode them.
  const template = absoluteUrl(`${searchPath()}?q={searchTerms}`);
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
    element('ShortName', site.name.slice(0, SHORT_NAME_LENGTH)),
    element('Description', `Search every story ${site.name} has published`),
    element('InputEncoding', 'UTF-8'),
    element('Language', site.language),
    element('Url', '', { type: 'text/html', method: 'get', template }),
    element('Url', '', {
      type: 'application/opensearchdescription+xml',
      rel: 'self',
      template: absoluteUrl(opensearchPath),
    }),
    '</OpenSearchDescription>',
    '',
  ].join('\n');
  return xmlResponse(body, 'application/opensearchdescription+xml');
}
