import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../electron/main/app-menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('appMenuTemplate', () => {
  it('has no help menu (no links to the web) and no click handlers of its own', () => {
    for (const isMac of [true, false]) {
      const template = appMenuTemplate({ isMac, devTools: false });
      expect(roles(template)).not.toContain('help');
      expect(JSON.stringify(template)).not.toMatch(/https?:/);
      expect(template.every((item) => item.click === undefined)).toBe(true);
    }
  });

  it('offers DevTools only in development', () => {
    expect(roles(appMenuTemplate({ isMac: false, devTools: false }))).not.toContain(
      'toggleDevTools',
    );
    expect(roles(appMenuTemplate({ isMac: false, devTools: true }))).toContain('toggleDevTools');
  });
});
