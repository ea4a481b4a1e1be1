/**
 * The TLS listeners of the clusters' Kubernetes endpoints: one HTTPS server per claimed port, with a
 * serving certificate issued at listen time by that cluster's own CA (the one DescribeCluster shows),
 * so kubectl verifies TLS against `certificate-authority-data` exactly as it does at AWS. The claims
 * are read from the store every quarter second, so a cluster created by any process is served here
 * before it is ACTIVE, and a deleted one stops being served. A port this process cannot bind (another process or
 * program holds it) is logged once and tried again later.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Clock } from '../kernel/clock.ts';
import type { SecretBox } from '../kernel/secret-box.ts';
import type { RequestLog } from '../server/request-log.ts';
import { issueServingCertificate, openCaKey } from '../services/eks/clusters/ca-certificate.ts';
import type { ClusterState } from '../services/eks/shared/eks-state.ts';
import type { Store } from '../store/store.ts';
import type { ClusterRef } from './cluster-access.ts';
import type { KubeApp, KubeRequest, KubeResponse } from './kube-app.ts';

/** The largest request body read (kube-apiserver's limit is 3 MiB). */
const MAX_BODY_BYTES = 3 * 1024 * 1024;
const RETRY_BIND_MS = 10_000;

interface Listening {
  readonly ref: ClusterRef;
  readonly server: Server;
  readonly sockets: Set<Socket>;
}

/** The names a serving certificate carries, so that every way of naming the endpoint verifies. */
function servingNames(state: ClusterState, region: string, host: string): string[] {
  const names = ['127.0.0.1', '::1', 'localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local', '10.100.0.1',
    `${state.endpointId.toLowerCase()}.gr7.${region}.eks.amazonaws.com`];
  if (host !== '0.0.0.0' && host !== '::' && !names.includes(host)) names.push(host);
  return names;
}

/** Listens for the clusters' Kubernetes APIs. */
export class KubeEndpoints {
  private readonly listening = new Map<number, Listening>();
  private readonly failedAt = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly deps: {
    readonly app: KubeApp; readonly store: Store; readonly secrets: SecretBox; readonly clock: Clock; readonly log: RequestLog;
    /** The address to bind (`tollgate serve --host`). */
    readonly host: string;
    readonly pollMs?: number;
  }) {}

  /** Starts the listeners of every claimed port, then follows the claims. */
  async start(): Promise<void> {
    await this.sync();
    this.timer = setInterval(() => void this.sync(), this.deps.pollMs ?? 250);
    this.timer.unref();
  }

  /** The ports served now. */
  ports(): number[] {
    return [...this.listening.keys()];
  }

  /** Brings the listeners in line with the claims (one pass at a time). */
  sync(): Promise<void> {
    this.syncing ??= this.syncOnce().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    if (this.closed) return;
    let claims;
    try {
      claims = await this.deps.store.kubernetes.ports();
    } catch {
      return; // the store is closing
    }
    const wanted = new Map(claims.map((c) => [c.port, c]));
    for (const [port, listening] of this.listening) {
      const claim = wanted.get(port);
      if (!claim || claim.clusterUid !== listening.ref.uid) await this.stop(port);
    }
    for (const claim of claims) {
      if (this.closed || this.listening.has(claim.port)) continue;
      const failed = this.failedAt.get(claim.port);
      if (failed !== undefined && Date.now() - failed < RETRY_BIND_MS) continue;
      const ref: ClusterRef = { accountId: claim.accountId, region: claim.region, name: claim.cluster, uid: claim.clusterUid };
      const doc = await this.deps.store.eks.get({ accountId: ref.accountId, region: ref.region, kind: 'cluster', cluster: ref.name, name: ref.name });
      const state = doc && (JSON.parse(doc.data) as ClusterState);
      if (!state || state.id !== ref.uid || state.caKey === undefined) continue;
      await this.listen(claim.port, ref, state);
    }
  }

  private async listen(port: number, ref: ClusterRef, state: ClusterState): Promise<void> {
    const ca = { pem: Buffer.from(state.certificateData, 'base64').toString('utf8'), privateKey: openCaKey(this.deps.secrets, state.caKey!) };
    const certificate = issueServingCertificate(ca, servingNames(state, ref.region, this.deps.host), this.deps.clock.now());
    const server = createServer({ key: certificate.keyPem, cert: certificate.certificatePem }, (req, res) => void this.serve(ref, req, res));
    const sockets = new Set<Socket>();
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    server.keepAliveTimeout = 65_000;
    const bound = await new Promise<boolean>((resolve) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        if (!this.failedAt.has(port)) this.deps.log.info('kubernetes endpoint not bound', { port, cluster: ref.name, region: ref.region, error: error.code ?? error.message });
        this.failedAt.set(port, Date.now());
        resolve(false);
      });
      server.listen(port, this.deps.host, () => resolve(true));
    });
    if (!bound) return;
    if (this.closed) {
      server.close();
      return;
    }
    this.failedAt.delete(port);
    this.listening.set(port, { ref, server, sockets });
  }

  private async stop(port: number): Promise<void> {
    const listening = this.listening.get(port);
    if (!listening) return;
    this.listening.delete(port);
    const done = new Promise<void>((resolve) => listening.server.close(() => resolve()));
    for (const socket of listening.sockets) socket.destroy();
    await done;
  }

  /** Stops every listener and their connections (watches included). */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.syncing;
    await Promise.all([...this.listening.keys()].map((port) => this.stop(port)));
  }

  private async serve(ref: ClusterRef, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES && !refused) {
        refused = true;
        res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
        res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Request entity too large: limit is 3145728', reason: 'RequestEntityTooLarge', code: 413 }));
        req.destroy();
      } else if (!refused) {
        chunks.push(chunk);
      }
    });
    await new Promise<void>((resolve) => {
      req.once('end', resolve);
      req.once('close', resolve);
    });
    if (refused || res.headersSent) return;
    const target = req.url ?? '/';
    const mark = target.indexOf('?');
    const request: KubeRequest = {
      method: req.method ?? 'GET',
      path: mark < 0 ? target : target.slice(0, mark),
      rawQuery: mark < 0 ? '' : target.slice(mark + 1),
      headers: req.headers as Record<string, string | undefined>,
      headersDistinct: req.headersDistinct,
      body: Buffer.concat(chunks),
      sourceIp: (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
    };
    let response: KubeResponse;
    try {
      response = await this.deps.app.handle(ref, request);
    } catch (error) {
      this.deps.log.failure('kubernetes', error);
      if (!res.headersSent) res.writeHead(500).end();
      return;
    }
    await writeResponse(response, req.method === 'HEAD', res);
  }
}

/** Writes a KubeResponse to a node:http response (watches as chunked JSON lines, each flushed). */
export async function writeResponse(response: KubeResponse, head: boolean, res: ServerResponse): Promise<void> {
  if ('watch' in response) {
    res.writeHead(response.status, { ...response.headers, 'transfer-encoding': 'chunked' });
    res.flushHeaders();
    const closed = new Promise<void>((resolve) => res.once('close', () => resolve()));
    try {
      await response.watch((line) => res.write(line), closed);
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      if (status) res.write(`${JSON.stringify({ type: 'ERROR', object: status })}\n`);
    }
    res.end();
    return;
  }
  const body = Buffer.from(response.body);
  res.writeHead(response.status, { ...response.headers, 'content-length': body.length });
  res.end(head ? undefined : body);
}
