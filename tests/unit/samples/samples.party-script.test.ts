// The party scripts of the samples against their MSELs: what the simulation
// cell makes a party say must be what the MSEL has that party say, a party
// that asks for a meeting in the MSEL asks for it in the script, and every
// meeting Exercise Control convenes sits at the time the inject gives
// (docs/SCENARIO-FORMAT.md section 8, "Party script").
import { beforeEach, describe, expect, it } from 'vitest';
import type { PartyScript } from '../../../shared/scenario/schema';
import { readEvents, readJson, type SampleId } from './sample-files';

const SCRIPTED: readonly SampleId[] = ['line-72h', 'drone-line-48h'];
const UTC_OFFSET_H = -8;

interface Inject {
  id: string;
  party: string | undefined;
  summary: string;
}

const injects = (id: SampleId): Inject[] =>
  readEvents(id)
    .filter((e) => e.value.type === 'inject')
    .map((e) => ({
      id: String(e.value.id),
      party: e.value.party as string | undefined,
      summary: String(e.value.summary),
    }));

const scriptOf = (id: SampleId) => {
  const manifest = readJson<{ party_script?: string }>(id, 'scenario.json');
  expect(manifest.party_script, `${id} names its party script`).toBeTypeOf('string');
  return readJson<PartyScript>(id, manifest.party_script!);
};

/** Every scripted reply of a party: [incident, kind, text]. */
const repliesOf = (script: PartyScript, party: string) =>
  Object.entries(script.incidents ?? {}).flatMap(([incident, s]) => {
    const reply = s.parties?.[party]?.reply;
    return reply ? [{ incident, kind: reply.kind, text: reply.text ?? '' }] : [];
  });

describe.each(SCRIPTED)('the party script of %s', (id) => {
  // Read in each test, so a sample without a script fails as a test, by name.
  let script: PartyScript;
  beforeEach(() => {
    script = scriptOf(id);
  });
  const partyInjects = injects(id).filter((i) => i.party === 'A' || i.party === 'B');

  it("gives a party's statement quoted in the MSEL as that party's reply, and never as an admission", () => {
    const quoted = partyInjects.flatMap((i) =>
      [...i.summary.matchAll(/statement:[^"]*"([^"]+)"/g)].map((m) => ({
        ...i,
        quote: m[1]!.replace(/\.$/, ''),
      })),
    );
    expect(quoted.length).toBeGreaterThan(0);
    for (const { id: inject, party, quote } of quoted) {
      const replies = repliesOf(script, party!).filter((r) => r.text.includes(quote));
      expect(replies, `${inject}: Party ${party} says "${quote}"`).not.toEqual([]);
      for (const r of replies) expect(r.kind, `${inject} in ${r.incident}`).not.toBe('admits');
    }
  });

  it('has a party that requests a meeting in the MSEL request it in the script', () => {
    const requesting = new Set(
      partyInjects
        .filter((i) => /requests (an emergency meeting|one\b)/.test(i.summary))
        .map((i) => i.party!),
    );
    expect(requesting.size).toBeGreaterThan(0);
    for (const party of requesting) {
      const scripted = Object.values(script.incidents ?? {}).some(
        (s) => s.parties?.[party]?.requests_meeting === true,
      );
      expect(scripted, `Party ${party} requests a meeting`).toBe(true);
    }
  });

  it('sits every meeting Exercise Control convenes at the local time the inject gives', () => {
    const convened = injects(id)
      .map((i) => /is convened .*for (\d\d:\d\d) local/.exec(i.summary)?.[1])
      .filter((t) => t !== undefined);
    expect(convened.length).toBeGreaterThan(0);
    const localClock = (iso: string) =>
      new Date(Date.parse(iso) + UTC_OFFSET_H * 3_600_000).toISOString().slice(11, 16);
    const sittings = Object.values(script.incidents ?? {})
      .map((s) => s.meeting_at)
      .filter((t) => t !== undefined)
      .map(localClock);
    expect(sittings.sort()).toEqual([...convened].sort());
  });
});
