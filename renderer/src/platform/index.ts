export { getPlatform } from './get-platform';
export { filesFromDrop } from './files-from-drop';
export type {
  AppInfo,
  PickedFile,
  Platform,
  PrintOptions,
  PrintResult,
  SaveExportOptions,
  SaveResult,
} from './platform';
