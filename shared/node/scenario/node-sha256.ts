import { createHash } from 'node:crypto';
import type { HashFactory } from '../../scenario/content-hash';

/** Native SHA-256 (same digest as @noble/hashes, several times faster on large scenarios). */
export const nodeSha256: HashFactory = () => {
  const h = createHash('sha256');
  return {
    update: (bytes) => {
      h.update(bytes);
    },
    updateText: (text) => {
      h.update(text, 'utf8');
    },
    digestHex: () => h.digest('hex'),
  };
};
