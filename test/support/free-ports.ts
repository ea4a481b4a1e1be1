/**
 * A range of local ports free right now, for the Kubernetes endpoints of a test server: test files
 * run in parallel processes, and each server would otherwise start at the same default port.
 */
import { createServer } from 'node:net';

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** `count` consecutive ports, all bindable on 127.0.0.1, at a random place between 20000 and 60000. */
export async function freePortRange(count = 16): Promise<{ first: number; last: number }> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const first = 20_000 + Math.floor(Math.random() * (40_000 / count)) * count;
    let ok = true;
    for (let port = first; port < first + count && ok; port += 1) ok = await bindable(port);
    if (ok) return { first, last: first + count - 1 };
  }
  throw new Error('no free port range found');
}
