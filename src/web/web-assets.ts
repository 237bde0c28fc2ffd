import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Injectable } from '@nestjs/common';

import { findPackageRoot } from '../config/package-root';
import { type AssetUrls } from './views/layout.view';

export interface WebAsset {
  body: Buffer;
  contentType: string;
  /** Short content hash: the `v` of the asset's URL and its ETag. */
  version: string;
}

const ASSET_TYPES: Record<string, string> = {
  'app.css': 'text/css; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
};

/**
 * The CSS, script and icon of the pages. They live in `src/web/assets/` (not compiled), found from
 * the package root, so `ts-node`, the tests and `dist/` serve the same files; read once at start.
 */
@Injectable()
export class WebAssets {
  private readonly assets: ReadonlyMap<string, WebAsset>;

  constructor() {
    this.assets = loadAssets(join(findPackageRoot(__dirname), 'src', 'web', 'assets'));
  }

  find(name: string): WebAsset | undefined {
    return this.assets.get(name);
  }

  /** URLs with the content version, so a changed file is never served from a stale cache. */
  urls(): AssetUrls {
    const url = (name: string) => `/assets/${name}?v=${this.assets.get(name)?.version ?? ''}`;
    return { css: url('app.css'), js: url('app.js'), icon: url('favicon.svg') };
  }
}

export function loadAssets(directory: string): Map<string, WebAsset> {
  return new Map(
    Object.entries(ASSET_TYPES).map(([name, contentType]) => {
      const body = readFileSync(join(directory, name));
      const version = createHash('sha256').update(body).digest('hex').slice(0, 12);
      return [name, { body, contentType, version }];
    }),
  );
}
