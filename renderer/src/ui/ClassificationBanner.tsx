import './ClassificationBanner.css';

/** The marking shown at the top and bottom of every screen. */
export function ClassificationBanner({
  classification,
  position,
}: {
  classification: string;
  position: 'top' | 'bottom';
}) {
  return (
    <div
      className={`classification-banner classification-banner-${position}`}
      role={position === 'top' ? 'banner' : 'contentinfo'}
      aria-label={`Classification marking (${position})`}
      data-testid={`classification-${position}`}
    >
      {classification}
    </div>
  );
}
