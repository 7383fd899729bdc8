type Props = {
  /** Distinguishes slots on one page for the ad loader, e.g. `inline-1`. */
  id: string;
};

/**
 * An in-article ad slot: a labelled landmark whose height is reserved before any ad arrives,
 * so filling it (or not) never moves the text. Hidden when printing.
 */
export function AdSlot({ id }: Props) {
  return (
    <aside className="ad-slot ad-slot--inline" aria-label="Advertisement" data-ad-slot={id}>
      <p className="ad-slot__label">Advertisement</p>
      <div className="ad-slot__space" />
    </aside>
  );
}
