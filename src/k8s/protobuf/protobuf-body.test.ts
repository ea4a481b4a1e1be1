import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messageOfKind } from '../api/resource-types.ts';
import { decodeMessage, decodeProtobufBody, isProtobufEnvelope, ProtobufError } from './protobuf-body.ts';

// Request bodies kubectl 1.32 sent (captured from the wire), hex.
const KUBECTL = {
  createNamespace: '6b3873000a0f0a02763112094e616d657370616365121b0a130a0364657612001a0022002a0032003800420012001a020a001a002200',
  canIListPods: '6b3873000a320a17617574686f72697a6174696f6e2e6b38732e696f2f7631121753656c665375626a656374416363657373526576696577123d0a100a0012001a0022002a00320038004200121f0a1d0a0764656661756c7412046c6973741a0022002a04706f647332003a001a08080012001a0020001a002200',
  createConfigMap: '6b3873000a0f0a0276311209436f6e6669674d6170121b0a110a017812001a0022002a0032003800420012060a01611201621a002200',
  whoami: '6b3873000a2d0a1861757468656e7469636174696f6e2e6b38732e696f2f7631121153656c665375626a656374526576696577121a0a100a0012001a0022002a0032003800420012060a040a0012001a002200',
  canIList: '6b3873000a310a17617574686f72697a6174696f6e2e6b38732e696f2f7631121653656c665375626a65637452756c657352657669657712230a100a0012001a0022002a0032003800420012090a0764656661756c741a04180022001a002200',
};
const decode = (hex: string) => decodeProtobufBody(Buffer.from(hex, 'hex'), messageOfKind);

/** A length-delimited field. */
const field = (n: number, payload: Buffer) => Buffer.concat([Buffer.from([(n << 3) | 2]), lengthOf(payload.length), payload]);
/** A varint field. */
const varint = (n: number, value: number) => Buffer.concat([Buffer.from([n << 3]), lengthOf(value)]);
const message = (...fields: Buffer[]) => Buffer.concat(fields);
const text = (value: string) => Buffer.from(value, 'utf8');
function lengthOf(value: number): Buffer {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Buffer.from(out);
}

describe('Kubernetes protobuf request bodies', () => {
  it('decode what kubectl 1.32 sends into the objects it means, zero fields left out', () => {
    assert.deepEqual(decode(KUBECTL.createNamespace), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' }, spec: {}, status: {} });
    assert.deepEqual(decode(KUBECTL.createConfigMap), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' } });
    assert.deepEqual(decode(KUBECTL.canIListPods), {
      apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: {}, spec: { resourceAttributes: { namespace: 'default', verb: 'list', resource: 'pods' } }, status: {},
    });
    assert.deepEqual(decode(KUBECTL.whoami), { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview', metadata: {}, status: { userInfo: {} } });
    assert.deepEqual(decode(KUBECTL.canIList), { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', metadata: {}, spec: { namespace: 'default' }, status: {} });
  });

  it('reads times, int-or-strings, quantities, bytes maps and negative numbers', () => {
    const secret = message(
      field(1, message(field(1, text('s')), field(8, message(varint(1, 1_700_000_000))))),
      field(2, message(field(1, text('k')), field(2, Buffer.from([0x01, 0xff])))),
      field(3, text('Opaque')),
    );
    assert.deepEqual(decodeMessage(secret, 'k8s.io.api.core.v1.Secret', true), { metadata: { name: 's', creationTimestamp: '2023-11-14T22:13:20Z' }, data: { k: 'Af8=' }, type: 'Opaque' });
    const servicePort = message(varint(3, 80), field(4, message(varint(1, 1), field(3, text('http')))));
    assert.deepEqual(decodeMessage(servicePort, 'k8s.io.api.core.v1.ServicePort', true), { port: 80, targetPort: 'http' });
    const container = message(field(1, text('c')), field(8, message(field(1, message(field(1, text('cpu')), field(2, message(field(1, text('500m')))))))));
    assert.deepEqual(decodeMessage(container, 'k8s.io.api.core.v1.Container', true), { name: 'c', resources: { limits: { cpu: '500m' } } });
    const spec = Buffer.concat([Buffer.from([0xc8, 0x01]), Buffer.from('ffffffffffffffffff01', 'hex')]);
    assert.deepEqual(decodeMessage(spec, 'k8s.io.api.core.v1.PodSpec', true), { priority: -1 });
  });

  it('refuses bodies that are not Kubernetes protobuf or name an unknown kind', () => {
    assert.ok(isProtobufEnvelope(Buffer.from(KUBECTL.whoami, 'hex')));
    assert.throws(() => decodeProtobufBody(Buffer.from('{"kind":"Namespace"}'), messageOfKind), ProtobufError);
    const unknownKind = Buffer.from(KUBECTL.createNamespace, 'hex');
    unknownKind.write('Namezpace', 12, 'latin1');
    assert.throws(() => decodeProtobufBody(unknownKind, messageOfKind), /no kind "Namezpace" is registered for version "v1"/);
    assert.throws(() => decodeProtobufBody(Buffer.from(KUBECTL.createNamespace, 'hex').subarray(0, 20), messageOfKind), ProtobufError);
  });
});
