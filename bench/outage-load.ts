/**
 * The load of `npm run bench:outage` (bench/postgres-outage-bench.ts): readers sending signed
 * iam:GetUser and eks:DescribeCluster in a loop, spread evenly over the processes, and one writer
 * sending CreateUser with a new name each time, alternating between the processes. Every request goes
 * through the real AWS SDK v3 clients with `maxAttempts: 1` (each failure is seen, none retried) and
 * is recorded with its process, its times and its outcome; a request not answered within the timeout
 * is abandoned and recorded as a timeout.
 */
import { CreateUserCommand, GetUserCommand, type IAMClient } from '@aws-sdk/client-iam';
import { DescribeClusterCommand, type EKSClient } from '@aws-sdk/client-eks';

/** How a request ended: answered 200, answered 503 ServiceUnavailable(Exception), anything else, or not answered in time. */
export type Outcome = '200' | '503' | 'other' | 'timeout';

/** One request. Times are milliseconds since the load began. */
export interface Sample {
  /** Index of the process it was sent to. */
  readonly process: number;
  readonly operation: 'iam:GetUser' | 'eks:DescribeCluster' | 'iam:CreateUser';
  readonly started: number;
  readonly ended: number;
  readonly outcome: Outcome;
  /** For `other` and `timeout`: what was seen (status, error name, message). */
  readonly detail?: string;
  /** For CreateUser: the user name. */
  readonly userName?: string;
}

/** The clients of one process: the reader's (the bench user) and the writer's (root). */
export interface Target {
  readonly readerIam: IAMClient;
  readonly readerEks: EKSClient;
  readonly writerIam: IAMClient;
}

/** A running load. */
export interface Load {
  /** Milliseconds since the load began. */
  now(): number;
  /** Every request answered (or abandoned) so far. */
  readonly samples: Sample[];
  /** Ends the loops and waits for the requests in flight. */
  stop(): Promise<void>;
}

interface ServiceError { name?: string; message?: string; $metadata?: { httpStatusCode?: number } }

function classify(error: unknown, timedOut: boolean): { outcome: Outcome; detail?: string } {
  const e = error as ServiceError;
  if (timedOut) return { outcome: 'timeout', detail: `no answer in time (${e.name ?? 'error'})` };
  const status = e.$metadata?.httpStatusCode;
  if (status === 503 && (e.name === 'ServiceUnavailable' || e.name === 'ServiceUnavailableException')) return { outcome: '503' };
  return { outcome: 'other', detail: `${status ?? 'no HTTP status'} ${e.name ?? 'error'}: ${e.message ?? String(error)}` };
}

/** Starts the load: `readers` reader loops (process i % n, GetUser or DescribeCluster by turns of the pair) and one writer loop. */
export function startLoad(targets: readonly Target[], options: { readers: number; timeoutMs: number; userName: string; clusterName: string; writePrefix: string }): Load {
  const origin = performance.now();
  const now = () => performance.now() - origin;
  const samples: Sample[] = [];
  let running = true;

  async function timed(process: number, operation: Sample['operation'], send: (signal: AbortSignal) => Promise<unknown>, userName?: string): Promise<void> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    const started = now();
    let result: { outcome: Outcome; detail?: string };
    try {
      await send(controller.signal);
      result = { outcome: '200' };
    } catch (error) {
      result = classify(error, controller.signal.aborted);
    } finally {
      clearTimeout(timer);
    }
    samples.push({ process, operation, started, ended: now(), ...result, ...(userName === undefined ? {} : { userName }) });
  }

  const reader = async (index: number) => {
    const process = index % targets.length;
    const target = targets[process]!;
    const getUser = Math.floor(index / targets.length) % 2 === 0;
    while (running) {
      if (getUser) await timed(process, 'iam:GetUser', (abortSignal) => target.readerIam.send(new GetUserCommand({ UserName: options.userName }), { abortSignal }));
      else await timed(process, 'eks:DescribeCluster', (abortSignal) => target.readerEks.send(new DescribeClusterCommand({ name: options.clusterName }), { abortSignal }));
    }
  };
  const writer = async () => {
    for (let n = 1; running; n += 1) {
      const process = n % targets.length;
      const userName = `${options.writePrefix}-${n}`;
      await timed(process, 'iam:CreateUser', (abortSignal) => targets[process]!.writerIam.send(new CreateUserCommand({ UserName: userName }), { abortSignal }), userName);
    }
  };
  const loops = [...Array.from({ length: options.readers }, (_, i) => reader(i)), writer()];
  return {
    now,
    samples,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}
