/**
 * The lowest release of each security-critical package that carries every fix we know of.
 * `tests/unit/dependencies.test.ts` fails when an installed version is below these. When an
 * advisory is published, raise the number here in the same commit as the upgrade.
 */
export const MINIMUM_SAFE_VERSIONS: Readonly<Record<string, { version: string; why: string }>> = {
  next: {
    version: '16.3.4',
    why: 'React2Shell (CVE-2025-55182) fixes; May 2026 release (middleware bypass, RSC DoS CVE-2026-23870, SSRF); July 2026 release; August 2026 release (GHSA-2xp9-vwfh-vxw4 image-optimizer RCE, CVE-2026-75604)',
  },
  react: {
    version: '19.2.8',
    why: 'React Server Components RCE (CVE-2025-55182) and the 2026 RSC denial-of-service fixes',
  },
  'react-dom': {
    version: '19.2.8',
    why: 'released in lockstep with react; the server renderer carries the RSC fixes',
  },
};

/** Compares dotted release numbers (`16.4.6` vs `16.3.4`); pre-release tags count as below the release. */
export function compareVersions(a: string, b: string): number {
  const parse = (version: string) => {
    const [release = '', prerelease] = version.split('-', 2);
    return { parts: release.split('.').map(Number), prerelease };
  };
  const left = parse(a);
  const right = parse(b);
  for (let index = 0; index < Math.max(left.parts.length, right.parts.length); index++) {
    const difference = (left.parts[index] ?? 0) - (right.parts[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  if (left.prerelease && !right.prerelease) return -1;
  if (!left.prerelease && right.prerelease) return 1;
  return 0;
}
