/** The EKS clients of the console's EKS pages, one per Region, and the Region in the address (`?region=`). */
import { EKSClient } from '@aws-sdk/client-eks';
import { useSearchParams } from 'react-router';
import { clientConfig } from '../aws/clients.ts';

/** The Regions the selector offers. */
export const REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'eu-north-1',
  'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-south-1', 'sa-east-1',
] as const;

/** The Region when the address names none. */
export const DEFAULT_REGION = 'us-east-1';

const clients = new Map<string, EKSClient>();

/** The EKS client of `region`. */
export function eks(region: string): EKSClient {
  let client = clients.get(region);
  if (!client) clients.set(region, (client = new EKSClient(clientConfig(region))));
  return client;
}

/** The Region of the address, and a setter that keeps it there. */
export function useRegion(): [string, (region: string) => void] {
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? DEFAULT_REGION;
  return [region, (next) => setParams((p) => { p.set('region', next); return p; })];
}
