import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/window-options';

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the renderer, with the preload given', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('marks the window title EXERCISE', () => {
    expect(mainWindowOptions('p').title).toContain('EXERCISE');
  });
});
