// An operation the AWS model has but Tollgate does not implement answers AWS's not-implemented error
// (501; NotImplemented for awsQuery, NotImplementedException for restJson1), after its input has been
// validated like any other; that includes the operations the current models added (DescribeClusterVersions,
// pod identity associations, insights, IAM's and STS's recent operations).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DescribeClusterVersionsCommand, ListInsightsCommand, ListPodIdentityAssociationsCommand } from '@aws-sdk/client-eks';
import { GetOutboundWebIdentityFederationInfoCommand, ListOpenIDConnectProvidersCommand } from '@aws-sdk/client-iam';
import { GetWebIdentityTokenCommand } from '@aws-sdk/client-sts';
import { rejection, startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';

let f: TollgateFixture;
before(async () => {
  f = await startFixture();
});
after(() => f.close());

async function assertNotImplemented(call: Promise<unknown>, name: string, action: string): Promise<void> {
  const error = await rejection(call);
  assert.equal(error.name, name, action);
  assert.equal(error.$metadata.httpStatusCode, 501, action);
  assert.equal(error.message, `Tollgate does not implement ${action} yet.`);
}

test('modeled operations Tollgate does not implement answer 501 with AWS\'s not-implemented code', async () => {
  await assertNotImplemented(f.eks().send(new DescribeClusterVersionsCommand({})), 'NotImplementedException', 'eks:DescribeClusterVersions');
  await assertNotImplemented(f.eks().send(new ListPodIdentityAssociationsCommand({ clusterName: 'c' })), 'NotImplementedException', 'eks:ListPodIdentityAssociations');
  await assertNotImplemented(f.eks().send(new ListInsightsCommand({ clusterName: 'c' })), 'NotImplementedException', 'eks:ListInsights');
  await assertNotImplemented(f.iam().send(new ListOpenIDConnectProvidersCommand({})), 'NotImplemented', 'iam:ListOpenIDConnectProviders');
  await assertNotImplemented(f.iam().send(new GetOutboundWebIdentityFederationInfoCommand({})), 'NotImplemented', 'iam:GetOutboundWebIdentityFederationInfo');
  await assertNotImplemented(f.sts().send(new GetWebIdentityTokenCommand({ Audience: ['https://example.com'], SigningAlgorithm: 'RS256' })), 'NotImplemented', 'sts:GetWebIdentityToken');
});

test('an unimplemented operation\'s input is validated first: a bad request is the service\'s validation error', async () => {
  const error = await rejection(f.eks().send(new ListPodIdentityAssociationsCommand({ clusterName: 'c', maxResults: 0 })));
  assert.equal(error.name, 'InvalidParameterException');
  assert.equal(error.$metadata.httpStatusCode, 400);
});
