import { type FormError, type PasteFormValues } from './views/paste-form.view';

export enum WebExceptionCode {
  /** The paste form was sent without text or file, or with invalid environment fields. */
  INVALID_PASTE_FORM = 'INVALID_PASTE_FORM',
  /** The form body (paste or file) is over BODY_LIMIT. */
  PASTE_TOO_LARGE = 'PASTE_TOO_LARGE',
  /** A page address that names nothing (a malformed analysis id, an unknown asset). */
  PAGE_NOT_FOUND = 'PAGE_NOT_FOUND',
  /** A form post with a body the pages never send (JSON to the feedback form, a bad verdict). */
  INVALID_FORM = 'INVALID_FORM',
  /** The paste was analysed but the database is unavailable: there is no result page to show. */
  ANALYSIS_NOT_STORED = 'ANALYSIS_NOT_STORED',
}

/** An error of the web pages; WebExceptionFilter renders it as a page, never as JSON. */
export class WebException extends Error {
  constructor(
    message: string,
    readonly code: WebExceptionCode,
    /** For INVALID_PASTE_FORM: the errors by field and the values to show the form again with. */
    readonly form?: { errors: FormError[]; values: PasteFormValues },
  ) {
    super(message);
    this.name = 'WebException';
  }
}
