/**
 * Linux kernel versions are not semver: `5.4.0-189-generic`, `3.10.0-1160.el7.x86_64` and
 * `5.4.273-1.el7.elrepo.x86_64` carry a distribution revision that orders releases of the same
 * upstream version (Ubuntu's 6.8.0-57 broke what 6.8.0-55 ran). semver would read that revision
 * as a pre-release and sort 5.4.0-189 *before* 5.4.0, so kernels get their own comparison:
 * major, minor, patch and revision as numbers, missing parts as zero.
 */
export type KernelVersion = readonly [number, number, number, number];

const KERNEL_VERSION = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-.~_](\d+))?/;

export function parseKernelVersion(value: string): KernelVersion | undefined {
  const match = KERNEL_VERSION.exec(value.trim());
  if (!match) return undefined;
  return [
    Number(match[1]),
    Number(match[2]),
    Number(match[3] ?? 0),
    Number(match[4] ?? 0),
  ] as const;
}

export function compareKernelVersions(a: KernelVersion, b: KernelVersion): number {
  for (let i = 0; i < 4; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}
