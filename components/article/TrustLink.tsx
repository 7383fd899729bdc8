import Link from 'next/link';

type Props = {
  siteName: string;
  standardsPath: string;
};

/** The link to the newsroom's standards page that every article carries. */
export function TrustLink({ siteName, standardsPath }: Props) {
  return (
    <p className="trust-link">
      <Link href={standardsPath}>Why you can trust {siteName}</Link>
    </p>
  );
}
