/** `help`, `--help`, `-h`, `?` or nothing at all: the person wants the usage, not a triage. */
export function isHelpRequest(text: string): boolean {
  return /^(?:help|--help|-h|\?)?$/i.test(text.trim());
}
