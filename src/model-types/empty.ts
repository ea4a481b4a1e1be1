// The type of an operation input or output without members (hand-written; the generated types use it).

/** A structure with no members: what an operation without input receives, or without output returns. */
export type Empty = Readonly<Record<string, never>>;
