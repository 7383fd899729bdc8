import type { ShownPart } from '@/lib/history/collapseUnchanged';

type Props = {
  parts: readonly ShownPart[];
};

/**
 * One field's words, with removed text in `<del>` and added text in `<ins>`, and a note where
 * unchanged paragraphs are left out. Every part is rendered as text: a past revision's
 * headline `<script>` is shown, never run.
 */
export function RevisionDiff({ parts }: Props) {
  return (
    <p className="revision-diff">
      {parts.map((part, index) => {
        const key = `${index}-${part.kind}`;
        if (part.kind === 'skipped') {
          return (
            <span key={key} className="revision-diff__skipped">
              [{part.paragraphs} unchanged paragraphs]{'\n\n'}
            </span>
          );
        }
        if (part.kind === 'del') return <del key={key}>{part.text}</del>;
        if (part.kind === 'ins') return <ins key={key}>{part.text}</ins>;
        return <span key={key}>{part.text}</span>;
      })}
    </p>
  );
}
