/**
 * The size IAM counts for a policy document: every character except whitespace outside string literals
 * (docs/aws-behaviour/iam-policy-language.md).
 */
export function policySize(text: string): number {
  let size = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      size++;
      if (c === 0x5c) { i++; size++; } else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
      size++;
    } else if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
      size++;
    }
  }
  return size;
}
