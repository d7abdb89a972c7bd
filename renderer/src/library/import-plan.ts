// Decides what a set of picked or dropped files is (a scenario folder, a
// single-file scenario, a feed, a UCDP GED export) before anything is loaded,
// and says plainly when it is none of them.

export interface PickedBytes {
  /** Path as picked: for a folder it starts with the folder's own name. */
  path: string;
  bytes: Uint8Array;
}

export type ImportPlan =
  | { kind: 'scenario'; name: string; files: Map<string, Uint8Array> }
  | { kind: 'feed'; name: string; path: string; files: Map<string, Uint8Array> }
  | { kind: 'ucdp'; name: string; bytes: Uint8Array };

export class ImportPlanError extends Error {}

const FEED_EXTENSIONS = /\.(ndjson|jsonl|json|csv)$/i;
// Two columns only the UCDP GED export has.
const UCDP_HEADER = /(^|[,;"])where_prec([,;"]|$)/m;
const UCDP_HEADER_2 = /(^|[,;"])type_of_violence([,;"]|$)/m;

/** Classifies the picked files; throws ImportPlanError saying what was expected. */
export function planImport(picked: readonly PickedBytes[]): ImportPlan {
  if (picked.length === 0) throw new ImportPlanError('No files were chosen.');
  const files = picked.map((f) => ({ ...f, path: f.path.replace(/\\/g, '/').replace(/^\/+/, '') }));
  const manifest = files
    .filter((f) => f.path === 'scenario.json' || f.path.endsWith('/scenario.json'))
    .sort((a, b) => a.path.split('/').length - b.path.split('/').length)[0];
  if (manifest) {
    const root = manifest.path.slice(0, manifest.path.length - 'scenario.json'.length);
    const inside = new Map<string, Uint8Array>();
    for (const f of files)
      if (f.path.startsWith(root)) inside.set(f.path.slice(root.length), f.bytes);
    const name = root.replace(/\/$/, '') || folderNameFromManifest(manifest.bytes);
    return { kind: 'scenario', name, files: inside };
  }
  if (files.length > 1) {
    throw new ImportPlanError(
      `None of the ${files.length} files is a scenario.json. Choose a scenario folder (holding scenario.json), one *.scenario.json file, one feed file or one UCDP GED CSV.`,
    );
  }
  const only = files[0]!;
  const baseName = only.path.split('/').pop() ?? only.path;
  if (/\.scenario\.json$/i.test(baseName)) {
    return { kind: 'scenario', name: baseName, files: new Map([[baseName, only.bytes]]) };
  }
  if (/\.csv$/i.test(baseName) && looksLikeUcdp(only.bytes)) {
    return { kind: 'ucdp', name: baseName, bytes: only.bytes };
  }
  if (FEED_EXTENSIONS.test(baseName)) {
    return {
      kind: 'feed',
      name: baseName,
      path: baseName,
      files: new Map([[baseName, only.bytes]]),
    };
  }
  throw new ImportPlanError(
    `${baseName}: not a file Truceline reads. Scenarios are scenario.json folders or *.scenario.json files; feeds are .ndjson, .json or .csv; UCDP GED exports are .csv.`,
  );
}

function looksLikeUcdp(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  const firstLine = head.split(/\r?\n/, 1)[0]?.toLowerCase() ?? '';
  return UCDP_HEADER.test(firstLine) && UCDP_HEADER_2.test(firstLine);
}

/** Platforms strip the picked folder's own name; the manifest's title stands in for it. */
function folderNameFromManifest(bytes: Uint8Array): string {
  try {
    const manifest = JSON.parse(new TextDecoder().decode(bytes)) as {
      title?: unknown;
      id?: unknown;
    };
    const label = typeof manifest.title === 'string' ? manifest.title : manifest.id;
    if (typeof label === 'string' && label.trim()) return `Scenario folder “${label.trim()}”`;
  } catch {
    // An unreadable manifest is reported by the loader; here it only needs a name.
  }
  return 'Scenario folder';
}
