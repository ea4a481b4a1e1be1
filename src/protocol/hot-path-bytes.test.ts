// Pins the exact bytes the hot-path encoders write for realistic outputs (hot-path-fixtures.ts). The
// expected texts were produced by the encoders before they were compiled per shape, so any optimisation that
// changes a byte (key order, number or timestamp form, JSON or XML escaping) fails here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeClusterOutput, describeClusterRequest, getCallerIdentityOutput, getUserOutput, GET_USER_BODY, HOT_REQUEST_ID } from './hot-path-fixtures.ts';
import { eksModel, iamModel, stsModel } from './models/index.ts';
import { decodeQueryCall, queryParameters } from './query/query-decoder.ts';
import { encodeQueryOutput } from './query/query-encoder.ts';
import { decodeRestJsonCall } from './rest-json/rest-json-decoder.ts';
import { encodeRestJsonOutput } from './rest-json/rest-json-encoder.ts';
import { RouteTable } from './rest-json/route-table.ts';
import { validateInput } from './validation/input-validator.ts';

const JSON_HEADERS = { 'content-type': 'application/json', 'x-amzn-requestid': HOT_REQUEST_ID };
const XML_HEADERS = { 'content-type': 'text/xml', 'x-amzn-requestid': HOT_REQUEST_ID };

const DESCRIBE_CLUSTER = '{"cluster":{"name":"team-9-prod","arn":"arn:aws:eks:us-east-1:123456789012:cluster/team-9-prod","createdAt":17'
  + '09804487.512,"version":"1.30","endpoint":"https://A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6.gr7.us-east-1.eks.amazonaws'
  + '.com","roleArn":"arn:aws:iam::123456789012:role/eks-cluster-role","resourcesVpcConfig":{"subnetIds":["subnet-0'
  + 'a1b2c3d4e5f60718","subnet-0b2c3d4e5f6071829","subnet-0c3d4e5f607182930"],"securityGroupIds":["sg-0123456789abc'
  + 'def0"],"clusterSecurityGroupId":"sg-0fedcba9876543210","vpcId":"vpc-0a1b2c3d4e5f60718","endpointPublicAccess":'
  + 'true,"endpointPrivateAccess":false,"publicAccessCidrs":["0.0.0.0/0"]},"kubernetesNetworkConfig":{"serviceIpv4C'
  + 'idr":"10.100.0.0/16","ipFamily":"ipv4"},"logging":{"clusterLogging":[{"types":["api","audit","authenticator"],'
  + '"enabled":true},{"types":["controllerManager","scheduler"],"enabled":false}]},"identity":{"oidc":{"issuer":"ht'
  + 'tps://oidc.eks.us-east-1.amazonaws.com/id/A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6"}},"status":"ACTIVE","certificateAu'
  + 'thority":{"data":"CzBVep/E6Q4zWH2ix+wRNluApcrvFDleg6jN8hc8YYar0PUaP2SJrtP4HUJnjLHW+yBFao+02f4jSG2St9wBJktwlbrf'
  + 'BClOc5i94gcsUXabwOUKL1R5nsPoDTJXfKHG6xA1Wn+kye4TOF2Cp8zxFjtgharP9Bk+Y4it0vccQWaLsNX6H0RpjrPY/SJHbJG22wAlSm+Uud'
  + '4DKE1yl7zhBitQdZq/5AkuU3idwucMMVZ7oMXqDzRZfqPI7RI3XIGmy/AVOl+Eqc7zGD1ih6zR9htAZYqv1PkeQ2iNstf8IUZrkLXa/yRJbpO4'
  + '3QInTHGWu+AFKk90mb7jCC1Sd5zB5gswVXqfxOkOM1h9osfsETZbgKXK7xQ5XoOozfIXPGGGq9D1Gj9kia7T+B1CZ4yx1vsgRWqPtNn+I0htkr'
  + 'fcASZLcJW63wQpTnOYveIHLFF2m8DlCi9UeZ7D6A0yV3yhxusQNVp/pMnuEzhdgqfM8RY7YIWqz/QZPmOIrdL3HEFmi7DV+h9EaY6z2P0iR2yR'
  + 'ttsAJUpvlLneAyhNcpe84QYrUHWav+QJLlN4ncLnDDFWe6DF6g80WX6jyO0SN1yBpsvwFTpfhKnO8xg9Yoes0fYbQGWKr9T5HkNojbLX/CFGa5'
  + 'C12v8kSW6TuN0CJ0xxlrvgBSpPdJm+4wgtUnecweYLMFV6n8TpDjNYfaLH7BE2W4Clyu8UOV6DqM3yFzxhhqvQ9Ro/ZImu0/gdQmeMsdb7IEVq'
  + 'j7TZ/iNIbZK33AEmS3CVut8EKU5zmL3iByxRdpvA5QovVHmew+gNMld8ocbrEDVaf6TJ7hM4XYKnzPEWO2CFqs/0GT5jiK3S9xxBZouw1fofRG'
  + 'mOs9j9IkdskbbbACVKb5S53gMoTXKXvOEGK1B1mr/kCS5TeJ3C5wwxVnugxeoPNFl+o8jtEjdcgabL8BU6X4SpzvMYPWKHrNH2G0Bliq/U+R5D'
  + 'aI2y1/whRmuQtdr/JEluk7jdAidMcZa74AUqT3SZvuMILVJ3nMHmCzBVep/E6Q4zWH2ix+wRNluApcrvFDleg6jN8hc8YYar0PUaP2SJrtP4HU'
  + 'JnjLHW+yBFao+02f4jSG2St9wBJktwlbrfBClOc5i94gcsUXabwOUKL1R5nsPoDTJXfKHG6xA1Wn+kye4TOF2Cp8zxFjtgharP9Bk+Y4it0vcc'
  + 'QWaLsNX6H0RpjrPY/SJHbJG22wAlSm+Uud4DKE1yl7zhBitQdZq/5AkuU3idwucMMVZ7oMXqDzRZfqPI7RI3XIGmy/AVOl+Eqc7zGD1ih6zR9h'
  + 'tAZYqv1PkeQ2iNstf8IUZrkLXa/yRJbpO43QInTHGWu+AFKk90mb7jCC1Sd5zB5gswVXqfxOkOM1h9osfsETZbgKXK7xQ5XoOozfIXPGGGq9D1'
  + 'Gj9kia7T+B1CZ4yx1vsgRWqPtNn+I0htkrfcASZLcJW63wQpTnOYveIHLFF2m8DlCi9UeZ7D6A0yV3yhxusQNVp/"},"clientRequestToken'
  + '":"8c1f5e0a-2b3d-4e6f-9a7b-1c2d3e4f5a6b","platformVersion":"eks.8","tags":{"team":"team-9","env":"prod","cost-'
  + 'center":"CC-1042","note":"quotes \\" and \\\\ and \u2028 and <tags> & ünïcödé 東京"},"health":{"issues":[]},"accessConfi'
  + 'g":{"bootstrapClusterCreatorAdminPermissions":true,"authenticationMode":"API_AND_CONFIG_MAP"},"upgradePolicy":'
  + '{"supportType":"EXTENDED"}}}';

const GET_USER_XML = '<GetUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetUserResult><User><Path>/engineering/</P'
  + 'ath><UserName>bench</UserName><UserId>AIDACKCEVSQ6C2EXAMPLE</UserId><Arn>arn:aws:iam::123456789012:user/engine'
  + 'ering/bench</Arn><CreateDate>2024-01-15T12:00:00Z</CreateDate><Tags><member><Key>team</Key><Value>platform</Va'
  + 'lue></member><member><Key>note</Key><Value>a&lt;b &amp; "c" \'d\'&#xD;\n&#x1;</Value></member></Tags></User></Get'
  + 'UserResult><ResponseMetadata><RequestId>0b7c2f3e-5d4a-4c1b-9e8f-7a6b5c4d3e2f</RequestId></ResponseMetadata></G'
  + 'etUserResponse>';

const GET_USER_JSON = '{"GetUserResponse":{"GetUserResult":{"User":{"Path":"/engineering/","UserName":"bench","UserId":"AIDACKCEVSQ6C'
  + '2EXAMPLE","Arn":"arn:aws:iam::123456789012:user/engineering/bench","CreateDate":1705320000.789,"Tags":[{"Key":'
  + '"team","Value":"platform"},{"Key":"note","Value":"a<b & \\"c\\" \'d\'\\r\\n\\u0001"}]}},"ResponseMetadata":{"RequestI'
  + 'd":"0b7c2f3e-5d4a-4c1b-9e8f-7a6b5c4d3e2f"}}}';

const GET_CALLER_IDENTITY_XML = '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><UserId>'
  + 'AROA3XFRBF535PLBIFPI4:my-session</UserId><Account>123456789012</Account><Arn>arn:aws:sts::123456789012:assumed'
  + '-role/my-role/my-session</Arn></GetCallerIdentityResult><ResponseMetadata><RequestId>0b7c2f3e-5d4a-4c1b-9e8f-7'
  + 'a6b5c4d3e2f</RequestId></ResponseMetadata></GetCallerIdentityResponse>';

const GET_CALLER_IDENTITY_JSON = '{"GetCallerIdentityResponse":{"GetCallerIdentityResult":{"UserId":"AROA3XFRBF535PLBIFPI4:my-session","Account"'
  + ':"123456789012","Arn":"arn:aws:sts::123456789012:assumed-role/my-role/my-session"},"ResponseMetadata":{"Reques'
  + 'tId":"0b7c2f3e-5d4a-4c1b-9e8f-7a6b5c4d3e2f"}}}';

describe('hot-path encoders write the pinned bytes', () => {
  it('eks:DescribeCluster (restJson1)', () => {
    const res = encodeRestJsonOutput(eksModel, 'DescribeCluster', describeClusterOutput(), HOT_REQUEST_ID);
    assert.deepEqual(res, { status: 200, headers: JSON_HEADERS, body: DESCRIBE_CLUSTER });
  });

  it('iam:GetUser (awsQuery XML and JSON)', () => {
    assert.deepEqual(encodeQueryOutput(iamModel, 'GetUser', getUserOutput(), HOT_REQUEST_ID), { status: 200, headers: XML_HEADERS, body: GET_USER_XML });
    assert.deepEqual(encodeQueryOutput(iamModel, 'GetUser', getUserOutput(), HOT_REQUEST_ID, 'json'), { status: 200, headers: JSON_HEADERS, body: GET_USER_JSON });
  });

  it('sts:GetCallerIdentity (awsQuery XML and JSON)', () => {
    const identity = getCallerIdentityOutput();
    assert.deepEqual(encodeQueryOutput(stsModel, 'GetCallerIdentity', identity, HOT_REQUEST_ID), { status: 200, headers: XML_HEADERS, body: GET_CALLER_IDENTITY_XML });
    assert.deepEqual(encodeQueryOutput(stsModel, 'GetCallerIdentity', identity, HOT_REQUEST_ID, 'json'), { status: 200, headers: JSON_HEADERS, body: GET_CALLER_IDENTITY_JSON });
  });

  it('encodes the same value twice to the same bytes (compiled encoders keep no per-call state)', () => {
    const output = describeClusterOutput();
    const first = encodeRestJsonOutput(eksModel, 'DescribeCluster', output, HOT_REQUEST_ID).body;
    assert.equal(encodeRestJsonOutput(eksModel, 'DescribeCluster', output, HOT_REQUEST_ID).body, first);
  });
});

describe('hot-path decoders read the fixtures requests', () => {
  it('iam:GetUser form body decodes and validates', () => {
    const call = decodeQueryCall(iamModel, queryParameters(GET_USER_BODY, ''));
    assert.deepEqual(call, { operation: 'GetUser', input: { UserName: 'bench' } });
    assert.deepEqual(validateInput(iamModel, call.operation, call.input), []);
  });

  it('eks:DescribeCluster route decodes and validates', () => {
    const call = decodeRestJsonCall(eksModel, new RouteTable(eksModel), describeClusterRequest());
    assert.deepEqual(call, { operation: 'DescribeCluster', input: { name: 'team-9-prod' } });
    assert.deepEqual(validateInput(eksModel, call.operation, call.input), []);
  });
});
