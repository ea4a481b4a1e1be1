/**
 * The AWS SDK clients of the console: the same clients as any program, pointed at this endpoint and
 * signing with the console session's credentials. IAM is global (signed for us-east-1); EKS and
 * CloudTrail are per Region. Each service's client is imported by that service's pages only.
 */
import { currentSession } from '../session/session-store.ts';

/** The client options every service shares; `region` per call site. */
export function clientConfig(region: string) {
  return {
    endpoint: window.location.origin,
    region,
    maxAttempts: 1,
    credentials: async () => {
      const session = currentSession();
      if (!session) throw new Error('Your console session has ended. Sign in again.');
      return { ...session.credentials, expiration: new Date(session.credentials.expiration) };
    },
  };
}
