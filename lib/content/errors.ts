/** What went wrong with a file in `content/`. The discriminant groups problems for tests and tools. */
export type ContentIssueKind =
  | 'file-name'
  | 'read'
  | 'front-matter'
  | 'field'
  | 'reference'
  | 'duplicate'
  | 'body';

/** One problem in one file: printed as one line that names the file, line, field and problem. */
export type ContentIssue = {
  kind: ContentIssueKind;
  /** Path relative to the project root, e.g. `content/articles/rare-earths.md`. */
  file: string;
  line?: number;
  field?: string;
  message: string;
  /**
   * For a reference to an author or section whose own file has problems: that file. A check of
   * only the referring article prints that file's lines too (`lib/editorial/checkFiles.ts`).
   */
  blockedBy?: string;
};

export function formatIssue(issue: ContentIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  const field = issue.field === undefined ? '' : `${issue.field}: `;
  return `${where}: ${field}${issue.message}`;
}

/** Thrown when `content/` fails validation: the site is never built from bad content. */
export class ContentValidationError extends Error {
  readonly issues: readonly ContentIssue[];

  constructor(issues: readonly ContentIssue[]) {
    super(
      `content/ has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n` +
        issues.map(formatIssue).join('\n'),
    );
    this.name = 'ContentValidationError';
    this.issues = issues;
  }
}
