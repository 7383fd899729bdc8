import type { Metadata } from 'next';
import { CorrectionsColumn } from '@/components/listings/CorrectionsColumn';
import { correctionsMetadata } from '@/lib/seo/listMetadata';

export const metadata: Metadata = correctionsMetadata(1);

export default function CorrectionsPage() {
  return <CorrectionsColumn page={1} />;
}
