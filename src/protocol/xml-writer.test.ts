// XML escaping: what the AWS SDK's parser reads back must equal what we wrote. The bytes written are
// pinned by golden files (src/protocol/golden/xml-writer-*).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeXml, escapeXmlAttribute, xmlElement, xmlTextElement } from './xml-writer.ts';
import { assertGolden } from '../../test/support/golden.ts';

describe('xml-writer', () => {
  it('escapes markup, CR and C0 controls in text, and leaves tab, LF and quotes alone', () => {
    assertGolden('xml-writer-text.xml', escapeXml('a<b>&"c\'\r\n\t\u0001'));
    assertGolden('xml-writer-cdata-end.xml', escapeXml(']]>'));
  });

  it('escapes quotes and whitespace in attributes', () => {
    assertGolden('xml-writer-attribute.xml', escapeXmlAttribute('"a\'\tb\n'));
    assertGolden('xml-writer-element-attribute.xml', xmlElement('A', '', { xmlns: 'https://x/?a=1&b="2"' }));
  });

  it('writes nested elements and refuses names that are not XML names', () => {
    assertGolden('xml-writer-nested.xml', xmlElement('Outer', xmlTextElement('Inner', 'x & y')));
    assert.throws(() => xmlElement('a b', ''), /not an XML element name/);
    assert.throws(() => xmlElement('<x>', ''), /not an XML element name/);
  });
});
