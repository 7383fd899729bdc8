import { getImageProps } from 'next/image';
import { preload as preloadResource } from 'react-dom';

type Props = {
  src: string;
  alt: string;
  width: number;
  height: number;
  sizes?: string;
  className?: string;
  /** The page's largest paint: hinted in the head, fetched first and never lazily. */
  preload?: boolean;
};

/**
 * A site photo through Next's image optimizer (WebP in the sizes `sizes` asks for), rendered
 * on the server as a plain `<img>`. `next/image`'s `<Image>` is a client component and ships
 * its code to every page; `getImageProps` gives the same markup without any JavaScript.
 */
export function SiteImage({ src, alt, width, height, sizes, className, preload = false }: Props) {
  const { props } = getImageProps({ src, alt, width, height, sizes, loading: preload ? 'eager' : 'lazy' });
  if (preload) {
    preloadResource(props.src, {
      as: 'image',
      imageSrcSet: props.srcSet,
      imageSizes: props.sizes,
      fetchPriority: 'high',
    });
  }
  // eslint-disable-next-line @next/next/no-img-element -- the optimized <img> of getImageProps, without next/image's client code
  return <img {...props} alt={alt} className={className} fetchPriority={preload ? 'high' : undefined} />;
}
