/**
 * An address of the endpoint that is not an AWS API call: Tollgate's health, and whatever else the
 * endpoint serves beside AWS (a console's files, a proxy). The app checks its endpoint routes in order
 * before the AWS pipeline; a route answers only the requests that are its own.
 */
import type { HttpRequest, HttpResponse } from './http-exchange.ts';

/** One route checked before the AWS pipeline. */
export interface EndpointRoute {
  /** The answer when `request` is this route's; undefined passes it on (after the last route, to the AWS pipeline). */
  handle(request: HttpRequest, requestId: string): Promise<HttpResponse> | HttpResponse | undefined;
}
