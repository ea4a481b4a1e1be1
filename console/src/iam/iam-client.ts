/** The IAM client of the console's IAM pages (IAM is global: signed for us-east-1). */
import { IAMClient } from '@aws-sdk/client-iam';
import { clientConfig } from '../aws/clients.ts';

let client: IAMClient | undefined;

/** The IAM client. */
export function iam(): IAMClient {
  client ??= new IAMClient(clientConfig('us-east-1'));
  return client;
}

/** A policy document as IAM returns it (URL-encoded JSON), pretty-printed. */
export function policyText(encoded: string | undefined): string {
  if (!encoded) return '';
  let text = encoded;
  try {
    text = decodeURIComponent(encoded);
  } catch {
    // already plain
  }
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A date as the console lists it. */
export function shownDate(date: Date | undefined): string {
  return date ? date.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC') : '-';
}
