/**
 * CloudTrail > Event history (`?region=`): LookupEvents with one lookup attribute and a time range, as
 * the CloudTrail console filters, each event's record expandable. Where this Tollgate does not serve
 * LookupEvents yet, the page shows the server's answer as it is.
 */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { CloudTrailClient, LookupEventsCommand, type Event, type LookupAttributeKey } from '@aws-sdk/client-cloudtrail';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { clientConfig } from '../aws/clients.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Page } from '../components/page.tsx';

const ATTRIBUTES: LookupAttributeKey[] = ['EventName', 'Username', 'EventSource', 'ReadOnly', 'ResourceName', 'ResourceType', 'AccessKeyId', 'EventId'];

/** The page. */
export function EventHistoryPage() {
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? 'us-east-1';
  const [attribute, setAttribute] = useState<SelectProps.Option>({ value: 'EventName', label: 'Event name' });
  const [value, setValue] = useState('');
  const [hours, setHours] = useState('24');
  const [events, setEvents] = useState<Event[] | undefined>();
  const [next, setNext] = useState<string | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const lookup = async (token?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const client = new CloudTrailClient(clientConfig(region));
      const answer = await client.send(new LookupEventsCommand({
        ...(value ? { LookupAttributes: [{ AttributeKey: attribute.value as LookupAttributeKey, AttributeValue: value }] } : {}),
        StartTime: new Date(Date.now() - Number(hours || '24') * 3_600_000), EndTime: new Date(), MaxResults: 50, ...(token ? { NextToken: token } : {}),
      }));
      setEvents((previous) => [...(token ? previous ?? [] : []), ...(answer.Events ?? [])]);
      setNext(answer.NextToken);
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };
  return (
    <Page title="Event history" crumbs={[{ text: 'CloudTrail', to: '/cloudtrail/events' }, { text: 'Event history', to: `/cloudtrail/events?region=${region}` }]}
      description={`Management events in ${region} (IAM's are recorded in us-east-1).`}>
      {error !== undefined && <ErrorAlert error={error} />}
      <SpaceBetween direction="horizontal" size="s" alignItems="end">
        <FormField label="Region"><Input value={region} onChange={({ detail }) => setParams((p) => { p.set('region', detail.value); return p; })} /></FormField>
        <FormField label="Lookup attribute">
          <Select selectedOption={attribute} onChange={({ detail }) => setAttribute(detail.selectedOption)} options={ATTRIBUTES.map((a) => ({ value: a, label: a.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()) }))} />
        </FormField>
        <FormField label="Attribute value"><Input value={value} onChange={({ detail }) => setValue(detail.value)} placeholder="Any" /></FormField>
        <FormField label="Last hours"><Input type="number" value={hours} onChange={({ detail }) => setHours(detail.value)} /></FormField>
        <Button variant="primary" loading={busy} onClick={() => void lookup()}>Look up events</Button>
      </SpaceBetween>
      {events && (
        <Table items={events} trackBy="EventId" header={<Header counter={`(${events.length})`} actions={next ? <Button onClick={() => void lookup(next)}>Load more</Button> : undefined}>Events</Header>}
          columnDefinitions={[
            { id: 'name', header: 'Event name', cell: (e) => e.EventName },
            { id: 'time', header: 'Event time', cell: (e) => e.EventTime?.toISOString() ?? '-' },
            { id: 'user', header: 'User name', cell: (e) => e.Username ?? '-' },
            { id: 'source', header: 'Event source', cell: (e) => e.EventSource ?? '-' },
            { id: 'resources', header: 'Resources', cell: (e) => (e.Resources ?? []).map((r) => r.ResourceName).join(', ') || '-' },
            { id: 'record', header: 'Event record', cell: (e) => <ExpandableSection headerText="View"><Box variant="code"><pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{prettify(e.CloudTrailEvent)}</pre></Box></ExpandableSection> },
          ]} empty="No events match" />
      )}
    </Page>
  );
}

function prettify(text: string | undefined): string {
  try {
    return JSON.stringify(JSON.parse(text ?? ''), null, 2);
  } catch {
    return text ?? '';
  }
}
