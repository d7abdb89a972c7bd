// The join address as a QR image, made here from the `qrcode` package's
// symbol (no network, no canvas): one SVG path of the dark modules, drawn
// with a quiet zone of four modules as the standard asks.
import { create } from 'qrcode';

export interface QrImage {
  /** Modules per side, the quiet zone included. */
  size: number;
  /** The dark modules as one SVG path, one unit per module. */
  path: string;
}

export const QUIET_ZONE = 4;

export function qrImage(text: string): QrImage {
  // Level M: room for a phone camera's glare, small enough for a long address.
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: parts.join('') };
}
