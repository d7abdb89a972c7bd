// What the Room panel shows seats to dial. The room's listener serves the
// app's pages at its own address, so the seats' page is the listener's
// address over http; the code rides in the URL fragment, which a browser
// never sends to any server.

/** The seats' page for a listener's ws:// address and a join code: `http://host:port/#/join?code=…`. */
export function joinPageAddress(seatsUrl: string, code: string): string {
  let url: URL;
  try {
    url = new URL(seatsUrl);
  } catch {
    throw new Error(`the room's address "${seatsUrl}" is not a URL`);
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new Error(`the room's address "${seatsUrl}" is not a ws:// or wss:// address`);
  }
  const scheme = url.protocol === 'wss:' ? 'https:' : 'http:';
  return `${scheme}//${url.host}/#/join?code=${encodeURIComponent(code)}`;
}
