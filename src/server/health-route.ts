/** `GET /_tollgate/health`: the version, the services served, the store and the uptime, as JSON, unsigned. */
import type { Clock } from '../kernel/clock.ts';
import type { EndpointRoute } from './endpoint-route.ts';

const HEALTH_PATH = '/_tollgate/health';

/** What the health answer tells. */
export interface HealthFacts {
  readonly version: string;
  readonly services: readonly string[];
  readonly store: { readonly description: string };
  readonly clock: Clock;
}

/** The health route; uptime counts from the moment it is made. */
export function healthRoute(facts: HealthFacts): EndpointRoute {
  const started = facts.clock.now();
  return {
    handle(request, requestId) {
      if (request.path !== HEALTH_PATH || request.method !== 'GET') return undefined;
      const body = { version: facts.version, services: facts.services, store: facts.store.description, uptimeSeconds: Math.floor((facts.clock.now() - started) / 1000) };
      return { status: 200, headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId }, body: JSON.stringify(body) };
    },
  };
}
