import { type NextFunction, type Request, type Response } from 'express';

import { BodyScreeningError, MAX_JSON_DEPTH, screenRequestBody } from './body-screening';

function screen(contentType: string | undefined, body: unknown, rawBody?: Buffer): unknown {
  const request = { headers: { 'content-type': contentType }, body, rawBody } as unknown as Request;
  const next = jest.fn() as jest.MockedFunction<NextFunction>;
  screenRequestBody(request, {} as Response, next);
  expect(next).toHaveBeenCalledTimes(1);
  return next.mock.calls[0][0];
}

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
};

describe(screenRequestBody.name, () => {
  it('lets ordinary JSON and text through', () => {
    expect(screen('application/json', { text: 'ünïcödé', context: { kernel: '5.4' } })).toBe(
      undefined,
    );
    expect(screen('text/plain; charset=utf-8', 'log', Buffer.from('log'))).toBe(undefined);
  });

  it('leaves other media types to their parsers and routes', () => {
    expect(screen('application/x-www-form-urlencoded', { text: 'a\u0000' })).toBe(undefined);
    expect(screen(undefined, undefined)).toBe(undefined);
  });

  it.each([
    [
      'JSON nested one level too deep',
      'application/json',
      nested(MAX_JSON_DEPTH + 1),
      'entity.too.deep',
    ],
    ['100 000 nested arrays', 'application/json', nested(100_000), 'entity.too.deep'],
    ['a NUL in a JSON string', 'application/json', { text: 'a\u0000' }, 'body.nul.character'],
    ['a NUL in a JSON key', 'application/json', { 'a\u0000': 1 }, 'body.nul.character'],
    ['a NUL in text', 'text/plain', 'a\u0000b', 'body.nul.character'],
    [
      'a __proto__ key',
      'application/json',
      JSON.parse('{"__proto__":{"x":1}}'),
      'body.reserved.key',
    ],
    [
      'a nested constructor key',
      'application/json',
      { a: [{ constructor: {} }] },
      'body.reserved.key',
    ],
  ])('refuses %s with a 400 error', (_name, contentType, body, type) => {
    expect(screen(contentType, body)).toMatchObject({ status: 400, expose: true, type });
  });

  it('accepts JSON exactly at the depth limit', () => {
    expect(screen('application/json', nested(MAX_JSON_DEPTH))).toBe(undefined);
  });

  it('refuses bytes that are not UTF-8, unless another charset is declared', () => {
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9]);

    expect(screen('text/plain', 'caf\ufffd', latin1)).toBeInstanceOf(BodyScreeningError);
    expect(screen('text/plain; charset="UTF-8"', 'caf\ufffd', latin1)).toMatchObject({
      type: 'body.invalid.utf8',
    });
    expect(screen('text/plain; charset=iso-8859-1', 'café', latin1)).toBe(undefined);
  });
});
