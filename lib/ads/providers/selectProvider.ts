import { googlePublisherTagProvider } from './googlePublisherTag';
import { houseAdProvider } from './houseAds';
import type { AdProvider } from './types';

/**
 * The provider for this page: one supplied through `window.broadsheetAdProvider` (tests,
 * consent tools), else the configured one: Google Publisher Tag when
 * `NEXT_PUBLIC_AD_PROVIDER=gpt` and an ad unit path is set, else the house ads.
 */
export function selectAdProvider(): AdProvider {
  if (window.broadsheetAdProvider) return window.broadsheetAdProvider;
  const adUnitPath = process.env.NEXT_PUBLIC_GPT_AD_UNIT_PATH;
  if (process.env.NEXT_PUBLIC_AD_PROVIDER === 'gpt' && adUnitPath) return googlePublisherTagProvider(adUnitPath);
  return houseAdProvider;
}
