import { SiteImage } from './SiteImage';
import type { Photo } from '@/lib/content/types';

type Props = {
  photo: Photo;
  /** The hero photo is the page's largest paint: fetched first, never lazily. */
  isHero?: boolean;
  sizes: string;
};

/** A photo with its caption and credit, sized so nothing moves when it loads. */
export function PhotoFigure({ photo, isHero = false, sizes }: Props) {
  return (
    <figure className={isHero ? 'photo photo--hero' : 'photo'}>
      <SiteImage src={photo.src} alt={photo.alt} width={photo.width} height={photo.height} sizes={sizes} preload={isHero} />
      {(photo.caption || photo.credit) && (
        <figcaption className="photo__caption">
          {photo.caption}
          {photo.caption && photo.credit && ' '}
          {photo.credit && <span className="photo__credit">{photo.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
