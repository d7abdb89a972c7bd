/** The only IPC channels main handles (kept apart from the schemas so the preload bundles no zod). */
export const IPC_CHANNELS = {
  openScenarioFiles: 'truceline:open-scenario-files',
  saveExport: 'truceline:save-export',
  printToPdf: 'truceline:print-to-pdf',
  appInfo: 'truceline:app-info',
} as const;
export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];
