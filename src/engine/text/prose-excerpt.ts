/** Only the head of a paste is searched for prose: people write above the log they paste. */
export const PROSE_SCAN_CHARS = 262_144;
const EXCERPT_CHARS = 32_768;
/** Lines are judged on their first characters, so a 5 MB line costs no more than a short one. */
const JUDGED_CHARS = 400;

const FENCE = /^\s*(`{3,}|~{3,})/;
const LOG_PREFIX = new RegExp(
  [
    String.raw`^\s*\[?\d{4}[-/]\d{2}[-/]\d{2}`, // 2024-05-30 08:11:02, [2024/05/30 …
    String.raw`^\s*[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}`, // journald: Jun 12 10:02:11
    String.raw`^\s*[IWEF]\d{4} \d{2}:\d{2}`, // klog: I1204 15:32:28.549370
    String.raw`^\s*\d{1,2}:\d{2}:\d{2}`,
    String.raw`^\s*(?:time|ts|level)=`,
    String.raw`^\s*\[(?:INFO|WARN|WARNING|ERROR|ERRO|DEBUG|FATAL|PANIC|TRACE)\]`, // CoreDNS, Felix
    String.raw`^\s*[$#>]\s`, // shell prompts: $ kubectl …, # uname -a
    String.raw`^\s*\[[\w.-]+@[^\]\n]{1,80}\][#$]`, // [root@worker-2 ~]#
    String.raw`^\s*[\w.-]+@[\w.-]+:[^\n#$]{0,80}[#$]`, // root@node1:~#
    String.raw`^\s*(?:TASK|fatal|ok|changed|PLAY)\s*[:[]`, // ansible
    String.raw`^\s*[\w.-]+(?:\.[\w-]+)+\s*=\s*\S+\s*$`, // sysctl: net.ipv4.ip_forward = 1
    String.raw`^\s*[\w"-]+:\s*\S*\s*$`, // YAML key: value
    String.raw`^\s*\S+\s{2,}\S+\s{2,}\S+`, // columns: kubectl get, ipvsadm, ls
    String.raw`^\s*\{`, // JSON
  ].join('|'),
);
const KEY_VALUES = /\b\w+=\S+[^\n]*?\b\w+=\S+/;
const WORDS = /[A-Za-z][A-Za-z'-]+/g;
const HAN = /\p{Script=Han}/gu;
const SPACE = /\s/g;
/** A sentence is mostly words; binary junk and dumps have letters scattered among symbols. */
const MIN_WORD_COVERAGE = 0.5;

function isProse(line: string): boolean {
  const head = line.slice(0, JUDGED_CHARS);
  if (LOG_PREFIX.test(head) || KEY_VALUES.test(head)) return false;
  const hanChars = head.match(HAN) ?? [];
  const wordList = head.match(WORDS) ?? [];
  const covered = hanChars.length + wordList.reduce((sum, word) => sum + word.length, 0);
  const visible = head.length - (head.match(SPACE)?.length ?? 0);
  if (visible === 0 || covered / visible < MIN_WORD_COVERAGE) return false;
  const han = hanChars.length;
  const words = wordList.length;
  // Three words are still a version banner ("iptables v1.8.8 (nf_tables)"); four start a sentence.
  return han >= 4 || words >= 4;
}

/**
 * What a person wrote in a paste: titles, descriptions, questions, in English or Chinese. Log
 * lines, command output and code blocks are left out: they are matched by signals, and as bags
 * of words a healthy `net.ipv4.ip_forward = 1` and a failing one look the same.
 */
export function proseExcerpt(text: string): string {
  const kept: string[] = [];
  let size = 0;
  let inFence = false;
  const head = text.length > PROSE_SCAN_CHARS ? text.slice(0, PROSE_SCAN_CHARS) : text;
  for (const line of head.split('\n')) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    // Four Han characters or four words: anything shorter is not a sentence.
    if (inFence || line.length < 4 || !isProse(line)) continue;
    const piece = line.slice(0, JUDGED_CHARS);
    kept.push(piece);
    size += piece.length;
    if (size >= EXCERPT_CHARS) break;
  }
  return kept.join('\n');
}
