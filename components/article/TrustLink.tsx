
type Props = {
  siteName: string;
  standardsPath: string;
};

/** The link to the newsroom's standards page that every article carries. */
export function TrustLink({ siteName, standardsPath }: Props) {
  return (
    <p className="trust-link">
      <a href={standardsPath}>Why you can trust {siteName}</a>
    </p>
  );
}
