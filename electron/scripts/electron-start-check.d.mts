export const DESKTOP_NODE: string;
export function isOlderThan(version: string, minimum: string): boolean;
export type StartDecision =
  { kind: 'ready' } | { kind: 'install' } | { kind: 'refuse'; message: string };
export function decideElectronStart(facts: {
  nodeVersion: string;
  env: Record<string, string | undefined>;
  installed: boolean;
  execPathExists: boolean;
}): StartDecision;
export function firstErrorLine(output: string): string;
export function installFailureMessage(facts: {
  output: string;
  electronVersion: string;
  platform: string;
  arch: string;
}): string;
