import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder holding kubetriage's package.json, found upwards from `start`: the same from
 * `src/config` (ts-node, tests) and from `dist/src/config` (the build), whatever the cwd.
 */
export function findPackageRoot(start: string = __dirname): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`No package.json found above ${start}`);
    }
    dir = parent;
  }
  return dir;
}
