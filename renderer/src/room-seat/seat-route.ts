// A seat's pages are addressed by the hash as the rest of the app is, but
// they are a separate app shell: a person at a seat never sees the Library
// or the console. #/join?code=… fills the code (the address a QR code or the
// host's screen gives); #/seat/<id> is the seat's home, kept over a reload.
export type SeatRoute = { kind: 'join'; code: string } | { kind: 'seat'; seatId: string };

export function seatRouteFromHash(hash: string): SeatRoute | null {
  const path = hash.replace(/^#\/?/, '');
  const [name = '', query = ''] = path.split('?', 2);
  if (name === 'join') {
    return { kind: 'join', code: new URLSearchParams(query).get('code')?.trim() ?? '' };
  }
  const seat = /^seat\/([a-z0-9]{16,64})$/.exec(name);
  return seat ? { kind: 'seat', seatId: seat[1]! } : null;
}

export function hashForSeat(seatId: string): string {
  return `#/seat/${seatId}`;
}
