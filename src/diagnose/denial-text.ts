/**
 * Denial texts arrive pasted from terminals, JSON logs and documentation: wrapped over lines, with
 * escaped quotes and `\n` sequences from a log line, with a stack trace after them. This puts a text in
 * one canonical form, one line with single spaces, so that the grammars need to know none of that.
 */

/** Undoes JSON string escapes (`\"`, `\n`, `\t`, `\\`) left in text copied out of a log line. */
function unescapeLogText(text: string): string {
  if (!/\\["nt\\/]/.test(text)) return text;
  return text.replace(/\\(["nt\\/])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/** The text unescaped (twice: logs of logs), whitespace runs collapsed to one space, trimmed. */
export function canonicalText(text: string): string {
  return unescapeLogText(unescapeLogText(text)).replace(/\s+/g, ' ').trim();
}
