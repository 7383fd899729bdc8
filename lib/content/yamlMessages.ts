import type { ErrorCode } from 'yaml';

/**
 * Turns the YAML parser's errors into what an editor should do about them.
 *
 * The parser reports where it got lost, in its own words ("Nested mappings are not allowed in
 * compact mappings"). The table at the bottom maps each error code to the mistakes that cause
 * it; each rule looks at the text of the offending line (and its neighbours) to recognise one
 * mistake, and says which field it is in and how to fix it. The first rule that recognises the
 * mistake wins. What no rule recognises keeps the parser's words after "not valid YAML: ".
 */

/** One YAML error, as the `yaml` package reports it. */
export type YamlError = { code: ErrorCode; message: string; pos: readonly [number, number] };

/** Where the mistake is, the field it is in, and what to do. */
export type YamlMessage = { line: number; field: string; message: string };

/** One line of front matter, as far as line-based reading can tell. */
type Line = {
  /** File line: the front matter's YAML starts on the `---` line, so YAML line N is file line N. */
  no: number;
  text: string;
  /** Spaces and tabs before the first character. */
  indent: number;
  /** A list item: starts with `- `. */
  item: boolean;
  /** `key` of a `key: value` line (after any `- `), and the value as written. */
  key?: string;
  value?: string;
};

type Context = { lines: Line[]; at: Line; error: YamlError };
type Rule = (context: Context) => YamlMessage | undefined;

const KEY_LINE = /^([^\s"'#[\]{},>|*&!%@`][^\s]*?):(?:[ \t]+(.*?))?[ \t]*$/;
/** Characters a plain value cannot start with; `[` and `{` start lists, see `unclosedFlow`. */
const SPECIAL_START = ['*', '&', '!', '@', '%', '`', '|', '>'];

function readLine(text: string, no: number): Line {
  const indent = /^[ \t]*/.exec(text)?.[0].length ?? 0;
  let rest = text.slice(indent);
  const dash = /^-(?:[ \t]+|$)/.exec(rest);
  if (dash) rest = rest.slice(dash[0].length);
  const pair = KEY_LINE.exec(rest);
  return { no, text, indent, item: dash !== null, key: pair?.[1], value: pair ? (pair[2] ?? '') : undefined };
}

const isContent = (line: Line) => line.text.trim() !== '' && !line.text.trimStart().startsWith('#');
const opensBlock = (line: Line) => line.key !== undefined && line.value === '';

/** The nearest line above `line` with writing on it. */
function above(lines: Line[], line: Line): Line | undefined {
  return lines.slice(0, line.no - 1).findLast(isContent);
}

function below(lines: Line[], line: Line): Line | undefined {
  return lines.slice(line.no).find(isContent);
}

/** The `key:` line (with nothing after the colon) that holds `line`, if any. */
function parentOf(lines: Line[], line: Line): Line | undefined {
  return lines.slice(0, line.no - 1).findLast((other) => isContent(other) && other.indent < line.indent && !other.item && opensBlock(other));
}

/** The field a line is in, as the field errors name it: `image.caption`, `summary[1]`. */
function fieldOf(lines: Line[], line: Line): string {
  const parent = parentOf(lines, line);
  const prefix = parent ? fieldOf(lines, parent) : '';
  if (line.item) return `${prefix || 'front matter'}[${itemIndex(lines, line)}]`;
  if (line.key === undefined) return prefix || 'front matter';
  return prefix ? `${prefix}.${line.key}` : line.key;
}

function itemIndex(lines: Line[], line: Line): number {
  let index = 0;
  for (const other of lines.slice(0, line.no - 1).reverse()) {
    if (!isContent(other)) continue;
    if (!other.item && other.indent < line.indent) break;
    // `<=`, not `===`: an item indented with a tab is still counted among its neighbours.
    if (other.item && other.indent <= line.indent) index++;
  }
  return index;
}

/** A field in the mapping a line belongs to: the name of the parent plus the line's own key. */
function fieldBeside(lines: Line[], sibling: Line, key: string | undefined): string {
  const parent = parentOf(lines, sibling);
  const prefix = parent ? fieldOf(lines, parent) : '';
  if (key === undefined) return prefix || 'front matter';
  return prefix ? `${prefix}.${key}` : key;
}

function quoted(text: string): string {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function shown(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed;
}

/** The value on a line: after `key: `, or after `- ` for a list item. */
function valueOf(line: Line): string | undefined {
  return line.value ?? (line.item ? line.text.trim().replace(/^-\s*/, '') : undefined);
}

/** `title: "Breaking: markets fall"`: how the line reads with its value in quotes. */
function inQuotes(line: Line): string {
  const value = quoted(valueOf(line) ?? line.text.trim());
  if (line.key === undefined) return `- ${value}`;
  return `${line.item ? '- ' : ''}${line.key}: ${value}`;
}

// ---- The mistakes, each recognised from the text of the lines around the error ----

const tabIndent: Rule = ({ lines, at, error }) => {
  if (error.code !== 'TAB_AS_INDENT' && !/^ *\t/.test(at.text)) return undefined;
  return { line: at.no, field: fieldOf(lines, at), message: 'indent with spaces, not tabs' };
};

/** The first field is indented, so every field after it looks out of line. */
const firstLineIndented: Rule = ({ lines }) => {
  const first = lines.find(isContent);
  if (!first || first.indent === 0 || first.text.startsWith('\t')) return undefined;
  const name = first.key ?? 'this line';
  return {
    line: first.no,
    field: first.key ?? 'front matter',
    message: `the first field is indented; start ${first.key ? `${name}:` : name} at the left edge, like the fields below it`,
  };
};

const colonInValue: Rule = ({ lines, at }) => {
  const value = at.value;
  if (at.key === undefined || value === undefined || /^["'[{]/.test(value)) return undefined;
  const problem = /:[ \t]/.test(value) ? 'contains ": "' : value.endsWith(':') ? 'ends with ":"' : undefined;
  if (!problem) return undefined;
  return {
    line: at.no,
    field: fieldOf(lines, at),
    message: `the value ${problem}, which YAML reads as the start of another field; put the whole value in quotes: ${inQuotes(at)}`,
  };
};

const specialStart: Rule = ({ lines, at }) => {
  const value = at.key === undefined ? at.text.trim().replace(/^-\s*/, '') : at.value;
  const first = value?.[0];
  if (!first || !SPECIAL_START.includes(first)) return undefined;
  return {
    line: at.no,
    field: fieldOf(lines, at),
    message: `a value cannot start with "${first}" unless quoted; put it in quotes: ${inQuotes(at)}`,
  };
};

/** `>section: china`: a stray character before a field name. */
const strayCharacter: Rule = ({ lines, at }) => {
  const match = /^[ \t]*(?:-[ \t]+)?([^\w\s"'-])([A-Za-z_][\w-]*):(?:\s|$)/.exec(at.text);
  if (!match) return undefined;
  const [, character = '', key = ''] = match;
  return { line: at.no, field: fieldBeside(lines, at, key), message: `remove the "${character}" before ${key}:` };
};

/** A `[` or `{` list opened on a line and never closed. */
const unclosedFlow: Rule = ({ lines, at, error }) => {
  if (!/^Flow (?:sequence|map)/.test(error.message)) return undefined;
  const bracket = error.message.startsWith('Flow map') ? '{' : '[';
  const closing = bracket === '[' ? ']' : '}';
  const opener = lines.slice(0, at.no).findLast((line) => line.value?.startsWith(bracket));
  if (!opener) return undefined;
  const what = bracket === '[' ? 'a list' : 'a mapping';
  return {
    line: opener.no,
    field: fieldOf(lines, opener),
    message: `"${bracket}" starts ${what} that is never closed with "${closing}" on its line; if the value is text, put it in quotes: ${inQuotes(opener)}`,
  };
};

const unclosedQuote: Rule = ({ lines, at, error }) => {
  const mark = /Missing closing (["'])quote/.exec(error.message)?.[1];
  if (!mark) return undefined;
  // The parser notices at the end of the text the open quote swallowed; the mistake is where it opened.
  const opener = lines.slice(0, at.no).findLast((line) => {
    const value = valueOf(line);
    return value?.startsWith(mark) && endOfQuotedValue(value) === undefined;
  });
  return {
    line: (opener ?? at).no,
    field: fieldOf(lines, opener ?? at),
    message: `the closing ${mark} is missing; end the value with ${mark} on the same line`,
  };
};

/** Where a quoted value or a `[...]` list ends, so what follows it can be shown. */
function endOfQuotedValue(value: string): number | undefined {
  const open = value[0];
  if (open === '"' || open === "'") {
    for (let i = 1; i < value.length; i++) {
      if (open === '"' && value[i] === '\\') i++;
      else if (value[i] === open && !(open === "'" && value[i + 1] === "'")) return i + 1;
    }
    return undefined;
  }
  if (open !== '[' && open !== '{') return undefined;
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '[' || value[i] === '{') depth++;
    if ((value[i] === ']' || value[i] === '}') && --depth === 0) return i + 1;
  }
  return undefined;
}

const textAfterQuote: Rule = ({ lines, at }) => {
  const value = valueOf(at);
  const end = value === undefined ? undefined : endOfQuotedValue(value);
  const rest = value?.slice(end).trim();
  if (value === undefined || end === undefined || !rest) return undefined;
  const field = fieldOf(lines, at);
  const quote = value[0] === '"' || value[0] === "'";
  const closer = quote ? 'closing quote' : `closing "${value[0] === '[' ? ']' : '}'}"`;
  if (/^(?:-\s+\S|[^\s"'#:]+:(?:\s|$))/.test(rest) || (quote && !rest.endsWith(value[0] ?? ''))) {
    return { line: at.no, field, message: `"${shown(rest)}" follows the ${closer}; remove it or start it on a line of its own` };
  }
  if (!quote) {
    return {
      line: at.no,
      field,
      message: `"${shown(rest)}" follows the ${closer}; if the value is text, put it in quotes: ${inQuotes(at)}`,
    };
  }
  const escape = value[0] === '"' ? '\\"' : "''";
  return {
    line: at.no,
    field,
    message: `a quote mark inside the value ends it early, before "${shown(rest)}"; write a quote mark inside a quoted value as ${escape}`,
  };
};

const LIST_ITEM = 'a list item ("- ...") where a single value was expected';

/** `title: - Rare earths`: a list item on the line of its field. */
const listOnKeyLine: Rule = ({ lines, at }) => {
  if (at.key === undefined || !/^-(?:\s|$)/.test(at.value ?? '')) return undefined;
  return {
    line: at.no,
    field: fieldOf(lines, at),
    message: `${LIST_ITEM}; for one value remove the "- ", for a list put each "- " item on its own line below ${at.key}:`,
  };
};

/** A `- ` line right below a field that already has its value. */
const listItemAfterValue: Rule = ({ lines, at }) => {
  const previous = above(lines, at);
  if (!at.item || !previous || previous.item || previous.key === undefined || opensBlock(previous)) return undefined;
  return {
    line: at.no,
    field: fieldOf(lines, previous),
    message: `${LIST_ITEM}; a field has either a value after its colon or "- " items on the lines below it, not both`,
  };
};

/** A `- ` item out of line with the item above it. */
const listItemIndent: Rule = ({ lines, at }) => {
  const previous = above(lines, at);
  if (!at.item || !previous?.item || previous.indent === at.indent) return undefined;
  const index = itemIndex(lines, previous) + 1;
  const parent = parentOf(lines, previous);
  return {
    line: at.no,
    field: `${parent ? fieldOf(lines, parent) : 'front matter'}[${index}]`,
    message: 'this list item is indented differently from the one above it; line up its "-" with the "-" above',
  };
};

/**
 * The line a misindented line should line up with: the nearest field above it at the column
 * where its mapping's fields start.
 */
function lineUpWith(lines: Line[], line: Line): Line | undefined {
  const outer = lines.slice(0, line.no - 1).findLast((other) => isContent(other) && other.indent < line.indent);
  const first = outer && opensBlock(outer) && !outer.item ? below(lines, outer) : undefined;
  const column = first && !first.item ? first.indent : outer?.indent;
  if (column === undefined) return undefined;
  return lines.slice(0, line.no - 1).findLast((other) => isContent(other) && other.indent === column && !other.item && other.key !== undefined);
}

function indentMessage(lines: Line[], line: Line, sibling: Line): YamlMessage {
  const name = line.key === undefined ? 'this line' : `${line.key}:`;
  const parent = parentOf(lines, sibling);
  const next = below(lines, line);
  // After the last field of an indented block, the line may as well belong to the level above.
  const orOuter =
    parent?.key !== undefined && (!next || next.indent <= parent.indent)
      ? ` (or with ${parent.key}:, if ${name} is not part of ${parent.key})`
      : '';
  return {
    line: line.no,
    field: fieldBeside(lines, sibling, line.key),
    message: `this line is indented differently from ${sibling.key ?? ''}: above it; line up ${name} with ${sibling.key ?? ''}:${orOuter}`,
  };
}

const misindentedLine: Rule = (context) => {
  const { lines, at } = context;
  if (at.item) return listItemIndent(context);
  const sibling = lineUpWith(lines, at);
  if (!sibling) return undefined;
  // The line it should line up with may be the odd one out: `alt:` pulled left under `image:`.
  const beforeSibling = above(lines, sibling);
  if (sibling.indent < at.indent && beforeSibling?.indent === at.indent && beforeSibling.key !== undefined && !beforeSibling.item) {
    return indentMessage(lines, sibling, beforeSibling);
  }
  return indentMessage(lines, at, sibling);
};

/** `key: value` followed by a line indented further: YAML reads that line as part of the value. */
const overIndentedNextLine: Rule = ({ lines, at }) => {
  const next = below(lines, at);
  if (at.key === undefined || !next || next.indent <= at.indent || next.item || next.key === undefined) return undefined;
  return indentMessage(lines, next, at);
};

/** `location:Shanghai`: YAML needs a space after the colon. */
const noSpaceAfterColon: Rule = ({ lines, at }) => {
  const match = /^[ \t]*(?:-[ \t]+)?([^\s"'#:[\]{},]+):([^\s:].*)$/.exec(at.text);
  if (!match || at.key !== undefined) return undefined;
  const [, key = '', value = ''] = match;
  const fix = /^-\s/.test(value)
    ? `put each "- " item on its own line below ${key}:`
    : `put a space after the colon: ${key}: ${shown(value)}`;
  return { line: at.no, field: fieldBeside(lines, at, key), message: fix };
};

/** A line that is neither `field: value` nor `- item`, often half of a line split in two. */
const strayLine: Rule = ({ lines, at }) => {
  if (at.key !== undefined || at.item) return undefined;
  const parent = parentOf(lines, at);
  return {
    line: at.no,
    field: parent ? fieldOf(lines, parent) : 'front matter',
    message: `this line ("${shown(at.text)}") is not "field: value"; if a line was split in two, join it back, otherwise write the field name and ": " before the value`,
  };
};

const badEscape: Rule = ({ lines, at, error }) => {
  const escape = /Invalid escape sequence (\\.)/.exec(error.message)?.[1];
  if (!escape) return undefined;
  return {
    line: at.no,
    field: fieldOf(lines, at),
    message: `"${escape}" is not allowed inside double quotes; write \\\\ for a backslash, or put the value in single quotes`,
  };
};

/** A `...` line is YAML's "end of document"; anything after it is a second document. */
const documentEnd: Rule = ({ lines, at }) => {
  const end = lines.slice(0, at.no).findLast((line) => /^\.\.\.\s*$/.test(line.text));
  if (!end) return undefined;
  return { line: end.no, field: 'front matter', message: 'a "..." line ends YAML early; remove it (the front matter ends at "---")' };
};

const duplicateKey: Rule = ({ lines, at }) =>
  at.key === undefined ? undefined : { line: at.no, field: fieldOf(lines, at), message: 'appears twice; keep one' };

/**
 * Which mistakes can cause each parser error, most specific first. Codes not listed here, or
 * errors no rule recognises, keep the parser's own words.
 */
const RULES: Partial<Record<ErrorCode, readonly Rule[]>> = {
  BAD_DQ_ESCAPE: [badEscape],
  DUPLICATE_KEY: [duplicateKey],
  MULTIPLE_DOCS: [documentEnd],
  TAB_AS_INDENT: [tabIndent],
  BAD_SCALAR_START: [specialStart],
  BAD_INDENT: [unclosedFlow, misindentedLine],
  BLOCK_AS_IMPLICIT_KEY: [listItemIndent, listItemAfterValue, textAfterQuote, colonInValue, overIndentedNextLine],
  MULTILINE_IMPLICIT_KEY: [listItemIndent, listItemAfterValue, noSpaceAfterColon, colonInValue, overIndentedNextLine, strayLine],
  MISSING_CHAR: [unclosedQuote, listOnKeyLine, noSpaceAfterColon, strayLine],
  UNEXPECTED_TOKEN: [listOnKeyLine, specialStart, textAfterQuote, colonInValue, noSpaceAfterColon, strayLine],
};

/** Rules tried before the code's own: mistakes that make the parser stumble later in the file. */
const FIRST: readonly Rule[] = [tabIndent, firstLineIndented, strayCharacter];

/** What to tell the editor about one YAML error in `source` (the front matter, from its `---` line). */
export function describeYamlError(source: string, error: YamlError): YamlMessage {
  const context = contextAt(source, error);
  // A duplicate key is found on its own, after any syntax error, so it has only its own rule.
  const first = error.code === 'DUPLICATE_KEY' ? [] : FIRST;
  for (const rule of [...first, ...(RULES[error.code] ?? [])]) {
    const message = rule(context);
    if (message) return message;
  }
  const { lines, at } = context;
  return { line: at.no, field: fieldOf(lines, at), message: `not valid YAML: ${parserWords(error.message)}` };
}

/**
 * `title: &Co results` is valid YAML, an anchor named "&Co" on the text "results", but the
 * editor meant text: when a line reads that way, the quoting advice for it.
 */
export function describeIndicatorAsText(source: string, offset: number): YamlMessage | undefined {
  return specialStart(contextAt(source, { code: 'BAD_SCALAR_START', message: '', pos: [offset, offset] }));
}

function contextAt(source: string, error: YamlError): Context {
  const lines = source.split('\n').map((text, index) => readLine(text, index + 1));
  const lineNo = source.slice(0, error.pos[0]).split('\n').length;
  const at = lines[Math.min(lineNo, lines.length) - 1] ?? readLine('', lineNo);
  return { lines, at, error };
}

function parserWords(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?$/, '');
}
