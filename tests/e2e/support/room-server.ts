// The room specs' own `npm run web -- --room` server: the app over HTTP and
// the room's listener for seats, whose address the server prints.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RoomServer {
  /** Where seats dial (ws://…/room), as the server printed it. */
  listenerUrl: string;
  stop(): void;
}

export async function startRoomServer(port: number): Promise<RoomServer> {
  const server: ChildProcess = spawn(
    process.execPath,
    ['shared/node/run-ts.mjs', 'shared/node/web/serve.ts', '--port', String(port), '--room'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const listenerUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start:\n${output}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Room listener for seats at (ws:\/\/\S+);/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
    server.on('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
  return { listenerUrl, stop: () => void server.kill() };
}
