import { Readable } from 'node:stream';

import { isUrlencoded, readUrlencodedBody } from './urlencoded-body.interceptor';
import { WebException, WebExceptionCode } from './web.exception';

function body(text: string, headers: Record<string, string> = {}) {
  return Object.assign(Readable.from([Buffer.from(text)]), { headers });
}

describe(readUrlencodedBody.name, () => {
  it('reads the fields, decoding UTF-8, first value of each name', async () => {
    const text = new URLSearchParams([
      ['text', '跨节点 Pod 无法 ping 通\nline 2'],
      ['kernel', '5.4.0'],
      ['kernel', 'ignored'],
    ]).toString();
    await expect(readUrlencodedBody(body(text), 1024)).resolves.toEqual({
      text: '跨节点 Pod 无法 ping 通\nline 2',
      kernel: '5.4.0',
    });
  });

  it('keeps a field named __proto__ as a plain field', async () => {
    const fields = await readUrlencodedBody(body('__proto__=x&text=y'), 1024);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.keys(fields)).toEqual(['__proto__', 'text']);
  });

  it('refuses a body over the limit, declared or streamed', async () => {
    const tooLarge = expect.objectContaining({ code: WebExceptionCode.PASTE_TOO_LARGE }) as unknown;
    await expect(
      readUrlencodedBody(body('text=x', { 'content-length': '2048' }), 1024),
    ).rejects.toEqual(tooLarge);
    await expect(readUrlencodedBody(body(`text=${'x'.repeat(2000)}`), 1024)).rejects.toBeInstanceOf(
      WebException,
    );
  });
});

describe(isUrlencoded.name, () => {
  it('recognises the form media type with parameters and any case', () => {
    expect(isUrlencoded('application/x-www-form-urlencoded; charset=UTF-8')).toBe(true);
    expect(isUrlencoded('Application/X-WWW-Form-Urlencoded')).toBe(true);
    expect(isUrlencoded('multipart/form-data; boundary=x')).toBe(false);
    expect(isUrlencoded(undefined)).toBe(false);
  });
});
