
export type FilterChoice = { key: string; name: string; href: string; current: boolean };

type Props = {
  /** For the list's label. */
  id: string;
  label: string;
  choices: readonly FilterChoice[];
};

/** One row of search filters: a label, then a link per choice, the current one marked. */
export function SearchFilterGroup({ id, label, choices }: Props) {
  return (
    <div className="search-filters__group">
      <p id={id} className="search-filters__label">
        {label}
      </p>
      <ul aria-labelledby={id}>
        {choices.map((choice) => (
          <li key={choice.key}>
            <a
              href={choice.href}
              aria-current={choice.current ? 'page' : undefined}
            >
              {choice.name}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
