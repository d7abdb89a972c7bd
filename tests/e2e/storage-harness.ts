// Test-only page script for tests/e2e/storage.spec.ts: exposes the real
// storage module on `window.storageHarness` so Playwright can drive it in
// Chromium. Bundled by the spec with esbuild and served through page routing;
// it is not part of any product build.
import Dexie from 'dexie';
import { bytesToBase64, verifyLogBundle, type EntryDraft } from '../../shared/audit';
import {
  DexieAuditLog,
  StorageFailure,
  exportExerciseLog,
  getOrCreateInstallationKey,
  openTrucelineDatabase,
  readStoredLog,
  requestPersistentStorage,
  saveExercise,
  storageEstimate,
  type TrucelineDatabase,
} from '../../renderer/src/storage';

const DB_NAME = 'truceline-e2e';
let dbPromise: Promise<TrucelineDatabase> | null = null;
const db = () => (dbPromise ??= openTrucelineDatabase(DB_NAME));
const writers = new Map<string, DexieAuditLog>();
const pendingOpens = new Map<string, Promise<string>>();

const note = (text: string): EntryDraft => ({
  exercise_time: null,
  actor: 'operator-1',
  role: 'operator',
  kind: 'note',
  data: { text },
});

function describeFailure(error: unknown) {
  if (error instanceof StorageFailure) {
    return { ok: false as const, kind: error.kind, message: error.message, wayOut: error.wayOut };
  }
  return {
    ok: false as const,
    kind: 'other',
    message: error instanceof Error ? error.message : String(error),
    wayOut: '',
  };
}

async function ensureExercise(id: string): Promise<void> {
  const d = await db();
  if (await d.exercises.get(id)) return;
  const now = new Date().toISOString();
  await saveExercise(d, {
    id,
    title: `E2E ${id}`,
    classification: 'EXERCISE',
    scenario_id: 'e2e',
    scenario_hash: 'a'.repeat(64),
    scoring_hash: 'b'.repeat(64),
    protocol_hash: 'c'.repeat(64),
    created: now,
    app_version: '0.1.0',
    status: 'active',
    updated: now,
  });
}

const harness = {
  /** Starts opening the writer; resolves 'open' or a failure kind. Poll with openState. */
  startOpen(id: string, ifAvailable = false): void {
    pendingOpens.set(
      id,
      (async () => {
        try {
          await ensureExercise(id);
          writers.set(id, await DexieAuditLog.open(await db(), id, { ifAvailable }));
          return 'open';
        } catch (error) {
          return describeFailure(error).kind;
        }
      })(),
    );
  },
  async openState(id: string): Promise<string> {
    const pending = pendingOpens.get(id);
    if (!pending) return 'not-started';
    return Promise.race([pending, new Promise<string>((r) => setTimeout(() => r('waiting'), 50))]);
  },
  async open(id: string, ifAvailable = false): Promise<string> {
    harness.startOpen(id, ifAvailable);
    return pendingOpens.get(id)!;
  },
  async append(id: string, texts: string[]) {
    const writer = writers.get(id);
    if (!writer) throw new Error(`no writer for ${id}`);
    try {
      const entries = await writer.append(texts.map(note));
      return { ok: true as const, seqs: entries.map((e) => e.seq) };
    } catch (error) {
      return describeFailure(error);
    }
  },
  /** Appends entries with `bytes` of text each until a write fails; says how far it got and why it stopped. */
  async fillUntilFailure(id: string, bytes: number, max: number) {
    const writer = writers.get(id)!;
    // Random text: Chromium compresses IndexedDB values, so repetitive text would hardly use any quota.
    const random = new Uint8Array(Math.ceil((bytes * 3) / 4));
    for (let i = 0; i < max; i++) {
      for (let o = 0; o < random.length; o += 65536)
        crypto.getRandomValues(random.subarray(o, o + 65536));
      try {
        await writer.append([note(`${i}:${bytesToBase64(random)}`)]);
      } catch (error) {
        return { appended: i, head: writer.head().seq, failure: describeFailure(error) };
      }
    }
    return { appended: max, head: writer.head().seq, failure: null };
  },
  async close(id: string): Promise<void> {
    await writers.get(id)?.close();
    writers.delete(id);
  },
  async head(id: string): Promise<number> {
    return writers.get(id)?.head().seq ?? -1;
  },
  async stored(id: string): Promise<{ seqs: number[]; texts: string[] }> {
    const entries = await readStoredLog(await db(), id);
    return {
      seqs: entries.map((e) => e.seq),
      texts: entries.map((e) => String(e.data.text).slice(0, 40)),
    };
  },
  /** Exports with the installation key and verifies the bundle: the verdict line. */
  async exportAndVerify(id: string): Promise<{ line: string; keyId: string }> {
    const d = await db();
    const key = await getOrCreateInstallationKey(d);
    const bundle = await exportExerciseLog(d, id, key);
    return { line: (await verifyLogBundle(JSON.stringify(bundle))).line, keyId: key.keyId };
  },
  async privateKeyExtractable(): Promise<boolean> {
    const row = await (await db()).keys.get('installation');
    return row!.keyPair.privateKey.extractable;
  },
  /** The durability Chromium reports for the log's write transactions. */
  async logDurability(): Promise<string> {
    const d = await db();
    return d.transaction('rw', d.log, () => {
      const idb = (Dexie.currentTransaction as unknown as { idbtrans: { durability: string } })
        .idbtrans;
      return idb.durability;
    });
  },
  persist: requestPersistentStorage,
  estimate: storageEstimate,
  /** Append throughput in this browser: entries per second, one by one and batched. */
  async throughput(id: string, n: number, batch: number): Promise<number> {
    await harness.open(id);
    const writer = writers.get(id)!;
    const start = performance.now();
    for (let i = 0; i < n; i += batch) {
      await writer.append(
        Array.from({ length: Math.min(batch, n - i) }, (_, j) => note(`entry ${i + j}`)),
      );
    }
    const seconds = (performance.now() - start) / 1000;
    await harness.close(id);
    return n / seconds;
  },
};

// This file is type-checked with the Node settings (no DOM lib), hence globalThis.
export type StorageHarness = typeof harness;
(globalThis as unknown as { storageHarness: StorageHarness }).storageHarness = harness;
(
  globalThis as unknown as { document: { body: { dataset: Record<string, string> } } }
).document.body.dataset.ready = 'yes';
