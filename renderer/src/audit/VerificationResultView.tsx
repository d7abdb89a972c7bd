import { explainVerification, type VerificationResult } from '../../../shared/audit';
import './VerificationResultView.css';

const HEADLINES: Record<VerificationResult['status'], { icon: string; text: string }> = {
  OK: { icon: '✔', text: 'Verified: intact and signed' },
  UNSIGNED: { icon: '⚠', text: 'Unsigned: intact chain, but no signature' },
  TAMPERED: { icon: '✖', text: 'Tampered: this log was changed' },
  INVALID: { icon: '✖', text: 'Not a log that can be checked' },
};

/**
 * The verification verdict, first and prominent: status in words and symbol, never colour alone.
 * `compact` (the Log screen) keeps headline and line on show and folds the explanation away.
 */
export function VerificationResultView({
  result,
  title = 'Verification',
  compact = false,
}: {
  result: VerificationResult;
  title?: string;
  compact?: boolean;
}) {
  const headline = HEADLINES[result.status];
  const details = (
    <>
      <p className="verification-explain">{explainVerification(result)}</p>
      {result.status === 'OK' || result.status === 'UNSIGNED' ? (
        <dl className="verification-facts">
          <dt>Entries</dt>
          <dd>{result.count}</dd>
          <dt>Head hash</dt>
          <dd className="mono">{result.finalHash}</dd>
          {result.keyId ? (
            <>
              <dt>Signed by key id</dt>
              <dd className="mono verification-key">{result.keyId}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {result.status === 'OK' ? (
        <p className="verification-reminder">
          Compare the key id <code>{result.keyId}</code> with one you trust (the installation’s
          About panel shows its own). Note the head hash: it pins what you received.
        </p>
      ) : null}
    </>
  );
  return (
    <section
      className={`verification verification-${result.status.toLowerCase()}${compact ? ' verification-compact' : ''}`}
      aria-label={title}
      data-testid="verification"
      data-status={result.status}
    >
      <p className="verification-headline">
        <span aria-hidden="true" className="verification-icon">
          {headline.icon}
        </span>{' '}
        {headline.text}
      </p>
      <p className="verification-line mono" data-testid="verification-line">
        {result.line}
      </p>
      {compact ? (
        <details className="verification-details" open={result.status !== 'OK'}>
          <summary>What this proves, entries, head hash and key</summary>
          {details}
        </details>
      ) : (
        details
      )}
    </section>
  );
}
