/**
 * ARN patterns of Resource / NotResource and the Arn* condition operators (docs/aws-behaviour/iam-policy-language.md): the pattern
 * and the ARN are split on `:` into six parts (the sixth keeps the rest); parts one to five match
 * within their segment, the sixth may span `/` and `:`. A pattern of fewer than six parts is matched
 * literally: only the same string matches. Policy variables are substituted only in the sixth part of a Resource.
 */
import { compileGlob, escapeGlob, hasWildcard, type GlobMatcher } from './glob.ts';
import { compileVariables, resolveVariables, type VariableTemplate } from './policy-variables.ts';
import type { RequestContext } from './request-context.ts';

const ANY_SEGMENT: GlobMatcher = () => true;

/** A resource of a request, split on first use. */
export class ResourceName {
  private split: readonly string[] | undefined;
  constructor(readonly text: string) {}
  /** The six ARN parts, or fewer when `text` has fewer colons. */
  parts(): readonly string[] {
    return (this.split ??= splitArn(this.text));
  }
}

/** Splits an ARN into at most six parts. */
export function splitArn(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(':', start);
    if (colon < 0) break;
    parts.push(text.slice(start, colon));
    start = colon + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

/** A compiled ARN pattern. */
export type ArnMatcher = (resource: ResourceName, context: RequestContext) => boolean;

/**
 * Compiles `pattern`. With `variables` (Version 2012-10-17), `${...}` is substituted: in the sixth
 * part only when `variablesIn` is 'resource-part', everywhere when 'whole' (Arn* condition values).
 */
export function compileArnPattern(pattern: string, variables: boolean, variablesIn: 'resource-part' | 'whole'): ArnMatcher {
  if (pattern === '*') return () => true;
  const parts = splitArn(pattern);
  if (variables && variablesIn === 'whole') {
    const template = compileVariables(pattern, true);
    if (typeof template !== 'string') return dynamicWhole(template);
    return compileStatic(template, splitArn(template));
  }
  if (variables && parts.length === 6) {
    const last = compileVariables(parts[5] ?? '', true);
    if (typeof last !== 'string') return dynamicLastPart(parts.slice(0, 5), last);
    return compileStatic(pattern, [...parts.slice(0, 5), last]);
  }
  return compileStatic(pattern, parts);
}

function compileStatic(pattern: string, parts: readonly string[]): ArnMatcher {
  if (parts.length < 6) {
    // Not an ARN shape: only the very same string matches (docs/aws-behaviour/iam-policy-language.md).
    return (resource) => resource.text === pattern;
  }
  if (!hasWildcard(pattern)) {
    const exact = compileGlob(parts.join(':'));
    return (resource) => exact(resource.text);
  }
  const head = parts.slice(0, 5);
  const tail = compileGlob(parts[5] ?? '');
  if (!head.some(hasWildcard)) {
    const prefixText = head.join(':') + ':';
    return (resource) => resource.text.startsWith(prefixText) && tail(resource.text.slice(prefixText.length));
  }
  // Literal segments compare as strings; only wildcard segments pay for a matcher.
  const segments: (string | GlobMatcher)[] = head.map((segment) => (segment === '*' ? ANY_SEGMENT : hasWildcard(segment) ? compileGlob(segment) : segment));
  return (resource) => {
    const actual = resource.parts();
    if (actual.length !== 6) return false;
    for (let i = 0; i < 5; i++) {
      const segment = segments[i]!;
      if (segment === ANY_SEGMENT) continue;
      if (typeof segment === 'string' ? segment !== actual[i] : !segment(actual[i]!)) return false;
    }
    return tail(actual[5]!);
  };
}

function dynamicLastPart(head: readonly string[], last: VariableTemplate): ArnMatcher {
  const segments = head.map(compileGlob);
  return (resource, context) => {
    const actual = resource.parts();
    if (actual.length !== 6) return false;
    for (let i = 0; i < 5; i++) if (!segments[i]!(actual[i]!)) return false;
    const resolved = resolveVariables(last, context, true);
    return resolved !== undefined && compileGlob(resolved)(actual[5]!);
  };
}

function dynamicWhole(template: VariableTemplate): ArnMatcher {
  return (resource, context) => {
    const resolved = resolveVariables(template, context, true);
    if (resolved === undefined) return false;
    return compileStatic(resolved, splitArn(resolved))(resource, context);
  };
}

/** Escapes a literal ARN so it can be used as a pattern matching only itself. */
export function literalArnPattern(arn: string): string {
  return escapeGlob(arn);
}
