/** One invalid field of a request: `context.kernel`, `text`, … */
export interface FieldError {
  field: string;
  message: string;
}

/** A request body or parameter that failed validation; becomes a 400 with an `errors` list. */
export class RequestValidationException extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((error) => `${error.field}: ${error.message}`).join('; '));
    this.name = 'RequestValidationException';
  }
}
