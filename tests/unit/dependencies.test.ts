import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compareVersions, MINIMUM_SAFE_VERSIONS } from '@/lib/security/minimumVersions';

const ROOT = path.join(import.meta.dirname, '..', '..');
const PackageJson = z.object({
  version: z.string().optional(),
  dependencies: z.record(z.string(), z.string()).optional(),
  devDependencies: z.record(z.string(), z.string()).optional(),
});

function readPackage(file: string) {
  return PackageJson.parse(JSON.parse(readFileSync(file, 'utf8')));
}

describe('dependencies', () => {
  it.each(Object.entries(MINIMUM_SAFE_VERSIONS))('installs %s at or above its minimum safe version', (name, minimum) => {
    const installed = readPackage(path.join(ROOT, 'node_modules', name, 'package.json')).version ?? '0.0.0';
    expect(compareVersions(installed, minimum.version), `${name} ${installed} < ${minimum.version}: ${minimum.why}`).toBeGreaterThanOrEqual(0);
  });

  it('pins every dependency to an exact version, with the lockfile committed', () => {
    const manifest = readPackage(path.join(ROOT, 'package.json'));
    const ranges = Object.entries({ ...manifest.dependencies, ...manifest.devDependencies }).filter(
      ([, version]) => !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version),
    );
    expect(ranges).toEqual([]);
    expect(existsSync(path.join(ROOT, 'package-lock.json'))).toBe(true);
  });

  it.each([
    ['16.4.6', '16.3.4', 1],
    ['16.3.4', '16.3.4', 0],
    ['16.3.3', '16.3.4', -1],
    ['16.10.0', '16.9.9', 1],
    ['19.3.0-canary.1', '19.3.0', -1],
    ['20.0.0', '19.2.8', 1],
  ])('compares %s with %s', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});
