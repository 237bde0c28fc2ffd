/**
 * Checks a Slack message against Block Kit's documented structure and limits
 * (https://api.slack.com/reference/block-kit): returns what is wrong, an empty list when valid.
 * Independent of the builders, so a test catches a builder that drifts from Slack's rules.
 */
export function slackMessageViolations(message: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(message)) return ['the message is not an object'];
  if (typeof message.text !== 'string' || message.text === '') {
    problems.push('text: a non-empty fallback text is required');
  } else if (message.text.length > 40000) {
    problems.push('text: longer than 40000 characters');
  }
  if (
    message.response_type !== undefined &&
    message.response_type !== 'ephemeral' &&
    message.response_type !== 'in_channel'
  ) {
    problems.push(`response_type: "${String(message.response_type)}"`);
  }
  if (message.blocks === undefined) return problems;
  if (!Array.isArray(message.blocks)) return [...problems, 'blocks: not an array'];
  if (message.blocks.length > 50) problems.push(`blocks: ${message.blocks.length} > 50`);
  message.blocks.forEach((block, index) =>
    problems.push(...blockViolations(block, `blocks[${index}]`)),
  );
  return problems;
}

function blockViolations(block: unknown, at: string): string[] {
  if (!isRecord(block)) return [`${at}: not an object`];
  switch (block.type) {
    case 'header':
      return textViolations(block.text, `${at}.text`, { max: 150, plainOnly: true });
    case 'section':
      return textViolations(block.text, `${at}.text`, { max: 3000 });
    case 'divider':
      return [];
    case 'context': {
      if (!Array.isArray(block.elements) || block.elements.length === 0) {
        return [`${at}.elements: a non-empty array is required`];
      }
      const problems = block.elements.length > 10 ? [`${at}.elements: more than 10`] : [];
      return [
        ...problems,
        ...block.elements.flatMap((element, index) =>
          textViolations(element, `${at}.elements[${index}]`, { max: 3000 }),
        ),
      ];
    }
    case 'actions': {
      if (!Array.isArray(block.elements) || block.elements.length === 0) {
        return [`${at}.elements: a non-empty array is required`];
      }
      const problems = block.elements.length > 25 ? [`${at}.elements: more than 25`] : [];
      const ids = block.elements.map((element) => (isRecord(element) ? element.action_id : ''));
      if (new Set(ids).size !== ids.length) problems.push(`${at}: action_ids are not unique`);
      return [
        ...problems,
        ...block.elements.flatMap((element, index) =>
          buttonViolations(element, `${at}.elements[${index}]`),
        ),
      ];
    }
    default:
      return [`${at}.type: unexpected "${String(block.type)}"`];
  }
}

function buttonViolations(button: unknown, at: string): string[] {
  if (!isRecord(button) || button.type !== 'button') return [`${at}: not a button`];
  const problems = textViolations(button.text, `${at}.text`, { max: 75, plainOnly: true });
  if (typeof button.action_id !== 'string' || button.action_id.length > 255) {
    problems.push(`${at}.action_id: missing or longer than 255`);
  }
  if (
    button.value !== undefined &&
    (typeof button.value !== 'string' || button.value.length > 2000)
  ) {
    problems.push(`${at}.value: not a string of at most 2000 characters`);
  }
  if (button.url !== undefined) {
    if (
      typeof button.url !== 'string' ||
      button.url.length > 3000 ||
      !/^https?:\/\//.test(button.url)
    ) {
      problems.push(`${at}.url: not an http(s) URL of at most 3000 characters`);
    }
  }
  if (button.style !== undefined && button.style !== 'primary' && button.style !== 'danger') {
    problems.push(`${at}.style: "${String(button.style)}"`);
  }
  return problems;
}

function textViolations(
  text: unknown,
  at: string,
  { max, plainOnly = false }: { max: number; plainOnly?: boolean },
): string[] {
  if (!isRecord(text)) return [`${at}: not a text object`];
  const types = plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  const problems: string[] = [];
  if (typeof text.type !== 'string' || !types.includes(text.type)) {
    problems.push(`${at}.type: "${String(text.type)}" is not ${types.join(' or ')}`);
  }
  if (typeof text.text !== 'string' || text.text.length === 0) {
    problems.push(`${at}.text: a non-empty string is required`);
  } else if (text.text.length > max) {
    problems.push(`${at}.text: ${text.text.length} > ${max} characters`);
  }
  if (text.emoji !== undefined && text.type !== 'plain_text') {
    problems.push(`${at}.emoji: only plain_text has it`);
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
