/**
 * Where each statement of a policy document sits in its text, as the IAM policy simulator reports it in
 * `MatchedStatements`: 1-based line and column of the position just after the statement's opening `{`
 * (StartPosition) and just after its closing `}` (EndPosition). The rule is read off AWS's own examples
 * (docs/aws-behaviour/policy-simulator.md, "Statement positions").
 */

/** A place in a text: 1-based line and column. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** The extent of one statement. */
export interface StatementSpan {
  readonly start: TextPosition;
  readonly end: TextPosition;
}

/**
 * The spans of the statements of `text`, in document order: one for a `Statement` object, one per
 * element of a `Statement` array. `text` must be a JSON document that validation accepted.
 */
export function statementSpans(text: string): StatementSpan[] {
  const scanner = new Scanner(text);
  const offsets: [number, number][] = [];
  scanner.skipWhitespace();
  if (text[scanner.pos] !== '{') return [];
  scanner.pos++;
  for (;;) {
    scanner.skipWhitespace();
    if (text[scanner.pos] === '}' || scanner.pos >= text.length) break;
    const key = scanner.string();
    scanner.skipWhitespace();
    scanner.pos++; // ':'
    scanner.skipWhitespace();
    if (key === 'Statement') offsets.push(...statementOffsets(scanner));
    else scanner.skipValue();
    scanner.skipWhitespace();
    if (text[scanner.pos] === ',') scanner.pos++;
  }
  const lines = lineStarts(text);
  return offsets.map(([open, close]) => ({ start: positionOf(lines, open + 1), end: positionOf(lines, close + 1) }));
}

/** The [open, close] offsets of the statement objects of the `Statement` value at the scanner. */
function statementOffsets(scanner: Scanner): [number, number][] {
  const { text } = scanner;
  if (text[scanner.pos] === '{') {
    const open = scanner.pos;
    scanner.skipValue();
    return [[open, scanner.pos - 1]];
  }
  if (text[scanner.pos] !== '[') {
    scanner.skipValue();
    return [];
  }
  const out: [number, number][] = [];
  scanner.pos++;
  for (;;) {
    scanner.skipWhitespace();
    const c = text[scanner.pos];
    if (c === ']' || c === undefined) {
      scanner.pos++;
      return out;
    }
    if (c === ',') {
      scanner.pos++;
      continue;
    }
    const open = scanner.pos;
    scanner.skipValue();
    if (c === '{') out.push([open, scanner.pos - 1]);
  }
}

/** Offsets at which each line starts; `\n`, `\r\n` and a lone `\r` each end a line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function positionOf(lines: readonly number[], offset: number): TextPosition {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lines[low]! + 1 };
}

/** Moves over JSON values without building them. */
class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  skipWhitespace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos]!)) this.pos++;
  }

  /** Reads a string token, decoding its escapes. */
  string(): string {
    const start = this.pos;
    this.skipString();
    return JSON.parse(this.text.slice(start, this.pos)) as string;
  }

  skipValue(): void {
    const c = this.text[this.pos];
    if (c === '"') return this.skipString();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      this.pos++;
      for (;;) {
        this.skipWhitespace();
        const next = this.text[this.pos];
        if (next === undefined) return;
        if (next === close) {
          this.pos++;
          return;
        }
        if (next === ',' || next === ':') this.pos++;
        else this.skipValue();
      }
    }
    while (this.pos < this.text.length && !',]}: \t\n\r'.includes(this.text[this.pos]!)) this.pos++;
  }

  private skipString(): void {
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos++];
      if (c === '\\') this.pos++;
      else if (c === '"') return;
    }
  }
}
