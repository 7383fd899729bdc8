/**
 * What `npm run new` writes where only the editor can: the content check warns while any of it
 * is left in a story (`npm run content:check`).
 */
export const SUMMARY_PLACEHOLDER = 'Replace this with the first point a reader should take away';
