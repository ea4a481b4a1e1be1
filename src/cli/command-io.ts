/** What a command writes to and reads from: the process's streams, or a test's buffers. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile?: (path: string) => string;
  /** The environment the command reads its settings from (default: the process's). */
  readonly environment?: Readonly<Record<string, string | undefined>>;
}
