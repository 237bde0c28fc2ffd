import { ValidateBy, type ValidationOptions } from 'class-validator';

const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,49}$/;

/** A flat `{ name: "version" }` map: short identifier keys, short string values. */
export function isStringRecord(value: unknown, maxEntries = 50, maxValueLength = 100): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const entries = Object.entries(value);
  return (
    entries.length <= maxEntries &&
    entries.every(
      ([key, item]) =>
        KEY.test(key) &&
        typeof item === 'string' &&
        item.length > 0 &&
        item.length <= maxValueLength,
    )
  );
}

export function IsStringRecord(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStringRecord',
      validator: {
        validate: (value: unknown) => isStringRecord(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must map component names to version strings, e.g. {"calico": "3.27.3"}`,
      },
    },
    options,
  );
}
