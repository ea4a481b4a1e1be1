/** A PostgreSQL URL as Tollgate shows it (health, messages): never with its password. */

/** `postgres://USER@HOST:PORT/DB`, the password left out. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return `postgres:${parsed.toString().replace(/^postgres(ql)?:/, '')}`;
  } catch {
    return 'postgres:(unparsable URL)';
  }
}
