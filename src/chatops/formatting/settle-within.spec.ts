import { settle, settleWithin, unwrap } from './settle-within';

describe(settleWithin.name, () => {
  it('returns the outcome of work that finishes in time', async () => {
    const sut = await settleWithin(settle(Promise.resolve(42)), 1000);

    expect(sut).toEqual({ status: 'fulfilled', value: 42 });
  });

  it('returns undefined for slow work, whose later failure stays handled', async () => {
    let fail: (error: Error) => void = () => undefined;
    const slow = settle(new Promise<number>((_resolve, reject) => (fail = reject)));

    await expect(settleWithin(slow, 5)).resolves.toBeUndefined();
    fail(new Error('late'));
    const late = await slow;
    expect(() => unwrap(late)).toThrow('late');
  });
});
