// Every stylesheet, once, in this order: the base, then each component area. The order is the
// cascade order (components import no CSS, so no route can reorder it). Imported by the root
// layout and by the not-found page, which Next renders without the layout.
import './globals.css';
import '@/components/site/site.css';
import '@/components/navigation/navigation.css';
import '@/components/article/article.css';
import '@/components/article/share.css';
import '@/components/media/media.css';
import '@/components/ads/ads.css';
import '@/components/story/story.css';
import '@/components/listings/listings.css';
import '@/components/history/history.css';
import '@/components/search/search.css';
import '@/components/preview/preview.css';
