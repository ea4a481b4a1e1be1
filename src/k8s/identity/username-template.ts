/**
 * Username and group templates of access entries and aws-auth, rendered as aws-iam-authenticator
 * renders them: `{{AccountID}}`, `{{SessionName}}` (with `@` turned into `-`), `{{SessionNameRaw}}`,
 * `{{AccessKeyID}}` and `{{EC2PrivateDNSName}}`, which needs a session named after an EC2 instance id.
 * With no EC2 here, the private DNS name is derived from the instance id, in EC2's format.
 */
import { createHash } from 'node:crypto';
import type { StsIdentity } from '../authn/sts-identity.ts';

const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

/** Why a template could not be rendered (the mapping then fails: 401). */
export class TemplateRefused extends Error {}

/** EC2's private DNS name for an instance, stable per instance id: `ip-10-a-b-c.REGION.compute.internal` (`ec2.internal` in us-east-1). */
export function privateDnsName(instanceId: string, region: string): string {
  const digest = createHash('sha256').update(instanceId).digest();
  const address = `10-${digest[0]! % 256}-${digest[1]! % 256}-${(digest[2]! % 254) + 1}`;
  return region === 'us-east-1' ? `ip-${address}.ec2.internal` : `ip-${address}.${region}.compute.internal`;
}

/** Renders `template` for `identity` in `region`. */
export function renderTemplate(template: string, identity: StsIdentity, region: string): string {
  let out = template;
  if (out.includes('{{EC2PrivateDNSName}}')) {
    if (!INSTANCE_ID.test(identity.sessionName)) throw new TemplateRefused('SessionName did not contain an instance id');
    out = out.replaceAll('{{EC2PrivateDNSName}}', privateDnsName(identity.sessionName, region));
  }
  return out
    .replaceAll('{{AccountID}}', identity.accountId)
    .replaceAll('{{SessionName}}', identity.sessionName.replaceAll('@', '-'))
    .replaceAll('{{SessionNameRaw}}', identity.sessionName)
    .replaceAll('{{AccessKeyID}}', identity.accessKeyId);
}
