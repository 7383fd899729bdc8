import type { DiffPart } from '@/lib/history/wordDiff';

type Props = {
  parts: readonly DiffPart[];
};

/**
 * One field's words, with removed text in `<del>` and added text in `<ins>`. Every part is
 * rendered as text: a past revision's headline `<script>` is shown, never run.
 */
export function RevisionDiff({ parts }: Props) {
  return (
    <p className="revision-diff">
      {parts.map((part, index) => {
        const key = `${index}-${part.kind}`;
        if (part.kind === 'del') return <del key={key}>{part.text}</del>;
        if (part.kind === 'ins') return <ins key={key}>{part.text}</ins>;
        return <span key={key}>{part.text}</span>;
      })}
    </p>
  );
}
