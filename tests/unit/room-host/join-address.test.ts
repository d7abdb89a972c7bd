import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { joinPageAddress } from '../../../renderer/src/room-host/join-address';
import { QUIET_ZONE, qrImage } from '../../../renderer/src/room-host/qr-image';

describe('the seats’ page address', () => {
  it('is the listener’s host and port over http, the code in the fragment', () => {
    expect(
      joinPageAddress('ws://192.168.1.20:41234/room', 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ'),
    ).toBe('http://192.168.1.20:41234/#/join?code=ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ');
    expect(joinPageAddress('wss://room.example:443/room', 'AB')).toBe(
      'https://room.example/#/join?code=AB',
    );
  });

  it('refuses an address that is not a room listener’s, saying which', () => {
    expect(() => joinPageAddress('not a url', 'AB')).toThrow(/"not a url" is not a URL/);
    expect(() => joinPageAddress('http://x:1/room', 'AB')).toThrow(/not a ws:\/\/ or wss:\/\//);
  });
});

describe('the QR image', () => {
  it('draws exactly the symbol’s dark modules, inside a quiet zone', () => {
    const text = 'http://127.0.0.1:41234/#/join?code=ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ';
    const image = qrImage(text);
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    expect(image.size).toBe(modules.size + 2 * QUIET_ZONE);
    const drawn = new Set(
      [...image.path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${m[1]},${m[2]}`),
    );
    let dark = 0;
    for (let r = 0; r < modules.size; r++) {
      for (let c = 0; c < modules.size; c++) {
        const on = modules.get(r, c) === 1;
        if (on) dark += 1;
        expect(drawn.has(`${c + QUIET_ZONE},${r + QUIET_ZONE}`)).toBe(on);
      }
    }
    expect(drawn.size).toBe(dark);
    // The top-left finder pattern: a dark 7×7 ring starts the symbol.
    for (let i = 0; i < 7; i++) expect(drawn.has(`${QUIET_ZONE + i},${QUIET_ZONE}`)).toBe(true);
  });
});
