import { Fragment } from 'react';
import type { Author } from '@/lib/content/types';
import { authorPath } from '@/lib/urls';

type Props = {
  authors: readonly Author[];
  location?: string;
};

/** "Jane Doe and Li Wei in Shanghai", each name linking to the author's page, with roles. */
export function Byline({ authors, location }: Props) {
  const roles = authors.filter((author) => author.role);
  return (
    <div className="byline">
      <p className="byline__names">
        {authors.map((author, index) => (
          <Fragment key={author.id}>
            {index > 0 && (index === authors.length - 1 ? ' and ' : ', ')}
            <a href={authorPath(author.id)} rel="author">
              {author.name}
            </a>
          </Fragment>
        ))}
        {location && <span className="byline__location"> in {location}</span>}
      </p>
      {roles.length > 0 && (
        <p className="byline__roles">
          {roles.map((author) => (authors.length > 1 ? `${author.name}, ${author.role}` : author.role)).join('; ')}
        </p>
      )}
    </div>
  );
}
