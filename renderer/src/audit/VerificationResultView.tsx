import { explainVerification, type VerificationResult } from '../../../shared/audit';
import './VerificationResultView.css';

const HEADLINES: Record<VerificationResult['status'], { icon: string; text: string }> = {
  OK: { icon: '✔', text: 'Verified: intact and signed' },
  UNSIGNED: { icon: '⚠', text: 'Unsigned: intact chain, but no signature' },
  TAMPERED: { icon: '✖', text: 'Tampered: this log was changed' },
  INVALID: { icon: '✖', text: 'Not a log that can be checked' },
};

/** The verification verdict, first and prominent: status in words and symbol, never colour alone. */
export function VerificationResultView({
  result,
  title = 'Verification',
}: {
  result: VerificationResult;
  title?: string;
}) {
  const headline = HEADLINES[result.status];
  return (
    <section
      className={`verification verification-${result.status.toLowerCase()}`}
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
    </section>
  );
}
