import { styleText } from 'node:util';

import { type Fact, type RankedCause } from '../engine';

/** The part of a triage answer the terminal shows (the API response and the engine agree on it). */
export interface TriageAnswer {
  id?: string;
  facts: Fact[];
  causes: RankedCause[];
}

export interface RenderOptions {
  color: boolean;
  /** Link to the stored analysis, when the answer came from a server. */
  permalink?: string;
  /** Causes shown in full; the rest get one line. */
  detailed?: number;
}

type Style = Parameters<typeof styleText>[0];

/** Plain text for a terminal: ranked causes with evidence, why, remediation and references. */
export function renderTerminal(answer: TriageAnswer, options: RenderOptions): string {
  // The CLI decides colour itself (TTY, --no-color, NO_COLOR), so styleText must not second-guess it.
  const paint = (style: Style, text: string): string =>
    options.color ? styleText(style, text, { validateStream: false }) : text;
  const detailed = options.detailed ?? 3;
  const out: string[] = [];

  if (answer.facts.length > 0) {
    const facts = answer.facts.map((fact) => `${fact.name}=${fact.value}`).join('  ');
    out.push(`${paint('dim', 'facts:')} ${facts}`, '');
  }
  if (answer.causes.length === 0) {
    out.push('No known cause matches this paste.');
    out.push(
      paint(
        'dim',
        "Add the failing component's logs (calico-node, kube-proxy, kubelet) or describe the symptom.",
      ),
    );
  }
  answer.causes.forEach((cause, index) => {
    const band = { high: 'green', medium: 'yellow', low: 'gray' } as const;
    const header = `${index + 1}. ${cause.title}`;
    out.push(
      `${paint('bold', header)}  ${paint(band[cause.confidence], `${cause.confidence} ${cause.score.toFixed(2)}`)}  ${paint('dim', cause.issueId)}`,
    );
    if (index >= detailed) return;
    for (const evidence of cause.evidence.slice(0, 5)) {
      out.push(`   ${paint('cyan', `L${evidence.line}`)} ${evidence.text.trim().slice(0, 160)}`);
    }
    for (const reason of cause.why) out.push(`   ${paint('dim', '·')} ${reason}`);
    out.push(`   ${paint('bold', 'cause:')} ${cause.rootCause.trim().split('\n').join(' ')}`);
    cause.remediation.forEach((step, stepIndex) => {
      out.push(`   ${paint('bold', `fix ${stepIndex + 1}:`)} ${step.title}`);
      for (const command of step.commands) out.push(`      ${paint('green', '$')} ${command}`);
    });
    for (const reference of cause.references) out.push(`   ${paint('blue', reference)}`);
    out.push('');
  });
  if (options.permalink) out.push(`${paint('dim', 'analysis:')} ${options.permalink}`);
  return `${out.join('\n').trimEnd()}\n`;
}
