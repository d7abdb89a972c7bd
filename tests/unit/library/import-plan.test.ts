import { describe, expect, it } from 'vitest';
import { ImportPlanError, planImport } from '../../../renderer/src/library/import-plan';

const bytes = (text: string) => new TextEncoder().encode(text);
const UCDP_HEADER =
  'id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,where_prec,latitude\n1,a,2022,1,Clear,1,1,1,-44.4\n';

describe('planImport', () => {
  it('treats a picked folder as a scenario package rooted at its scenario.json', () => {
    const plan = planImport([
      { path: 'line-72h/scenario.json', bytes: bytes('{}') },
      { path: 'line-72h/feeds/drone.ndjson', bytes: bytes('') },
      { path: 'line-72h/zones.geojson', bytes: bytes('{}') },
    ]);
    expect(plan.kind).toBe('scenario');
    if (plan.kind !== 'scenario') return;
    expect(plan.name).toBe('line-72h');
    expect([...plan.files.keys()].sort()).toEqual([
      'feeds/drone.ndjson',
      'scenario.json',
      'zones.geojson',
    ]);
  });

  it('names a folder whose own name was stripped by its scenario title', () => {
    const plan = planImport([
      { path: 'scenario.json', bytes: bytes('{"title":"Quiet morning"}') },
      { path: 'feeds/a.ndjson', bytes: bytes('') },
    ]);
    expect(plan.name).toBe('Scenario folder “Quiet morning”');
    expect(planImport([{ path: 'scenario.json', bytes: bytes('{oops') }]).name).toBe(
      'Scenario folder',
    );
  });

  it('uses the shallowest scenario.json and leaves files outside that package out', () => {
    const plan = planImport([
      { path: 'pack/nested/scenario.json', bytes: bytes('{}') },
      { path: 'pack/scenario.json', bytes: bytes('{}') },
      { path: 'other/readme.md', bytes: bytes('') },
    ]);
    if (plan.kind !== 'scenario') throw new Error('expected a scenario');
    expect([...plan.files.keys()].sort()).toEqual(['nested/scenario.json', 'scenario.json']);
  });

  it('recognises a single-file scenario, a feed, and a UCDP GED export by its header', () => {
    expect(planImport([{ path: 'demo.scenario.json', bytes: bytes('{}') }]).kind).toBe('scenario');
    expect(planImport([{ path: 'drone.ndjson', bytes: bytes('{}') }]).kind).toBe('feed');
    expect(planImport([{ path: 'msel.csv', bytes: bytes('Inject #,Time\n') }]).kind).toBe('feed');
    expect(planImport([{ path: 'ged.csv', bytes: bytes(UCDP_HEADER) }]).kind).toBe('ucdp');
  });

  it('refuses what it cannot read, saying what was expected', () => {
    expect(() => planImport([])).toThrow(ImportPlanError);
    expect(() => planImport([{ path: 'photo.png', bytes: bytes('') }])).toThrow(
      /photo\.png: not a file/,
    );
    expect(() =>
      planImport([
        { path: 'a.ndjson', bytes: bytes('') },
        { path: 'b.ndjson', bytes: bytes('') },
      ]),
    ).toThrow(/None of the 2 files is a scenario\.json/);
  });
});
