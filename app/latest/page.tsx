import type { Metadata } from 'next';
import { LatestStories } from '@/components/listings/LatestStories';
import { latestMetadata } from '@/lib/seo/listMetadata';

export const metadata: Metadata = latestMetadata(1);

export default function LatestPage() {
  return <LatestStories page={1} />;
}
