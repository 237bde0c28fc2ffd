import { Controller, Get, Headers, Param, Query, Res, UseFilters } from '@nestjs/common';
import { type Response } from 'express';

import { WebException, WebExceptionCode } from './web.exception';
import { WebAssets } from './web-assets';
import { WebExceptionFilter } from './web-exception.filter';

/** GET /assets/{name}: the pages' CSS, script and icon, served by the service itself. */
@Controller('assets')
@UseFilters(WebExceptionFilter)
export class AssetsController {
  constructor(private readonly assets: WebAssets) {}

  @Get(':name')
  get(
    @Param('name') name: string,
    @Query('v') version: unknown,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): void {
    const asset = this.assets.find(name);
    if (!asset) {
      throw new WebException(`There is no asset named ${name}.`, WebExceptionCode.PAGE_NOT_FOUND);
    }
    const etag = `"${asset.version}"`;
    response.set({
      'Content-Type': asset.contentType,
      'X-Content-Type-Options': 'nosniff',
      ETag: etag,
      // A versioned URL never changes content; an unversioned one is checked with its ETag.
      'Cache-Control':
        version === asset.version ? 'public, max-age=31536000, immutable' : 'public, no-cache',
    });
    if (ifNoneMatch === etag) {
      response.status(304).end();
      return;
    }
    response.status(200).send(asset.body);
  }
}
