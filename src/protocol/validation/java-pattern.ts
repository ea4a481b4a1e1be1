// AWS model patterns are Java regexes matched against the whole value (docs/aws-behaviour/wire-protocols.md).
// `\p{L}`, `\uXXXX` and `\w` mean the same in a JavaScript `u` regex, so wrapping is enough.

const cache = new Map<string, RegExp | null>();

/** The RegExp matching a whole value against a model pattern; undefined when it cannot be translated. */
export function javaPattern(pattern: string): RegExp | undefined {
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    compiled = tryCompile(pattern, 'u') ?? tryCompile(pattern, '') ?? null;
    cache.set(pattern, compiled);
  }
  return compiled ?? undefined;
}

function tryCompile(pattern: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${pattern})$`, flags);
  } catch {
    return undefined;
  }
}

/** True when `value` satisfies `pattern` (an untranslatable pattern accepts everything). */
export function matchesJavaPattern(pattern: string, value: string): boolean {
  return javaPattern(pattern)?.test(value) ?? true;
}
