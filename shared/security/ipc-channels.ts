/** The only IPC channels main handles (kept apart from the schemas so the preload bundles no zod). */
export const IPC_CHANNELS = {
  openScenarioFiles: 'truceline:open-scenario-files',
  saveExport: 'truceline:save-export',
  printToPdf: 'truceline:print-to-pdf',
  appInfo: 'truceline:app-info',
  roomInterfaces: 'truceline:room-interfaces',
  roomListen: 'truceline:room-listen',
  roomSend: 'truceline:room-send',
  roomClose: 'truceline:room-close',
} as const;
export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/**
 * The only channels main sends on, to the one window concerned: each relay
 * message of the room that window opened (docs/ROOMS.md, "Opening a room").
 */
export const IPC_PUSH_CHANNELS = {
  roomMessage: 'truceline:room-message',
} as const;
export type IpcPushChannel = (typeof IPC_PUSH_CHANNELS)[keyof typeof IPC_PUSH_CHANNELS];
