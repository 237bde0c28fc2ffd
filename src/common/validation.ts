import { ValidationPipe } from '@nestjs/common';
import { type ValidationError } from 'class-validator';

import { type FieldError, RequestValidationException } from './request-validation.exception';

/**
 * Flattens class-validator errors into `{ field, message }` pairs with dotted paths
 * (`context.components`), one per failed constraint.
 */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field =
      parent && error.property ? `${parent}.${error.property}` : parent || error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field: field ?? '',
      message,
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field ?? '')];
  });
}

/** The request validation every DTO gets: unknown fields are refused, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Keeps a client's values out of the echo (a pasted secret in a wrong field stays private).
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationException(toFieldErrors(errors)),
  });
}
