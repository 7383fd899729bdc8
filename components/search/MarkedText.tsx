import { Fragment } from 'react';
import type { MarkedText as MarkedParts } from '@/lib/search/types';

type Props = { parts: MarkedParts };

/**
 * Text with the words that matched a search in `<mark>`. Every part is rendered by React as
 * text, so a headline or query holding markup shows as the characters typed.
 */
export function MarkedText({ parts }: Props) {
  return (
    <>
      {parts.map((part, index) =>
        part.marked ? (
          <mark key={index}>{part.text}</mark>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
