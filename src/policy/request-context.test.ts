import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RequestContext } from './request-context.ts';

const caller = new RequestContext({ 'aws:username': 'alice', 'aws:PrincipalTag/Team': 'blue', 'aws:MultiFactorAuthPresent': true });
const request = new RequestContext({ 'aws:SourceIp': '10.0.0.1', 'aws:PrincipalTag/team': 'red' });

describe('RequestContext layers', () => {
  it('looks a key up through the layers, the upper layer winning, in any case', () => {
    const layered = caller.extend(request);
    assert.equal(layered.lookup('AWS:SourceIp'), '10.0.0.1');
    assert.equal(layered.lookup('aws:username'), 'alice');
    assert.equal(layered.get('aws:principaltag/team'), 'red');
    assert.equal(layered.lookup('aws:MultiFactorAuthPresent'), 'true');
    assert.equal(layered.has('aws:Referer'), false);
  });

  it('shares a laid-over context rather than copying it, and leaves both layers as they were', () => {
    const layered = caller.extend(request);
    assert.equal(caller.lookup('aws:SourceIp'), undefined);
    assert.equal(caller.lookup('aws:PrincipalTag/Team'), 'blue');
    assert.equal(request.lookup('aws:username'), undefined);
    assert.deepEqual(new Map(layered.entries()), new Map([
      ['aws:username', 'alice'], ['aws:principaltag/team', 'red'], ['aws:multifactorauthpresent', 'true'], ['aws:sourceip', '10.0.0.1'],
    ]));
  });

  it('lays a record over a layered context, and removes a key that lives in a lower layer', () => {
    const layered = caller.extend(request).extend({ 'aws:TagKeys': ['a', 'b'] });
    assert.deepEqual(layered.lookup('aws:tagkeys'), ['a', 'b']);
    const without = layered.with('aws:username', undefined);
    assert.equal(without.lookup('aws:username'), undefined);
    assert.equal(without.lookup('aws:SourceIp'), '10.0.0.1');
    assert.equal(layered.lookup('aws:username'), 'alice');
  });

  it('refuses to lay over another a context that has layers of its own (they would be lost)', () => {
    assert.throws(() => caller.extend(caller.extend(request)), /only a context without layers/);
  });
});
