/**
 * `/_tollgate/metrics`: what an operator of several processes watches, in Prometheus's text format
 * (prom-client formats and serves the registry): requests by service, operation, decision and status;
 * request latency as a histogram by service; the store's read-memo hits and misses; store errors (requests
 * answered 503 because the database could not be reached); the pool's connections when the store has one.
 *
 * The request path only adds to plain counters kept here (a Map lookup and two additions); turning them
 * into prom-client's metrics happens when the endpoint is scraped, so serving requests costs no label
 * hashing; prom-client itself is loaded at the first scrape, so a process never scraped never loads it.
 */
import type { Registry } from 'prom-client';
import type { Store } from '../store/store.ts';
import type { EndpointRoute } from './endpoint-route.ts';
import type { RequestLog, RequestLogEntry } from './request-log.ts';

const METRICS_PATH = '/_tollgate/metrics';
/** Latency buckets, in seconds. */
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** At most this many label sets of requests (operations are a closed set; this only bounds nonsense). */
const MAX_REQUEST_SERIES = 5000;
/** The codes a store that cannot be reached is answered with. */
const UNAVAILABLE = new Set(['ServiceUnavailable', 'ServiceUnavailableException']);

interface RequestSeries {
  readonly labels: { service: string; operation: string; decision: string; status: string };
  count: number;
  /** Counted into prom-client already. */
  published: number;
}

/** A histogram as prom-client's registry formats it. */
interface HistogramObject {
  readonly name: string;
  readonly help: string;
  readonly type: 'histogram';
  readonly aggregator: 'sum';
  readonly values: { metricName: string; labels: Record<string, string | number>; value: number }[];
}

interface LatencySeries {
  readonly buckets: number[];
  sum: number;
  count: number;
}

/** The metrics of one process. */
export class TollgateMetrics {
  private registry: Promise<Registry> | undefined;
  private readonly requests = new Map<string, RequestSeries>();
  private readonly latency = new Map<string, LatencySeries>();
  private storeErrors = 0;

  constructor(private readonly store: Store) {}

  /** The metrics in Prometheus's text format, and its content type. */
  async text(): Promise<{ body: string; contentType: string }> {
    const registry = await (this.registry ??= this.makeRegistry());
    return { body: await registry.metrics(), contentType: registry.contentType };
  }

  private async makeRegistry(): Promise<Registry> {
    const { Counter, Gauge, Registry } = await import('prom-client');
    const registry = new Registry();
    const store = this.store;
    const requests = this.requests;
    new Counter({
      name: 'tollgate_requests_total', help: 'AWS API requests answered, by service, operation, authorization decision and HTTP status.',
      labelNames: ['service', 'operation', 'decision', 'status'], registers: [registry],
      collect() {
        for (const series of requests.values()) {
          if (series.count > series.published) this.inc(series.labels, series.count - series.published);
          series.published = series.count;
        }
      },
    });
    registry.registerMetric({
      name: 'tollgate_request_duration_seconds',
      get: () => Promise.resolve(this.latencyMetric()),
    } as never);
    const storeErrors = () => this.storeErrors;
    let publishedErrors = 0;
    new Counter({
      name: 'tollgate_store_errors_total', help: 'Requests answered 503 because the database could not be reached.', registers: [registry],
      collect() {
        const now = storeErrors();
        if (now > publishedErrors) this.inc(now - publishedErrors);
        publishedErrors = now;
      },
    });
    new Gauge({
      name: 'tollgate_read_memo_total', help: "Point reads of the store's read memo, by result (hit: answered from memory).", labelNames: ['result'], registers: [registry],
      collect() {
        const use = store.stats?.();
        if (use === undefined) return;
        this.set({ result: 'hit' }, use.memoHits);
        this.set({ result: 'miss' }, use.memoMisses);
      },
    });
    new Gauge({
      name: 'tollgate_store_pool_connections', help: "The database pool's connections, by state (total, idle, waiting: requests waiting for one).", labelNames: ['state'], registers: [registry],
      collect() {
        const pool = store.stats?.().pool;
        if (pool === undefined) return;
        this.set({ state: 'total' }, pool.total);
        this.set({ state: 'idle' }, pool.idle);
        this.set({ state: 'waiting' }, pool.waiting);
      },
    });
    return registry;
  }

  /** Counts one answered request. */
  record(entry: RequestLogEntry): void {
    const operation = entry.operation ?? 'unknown';
    const decision = entry.decision ?? 'none';
    const key = `${entry.service} ${operation} ${decision} ${entry.status}`;
    let series = this.requests.get(key);
    if (series === undefined && this.requests.size < MAX_REQUEST_SERIES) {
      this.requests.set(key, (series = { labels: { service: entry.service, operation, decision, status: String(entry.status) }, count: 0, published: 0 }));
    }
    if (series !== undefined) series.count += 1;
    let latency = this.latency.get(entry.service);
    if (latency === undefined) this.latency.set(entry.service, (latency = { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 }));
    const seconds = entry.latencyMs / 1000;
    const bucket = BUCKETS.findIndex((le) => seconds <= le);
    if (bucket >= 0) latency.buckets[bucket]! += 1;
    latency.sum += seconds;
    latency.count += 1;
    if (entry.errorCode !== undefined && UNAVAILABLE.has(entry.errorCode)) this.storeErrors += 1;
  }

  /** `log`, with every request counted here first. */
  counting(log: RequestLog): RequestLog {
    return {
      request: (entry) => {
        this.record(entry);
        log.request(entry);
      },
      failure: (requestId, error) => log.failure(requestId, error),
      info: (message, fields) => log.info(message, fields),
      flush: () => log.flush(),
    };
  }

  /** The `/_tollgate/metrics` route. */
  route(): EndpointRoute {
    return {
      handle: (request, requestId) => {
        if (request.path !== METRICS_PATH || request.method !== 'GET') return undefined;
        return this.text().then(({ body, contentType }) => ({ status: 200, headers: { 'content-type': contentType, 'x-amzn-requestid': requestId }, body }));
      },
    };
  }

  private latencyMetric(): HistogramObject {
    const values: HistogramObject['values'] = [];
    const name = 'tollgate_request_duration_seconds';
    for (const [service, series] of this.latency) {
      let cumulative = 0;
      BUCKETS.forEach((le, i) => {
        cumulative += series.buckets[i]!;
        values.push({ metricName: `${name}_bucket`, labels: { service, le }, value: cumulative });
      });
      values.push({ metricName: `${name}_bucket`, labels: { service, le: '+Inf' }, value: series.count });
      values.push({ metricName: `${name}_sum`, labels: { service }, value: series.sum });
      values.push({ metricName: `${name}_count`, labels: { service }, value: series.count });
    }
    return { name, help: 'Time to answer an AWS API request, in seconds, by service.', type: 'histogram', aggregator: 'sum', values };
  }
}
