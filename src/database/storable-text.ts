/**
 * PostgreSQL `text` cannot hold U+0000 ("invalid byte sequence for encoding UTF8: 0x00"), a web
 * form or chat message can carry one, and the API refuses it earlier (body-screening.ts). Every
 * free text is stored with NUL as U+FFFD, the same length, so line numbers and columns hold.
 */
export function storableText(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
}

export function storableNullableText(text: string | null): string | null {
  return text === null ? null : storableText(text);
}
