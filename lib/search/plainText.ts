/** A table row written between pipes: `| Month | Exports |`. */
const TABLE_ROW = /^[ \t]*\|(.*)\|[ \t]*$/gm;

/**
 * An article body's Markdown as the words a reader sees, for the index and for passages: link
 * and image addresses, HTML tags, code fences, table rules and emphasis marks removed; link
 * text, image descriptions and captions kept; each table row a paragraph of its own, its cells
 * joined by " · ". Quick rather than exact: the tokenizer drops what punctuation remains.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/^(?:```|~~~).*$/gm, ' ')
    .replace(/!\[([^\]]*)\]\(\s*<?[^)\s>]*>?(?:\s+"([^"]*)")?\s*\)/g, ' $1. $2 ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, ' ')
    .replace(/<(?:https?:|mailto:)[^>]*>/g, ' ')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/gm, ' ')
    .replace(TABLE_ROW, (_, cells: string) => `${cells.split('|').map((cell) => cell.trim()).join(' · ')}\n\n`)
    .replace(/[*_~`|]+/g, ' ')
    .replace(/[ \t]+/g, ' ');
}
