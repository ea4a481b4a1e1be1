// `/_tollgate/metrics` (issue 13): Prometheus text, requests by service, operation, decision and status,
// a latency histogram, the read memo's hits and misses. A real server and real SDK clients.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CreateUserCommand, GetUserCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { rejection, startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';

let f: TollgateFixture;
before(async () => { f = await startFixture(); });
after(() => f.close());

/** The value of the sample line `name{labels}` in `text`, or undefined. */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

test('metrics: requests counted by service, operation, decision and status; latency histogram; read memo', async () => {
  await f.iam().send(new CreateUserCommand({ UserName: 'metered' }));
  for (let i = 0; i < 3; i += 1) await f.sts().send(new GetCallerIdentityCommand({}));
  const denied = await rejection(f.iam({ accessKeyId: f.root.accessKeyId, secretAccessKey: 'x'.repeat(40) }).send(new GetUserCommand({ UserName: 'metered' })));
  assert.equal(denied.name, 'SignatureDoesNotMatch');
  const response = await fetch(`${f.url}/_tollgate/metrics`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type')!, /^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  assert.equal(sample(text, 'tollgate_requests_total{service="iam",operation="CreateUser",decision="Allowed",status="200"}'), 1);
  assert.equal(sample(text, 'tollgate_requests_total{service="sts",operation="GetCallerIdentity",decision="Allowed",status="200"}'), 3);
  assert.equal(sample(text, 'tollgate_requests_total{service="iam",operation="unknown",decision="none",status="403"}'), 1);
  assert.equal(sample(text, 'tollgate_request_duration_seconds_count{service="sts"}'), 3);
  assert.equal(sample(text, 'tollgate_request_duration_seconds_bucket{le="+Inf",service="sts"}') ?? sample(text, 'tollgate_request_duration_seconds_bucket{service="sts",le="+Inf"}'), 3);
  assert.match(text, /# TYPE tollgate_request_duration_seconds histogram/);
  assert.ok((sample(text, 'tollgate_read_memo_total{result="hit"}') ?? 0) > 0, 'repeated signed requests are answered from the read memo');
  assert.ok((sample(text, 'tollgate_read_memo_total{result="miss"}') ?? 0) > 0);
  assert.equal(sample(text, 'tollgate_store_errors_total'), 0);
  // A second scrape counts nothing twice.
  const again = await (await fetch(`${f.url}/_tollgate/metrics`)).text();
  assert.equal(sample(again, 'tollgate_requests_total{service="sts",operation="GetCallerIdentity",decision="Allowed",status="200"}'), 3);
});
