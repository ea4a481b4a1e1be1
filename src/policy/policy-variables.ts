/**
 * Policy variables (docs/aws-behaviour/iam-policy-language.md): `${key}`, `${key, 'default'}` and the escapes `${*}`, `${?}`, `${$}`.
 * Honoured only in Version 2012-10-17 documents. A value is compiled once into literal and variable
 * parts; resolving it against a request gives the text, or undefined when a variable has no value
 * (the value then matches nothing).
 */
import { LITERAL_QUESTION, LITERAL_STAR, escapeGlob } from './glob.ts';
import type { RequestContext } from './request-context.ts';

type Part = { readonly literal: string } | { readonly key: string; readonly fallback: string | undefined };

/** A value with at least one variable. */
export interface VariableTemplate {
  readonly parts: readonly Part[];
  /** The variables' lower-cased keys, for explanations. */
  readonly keys: readonly string[];
}

const VARIABLE = /\$\{([^{}$]*|\$)\}/g;
const WITH_DEFAULT = /^\s*([^,\s]+)\s*,\s*'([^']*)'\s*$/;

/**
 * Splits `text` into parts. `forGlob` marks the escapes and substituted values as literal for a
 * wildcard pattern. Returns a plain string when nothing is variable.
 */
export function compileVariables(text: string, forGlob: boolean): string | VariableTemplate {
  if (!text.includes('${')) return text;
  const parts: Part[] = [];
  const keys: string[] = [];
  let last = 0;
  let literal = '';
  for (const m of text.matchAll(VARIABLE)) {
    literal += text.slice(last, m.index);
    last = m.index + m[0].length;
    const body = m[1] ?? '';
    if (body === '*') literal += forGlob ? LITERAL_STAR : '*';
    else if (body === '?') literal += forGlob ? LITERAL_QUESTION : '?';
    else if (body === '$') literal += '$';
    else {
      const withDefault = WITH_DEFAULT.exec(body);
      const key = (withDefault ? withDefault[1] ?? '' : body.trim()).toLowerCase();
      if (key === '' || /\s/.test(key)) { literal += m[0]; continue; } // malformed: stays literal (AWS documents no error for it)
      if (literal) parts.push({ literal });
      literal = '';
      parts.push({ key, fallback: withDefault ? withDefault[2] : undefined });
      keys.push(key);
    }
  }
  literal += text.slice(last);
  if (parts.length === 0) return literal;
  if (literal) parts.push({ literal });
  return { parts, keys };
}

/** Substitutes the request's values; undefined when a variable is absent (without default) or multi-valued. */
export function resolveVariables(template: VariableTemplate, context: RequestContext, forGlob: boolean): string | undefined {
  let out = '';
  for (const part of template.parts) {
    if ('literal' in part) {
      out += part.literal;
      continue;
    }
    const value = context.get(part.key);
    let text: string | undefined;
    if (value === undefined) text = part.fallback;
    else if (typeof value === 'string') text = value;
    else return undefined; // only single-valued keys can be variables (IAM User Guide, policy variables)
    if (text === undefined) return undefined;
    out += forGlob ? escapeGlob(text) : text;
  }
  return out;
}
