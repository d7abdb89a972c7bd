// Rooms need nothing new in the content-security policy (docs/ROOMS.md,
// "Opening a room"): the desktop window reaches its room through IPC, and a
// seat's page is served by the room listener it dials, so its WebSocket is
// same-origin, which `connect-src 'self'` admits (CSP Level 3 lets 'self'
// match ws: on the page's own host and port). The policy is defined once.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/content-security-policy';

const root = resolve(import.meta.dirname, '../../..');

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

/** Every source file under `folder` (no node_modules, no build output). */
function sources(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    if (name === 'node_modules' || name === 'out' || name.startsWith('.')) continue;
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...sources(path));
    else if (/\.(ts|tsx|mts|mjs|cjs|js|html)$/.test(name)) found.push(path);
  }
  return found;
}

describe('content-security policy and rooms', () => {
  it('lets the page connect to its own origin only: no ws: scheme, host or wildcard in connect-src', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    // default-src is the fallback for connect-src; it admits nothing else either.
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('names no other origin anywhere in the policy', () => {
    const allowed = new Set(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:']);
    for (const [name, list] of directives(CONTENT_SECURITY_POLICY)) {
      for (const source of list) expect(allowed.has(source), `${name} ${source}`).toBe(true);
    }
  });

  it('is defined in one module, and every header that sends a policy sends that one', () => {
    const files = ['shared', 'electron', 'renderer'].flatMap((folder) =>
      sources(join(root, folder)),
    );
    const name = (file: string) => relative(root, file).split('\\').join('/');
    // Code lines only: a comment may name a directive to say why it admits something.
    const codeOf = (file: string) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
        .join('\n');
    const directivesWritten = files
      .filter((file) => /\b(connect|default|script)-src\b/.test(codeOf(file)))
      .map(name);
    expect(directivesWritten).toEqual(['shared/security/content-security-policy.ts']);
    const headerLines = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /['"]Content-Security-Policy['"]\s*[:,]/i.test(line))
        .map((line) => `${name(file)}: ${line.trim()}`),
    );
    expect(headerLines.length).toBeGreaterThan(0);
    for (const line of headerLines) expect(line).toMatch(/CONTENT_SECURITY_POLICY/);
  });
});
