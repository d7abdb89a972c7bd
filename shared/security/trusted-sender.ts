import { isAppOrigin } from './permission-policy';

/** What main knows about the frame that sent an IPC message. */
export interface IpcSender {
  /** `event.senderFrame?.url`; null when the frame is gone. */
  frameUrl: string | null;
  /** `event.senderFrame === win.webContents.mainFrame`. */
  isMainFrame: boolean;
  /** `event.sender.id`. */
  webContentsId: number;
}

export type SenderDecision = { trusted: true } | { trusted: false; reason: string };

/**
 * Accepts an IPC message only from the main frame of our own window, showing a
 * page of the app (app://bundle/, or the dev server in development).
 */
export function isTrustedSender(
  sender: IpcSender,
  windowWebContentsId: number | null,
  devServerOrigin: string | null = null,
): SenderDecision {
  if (windowWebContentsId === null || sender.webContentsId !== windowWebContentsId) {
    return {
      trusted: false,
      reason: `sender webContents ${sender.webContentsId} is not the app window`,
    };
  }
  if (!sender.isMainFrame)
    return { trusted: false, reason: 'sender is a subframe, not the main frame' };
  if (sender.frameUrl === null) return { trusted: false, reason: 'sender frame is gone' };
  if (!isAppOrigin(sender.frameUrl, devServerOrigin)) {
    return { trusted: false, reason: `sender frame URL "${sender.frameUrl}" is not the app` };
  }
  return { trusted: true };
}
