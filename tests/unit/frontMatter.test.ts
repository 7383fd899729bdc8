import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '@/lib/content/frontMatter';

const sentinel = 'globalThis.__broadsheetFrontMatterRan = true';

function problems(text: string) {
  const result = splitFrontMatter(text, 'content/articles/x.md');
  return result.ok ? [] : result.issues.map((issue) => `${issue.line}: ${issue.field}: ${issue.message}`);
}

// The exact error line for each kind of unreadable front matter is asserted through the loader
// in errorMessages.test.ts; these tests are about what the splitter parses and never runs.
describe('splitFrontMatter', () => {
  it('parses YAML front matter and returns the body with its first file line', () => {
    const result = splitFrontMatter('---\ntitle: "Hello"\nsummary:\n  - one\n---\n\nBody text\n', 'a.md');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.data).toEqual({ title: 'Hello', summary: ['one'] });
    expect(result.file.body).toBe('\nBody text\n');
    expect(result.file.bodyStartLine).toBe(6);
    expect(result.file.lineOf(['summary', 0])).toBe(4);
  });

  it.each([
    ['---js', 'js'],
    ['---javascript', 'javascript'],
    ['--- JavaScript', 'javascript'],
    ['---coffee', 'coffee'],
    ['---json', 'json'],
    ['---toml', 'toml'],
    ['---ruby', 'ruby'],
  ])('rejects %s front matter without evaluating it', (opening, language) => {
    const text = `${opening}\n{ title: (${sentinel}, "x") }\n---\nBody`;
    expect(problems(text)).toEqual([
      `1: front matter: must be YAML, not "${language}"; it was not evaluated`,
    ]);
    expect(Reflect.get(globalThis, '__broadsheetFrontMatterRan')).toBeUndefined();
  });

  it('rejects an alias bomb quickly, naming the first anchor line', () => {
    const levels = Array.from({ length: 12 }, (_, i) =>
      i === 0 ? 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]' : `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`,
    );
    const started = performance.now();
    const lines = problems(`---\n${levels.join('\n')}\n---\n`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(lines[0]).toBe('2: front matter: YAML anchors (&name) are not allowed in front matter');
  });

  it('rejects a self-referencing alias', () => {
    expect(problems('---\ntitle: &a [*a]\n---\n')[0]).toBe(
      '2: front matter: YAML anchors (&name) are not allowed in front matter',
    );
  });

  it('rejects a merge key carrying __proto__ and pollutes nothing', () => {
    expect(problems('---\n<<: {__proto__: {polluted: true}}\ntitle: x\n---\n')).toEqual([
      '2: front matter: YAML merge keys (<<) are not allowed in front matter',
    ]);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });

  it('keeps a __proto__ key as plain data without touching prototypes', () => {
    const result = splitFrontMatter('---\n__proto__:\n  polluted: true\n---\n', 'a.md');
    expect(result.ok).toBe(true);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });

  it.each([
    ['!!js/function "function () {}"', '!!js/function'],
    ['!!binary aGVsbG8=', '!!binary'],
    ['!!timestamp 2026-11-26', '!!timestamp'],
    ['!custom value', '!custom'],
  ])('rejects the YAML tag in "title: %s"', (value, tag) => {
    expect(problems(`---\ntitle: ${value}\n---\n`)).toEqual([
      `2: front matter: YAML tags such as "${tag}" are not allowed in front matter`,
    ]);
  });

  it('keeps values the YAML 1.1 schema would silently coerce as they are written', () => {
    const result = splitFrontMatter('---\na: 2026-11-26\nb: yes\nc: 0o17\nd: 017\ne: ~\n---\n', 'a.md');
    expect(result.ok && result.file.data).toEqual({ a: '2026-11-26', b: 'yes', c: 15, d: 17, e: null });
  });

  it('accepts a byte-order mark and CRLF line endings', () => {
    const result = splitFrontMatter('\uFEFF---\r\ntitle: "x"\r\n---\r\nBody\r\n', 'a.md');
    expect(result.ok && result.file.data).toEqual({ title: 'x' });
    expect(result.ok && result.file.body).toBe('Body\n');
  });
});
