/** IAM > Policies > Create policy: the JSON editor; IAM's validation messages appear inline. */
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { CreatePolicyCommand } from '@aws-sdk/client-iam';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Page } from '../components/page.tsx';
import { iam } from './iam-client.ts';
import { PolicyEditor } from './policy-editor.tsx';

/** The page. */
export function PolicyCreatePage() {
  const navigate = useNavigate();
  const [description, setDescription] = useState('');
  return (
    <Page title="Create policy" crumbs={[{ text: 'IAM', to: '/iam/users' }, { text: 'Policies', to: '/iam/policies' }, { text: 'Create policy', to: '/iam/policies/create' }]}>
      <PolicyEditor heading="Policy details" nameLabel="Policy name" submitText="Create policy"
        extra={<FormField label="Description - optional"><Input value={description} onChange={({ detail }) => setDescription(detail.value)} /></FormField>}
        onSubmit={async (name, document) => {
          const { Policy } = await iam().send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: document, ...(description ? { Description: description } : {}) }));
          navigate(`/iam/policies/details?arn=${encodeURIComponent(Policy?.Arn ?? '')}`);
        }} />
    </Page>
  );
}
