// The name a participant types at exercise start: every entry they write
// records it as `actor`, so it must be there, short, and valid Unicode.
import { describeLoneSurrogate, loneSurrogateIndex } from '../json/well-formed-text';

/** Longest participant name accepted at exercise start. */
export const MAX_PARTICIPANT_NAME = 80;

/** Why a typed participant name (already trimmed) cannot be used, or null when it can. */
export function participantNameProblem(name: string): string | null {
  if (name.length === 0) return 'Type your name: every action in the log records who took it.';
  if (name.length > MAX_PARTICIPANT_NAME) {
    return `Keep the name under ${MAX_PARTICIPANT_NAME} characters.`;
  }
  const lone = loneSurrogateIndex(name);
  if (lone !== -1) return `${describeLoneSurrogate('The name', lone)}.`;
  return null;
}
