/** A range of TCP ports, as `--k8s-port-range FIRST-LAST` gives it (a leaf, so the command line parses it without loading the server). */

/** A range of ports, both ends included. */
export interface PortRange {
  readonly first: number;
  readonly last: number;
}

/** Parses `FIRST-LAST` (or one port); undefined when it is not a range of ports 1–65535. */
export function parsePortRange(text: string): PortRange | undefined {
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text.trim());
  if (!match) return undefined;
  const first = Number(match[1]);
  const last = Number(match[2] ?? match[1]);
  if (first < 1 || last > 65_535 || last < first) return undefined;
  return { first, last };
}
