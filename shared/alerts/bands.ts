// The two band vocabularies of an alert (docs/ALERTS-AND-SEVERITY.md): the
// bands of its gravity (called severity in the log and the protocol) and of
// its certainty. Each is listed here once, most severe (most certain) first;
// the log's schemas, the protocol, the report and the console derive their
// lists, orders and types from these. This module imports nothing, so any
// layer may take it.

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
/** The band of a gravity (called severity in the log and the protocol). */
export type Severity = (typeof SEVERITIES)[number];

export const CERTAINTY_BANDS = [
  'confirmed',
  'probable',
  'possible',
  'unconfirmed',
  'cleared',
] as const;
export type CertaintyBand = (typeof CERTAINTY_BANDS)[number];

/** 0 for the most severe band, up to 4 for `info`. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** The more severe of two bands. */
export function graverSeverity(a: Severity, b: Severity): Severity {
  return severityRank(b) < severityRank(a) ? b : a;
}

/** True when `to` is more severe than `from`. */
export function severityRose(from: Severity, to: Severity): boolean {
  return severityRank(to) < severityRank(from);
}

/** True when `to` is a more certain band than `from` (`cleared` counts as least certain). */
export function certaintyRose(from: CertaintyBand, to: CertaintyBand): boolean {
  return CERTAINTY_BANDS.indexOf(to) < CERTAINTY_BANDS.indexOf(from);
}
