/**
 * IPv4 and IPv6 addresses and CIDR ranges for IpAddress / NotIpAddress (docs/aws-behaviour/iam-policy-language.md). A bare address
 * is a /32 (IPv4) or /128 (IPv6) range. IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) match IPv4 ranges.
 */

/** A parsed range: the address as 16 bytes (IPv4 mapped into ::ffff:0:0/96) and its prefix length in bits. */
export interface IpRange {
  readonly bytes: Uint8Array;
  readonly prefixBits: number;
}

/** Parses `a.b.c.d[/n]` or an IPv6 address `[/n]`; undefined when malformed. */
export function parseIpRange(text: string): IpRange | undefined {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const bytes = parseIpAddress(address);
  if (!bytes) return undefined;
  const isV4 = !address.includes(':');
  const maxBits = isV4 ? 32 : 128;
  let bits = maxBits;
  if (slash >= 0) {
    const suffix = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(suffix)) return undefined;
    bits = Number(suffix);
    if (bits > maxBits) return undefined;
  }
  return { bytes, prefixBits: isV4 ? bits + 96 : bits };
}

/** Parses one address to 16 bytes; undefined when malformed. */
export function parseIpAddress(text: string): Uint8Array | undefined {
  return text.includes(':') ? parseIpv6(text) : parseIpv4Mapped(text);
}

/** True when `address` (16 bytes) lies in `range`. */
export function ipInRange(address: Uint8Array, range: IpRange): boolean {
  const full = range.prefixBits >> 3;
  for (let i = 0; i < full; i++) if (address[i] !== range.bytes[i]) return false;
  const rest = range.prefixBits & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((address[full] ?? 0) & mask) === ((range.bytes[full] ?? 0) & mask);
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

function parseIpv4Mapped(text: string): Uint8Array | undefined {
  const v4 = parseIpv4(text);
  if (!v4) return undefined;
  const bytes = new Uint8Array(16);
  bytes[10] = 0xff;
  bytes[11] = 0xff;
  bytes.set(v4, 12);
  return bytes;
}

function parseIpv6(text: string): Uint8Array | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] ?? '';
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part);
        if (!v4) return undefined;
        out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return undefined;
        out.push(parseInt(part, 16));
      }
    }
    return out;
  };
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  all.forEach((g, i) => { bytes[i * 2] = g >> 8; bytes[i * 2 + 1] = g & 0xff; });
  return bytes;
}
