/**
 * The JSON policy editor: a name, the document, and IAM's own validation. Nothing is checked in the
 * browser: the document goes to IAM as written, and IAM's answer to a bad document
 * (MalformedPolicyDocument, LimitExceeded, ...) appears inline under the editor, word for word; a
 * denial appears as an error alert with its Why?.
 */
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState, type ReactNode } from 'react';
import { isDenial, shownError } from '../components/aws-error.ts';
import { ErrorAlert } from '../components/error-alert.tsx';

/** A starting document. */
export const EMPTY_POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Statement1', Effect: 'Allow', Action: [], Resource: [] }] }, null, 2);

/** The editor; `onSubmit` sends the document to IAM and rejects with IAM's error. */
export function PolicyEditor({ heading, nameLabel, submitText, initial = EMPTY_POLICY, extra, onSubmit }: {
  heading: string; nameLabel?: string; submitText: string; initial?: string; extra?: ReactNode;
  onSubmit: (name: string, document: string) => Promise<void>;
}) {
  const [name, setName] = useState('');
  const [document, setDocument] = useState(initial);
  const [inlineError, setInlineError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const submit = async () => {
    setBusy(true);
    setInlineError(undefined);
    setError(undefined);
    setSaved(false);
    try {
      await onSubmit(name, document);
      setSaved(true);
    } catch (e) {
      const shown = shownError(e);
      if (isDenial(shown) || shown.httpStatus === undefined || shown.httpStatus >= 500) setError(e);
      else setInlineError(shown.message);
    }
    setBusy(false);
  };
  return (
    <Container header={<Header variant="h2" actions={<Button variant="primary" loading={busy} onClick={() => void submit()}>{submitText}</Button>}>{heading}</Header>}>
      <SpaceBetween size="l">
        {error !== undefined && <ErrorAlert error={error} onDismiss={() => setError(undefined)} />}
        {nameLabel && <FormField label={nameLabel}><Input value={name} onChange={({ detail }) => setName(detail.value)} /></FormField>}
        {extra}
        <FormField label="Policy editor" description="JSON" errorText={inlineError} stretch>
          <Textarea value={document} onChange={({ detail }) => { setDocument(detail.value); setSaved(false); }} rows={16} spellcheck={false} />
        </FormField>
        {saved && <span role="status" data-testid="policy-saved">Saved.</span>}
      </SpaceBetween>
    </Container>
  );
}
