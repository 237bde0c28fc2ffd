import { RequestValidationException } from '../common/request-validation.exception';
import { createValidationPipe } from '../common/validation';
import { type TriageContext } from '../engine';
import { type TriageRequest, TriageRequestDto } from '../triage/triage-request.dto';
import {
  CNI_CHOICES,
  EMPTY_FORM_VALUES,
  type FormError,
  type PasteFormValues,
} from './views/paste-form.view';
import { WebException, WebExceptionCode } from './web.exception';

/** The part of a multer file the form needs (multer's own types are not a dependency). */
export interface UploadedLogFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** Marks analyses submitted through the web form. */
export const WEB_SOURCE = 'web';

/** Form inputs the API's field names map to, for error messages next to the right input. */
const INPUT_OF_FIELD: Record<string, keyof PasteFormValues> = {
  text: 'text',
  'context.kernel': 'kernel',
  'context.os': 'os',
  'context.kubernetes': 'kubernetes',
  'context.components': 'cniVersion',
};

/** The form's string fields; anything else sent (arrays, unknown names) is ignored. */
export function readFormValues(body: unknown): PasteFormValues {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const values = { ...EMPTY_FORM_VALUES };
  for (const name of Object.keys(values) as (keyof PasteFormValues)[]) {
    const value = record[name];
    if (typeof value === 'string') values[name] = name === 'text' ? value : value.trim();
  }
  return values;
}

/**
 * The paste form (typed text and/or a log file, optional environment) as the API's triage
 * request, validated by the same DTO as POST /api/v1/triage. Problems are thrown as one
 * INVALID_PASTE_FORM exception listing each bad field, with the values to show the form again.
 */
export async function parsePasteForm(
  body: unknown,
  file: UploadedLogFile | undefined,
): Promise<TriageRequest> {
  const values = readFormValues(body);
  const errors: FormError[] = [];

  let fileText = '';
  if (file && file.size > 0) {
    fileText = file.buffer.toString('utf8');
    if (fileText.includes('\u0000')) {
      errors.push({ field: 'file', message: `${file.originalname} is not a text file.` });
      fileText = '';
    }
  }
  const text = [values.text, fileText].filter((part) => /\S/.test(part)).join('\n');
  if (text === '' && errors.length === 0) {
    errors.push({
      field: 'text',
      message: 'Paste a log or describe the symptom, or choose a log file.',
    });
  }

  const context: TriageContext = {};
  if (values.kernel) context.kernel = values.kernel;
  if (values.os) context.os = values.os;
  if (values.kubernetes) context.kubernetes = values.kubernetes;
  const cni = CNI_CHOICES.find((choice) => choice === values.cni);
  if (values.cni && !cni) {
    errors.push({ field: 'cni', message: 'Choose a CNI from the list.' });
  } else if (values.cniVersion && !cni) {
    errors.push({ field: 'cni', message: 'Choose the CNI the version is for.' });
  } else if (cni && values.cniVersion) {
    context.components = { [cni]: values.cniVersion };
  }

  const request: TriageRequest = {
    text,
    ...(Object.keys(context).length > 0 ? { context } : {}),
    source: WEB_SOURCE,
  };
  if (errors.length === 0) {
    errors.push(...(await validationErrors(request)));
  }
  if (errors.length > 0) {
    throw new WebException('The paste form is invalid.', WebExceptionCode.INVALID_PASTE_FORM, {
      errors,
      values,
    });
  }
  return request;
}

/** The API's own validation of the request, with errors named by form input. */
async function validationErrors(request: TriageRequest): Promise<FormError[]> {
  try {
    await createValidationPipe().transform(request, { type: 'body', metatype: TriageRequestDto });
    return [];
  } catch (error) {
    if (!(error instanceof RequestValidationException)) throw error;
    return error.errors.map((fieldError) => ({
      field: INPUT_OF_FIELD[fieldError.field] ?? 'text',
      message: fieldError.message,
    }));
  }
}
