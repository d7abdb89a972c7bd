import type { Severity } from '../console/view-model';

/** Severity as text and colour (never colour alone). */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`severity severity-${severity}`} data-severity={severity}>
      {severity.toUpperCase()}
    </span>
  );
}
