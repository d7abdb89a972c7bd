// Reads the scenarios shipped with the app (sample-feeds/, copied under samples/
// by vite.renderer.config.ts) over same-origin fetch.
import { z } from 'zod';

const sampleIndexSchema = z.object({
  format: z.literal('truceline-samples'),
  version: z.literal(1),
  samples: z.array(z.object({ id: z.string().min(1), files: z.array(z.string().min(1)) })),
});
export type BundledSampleIndex = z.infer<typeof sampleIndexSchema>;
export type BundledSample = BundledSampleIndex['samples'][number];

/** The list of bundled samples; an absent index means none were bundled. */
export async function fetchSampleIndex(base = 'samples/'): Promise<BundledSample[]> {
  const response = await fetch(`${base}index.json`);
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`samples/index.json: HTTP ${response.status}`);
  const parsed = sampleIndexSchema.safeParse(await response.json());
  if (!parsed.success) {
    throw new Error(`samples/index.json: not a sample index (${parsed.error.issues[0]?.message})`);
  }
  return parsed.data.samples;
}

/** Every file of one sample as bytes, keyed by its package-relative path. */
export async function fetchSampleFiles(
  sample: BundledSample,
  onFile?: (done: number, total: number) => void,
  base = 'samples/',
): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  let done = 0;
  await Promise.all(
    sample.files.map(async (path) => {
      const url = `${base}${encodeURIComponent(sample.id)}/${path.split('/').map(encodeURIComponent).join('/')}`;
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${sample.id}/${path}: HTTP ${response.status}`);
      files.set(path, new Uint8Array(await response.arrayBuffer()));
      done += 1;
      onFile?.(done, sample.files.length);
    }),
  );
  return files;
}
