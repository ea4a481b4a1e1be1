// Types of build-server.mjs, for the tests that build into a directory of their own.

/** The name of the record of what a build read, in its output directory. */
export const INPUTS_FILE: string;

/** The bundle's name in its output directory. */
export const BUNDLE_FILE: string;

/**
 * Builds the command from `root`/src into `outdir` (dist/server by default), with its code cache unless
 * `codeCache` is false; resolves with a line saying what it wrote.
 */
export function buildServer(options?: { root?: string; outdir?: string; codeCache?: boolean }): Promise<string>;

/** `text` of `file` with each package-file URL made relative to `outdir`, or why it cannot be. */
export function repointPackageFiles(text: string, file: string, outdir: string): string | { error: string };
