import { type TriageContext } from '../engine';
import { redactSecrets } from './redact-secrets';

/**
 * The stated context and source are stored and echoed like the paste, so a secret typed into
 * them (a password as the "OS", a token as the source) is redacted the same way.
 */
export function redactContext(context: TriageContext): TriageContext {
  const redact = (value: string): string => redactSecrets(value).text;
  return {
    ...(context.kernel === undefined ? {} : { kernel: redact(context.kernel) }),
    ...(context.os === undefined ? {} : { os: redact(context.os) }),
    ...(context.kubernetes === undefined ? {} : { kubernetes: redact(context.kubernetes) }),
    ...(context.components === undefined
      ? {}
      : {
          components: Object.fromEntries(
            Object.entries(context.components).map(([name, version]) => [name, redact(version)]),
          ),
        }),
  };
}
