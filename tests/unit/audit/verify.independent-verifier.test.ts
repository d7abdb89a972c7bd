// A second verifier written from docs/AUDIT-LOG.md alone, deliberately simple and
// sharing no code with shared/audit: its own JCS, node:crypto for SHA-256 and
// Ed25519. Both verifiers must reach the same verdict on good and tampered logs.
import { createHash, createPublicKey, verify as edVerify } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { verifyLogBundle, type ExportBundle, type LogSigner } from '../../../shared/audit';
import { copy, newSigner, signedBundle } from './log-fixture';

function jcs(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('non-finite number');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') {
    // Node 20 has String.prototype.isWellFormed; the project's lib (ES2023) does not declare it.
    if (!(value as unknown as { isWellFormed(): boolean }).isWellFormed())
      throw new Error('lone surrogate');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort((a, b) => {
      // Compare UTF-16 code units one by one, as RFC 8785 says.
      for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const d = a.charCodeAt(i) - b.charCodeAt(i);
        if (d !== 0) return d;
      }
      return a.length - b.length;
    });
  return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs(obj[k])}`).join(',')}}`;
}

const sha256hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const strictB64 = (s: unknown): Buffer | null =>
  typeof s === 'string' &&
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s) &&
  Buffer.from(Buffer.from(s, 'base64').toString('base64')).toString() === s
    ? Buffer.from(s, 'base64')
    : null;

/** Returns the result line's verdict prefix: "OK …" / "UNSIGNED …" in full, "TAMPERED seq k", "TAMPERED head", "TAMPERED signature", "INVALID". */
function simpleVerify(text: string, expectedKey?: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'INVALID';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'INVALID';
  const b = parsed as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (b.format !== 'truceline-log' || b.version !== 1) return 'INVALID';
  if (
    typeof b.exercise !== 'object' ||
    b.exercise === null ||
    !Array.isArray(b.entries) ||
    b.entries.length === 0
  )
    return 'INVALID';
  const entries = b.entries as unknown[];
  if (entries.some((x) => typeof x !== 'object' || x === null || Array.isArray(x)))
    return 'INVALID';
  const e = entries as Record<string, unknown>[];
  const n = e.length;
  for (let i = 0; i < n; i++) if (e[i]!.seq !== i + 1) return `TAMPERED seq ${i + 1}`;
  for (let i = 0; i < n; i++) {
    const want = i === 0 ? '0'.repeat(64) : e[i - 1]!.hash;
    if (e[i]!.prev_hash !== want) return `TAMPERED seq ${i + 1}`;
  }
  for (let i = 0; i < n; i++) {
    const { hash, ...rest } = e[i]!;
    try {
      if (sha256hex(jcs(rest)) !== hash) return `TAMPERED seq ${i + 1}`;
    } catch {
      return `TAMPERED seq ${i + 1}`;
    }
  }
  const h = b.head;
  const final = e[n - 1]!.hash;
  if (!h || typeof h !== 'object' || h.count !== n || h.last_seq !== n || h.final_hash !== final)
    return 'TAMPERED head';
  const s = b.signature;
  if (s === undefined || s === null) return `UNSIGNED ${n} entries, head ${final}`;
  if (typeof s !== 'object' || s.alg !== 'Ed25519') return 'TAMPERED signature';
  const pk = strictB64(s.public_key);
  const sig = strictB64(s.value);
  if (!pk || pk.length !== 32 || !sig || sig.length !== 64) return 'TAMPERED signature';
  const keyId = createHash('sha256').update(pk).digest('hex').slice(0, 16);
  if (s.key_id !== keyId) return 'TAMPERED signature';
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: pk.toString('base64url') },
    format: 'jwk',
  });
  const payload = Buffer.from(jcs({ exercise: b.exercise, head: b.head }), 'utf8');
  if (!edVerify(null, payload, key, sig)) return 'TAMPERED signature';
  if (expectedKey !== undefined && expectedKey !== s.public_key) return 'TAMPERED signature';
  return `OK ${n} entries, head ${final}, key ${keyId}`;
}

function prefixOf(line: string): string {
  if (line.startsWith('OK') || line.startsWith('UNSIGNED')) return line;
  if (line.startsWith('INVALID')) return 'INVALID';
  return line.slice(0, line.indexOf(':'));
}

let signer: LogSigner;
let other: LogSigner;
let good: ExportBundle;
beforeAll(async () => {
  signer = await newSigner();
  other = await newSigner();
  good = await signedBundle(signer);
});

async function agree(text: string, expectedKey?: string): Promise<string> {
  const mine = await verifyLogBundle(
    text,
    expectedKey === undefined ? {} : { expectedPublicKey: expectedKey },
  );
  const theirs = simpleVerify(text, expectedKey);
  expect(prefixOf(mine.line)).toBe(theirs);
  return theirs;
}

describe('an independent verifier agrees', () => {
  test('on the good bundle, with and without the expected key', async () => {
    const text = JSON.stringify(good);
    expect(await agree(text)).toMatch(/^OK 8 entries/);
    expect(await agree(text, signer.publicKeyBase64)).toMatch(/^OK/);
    expect(await agree(text, other.publicKeyBase64)).toBe('TAMPERED signature');
  });

  test('on the bundle without its signature', async () => {
    const b = copy(good);
    delete b.signature;
    expect(await agree(JSON.stringify(b))).toMatch(/^UNSIGNED/);
  });

  test('on random single-field tamperings anywhere in the bundle', async () => {
    // Every leaf of the bundle, by path; each run replaces one with another value.
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      if (v !== null && typeof v === 'object') {
        for (const [k, c] of Object.entries(v))
          walk(c, [...path, Array.isArray(v) ? Number(k) : k]);
      } else paths.push(path);
    };
    walk(good, []);
    const replacement = fc.oneof(
      fc.string(),
      fc.integer({ min: -2, max: 12 }),
      fc.constant(null),
      fc.constant('0'.repeat(64)),
      fc.double(),
      fc.boolean(),
    );
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: paths.length - 1 }), replacement, async (index, value) => {
        const b = copy(good) as unknown as Record<string | number, unknown>;
        const path = paths[index]!;
        let target = b as Record<string | number, unknown>;
        for (const step of path.slice(0, -1))
          target = target[step] as Record<string | number, unknown>;
        target[path[path.length - 1]!] = value;
        await agree(JSON.stringify(b));
      }),
      { numRuns: 300 },
    );
  });

  test('on random structural tamperings (delete, duplicate, swap, truncate)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 7 }),
        fc.nat({ max: 7 }),
        fc.constantFrom('delete', 'dup', 'swap', 'truncate'),
        async (i, j, op) => {
          const b = copy(good);
          if (op === 'delete') b.entries.splice(i, 1);
          if (op === 'dup') b.entries.splice(i, 0, copy(b.entries[j]!));
          if (op === 'swap') [b.entries[i], b.entries[j]] = [b.entries[j]!, b.entries[i]!];
          if (op === 'truncate') b.entries.length = i;
          await agree(JSON.stringify(b));
        },
      ),
      { numRuns: 200 },
    );
  });
});
