/**
 * `GET /_tollgate/health`: the version, the services served, the store (its description, kind,
 * whether it answers now and, on PostgreSQL, whether its listening connection listens) and the uptime, as JSON, unsigned. 200 while the store answers, else 503
 * with the same body, so that a load balancer takes a process whose database is gone out of service.
 */
import type { Clock } from '../kernel/clock.ts';
import type { StoreStats } from '../store/store.ts';
import type { EndpointRoute } from './endpoint-route.ts';

const HEALTH_PATH = '/_tollgate/health';

/** What the health answer tells. */
export interface HealthFacts {
  readonly version: string;
  readonly services: readonly string[];
  readonly store: { readonly description: string; ping(): Promise<void>; stats?(): StoreStats };
  readonly clock: Clock;
}

/** The health route; uptime counts from the moment it is made. */
export function healthRoute(facts: HealthFacts): EndpointRoute {
  const started = facts.clock.now();
  return {
    handle(request, requestId) {
      if (request.path !== HEALTH_PATH || request.method !== 'GET') return undefined;
      return facts.store.ping().then(() => true, () => false).then((reachable) => {
        const description = facts.store.description;
        const listener = facts.store.stats?.().listener;
        const body = {
          version: facts.version, services: facts.services, store: description, storeKind: description.slice(0, description.indexOf(':')), storeReachable: reachable,
          ...(listener === undefined ? {} : { storeListener: listener }),
          uptimeSeconds: Math.floor((facts.clock.now() - started) / 1000),
        };
        return { status: reachable ? 200 : 503, headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId }, body: JSON.stringify(body) };
      });
    },
  };
}
