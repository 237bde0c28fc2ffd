import { RequestValidationException } from '../common/request-validation.exception';
import { TriageException } from './triage.exception';
import { TriageRequestPipe } from './triage-request.pipe';

describe(TriageRequestPipe.name, () => {
  const sut = new TriageRequestPipe();

  it('validates a JSON body into a plain request', async () => {
    const request = await sut.transform({
      contentType: 'application/json; charset=utf-8',
      body: { text: 'log', context: { kernel: '5.4.0', components: { calico: '3.27.3' } } },
    });

    expect(request).toEqual({
      text: 'log',
      context: { kernel: '5.4.0', components: { calico: '3.27.3' } },
    });
  });

  it('accepts structured JSON media types', async () => {
    await expect(
      sut.transform({ contentType: 'application/vnd.kubetriage+json', body: { text: 'log' } }),
    ).resolves.toEqual({ text: 'log' });
  });

  it('takes a text/plain body as the text', async () => {
    await expect(
      sut.transform({ contentType: 'text/plain; charset=utf-8', body: 'raw paste\n' }),
    ).resolves.toEqual({ text: 'raw paste\n' });
  });

  it.each([
    ['an empty text/plain body', 'text/plain', undefined],
    ['a blank text/plain body', 'text/plain', ' \n '],
    ['blank JSON text', 'application/json', { text: '\t' }],
    ['a JSON array', 'application/json', [{ text: 'x' }]],
    ['unknown JSON fields', 'application/json', { text: 'x', extra: 1 }],
  ])('refuses %s as a validation error', async (_name, contentType, body) => {
    await expect(sut.transform({ contentType, body })).rejects.toBeInstanceOf(
      RequestValidationException,
    );
  });

  it.each([['application/xml'], ['multipart/form-data; boundary=x'], [undefined]])(
    'refuses the media type %s',
    async (contentType) => {
      await expect(sut.transform({ contentType, body: 'x' })).rejects.toBeInstanceOf(
        TriageException,
      );
    },
  );
});
