// A minimal XML writer: elements and escaped text. Hand-built because the only maintained candidate
// (fast-xml-parser's XMLBuilder) is not a dependency of ours. Parsers normalise CR and drop raw controls, so those become references.

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#xD;', '\n': '&#xA;', '\t': '&#x9;', '\u0085': '&#x85;', '\u2028': '&#x2028;',
};

// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const TEXT_SPECIALS = /[&<>\r\u0085\u2028\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
// Most values hold no special: a test (without /g, so no lastIndex state) is cheaper than a replace that finds nothing.
const HAS_TEXT_SPECIAL = new RegExp(TEXT_SPECIALS.source);
// eslint-disable-next-line no-control-regex -- as above
const ATTRIBUTE_SPECIALS = /[&<>"'\r\n\t\u0085\u2028\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

function reference(c: string): string {
  return TEXT_ESCAPES[c] ?? `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;
}

/** Escapes element text: markup characters, CR (which parsers would normalise away) and C0 controls other than tab and LF. */
export function escapeXml(text: string): string {
  return HAS_TEXT_SPECIAL.test(text) ? text.replace(TEXT_SPECIALS, reference) : text;
}

/** Escapes a double-quoted attribute value (quotes and all whitespace but space too). */
export function escapeXmlAttribute(text: string): string {
  return text.replace(ATTRIBUTE_SPECIALS, reference);
}

/** True when `name` is a safe XML element name (model names always are). */
export function isXmlName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name);
}

/** `<name attr="v">inner</name>`; `inner` must already be XML (use escapeXml for text). */
export function xmlElement(name: string, inner: string, attributes: Readonly<Record<string, string>> = {}): string {
  if (!isXmlName(name)) throw new Error(`not an XML element name: \`${name}\``);
  const attrs = Object.entries(attributes).map(([k, v]) => ` ${k}="${escapeXmlAttribute(v)}"`).join('');
  return `<${name}${attrs}>${inner}</${name}>`;
}

/**
 * `xmlElement` with the name and attributes fixed, their checks and escaping done once. A name xmlElement
 * refuses still fails when an element is written, after its inner text, as xmlElement would.
 */
export function elementWriter(name: string, attributes: Readonly<Record<string, string>> = {}): (inner: string) => string {
  if (!isXmlName(name)) return (inner) => xmlElement(name, inner, attributes);
  const open = xmlElement(name, '', attributes).slice(0, -`</${name}>`.length);
  const close = `</${name}>`;
  return (inner) => open + inner + close;
}

/** An element holding escaped text. */
export function xmlTextElement(name: string, text: string): string {
  return xmlElement(name, escapeXml(text));
}
