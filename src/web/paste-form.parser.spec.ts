import { parsePasteForm, readFormValues, WEB_SOURCE } from './paste-form.parser';
import { WebException, WebExceptionCode } from './web.exception';

const file = (text: string | Buffer, originalname = 'node.log') => {
  const buffer = typeof text === 'string' ? Buffer.from(text) : text;
  return { originalname, size: buffer.length, buffer };
};

async function formErrors(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(WebException);
  const exception = error as WebException;
  expect(exception.code).toBe(WebExceptionCode.INVALID_PASTE_FORM);
  return exception.form;
}

describe(parsePasteForm.name, () => {
  it('turns the typed text and environment into the API request', async () => {
    await expect(
      parsePasteForm(
        {
          text: 'calico-node: failed to wipe the XDP state',
          kernel: ' 5.4.0-189-generic ',
          os: 'Ubuntu 20.04',
          kubernetes: '1.28.6',
          cni: 'calico',
          cniVersion: '3.27.3',
        },
        undefined,
      ),
    ).resolves.toEqual({
      text: 'calico-node: failed to wipe the XDP state',
      context: {
        kernel: '5.4.0-189-generic',
        os: 'Ubuntu 20.04',
        kubernetes: '1.28.6',
        components: { calico: '3.27.3' },
      },
      source: WEB_SOURCE,
    });
  });

  it('reads the uploaded log file, after any typed text', async () => {
    await expect(parsePasteForm({ text: '' }, file('line 1\nline 2\n'))).resolves.toEqual({
      text: 'line 1\nline 2\n',
      source: WEB_SOURCE,
    });
    await expect(parsePasteForm({ text: 'typed' }, file('from file'))).resolves.toMatchObject({
      text: 'typed\nfrom file',
    });
  });

  it('refuses an empty paste with a message on the text box', async () => {
    const form = await formErrors(parsePasteForm({ text: '  \n\t', kernel: '5.4.0' }, undefined));
    expect(form?.errors).toEqual([
      { field: 'text', message: 'Paste a log or describe the symptom, or choose a log file.' },
    ]);
    // The other values come back so the user does not type them again.
    expect(form?.values.kernel).toBe('5.4.0');
  });

  it('refuses a binary file', async () => {
    const form = await formErrors(
      parsePasteForm({}, file(Buffer.from([0x7f, 0x45, 0, 1]), 'core.bin')),
    );
    expect(form?.errors).toEqual([{ field: 'file', message: 'core.bin is not a text file.' }]);
  });

  it('asks for the CNI when only its version is given, and refuses unknown CNIs', async () => {
    const missing = await formErrors(
      parsePasteForm({ text: 'x', cniVersion: '3.27.3' }, undefined),
    );
    expect(missing?.errors).toEqual([
      { field: 'cni', message: 'Choose the CNI the version is for.' },
    ]);
    const unknown = await formErrors(parsePasteForm({ text: 'x', cni: 'weave' }, undefined));
    expect(unknown?.errors).toEqual([{ field: 'cni', message: 'Choose a CNI from the list.' }]);
  });

  it('applies the API validation and names the form input', async () => {
    const form = await formErrors(
      parsePasteForm({ text: 'x', kubernetes: '1'.repeat(101) }, undefined),
    );
    expect(form?.errors).toEqual([
      { field: 'kubernetes', message: expect.stringContaining('kubernetes') as string },
    ]);
  });
});

describe(readFormValues.name, () => {
  it('keeps string fields only and ignores anything else', () => {
    expect(readFormValues({ text: ['a', 'b'], kernel: 5, os: 'Ubuntu', extra: 'x' })).toEqual({
      text: '',
      kernel: '',
      os: 'Ubuntu',
      kubernetes: '',
      cni: '',
      cniVersion: '',
    });
    expect(readFormValues(undefined).text).toBe('');
  });
});
