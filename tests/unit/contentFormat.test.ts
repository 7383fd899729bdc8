import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { splitFrontMatter } from '@/lib/content/frontMatter';
import {
  RawArticleSchema,
  RawAuthorSchema,
  RawPageSchema,
  RawSectionSchema,
} from '@/lib/content/schemas';

/**
 * Keeps `docs/content-format.md` and the schemas from drifting apart. The doc's convention
 * (stated in its "About this document"): each collection has a level-2 heading (`## Articles`),
 * and under it one table whose first header cell is `field`; each row's first cell is a field
 * name in backticks, fields of a nested photo written `image.src`. The first ```markdown block
 * under the heading is an example file, which must be valid.
 */

const DOC = readFileSync(
  path.join(import.meta.dirname, '..', '..', 'docs', 'content-format.md'),
  'utf8',
);

const COLLECTIONS: [heading: string, schema: z.ZodObject][] = [
  ['Articles', RawArticleSchema],
  ['Authors', RawAuthorSchema],
  ['Sections', RawSectionSchema],
  ['Pages', RawPageSchema],
];

/** The doc's text under `## <heading>`, up to the next level-2 heading outside a code block. */
function docSection(heading: string): string {
  const lines = DOC.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start === -1) throw new Error(`docs/content-format.md has no "## ${heading}" heading`);
  let inCode = false;
  const end = lines.findIndex((line, index) => {
    if (line.startsWith('```')) inCode = !inCode;
    return index > start && !inCode && line.startsWith('## ');
  });
  return lines.slice(start + 1, end === -1 ? undefined : end).join('\n');
}

/** The field names in the section's table whose header starts with `| field |`. */
function documentedFields(section: string): string[] {
  const lines = section.split('\n');
  const header = lines.findIndex((line) => /^\|\s*field\s*\|/.test(line));
  if (header === -1) throw new Error('no table whose first column is "field"');
  const rows: string[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const name = /^\|\s*`([^`]+)`\s*\|/.exec(line)?.[1];
    if (!name) throw new Error(`a row whose first cell is not a field name in backticks: ${line}`);
    rows.push(name);
  }
  return rows;
}

/**
 * Every field an editor can write: the schema's keys, `image.src` for a nested object's, and
 * `corrections[].date` for the fields of a list of objects.
 */
function schemaFields(schema: z.ZodObject, prefix = ''): string[] {
  return Object.entries(schema.shape).flatMap(([key, field]) => {
    const inner = unwrap(field);
    const name = `${prefix}${key}`;
    if (inner instanceof z.ZodObject) return [name, ...schemaFields(inner, `${name}.`)];
    const element = inner instanceof z.ZodArray ? unwrap(inner.element) : undefined;
    return element instanceof z.ZodObject ? [name, ...schemaFields(element, `${name}[].`)] : [name];
  });
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodNullable
  ) {
    return unwrap(schema.unwrap());
  }
  return schema;
}

describe('docs/content-format.md', () => {
  it('walks nested photo fields and looks through optional and default wrappers', () => {
    expect(schemaFields(RawArticleSchema)).toEqual(
      expect.arrayContaining(['image', 'image.src', 'image.alt', 'ads', 'draft']),
    );
  });

  it.each(COLLECTIONS)('documents exactly the fields of the %s schema', (heading, schema) => {
    const documented = documentedFields(docSection(heading));
    const fields = schemaFields(schema);
    expect({
      missingFromDoc: fields.filter((field) => !documented.includes(field)),
      notInSchema: documented.filter((field) => !fields.includes(field)),
      documentedTwice: documented.filter((field, index) => documented.indexOf(field) !== index),
    }).toEqual({ missingFromDoc: [], notInSchema: [], documentedTwice: [] });
  });

  it.each(COLLECTIONS)('shows a valid example file under %s', (heading, schema) => {
    const example = /```markdown\n([\s\S]*?)\n```/.exec(docSection(heading))?.[1];
    expect(example, `no \`\`\`markdown example under "## ${heading}"`).toBeDefined();
    const split = splitFrontMatter(`${example ?? ''}\n`, `docs/content-format.md (${heading})`);
    if (!split.ok) throw new Error(split.issues.map((issue) => issue.message).join('\n'));
    expect(schema.safeParse(split.file.data).error?.issues).toBeUndefined();
  });
});
