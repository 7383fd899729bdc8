/**
 * Escapes text for XML character data and attribute values, and drops the control characters
 * XML 1.0 forbids outright (they would make the whole feed unparseable).
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `<name>escaped text</name>`, or '' when there is no text. */
export function element(name: string, text: string | undefined, attributes: Record<string, string> = {}): string {
  if (text === undefined) return '';
  return `<${name}${attributeList(attributes)}>${escapeXml(text)}</${name}>`;
}

export function attributeList(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
}
