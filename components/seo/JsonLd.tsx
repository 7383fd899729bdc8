import type { JsonLdObject } from '@/lib/seo/jsonLd';
import { serializeJsonLd } from '@/lib/seo/jsonLd';

type Props = { data: JsonLdObject | JsonLdObject[] };

/** Structured data for search engines; `serializeJsonLd` makes the text safe inside `<script>`. */
export function JsonLd({ data }: Props) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
