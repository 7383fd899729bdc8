import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AuthorStories } from '@/components/listings/AuthorStories';
import { countPrerendered, getAuthor, getAuthorArticles, getAuthors } from '@/lib/content/queries';
import { extraPageNumbers, parsePageSegment } from '@/lib/lists/paginate';
import { authorMetadata } from '@/lib/seo/listMetadata';

export async function generateStaticParams() {
  const authors = await getAuthors();
  const params = await Promise.all(
    authors.map(async (author) =>
      extraPageNumbers(await countPrerendered(await getAuthorArticles(author.id))).map((page) => ({ id: author.id, page: String(page) })),
    ),
  );
  return params.flat();
}

export async function generateMetadata({ params }: PageProps<'/author/[id]/page/[page]'>): Promise<Metadata> {
  const { id, page } = await params;
  const author = await getAuthor(id);
  const number = parsePageSegment(page);
  return author && number ? authorMetadata(author, number) : {};
}

export default async function AuthorPageN({ params }: PageProps<'/author/[id]/page/[page]'>) {
  const { id, page } = await params;
  const number = parsePageSegment(page);
  if (number === undefined) notFound();
  return <AuthorStories id={id} page={number} />;
}
