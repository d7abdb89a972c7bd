// Seeking the exercise clock (docs/ESCALATION-PROTOCOL.md): history is not rewritten.

/** Why a seek would be refused, or null if allowed. Forward seeks are always allowed. */
export function checkSeek(
  from: number,
  to: number,
  role: 'operator' | 'controller' | 'system' | 'auditor',
  protocolStarted: boolean,
): string | null {
  if (to >= from) return null;
  if (protocolStarted) {
    return 'seeking backwards is refused once the protocol has started on any alert (history is not rewritten)';
  }
  if (role !== 'controller') return 'only the controller may seek backwards';
  return null;
}
