// This installation's Ed25519 key: made on first run with WebCrypto, private
// key non-extractable, kept in IndexedDB as a CryptoKey.
import { generateSigningKey, signerFromKeyPair, type LogSigner } from '../../../shared/audit';
import type { TrucelineDatabase } from './database';
import { toStorageFailure } from './storage-failure';
import { acquireWebLock } from './web-lock';

const KEY_ID = 'installation';

/** The installation key as the app uses it: key id, public key, and signing. */
export type InstallationKey = LogSigner;

/** Returns the installation key, creating and storing it on first use (once, even with several tabs). */
export async function getOrCreateInstallationKey(db: TrucelineDatabase): Promise<InstallationKey> {
  const release = (await acquireWebLock('truceline-installation-key'))!;
  try {
    const existing = await db.keys.get(KEY_ID);
    if (existing) return await signerFromKeyPair(existing.keyPair);
    // Generate outside any transaction (WebCrypto is async), then store.
    const keyPair = await generateSigningKey();
    const signer = await signerFromKeyPair(keyPair);
    try {
      await db.keys.add({
        id: KEY_ID,
        keyPair,
        keyId: signer.keyId,
        publicKeyBase64: signer.publicKeyBase64,
        created: new Date().toISOString(),
      });
    } catch (error) {
      // Without Web Locks another tab may have won the race: use its key.
      const winner = await db.keys.get(KEY_ID);
      if (winner) return await signerFromKeyPair(winner.keyPair);
      throw toStorageFailure(error);
    }
    return signer;
  } finally {
    release();
  }
}
