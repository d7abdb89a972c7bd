import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { expect, test } from 'vitest';
import { base64ToBytes, keyIdOf, verifySignature } from '../../../shared/audit';
import {
  getOrCreateInstallationKey,
  openTrucelineDatabase,
  toStorageFailure,
} from '../../../renderer/src/storage';

test('the installation key is made once, kept across reopening, and its private key cannot be exported', async () => {
  const name = `key-${process.pid}`;
  const db = await openTrucelineDatabase(name);
  const [a, b] = await Promise.all([
    getOrCreateInstallationKey(db),
    getOrCreateInstallationKey(db),
  ]);
  expect(a.keyId).toBe(b.keyId);
  expect(keyIdOf(base64ToBytes(a.publicKeyBase64)!)).toBe(a.keyId);
  db.close();
  const reopened = await openTrucelineDatabase(name);
  const again = await getOrCreateInstallationKey(reopened);
  expect(again.keyId).toBe(a.keyId);
  const stored = await reopened.keys.get('installation');
  expect(stored!.keyPair.privateKey.extractable).toBe(false);
  await expect(crypto.subtle.exportKey('pkcs8', stored!.keyPair.privateKey)).rejects.toThrow();
  const message = new TextEncoder().encode('head');
  expect(
    await verifySignature(
      base64ToBytes(again.publicKeyBase64)!,
      await again.sign(message),
      message,
    ),
  ).toBe(true);
  reopened.close();
  await Dexie.delete(name);
});

test('storage errors become plain StorageFailures with a way out', () => {
  const quota = toStorageFailure(
    Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: { name: 'QuotaExceededError' },
    }),
  );
  expect(quota.kind).toBe('quota');
  expect(quota.message).toMatch(/full.*nothing already logged is lost/);
  expect(quota.wayOut).toMatch(/Export the log now/);
  const bulk = toStorageFailure({ name: 'BulkError', failures: [{ name: 'ConstraintError' }] });
  expect(bulk.kind).toBe('conflict');
  expect(toStorageFailure(new Error('odd')).kind).toBe('write-failed');
  expect(toStorageFailure({ name: 'MissingAPIError' }).kind).toBe('unavailable');
});
