import { googlePublisherTagProvider } from './googlePublisherTag';
import { houseAdProvider } from './houseAds';
import type { AdProvider, AdProviderSetting } from './types';

/**
 * The provider for this page: one supplied through `window.broadsheetAdProvider` (tests,
 * consent tools), else the configured one (`site.adProvider`, from the environment).
 */
export function selectAdProvider(setting: AdProviderSetting): AdProvider {
  if (window.broadsheetAdProvider) return window.broadsheetAdProvider;
  return setting.kind === 'gpt' ? googlePublisherTagProvider(setting.adUnitPath) : houseAdProvider;
}
