// SCENARIO-FORMAT.md section 8, the party script: a manifest member given as a
// path or inline, checked with exact `file:/pointer: message` errors (form,
// unknown party, unknown incident, negative delays), part of the content hash,
// and kept for the simulation cell only.
import { describe, expect, it } from 'vitest';
import { createMemoryReader } from '../../../shared/scenario/package-reader';
import { errorsOf, event, folder, loaded, manifest, ndjson, ZONES } from './package-fixture';

const FEED = ndjson([
  event({ id: 'a', incident: 'shelling', party: 'B' }),
  event({ id: 'b', time: '2026-03-01T05:00:00Z' }),
]);

/** A script a simulation cell would write for the incident "shelling". */
const SCRIPT = {
  default: {
    acknowledge: { after_min: 10 },
    reply: { kind: 'denies', after_h: 24 },
    meeting: 'attends',
    accepts_measures: true,
    meeting_after_h: 6,
  },
  incidents: {
    shelling: {
      measures: 'Party B to withdraw its artillery beyond the 50 km line within 24 hours.',
      meeting_at: '2026-03-01T20:00:00Z',
      parties: {
        A: { acknowledge: { after_min: 4, via: 'hotline, duty officer' } },
        B: {
          acknowledge: 'never',
          reply: { kind: 'denies', after_h: 2, text: 'We did not fire.' },
          meeting: 'refuses',
          accepts_measures: false,
        },
      },
    },
  },
};

/** A folder package with the script (inline, or a path to one of the `files`). */
const withScript = (script: unknown, files: Record<string, string> = {}) =>
  createMemoryReader(
    {
      'scenario.json': JSON.stringify(manifest({ version: 2, party_script: script })),
      'zones.geojson': JSON.stringify(ZONES),
      'feeds/a.ndjson': FEED,
      ...files,
    },
    'pkg',
  );

describe('the party script', () => {
  it('loads inline or from a file, and the scenario keeps it for the simulation cell', async () => {
    const inline = await loaded(withScript(SCRIPT));
    expect(inline.warnings).toEqual([]);
    expect(inline.scenario.partyScript).toEqual(SCRIPT);
    const file = await loaded(
      withScript('simcell/parties.json', { 'simcell/parties.json': JSON.stringify(SCRIPT) }),
    );
    expect(file.scenario.partyScript).toEqual(SCRIPT);
    // A path and the same content inline are one scenario.
    expect(file.scenario.hash).toBe(inline.scenario.hash);
    const none = await loaded(folder({ 'feeds/a.ndjson': FEED }, { version: 2 }));
    expect(none.scenario.partyScript).toBeNull();
  });

  it('takes part in the content hash', async () => {
    const hash = async (script: unknown) => (await loaded(withScript(script))).scenario.hash;
    const changed = structuredClone(SCRIPT);
    changed.incidents.shelling.parties.B.reply.text = 'We returned fire.';
    const hashes = [
      (await loaded(folder({ 'feeds/a.ndjson': FEED }, { version: 2 }))).scenario.hash,
      await hash(SCRIPT),
      await hash(changed),
      await hash({ default: SCRIPT.default }),
    ];
    expect(new Set(hashes).size).toBe(4);
  });

  it('refuses a party that is not in the scenario, and one that is not a party to the ceasefire', async () => {
    const reader = folder(
      { 'feeds/a.ndjson': FEED },
      {
        version: 2,
        parties: [
          { id: 'A', name: 'Party A', role: 'party' },
          { id: 'B', name: 'Party B', role: 'party' },
          { id: 'MM', name: 'Mission', role: 'monitor' },
        ],
        party_script: { incidents: { shelling: { parties: { C: {}, MM: {} } } } },
      },
    );
    expect(await errorsOf(reader)).toEqual([
      'scenario.json:/party_script/incidents/shelling/parties/C: unknown party "C" (parties: A, B, MM)',
      'scenario.json:/party_script/incidents/shelling/parties/MM: "MM" has role monitor; only parties with role party are notified and asked to explain (A, B)',
    ]);
  });

  it('refuses an incident that no event carries, at its pointer in the file that names it', async () => {
    const script = { incidents: { shelling: {}, 'mlrs/s2': { measures: 'Withdraw.' } } };
    expect(
      await errorsOf(
        withScript('parties.json', { 'parties.json': JSON.stringify(script, null, 2) }),
      ),
    ).toEqual([
      'parties.json:/incidents/mlrs~1s2: unknown incident "mlrs/s2": no event of the scenario has "incident": "mlrs/s2"',
    ]);
  });

  it('refuses negative delays, unknown kinds and misspelt members, each at its pointer', async () => {
    const script = {
      default: { acknowledge: { after_min: -5 }, meeting_after_h: -1 },
      incidents: {
        shelling: {
          meeting_after_h: 2,
          meeting_at: '2026-03-01T20:00:00Z',
          parties: {
            A: { reply: { kind: 'apologises', after_h: 1 } },
            B: { reply: { kind: 'denies', after_h: -2, text: 'No.' }, meeting: 'maybe' },
          },
        },
      },
    };
    expect(await errorsOf(withScript(script))).toEqual([
      'scenario.json:/party_script/default/acknowledge/after_min: must be at least 0, got -5',
      'scenario.json:/party_script/default/meeting_after_h: must be at least 0, got -1',
      'scenario.json:/party_script/incidents/shelling/parties/A/reply/kind: must be one of admits, denies, counter-accuses, no-reply, got "apologises"',
      'scenario.json:/party_script/incidents/shelling/parties/B/reply/after_h: must be at least 0, got -2',
      'scenario.json:/party_script/incidents/shelling/parties/B/meeting: must be one of attends, refuses, got "maybe"',
    ]);
    expect(
      await errorsOf(
        withScript({
          incidents: { shelling: { meeting_after_h: 2, meeting_at: '2026-03-01T20:00:00Z' } },
        }),
      ),
    ).toEqual([
      'scenario.json:/party_script/incidents/shelling/meeting_after_h: give meeting_at or meeting_after_h, not both, got 2',
    ]);
    expect(
      await errorsOf(
        withScript({
          default: { acknowledge: 'sometimes', replies: {} },
          incidents: {
            shelling: {
              parties: {
                A: { reply: { kind: 'no-reply', text: 'x' } },
                B: { reply: { kind: 'admits' } },
              },
            },
          },
        }),
      ),
    ).toEqual([
      'scenario.json:/party_script/default/acknowledge: must be "never" or { "after_min": minutes >= 0, "via": text }, got "sometimes"',
      'scenario.json:/party_script/default: unexpected field "replies"',
      'scenario.json:/party_script/incidents/shelling/parties/A/reply/text: a party that does not reply has no reply time or text, got "x"',
      'scenario.json:/party_script/incidents/shelling/parties/B/reply/after_h: is required for a reply of kind admits (hours after the request, >= 0)',
    ]);
  });

  it('refuses a meeting time outside the scenario window, and a missing script file', async () => {
    expect(
      await errorsOf(
        withScript({ incidents: { shelling: { meeting_at: '2026-03-05T00:00:00Z' } } }),
      ),
    ).toEqual([
      'scenario.json:/party_script/incidents/shelling/meeting_at: 2026-03-05T00:00:00Z is outside the scenario window [2026-03-01T00:00:00.000Z, 2026-03-02T00:00:00.000Z]',
    ]);
    expect(await errorsOf(withScript('missing.json'))).toEqual([
      'scenario.json:/party_script: names "missing.json", which does not exist in the package',
    ]);
  });

  it('in the single-file form is inline like the other documents', async () => {
    const reader = createMemoryReader({
      'x.scenario.json': JSON.stringify(
        manifest({
          version: 2,
          zones: ZONES,
          feeds: [JSON.parse(`[${FEED.trim().split('\n').join(',')}]`)],
          party_script: SCRIPT,
        }),
      ),
    });
    expect((await loaded(reader)).scenario.partyScript).toEqual(SCRIPT);
  });
});
