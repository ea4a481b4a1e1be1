/**
 * A failed AWS call, as the AWS console shows it: a Cloudscape error alert with the service's exact
 * message; for a denial, an expandable `Why?` with the server's explanation and verified fix.
 */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useState } from 'react';
import { isDenial, shownError, type ShownError } from './aws-error.ts';
import { fetchWhy, type WhyResult } from './why-explanation.ts';

/** The alert for `error` (an SDK error or a ShownError). */
export function ErrorAlert({ error, header, onDismiss }: { error: unknown; header?: string; onDismiss?: () => void }) {
  const shown: ShownError = isShown(error) ? error : shownError(error);
  const denial = isDenial(shown);
  return (
    <Alert type="error" i18nStrings={{ dismissAriaLabel: "Dismiss" }} header={header ?? (denial ? "Access denied" : shown.code)} dismissible={onDismiss !== undefined} onDismiss={onDismiss} data-testid="error-alert">
      <SpaceBetween size="xs">
        <span data-testid="error-message">{shown.message}</span>
        {shown.requestId && <Box variant="small" color="text-body-secondary">Request ID: {shown.requestId}</Box>}
        {denial && shown.requestId && <WhySection requestId={shown.requestId} />}
      </SpaceBetween>
    </Alert>
  );
}

function isShown(value: unknown): value is ShownError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value && 'requestId' in value && 'httpStatus' in value;
}

/** The expandable explanation, fetched when first opened. */
function WhySection({ requestId }: { requestId: string }) {
  const [result, setResult] = useState<WhyResult | undefined>();
  const [loading, setLoading] = useState(false);
  const open = (expanded: boolean) => {
    if (!expanded || result || loading) return;
    setLoading(true);
    void fetchWhy(requestId).then((r) => { setResult(r); setLoading(false); });
  };
  return (
    <ExpandableSection headerText="Why?" onChange={({ detail }) => open(detail.expanded)} data-testid="why-section">
      {loading && <Spinner />}
      {result && !result.ok && <Box data-testid="why-unavailable">{result.reason}</Box>}
      {result?.ok && <WhyDetails result={result} />}
    </ExpandableSection>
  );
}

function WhyDetails({ result }: { result: Extract<WhyResult, { ok: true }> }) {
  const e = result.explanation;
  return (
    <SpaceBetween size="s">
      <Box>
        <strong>{e.decision}</strong> for {e.principal}: {e.action} on {e.resource}
        {e.blockedBy && e.blockedBy.length > 0 && <> — blocked by {e.blockedBy.join(', ')}</>}
      </Box>
      {e.statements && e.statements.length > 0 && (
        <Box>
          <Box variant="h4">Deciding statements</Box>
          <ul>
            {e.statements.map((s, i) => (
              <li key={i}>{s.effect} · {s.policy.kind} policy {s.policy.name ?? s.policy.arn}{s.policy.attachedTo ? ` (attached to ${s.policy.attachedTo})` : ''} · {s.sid ? `Sid ${s.sid}` : `statement ${s.index ?? '?'}`}</li>
            ))}
          </ul>
        </Box>
      )}
      {e.fix?.changes && e.fix.changes.length > 0 && (
        <Box>
          <Box variant="h4">Fix {e.fix.verified ? `(verified: ${e.fix.decisionAfter ?? 'Allowed'} after it)` : '(not verified)'}</Box>
          {e.fix.changes.map((c, i) => (
            <SpaceBetween size="xxs" key={i}>
              <Box>{c.kind} on {c.target?.type} {c.target?.name ?? c.target?.arn}</Box>
              {c.statement !== undefined && <Box variant="code"><pre>{JSON.stringify(c.statement, null, 2)}</pre></Box>}
              {c.command && <Box variant="code" data-testid="why-command">{c.command}</Box>}
            </SpaceBetween>
          ))}
        </Box>
      )}
      {e.decisionNow && <Box>Decision now: {e.decisionNow}</Box>}
    </SpaceBetween>
  );
}
