import type { Metadata } from 'next';
import { LatestStories } from '@/components/listings/LatestStories';

export const metadata: Metadata = { title: 'Latest news' };

export default function LatestPage() {
  return <LatestStories page={1} />;
}
