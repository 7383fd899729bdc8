type Props = {
  /** 1 for the first slot on the page, 2 for the next, ... */
  position: number;
};

/**
 * An in-article ad slot: a labelled landmark whose height is reserved before any ad arrives,
 * so filling it (or not) never moves the text. Landmarks need distinct names, so slots after
 * the first are numbered for assistive technology; the visible label is always "Advertisement".
 * Hidden when printing.
 */
export function AdSlot({ position }: Props) {
  return (
    <aside
      className="ad-slot ad-slot--inline"
      aria-label={position === 1 ? 'Advertisement' : `Advertisement ${position}`}
      data-ad-slot={`inline-${position}`}
    >
      <p className="ad-slot__label" aria-hidden="true">
        Advertisement
      </p>
      <div className="ad-slot__space" />
    </aside>
  );
}
