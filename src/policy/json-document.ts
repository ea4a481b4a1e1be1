/**
 * A strict JSON reader for policy documents. Unlike `JSON.parse` it refuses duplicate object keys
 * (AWS's behaviour there is unspecified, so the stricter reading is taken; docs/aws-behaviour/iam-policy-language.md) and bounds nesting depth, so
 * hostile input gets an error instead of a stack overflow. Objects are null-prototype, so a key such as
 * `__proto__` is an ordinary member.
 */

/** A parsed JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** A parsed JSON object (null prototype). */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Why a text is not a JSON document we accept. */
export class JsonSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at offset ${offset}`);
  }
}

/** Nesting deeper than this is refused: no real policy comes close. */
export const MAX_JSON_DEPTH = 64;

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Parses `text` as one JSON value; throws JsonSyntaxError. */
export function parseJsonDocument(text: string): JsonValue {
  const reader = new Reader(text);
  reader.skipWhitespace();
  const value = reader.value(0);
  reader.skipWhitespace();
  if (reader.pos !== text.length) reader.fail('unexpected text after the JSON value');
  return value;
}

/** True when `value` is a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Reader {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string): never {
    throw new JsonSyntaxError(message, this.pos);
  }

  skipWhitespace(): void {
    const { text } = this;
    while (this.pos < text.length && WHITESPACE.has(text.charCodeAt(this.pos))) this.pos++;
  }

  value(depth: number): JsonValue {
    if (depth > MAX_JSON_DEPTH) this.fail(`nesting deeper than ${MAX_JSON_DEPTH}`);
    const c = this.text[this.pos];
    switch (c) {
      case '{': return this.object(depth);
      case '[': return this.array(depth);
      case '"': return this.string();
      case 't': return this.literal('true', true);
      case 'f': return this.literal('false', false);
      case 'n': return this.literal('null', null);
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
        return this.fail(c === undefined ? 'unexpected end of input' : `unexpected character \`${c}\``);
    }
  }

  private literal<T extends JsonValue>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail(`expected \`${word}\``);
    this.pos += word.length;
    return value;
  }

  private object(depth: number): JsonObject {
    const result: JsonObject = Object.create(null) as JsonObject;
    const seen = new Set<string>();
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') this.fail('expected a string key');
      const keyOffset = this.pos;
      const key = this.string();
      if (seen.has(key)) throw new JsonSyntaxError(`duplicate key \`${key}\``, keyOffset);
      seen.add(key);
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.fail('expected `:`');
      this.pos++;
      this.skipWhitespace();
      result[key] = this.value(depth + 1);
      this.skipWhitespace();
      const next = this.text[this.pos++];
      if (next === '}') return result;
      if (next !== ',') { this.pos--; this.fail('expected `,` or `}`'); }
    }
  }

  private array(depth: number): JsonValue[] {
    const result: JsonValue[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      result.push(this.value(depth + 1));
      this.skipWhitespace();
      const next = this.text[this.pos++];
      if (next === ']') return result;
      if (next !== ',') { this.pos--; this.fail('expected `,` or `]`'); }
    }
  }

  private string(): string {
    const { text } = this;
    const start = ++this.pos;
    // Fast path: no escapes.
    let i = start;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        this.pos = i + 1;
        return text.slice(start, i);
      }
      if (code === 0x5c || code < 0x20) break;
    }
    let out = text.slice(start, i);
    this.pos = i;
    for (;;) {
      if (this.pos >= text.length) this.fail('unterminated string');
      const code = text.charCodeAt(this.pos);
      if (code === 0x22) {
        this.pos++;
        return out;
      }
      if (code < 0x20) this.fail('control character in string');
      if (code !== 0x5c) {
        out += text[this.pos++];
        continue;
      }
      const escape = text[this.pos + 1];
      this.pos += 2;
      switch (escape) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const hex = text.slice(this.pos, this.pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 4;
          break;
        }
        default:
          this.pos -= 2;
          this.fail('bad escape');
      }
    }
  }

  private number(): number {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = this.pos;
    const found = match.exec(this.text);
    if (!found) this.fail('bad number');
    this.pos += found[0].length;
    return Number(found[0]);
  }
}
