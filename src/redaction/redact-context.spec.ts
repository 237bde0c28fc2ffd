import { redactContext } from './redact-context';
import { REDACTED } from './redact-secrets';

describe(redactContext.name, () => {
  it('keeps ordinary versions as they are', () => {
    const context = {
      kernel: '5.4.0-189-generic',
      os: 'Ubuntu 20.04',
      kubernetes: '1.28.6',
      components: { calico: '3.27.3' },
    };

    expect(redactContext(context)).toEqual(context);
  });

  it('redacts a secret typed into any field', () => {
    const sut = redactContext({
      os: 'password=hunter2hunter2',
      kubernetes: 'Bearer abcdefghijklmnop',
      components: { calico: 'AKIAIOSFODNN7EXAMPLE' },
    });

    expect(sut).toEqual({
      os: `password=${REDACTED}`,
      kubernetes: `Bearer ${REDACTED}`,
      components: { calico: REDACTED },
    });
  });

  it('adds no field that was not stated', () => {
    expect(redactContext({ kernel: '6.1' })).toEqual({ kernel: '6.1' });
  });
});
