// Checks the party script (docs/SCENARIO-FORMAT.md section 8): its form by the
// one schema, then what only the whole scenario can tell — that every party
// it scripts is a party to the ceasefire and every incident it names is
// carried by some event. Problems are `<file>:<json-pointer>: <message>`.
import type { DiagnosticLog } from './diagnostics';
import { jsonPointer, showValue } from './diagnostics';
import { reportIssues } from './check-documents';
import { partyScriptSchema, type Party, type PartyScript } from './schema';

type Path = readonly (string | number)[];

/** The script, or null after reporting its problems. */
export function checkPartyScript(
  value: unknown,
  file: string,
  base: Path,
  parties: readonly Party[],
  incidents: ReadonlySet<string>,
  window: { start: number; end: number },
  log: DiagnosticLog,
): PartyScript | null {
  const result = partyScriptSchema.safeParse(value);
  if (!result.success) {
    reportIssues(log, file, base, result.error.issues, value);
    return null;
  }
  const errorsBefore = log.errors.length;
  const report = (path: Path, message: string) =>
    log.error({ file, pointer: jsonPointer([...base, ...path]), message });
  const script = result.data;
  // Only the parties to the ceasefire are notified and asked to explain.
  const notified = parties.filter((p) => p.role === 'party').map((p) => p.id);
  for (const [name, incident] of Object.entries(script.incidents ?? {})) {
    if (!incidents.has(name)) {
      report(
        ['incidents', name],
        `unknown incident ${showValue(name)}: no event of the scenario has "incident": ${showValue(name)}`,
      );
    }
    for (const id of Object.keys(incident.parties ?? {})) {
      const party = parties.find((p) => p.id === id);
      if (party === undefined) {
        report(
          ['incidents', name, 'parties', id],
          `unknown party ${showValue(id)} (parties: ${parties.map((p) => p.id).join(', ')})`,
        );
      } else if (party.role !== 'party') {
        report(
          ['incidents', name, 'parties', id],
          `"${id}" has role ${party.role}; only parties with role party are notified and asked to explain (${notified.join(', ')})`,
        );
      }
    }
    if (incident.meeting_at !== undefined) {
      const at = Date.parse(incident.meeting_at);
      if (at < window.start || at > window.end) {
        report(
          ['incidents', name, 'meeting_at'],
          `${incident.meeting_at} is outside the scenario window [${new Date(window.start).toISOString()}, ${new Date(window.end).toISOString()}]`,
        );
      }
    }
  }
  return log.errors.length > errorsBefore ? null : script;
}
