// RFC 3986 percent-encoding as SigV4 canonicalisation uses it: only `A-Za-z0-9-._~` stay literal, UTF-8, upper-case hex.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html (UriEncode)

const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
const UNRESERVED_OR_SLASH = /^[A-Za-z0-9\-._~/]*$/;
const HEX = '0123456789ABCDEF';

/** Percent-encodes `text` (UTF-8) keeping only unreserved characters, and `/` too when `keepSlash`. */
export function uriEncode(text: string, keepSlash = false): string {
  if ((keepSlash ? UNRESERVED_OR_SLASH : UNRESERVED).test(text)) return text;
  let encoded: string;
  try {
    encoded = encodeURIComponent(text).replace(/[!'()*]/g, escapeAscii);
  } catch {
    encoded = encodeBytes(Buffer.from(text, 'utf8')); // lone surrogates: encode their replacement character
  }
  return keepSlash ? encoded.replace(/%2F/g, '/') : encoded;
}

/**
 * Re-encodes an already percent-encoded component canonically: escapes of unreserved bytes are decoded,
 * other escapes upper-cased, literal reserved or non-ASCII characters encoded. Malformed escapes stay literal `%25`.
 */
export function normalizeEncoded(component: string): string {
  if (UNRESERVED.test(component)) return component;
  let out = '';
  let literalStart = -1;
  for (let i = 0; i < component.length; i++) {
    const c = component.charCodeAt(i);
    if (c === 37 /* % */ && isHex(component.charCodeAt(i + 1)) && isHex(component.charCodeAt(i + 2))) {
      if (literalStart >= 0) {
        out += uriEncode(component.slice(literalStart, i));
        literalStart = -1;
      }
      const byte = parseInt(component.slice(i + 1, i + 3), 16);
      out += isUnreservedByte(byte) ? String.fromCharCode(byte) : `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
      i += 2;
    } else if (literalStart < 0) {
      literalStart = i;
    }
  }
  if (literalStart >= 0) out += uriEncode(component.slice(literalStart));
  return out;
}

/** Decodes percent-escapes (no `+` to space); malformed escapes stay literal, invalid UTF-8 becomes U+FFFD. */
export function uriDecode(component: string): string {
  if (!component.includes('%')) return component;
  try {
    return decodeURIComponent(component);
  } catch {
    const bytes: number[] = [];
    for (let i = 0; i < component.length; i++) {
      const c = component.charCodeAt(i);
      if (c === 37 && isHex(component.charCodeAt(i + 1)) && isHex(component.charCodeAt(i + 2))) {
        bytes.push(parseInt(component.slice(i + 1, i + 3), 16));
        i += 2;
      } else {
        for (const b of Buffer.from(component[i] ?? '', 'utf8')) bytes.push(b);
      }
    }
    return Buffer.from(bytes).toString('utf8');
  }
}

function escapeAscii(ch: string): string {
  const c = ch.charCodeAt(0);
  return `%${HEX[c >> 4]}${HEX[c & 15]}`;
}

function encodeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += isUnreservedByte(b) ? String.fromCharCode(b) : `%${HEX[b >> 4]}${HEX[b & 15]}`;
  return out;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function isUnreservedByte(b: number): boolean {
  return (
    (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b === 45 || b === 46 || b === 95 || b === 126
  );
}
