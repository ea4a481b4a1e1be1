/**
 * The wildcard language of policies (docs/aws-behaviour/iam-policy-language.md): `*` matches any run of characters (also `/` and
 * `:`), `?` exactly one, everything else is literal. Matching is linear-time backtracking over the
 * last `*` (no regular expressions, so hostile patterns cannot blow up).
 *
 * Text that must stay literal even though it contains `*` or `?` (the `${*}` and `${?}` escapes, and
 * values substituted for policy variables) is marked with the private-use characters below.
 */

/** In a pattern, matches a literal `*`. */
export const LITERAL_STAR = '\uE000';
/** In a pattern, matches a literal `?`. */
export const LITERAL_QUESTION = '\uE001';

/** Marks `*` and `?` in `text` as literal characters of a pattern. */
export function escapeGlob(text: string): string {
  if (!text.includes('*') && !text.includes('?')) return text;
  return text.replaceAll('*', LITERAL_STAR).replaceAll('?', LITERAL_QUESTION);
}

/** True when `pattern` contains an active wildcard. */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** Matches `subject` against `pattern` (both taken as given: lower-case them first for case-insensitive use). */
export function globMatch(pattern: string, subject: string): boolean {
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  const pl = pattern.length;
  const sl = subject.length;
  while (s < sl) {
    if (p < pl) {
      const pc = pattern.charCodeAt(p);
      if (pc === 0x2a /* * */) {
        starP = p++;
        starS = s;
        continue;
      }
      const sc = subject.charCodeAt(s);
      if (pc === 0x3f /* ? */ || pc === sc || (pc === 0xe000 && sc === 0x2a) || (pc === 0xe001 && sc === 0x3f)) {
        p++;
        s++;
        continue;
      }
    }
    if (starP < 0) return false;
    p = starP + 1;
    s = ++starS;
  }
  while (p < pl && pattern.charCodeAt(p) === 0x2a) p++;
  return p === pl;
}

/** A matcher compiled from one pattern, with fast paths for the common shapes. */
export type GlobMatcher = (subject: string) => boolean;

/** Compiles `pattern` into a matcher. */
export function compileGlob(pattern: string): GlobMatcher {
  if (pattern === '*') return () => true;
  const star = pattern.indexOf('*');
  const question = pattern.indexOf('?');
  const literal = (text: string) => text.replaceAll(LITERAL_STAR, '*').replaceAll(LITERAL_QUESTION, '?');
  if (star < 0 && question < 0) {
    const exact = literal(pattern);
    return (subject) => subject === exact;
  }
  if (question < 0 && star === pattern.length - 1) {
    const prefix = literal(pattern.slice(0, -1));
    return (subject) => subject.startsWith(prefix);
  }
  if (question < 0 && star === 0 && pattern.indexOf('*', 1) < 0) {
    const suffix = literal(pattern.slice(1));
    return (subject) => subject.endsWith(suffix);
  }
  return (subject) => globMatch(pattern, subject);
}
