import type { FuseV1Config } from '@electron/fuses';

export interface AfterPackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}
export function fuseConfig(options: {
  release: boolean;
  resetAdHocDarwinSignature?: boolean;
}): FuseV1Config;
export function electronBinaryPath(context: AfterPackContextLike): string;
export function isReleaseBuild(env?: Record<string, string | undefined>): boolean;
export function afterPack(context: AfterPackContextLike): Promise<void>;
export default afterPack;
