/** Responses for the site's machine-readable files, with the content types readers expect. */
export function xmlResponse(body: string, type = 'application/xml'): Response {
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}

export function jsonFeedResponse(body: string): Response {
  return new Response(body, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}
