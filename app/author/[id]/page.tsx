import type { Metadata } from 'next';
import { AuthorStories } from '@/components/listings/AuthorStories';
import { getAuthor, getAuthors } from '@/lib/content/queries';
import { authorMetadata } from '@/lib/seo/listMetadata';

export async function generateStaticParams() {
  return (await getAuthors()).map((author) => ({ id: author.id }));
}

export async function generateMetadata({ params }: PageProps<'/author/[id]'>): Promise<Metadata> {
  const author = await getAuthor((await params).id);
  return author ? authorMetadata(author, 1) : {};
}

export default async function AuthorPage({ params }: PageProps<'/author/[id]'>) {
  return <AuthorStories id={(await params).id} page={1} />;
}
