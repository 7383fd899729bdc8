type Props = { points: readonly string[] };

/** The bullet-point summary under the headline. */
export function Summary({ points }: Props) {
  return (
    <ul className="summary" aria-label="Summary">
      {points.map((point) => (
        <li key={point}>{point}</li>
      ))}
    </ul>
  );
}
