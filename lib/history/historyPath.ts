import { articlePath } from '../urls';

/** The address of an article's public revision history. */
export const articleHistoryPath = (slug: string) => `${articlePath(slug)}/history`;
