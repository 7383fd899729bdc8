import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The shape the README's architecture section promises: functions a reader need not scroll
 * through, and imports that run one way (content → markdown → images, never back).
 */

const ROOT = path.join(import.meta.dirname, '..', '..');
const MAX_FUNCTION_LINES = 60;

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => path.join(folder, name));
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
}

function longFunctions(file: string): string[] {
  const source = parse(file);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (end - start + 1 > MAX_FUNCTION_LINES) found.push(`${file}:${start + 1}: ${end - start + 1} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function importsOf(file: string): string[] {
  return parse(file)
    .statements.filter(ts.isImportDeclaration)
    .map((statement) => statement.moduleSpecifier)
    .filter(ts.isStringLiteral)
    .map((specifier) =>
      specifier.text.startsWith('.')
        ? path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier.text))
        : specifier.text.replace(/^@\//, ''),
    );
}

describe('the code', () => {
  it(`has no function in lib/ over ${MAX_FUNCTION_LINES} lines`, () => {
    const files = sourceFiles('lib');
    expect(files.length).toBeGreaterThan(30);
    expect(files.flatMap(longFunctions)).toEqual([]);
  });

  it.each([
    ['lib/markdown', ['lib/content', 'lib/ads', 'lib/seo', 'lib/lists', 'components', 'app']],
    ['lib/images', ['lib/content', 'lib/markdown', 'components', 'app']],
    ['lib/content', ['components', 'app', 'lib/seo']],
    ['lib', ['components', 'app']],
  ])('imports one way: %s never imports from %j', (folder, forbidden) => {
    const files = sourceFiles(folder);
    expect(files.length).toBeGreaterThan(0);
    const backwards = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => forbidden.some((prefix) => target === prefix || target.startsWith(`${prefix}/`)))
        .map((target) => `${file} imports ${target}`),
    );
    expect(backwards).toEqual([]);
  });
});
