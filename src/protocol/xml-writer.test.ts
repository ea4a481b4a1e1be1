// XML escaping: what the AWS SDK's parser reads back must equal what we wrote.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeXml, escapeXmlAttribute, xmlElement, xmlTextElement } from './xml-writer.ts';

describe('xml-writer', () => {
  it('escapes markup, CR and C0 controls in text, and leaves tab, LF and quotes alone', () => {
    assert.equal(escapeXml('a<b>&"c\'\r\n\t\u0001'), 'a&lt;b&gt;&amp;"c\'&#xD;\n\t&#x1;');
    assert.equal(escapeXml(']]>'), ']]&gt;');
  });

  it('escapes quotes and whitespace in attributes', () => {
    assert.equal(escapeXmlAttribute('"a\'\tb\n'), '&quot;a&apos;&#x9;b&#xA;');
    assert.equal(xmlElement('A', '', { xmlns: 'https://x/?a=1&b="2"' }), '<A xmlns="https://x/?a=1&amp;b=&quot;2&quot;"></A>');
  });

  it('writes nested elements and refuses names that are not XML names', () => {
    assert.equal(xmlElement('Outer', xmlTextElement('Inner', 'x & y')), '<Outer><Inner>x &amp; y</Inner></Outer>');
    assert.throws(() => xmlElement('a b', ''), /not an XML element name/);
    assert.throws(() => xmlElement('<x>', ''), /not an XML element name/);
  });
});
