/**
 * The console's addresses on the endpoint: its files at `/console` (console-assets.ts) and its sign-in
 * and sign-out under `/_tollgate/console/` (console-sign-in.ts). Everything else the console does goes
 * through the AWS APIs like any other client.
 */
import { ConsoleAssets } from './console-assets.ts';
import { consoleSignIn, type ConsoleSignInDependencies } from './console-sign-in.ts';
import type { HttpRequest, HttpResponse } from './http-exchange.ts';

const SIGN_IN = '/_tollgate/console/sign-in';
const SIGN_OUT = '/_tollgate/console/sign-out';

/** The console's routes. */
export interface ConsoleRoutes {
  /** The answer when `request` is the console's, undefined otherwise (then the AWS pipeline takes it). */
  handle(request: HttpRequest, requestId: string): Promise<HttpResponse> | undefined;
}

/** The console's routes over `deps`. */
export function consoleRoutes(deps: ConsoleSignInDependencies, assets = new ConsoleAssets()): ConsoleRoutes {
  const session = consoleSignIn(deps);
  return {
    handle(request, requestId) {
      const path = request.path;
      // One character decides for almost every AWS request ('/' then not 'c' or '_').
      const second = path.charCodeAt(1);
      if (second !== 99 /* c */ && second !== 95 /* _ */) return undefined;
      if (ConsoleAssets.owns(path)) return Promise.resolve(assets.serve(request));
      if (path === SIGN_IN || path === SIGN_OUT) {
        if (request.method !== 'POST') return Promise.resolve({ status: 405, headers: { allow: 'POST', 'content-type': 'text/plain; charset=utf-8' }, body: 'Method Not Allowed\n' });
        return path === SIGN_IN ? session.signIn(request, requestId) : session.signOut(request, requestId);
      }
      return undefined;
    },
  };
}
