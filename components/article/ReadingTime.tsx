type Props = { minutes: number };

/** "Reading time: 2 minutes". */
export function ReadingTime({ minutes }: Props) {
  return (
    <p className="reading-time">
      {`Reading time: ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`}
    </p>
  );
}
