import { Fragment } from 'react';
import { AdSlot } from '@/components/ads/AdSlot';
import type { BodyBlock } from '@/lib/markdown/bodyBlock';

type Props = {
  blocks: readonly BodyBlock[];
  /** Indexes of the blocks an ad slot follows (see `placeAdSlots`); empty for no ads. */
  adSlotsAfter: readonly number[];
};

/**
 * The article text. Each run of blocks between ad slots is sanitized HTML produced by the
 * Markdown stage (`lib/markdown`), which is why it can be set as HTML here.
 */
export function ArticleBody({ blocks, adSlotsAfter }: Props) {
  const runs: BodyBlock[][] = [[]];
  blocks.forEach((block, index) => {
    runs[runs.length - 1]?.push(block);
    if (adSlotsAfter.includes(index)) runs.push([]);
  });
  return (
    <div className="article-body">
      {runs.map((run, index) => (
        <Fragment key={index}>
          {index > 0 && <AdSlot kind="in-article" position={index} />}
          <div
            className="article-body__text"
            dangerouslySetInnerHTML={{ __html: run.map((block) => block.html).join('\n') }}
          />
        </Fragment>
      ))}
    </div>
  );
}
