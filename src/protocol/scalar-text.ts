// Scalars written as text: awsQuery parameters and XML, restJson1 URI labels, querystrings and headers.
import type { ShapeModel, TimestampFormat } from './service-model.ts';
import { formatTimestamp, parseTimestamp, toDate } from './timestamp.ts';
import type { WireValue } from '../kernel/wire-value.ts';

/** The value `text` denotes for a scalar shape; undefined when it is not a valid value of that shape. */
export function scalarFromText(shape: ShapeModel, text: string): WireValue | undefined {
  switch (shape.type) {
    case 'string': return text;
    case 'integer':
    case 'long': {
      if (!/^[+-]?\d+$/.test(text.trim())) return undefined;
      const n = Number(text);
      return Number.isSafeInteger(n) ? n : undefined;
    }
    case 'float':
    case 'double': {
      const n = text.trim() === '' ? Number.NaN : Number(text);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean': {
      const lower = text.trim().toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : undefined;
    }
    case 'timestamp': return parseTimestamp(text);
    case 'blob': return /^[A-Za-z0-9+/]*={0,2}$/.test(text) ? new Uint8Array(Buffer.from(text, 'base64')) : undefined;
    default: return undefined;
  }
}

/** What a scalar shape expects, for error messages: `an integer`, `a boolean`, … */
export function expectedKind(shape: ShapeModel): string {
  switch (shape.type) {
    case 'integer':
    case 'long': return 'an integer';
    case 'float':
    case 'double': return 'a number';
    case 'boolean': return 'a boolean';
    case 'timestamp': return 'a timestamp';
    case 'blob': return 'base64 data';
    case 'string': return 'a string';
    default: return `a ${shape.type}`;
  }
}

/** RFC 3986 percent-encoding (encodeURIComponent plus `!'()*`): IAM policy documents in responses. */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A scalar service value as text for a shape; throws TypeError when the service returned the wrong kind. */
export function scalarToText(shape: ShapeModel, value: unknown, timestampFormat: TimestampFormat): string {
  switch (shape.type) {
    case 'string':
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
      break;
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      break;
    case 'timestamp': {
      const date = toDate(value);
      if (date !== undefined) return formatTimestamp(date, shape.timestampFormat ?? timestampFormat);
      break;
    }
    case 'blob':
      if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
      if (typeof value === 'string') return Buffer.from(value, 'utf8').toString('base64');
      break;
    default:
      break;
  }
  throw new TypeError(`cannot write ${typeof value} as ${shape.type}`);
}
