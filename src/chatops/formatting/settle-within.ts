export type Outcome<T> =
  { status: 'fulfilled'; value: T } | { status: 'rejected'; reason: unknown };

/** A promise's outcome as a value: awaiting it never throws, so a late failure is never unhandled. */
export function settle<T>(promise: Promise<T>): Promise<Outcome<T>> {
  return promise.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );
}

/** The outcome if it arrives within `ms`, otherwise `undefined` (the work goes on). */
export async function settleWithin<T>(
  outcome: Promise<Outcome<T>>,
  ms: number,
): Promise<Outcome<T> | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The value of a settled outcome, or its error thrown again. */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.status === 'rejected') throw outcome.reason;
  return outcome.value;
}
