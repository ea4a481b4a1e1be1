// The console pages built against server features that other issues deliver: the explanation of a
// denial (`GET /_tollgate/why/REQUEST_ID`, issue 14), the IAM policy simulator (SimulatePrincipalPolicy,
// issue 14), CloudTrail's LookupEvents (issue 14) and each cluster's Kubernetes API through
// `/_tollgate/k8s/REGION/CLUSTER/...` (issue 15). Each feature is detected at run time: where it is
// missing, its test is SKIPPED WITH A LOUD MESSAGE naming it, and a second test checks that the console
// says honestly that it is unavailable; once the server side lands, the real test runs by itself.
import { test, before, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { CreateClusterCommand } from '@aws-sdk/client-eks';
import {
  AttachUserPolicyCommand, CreateAccessKeyCommand, CreateLoginProfileCommand, CreateRoleCommand, CreateServiceLinkedRoleCommand, CreateUserCommand, PutUserPolicyCommand, SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@smithy/core/checksum';
import type { Browser, Page } from 'playwright-core';
import { rejection, startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { browserUnavailable, launchChromium, screenshot } from './browser.ts';
import { ACCOUNT, assertAccessible, choose, errorMessage, newPerson, settle, signInAt } from './console-pages.ts';

const unavailable = browserUnavailable();
let f: TollgateFixture;
let browser: Browser;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/eks-cluster-role`;
/** What the server serves, found out in `before`. */
const served = { why: false, simulator: false, lookupEvents: false, kubernetes: false };

/** A signed GET of one of Tollgate's own addresses, as the console makes it. */
async function signedGet(path: string, credentials: Credentials, service: string, region: string): Promise<{ status: number; text: string }> {
  const url = new URL(`${f.url}${path}`);
  const signed = await new SignatureV4({ credentials, region, service, sha256: Sha256 }).sign({
    method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname, headers: { host: url.host },
  });
  const response = await fetch(url, { headers: signed.headers });
  return { status: response.status, text: await response.text() };
}

function loud(feature: string): string {
  const message = `${feature} is not served by this Tollgate yet: the console's test of it is SKIPPED until it lands`;
  process.stderr.write(`\n*** ${message} ***\n\n`);
  return message;
}

before(async () => {
  if (unavailable) return;
  // Clusters ACTIVE at once: the Resources tab reads a cluster's Kubernetes API, served while it is ACTIVE.
  f = await startFixture({ eksDelaySeconds: 0 });
  const root = f.iam();
  await root.send(new CreateUserCommand({ UserName: 'Administrator' }));
  await root.send(new CreateLoginProfileCommand({ UserName: 'Administrator', Password: 'Admin-Pass-1!' }));
  await root.send(new AttachUserPolicyCommand({ UserName: 'Administrator', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
  await root.send(new CreateUserCommand({ UserName: 'pat' }));
  await root.send(new CreateLoginProfileCommand({ UserName: 'pat', Password: 'Pat-Pass-1!' }));
  await root.send(new PutUserPolicyCommand({ UserName: 'pat', PolicyName: 'eks', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['eks:*', 'iam:ListRoles', 'cloudtrail:LookupEvents'], Resource: '*' }] }) }));
  await root.send(new CreateRoleCommand({ RoleName: 'eks-cluster-role', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) }));
  await root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'eks.amazonaws.com' }));
  await f.eks().send(new CreateClusterCommand({ name: 'shared', roleArn: ROLE_ARN, resourcesVpcConfig: { subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] } }));

  // What the server serves.
  const { AccessKey } = await root.send(new CreateAccessKeyCommand({ UserName: 'pat' }));
  const pat = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
  const denied = await rejection(f.eks(pat).send(new CreateClusterCommand({ name: 'probe', roleArn: ROLE_ARN, resourcesVpcConfig: { subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] } })));
  assert.equal(denied.name, 'AccessDeniedException');
  const requestId = denied.$metadata.requestId ?? 'unknown';
  const why = await signedGet(`/_tollgate/why/${requestId}`, f.root, 'cloudtrail', 'us-east-1');
  served.why = why.status === 200 && why.text.includes('"requestId"');
  served.simulator = await root.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/pat`, ActionNames: ['eks:ListClusters'] })).then(() => true, () => false);
  served.lookupEvents = await new CloudTrailClient({ endpoint: f.url, region: 'us-east-1', credentials: f.root, maxAttempts: 1 }).send(new LookupEventsCommand({ MaxResults: 1 })).then(() => true, () => false);
  const kube = await signedGet('/_tollgate/k8s/us-west-2/shared/api/v1/namespaces', f.root, 'eks', 'us-west-2');
  served.kubernetes = (kube.status === 200 && kube.text.includes('"items"')) || kube.status === 401 || kube.status === 403 && kube.text.includes('"kind":"Status"');
  browser = await launchChromium();
});

after(async () => {
  if (unavailable) return;
  await browser?.close();
  await f?.close();
});

/**
 * Whether a test of `feature` runs: `served` tests run once the server serves it (else they are skipped
 * with a loud message naming it), `missing` tests check the console's honest fallback until then.
 */
function gate(t: TestContext, feature: keyof typeof served, name: string, mode: 'served' | 'missing'): boolean {
  if (mode === 'served' && !served[feature]) t.skip(loud(name));
  else if (mode === 'missing' && served[feature]) t.skip(`${name} is served now: its real test runs instead`);
  else return true;
  return false;
}

/** pat tries to create a cluster with a role he may not pass, and the page shows the denial. */
async function patDenied(): Promise<{ page: Page; close(): Promise<void> }> {
  const { page, context } = await newPerson(browser);
  await signInAt(page, f.url, '/eks/clusters/create?region=us-west-2', 'pat', 'Pat-Pass-1!', 'Create EKS cluster');
  await page.getByLabel('Name', { exact: true }).fill('pat-cluster');
  await choose(page, 'Cluster IAM role', 'eks-cluster-role');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  assert.match(await errorMessage(page), /^User: arn:aws:iam::111122223333:user\/pat is not authorized to perform: iam:PassRole/);
  await page.getByText('Why?').click();
  return { page, close: () => context.close() };
}

const WHY = 'GET /_tollgate/why/REQUEST_ID (issue 14)';
const SIMULATOR = 'iam:SimulatePrincipalPolicy (issue 14)';
const LOOKUP = 'cloudtrail:LookupEvents (issue 14)';
const KUBERNETES = 'the Kubernetes API proxy /_tollgate/k8s/REGION/CLUSTER/... (issue 15)';
const skip = unavailable ?? false;

test('Why? shows the deciding statements and the verified fix with its AWS CLI command (GET /_tollgate/why)', { skip }, async (t) => {
  if (!gate(t, 'why', WHY, 'served')) return;
  const { page, close } = await patDenied();
  const command = page.getByTestId('why-command').first();
  await command.waitFor();
  assert.match((await command.textContent()) ?? '', /^aws iam /);
  await assertAccessible(page, 'Why? expanded');
  await screenshot(page, 'why-explained');
  await close();
});

test('while GET /_tollgate/why is not served, Why? says the explanation is unavailable and why', { skip }, async (t) => {
  if (!gate(t, 'why', WHY, 'missing')) return;
  const { page, close } = await patDenied();
  const text = page.getByTestId('why-unavailable');
  await text.waitFor();
  assert.match((await text.textContent()) ?? '', /^The explanation is unavailable: this Tollgate does not serve GET \/_tollgate\/why yet \(HTTP \d+/);
  await assertAccessible(page, 'Why? unavailable');
  await screenshot(page, 'why-unavailable');
  await close();
});

test('the policy simulator page shows SimulatePrincipalPolicy\'s decisions', { skip }, async (t) => {
  if (!gate(t, 'simulator', SIMULATOR, 'served')) return;
  const { page, context } = await newPerson(browser);
  await signInAt(page, f.url, '/iam/policy-simulator', 'Administrator', 'Admin-Pass-1!', 'Policy simulator');
  await choose(page, 'User or role', 'pat');
  await page.getByLabel('Actions').fill('eks:CreateCluster, iam:PassRole');
  await page.getByLabel('Resource ARNs').fill('*');
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await page.getByRole('cell', { name: 'allowed' }).first().waitFor();
  await page.getByRole('cell', { name: 'denied (implicit deny)' }).first().waitFor();
  await assertAccessible(page, '/console/iam/policy-simulator (results)');
  await context.close();
});

test('while SimulatePrincipalPolicy is not implemented, the simulator page shows the server\'s answer', { skip }, async (t) => {
  if (!gate(t, 'simulator', SIMULATOR, 'missing')) return;
  const { page, context } = await newPerson(browser);
  await signInAt(page, f.url, '/iam/policy-simulator', 'Administrator', 'Admin-Pass-1!', 'Policy simulator');
  await settle(page);
  await choose(page, 'User or role', 'pat');
  await page.getByLabel('Actions').fill('eks:CreateCluster');
  await page.getByRole('button', { name: 'Run simulation' }).click();
  assert.equal(await errorMessage(page), 'Tollgate does not implement iam:SimulatePrincipalPolicy yet.');
  await context.close();
});

test('event history lists LookupEvents\' events, filtered by user name', { skip }, async (t) => {
  if (!gate(t, 'lookupEvents', LOOKUP, 'served')) return;
  const { page, context } = await newPerson(browser);
  await signInAt(page, f.url, '/cloudtrail/events?region=us-west-2', 'Administrator', 'Admin-Pass-1!', 'Event history');
  await choose(page, 'Lookup attribute', 'Username');
  await page.getByLabel('Attribute value').fill('pat');
  await page.getByRole('button', { name: 'Look up events' }).click();
  await page.getByRole('cell', { name: 'CreateCluster' }).first().waitFor();
  await assertAccessible(page, '/console/cloudtrail/events (results)');
  await screenshot(page, 'cloudtrail-events');
  await context.close();
});

test('while LookupEvents is not served, event history shows the server\'s answer', { skip }, async (t) => {
  if (!gate(t, 'lookupEvents', LOOKUP, 'missing')) return;
  const { page, context } = await newPerson(browser);
  await signInAt(page, f.url, '/cloudtrail/events', 'Administrator', 'Admin-Pass-1!', 'Event history');
  await page.getByRole('button', { name: 'Look up events' }).click();
  assert.ok((await errorMessage(page)).length > 0);
  await context.close();
});

test('the Resources tab reads the cluster\'s Kubernetes API, and says so when the principal has no access', { skip }, async (t) => {
  if (!gate(t, 'kubernetes', KUBERNETES, 'served')) return;
  const { page, context } = await newPerson(browser);
  // pat has eks:* (so eks:AccessKubernetesApi) but no access entry on a cluster root created.
  await signInAt(page, f.url, '/eks/clusters/shared?region=us-west-2&tab=resources', 'pat', 'Pat-Pass-1!', 'shared');
  await page.getByText('Your current IAM principal doesn\'t have access to Kubernetes objects on this cluster.').waitFor();
  await assertAccessible(page, '/console/eks/clusters/shared?tab=resources (no access)');
  await context.close();
});

test('while the Kubernetes API proxy is not served, the Resources tab says so', { skip }, async (t) => {
  if (!gate(t, 'kubernetes', KUBERNETES, 'missing')) return;
  const { page, context } = await newPerson(browser);
  await signInAt(page, f.url, '/eks/clusters/shared?region=us-west-2&tab=resources', 'Administrator', 'Admin-Pass-1!', 'shared');
  const text = page.getByTestId('kubernetes-unavailable');
  await text.waitFor();
  assert.match((await text.textContent()) ?? '', /^The Kubernetes API of this cluster is not available through this Tollgate \(HTTP \d+/);
  await assertAccessible(page, '/console/eks/clusters/shared?tab=resources (unavailable)');
  await screenshot(page, 'eks-cluster-resources-unavailable');
  await context.close();
});
