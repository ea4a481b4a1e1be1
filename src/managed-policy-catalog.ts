/**
 * The shipped catalogue of AWS managed policies (data/aws-managed-policies.json), read and parsed at the
 * first look-up, not at start, where it was the largest cost (tens of milliseconds); many runs and most
 * requests never need it. Its own module, so that commands which read a data directory without serving
 * it (`tollgate why`) need not load the server.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { awsManagedPolicyCatalog, type AwsManagedPolicyCatalog } from './services/iam/aws-managed-policy-catalog.ts';

let catalog: AwsManagedPolicyCatalog | undefined;
const loadedCatalog = (): AwsManagedPolicyCatalog =>
  (catalog ??= awsManagedPolicyCatalog(JSON.parse(readFileSync(fileURLToPath(new URL('../data/aws-managed-policies.json', import.meta.url)), 'utf8'))));
const lazyCatalog: AwsManagedPolicyCatalog = { get: (arn) => loadedCatalog().get(arn), list: () => loadedCatalog().list() };

/** The shipped AWS managed policies, read once, on first use. */
export function managedPolicyCatalog(): AwsManagedPolicyCatalog {
  return lazyCatalog;
}
