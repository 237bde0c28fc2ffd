/** Markdown helpers shared by the Mattermost and Teams replies (Slack has its own `mrkdwn`). */

/** Escapes the Markdown characters that would restyle a title or a fact value. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_~[\]<>|#])/g, '\\$1');
}

/** Inline code; a backtick inside would end the span early, so it becomes a look-alike. */
export function markdownCode(text: string): string {
  return `\`${text.replace(/`/g, 'ˋ')}\``;
}

/** A fenced block; a fence inside the content would close it early. */
export function markdownCodeBlock(text: string): string {
  return `\`\`\`\n${text.replace(/```/g, 'ˋˋˋ')}\n\`\`\``;
}
