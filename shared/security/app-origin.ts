/** The privileged scheme the Electron renderer is served from. */
export const APP_SCHEME = 'app';
/** The single host of that scheme; the bundle lives under it. */
export const APP_HOST = 'bundle';
/** Origin of every page and script of the app (Electron). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/**
 * Path prefix under which main serves the files picked in "open scenario"
 * (app://bundle/__picked/<selection>/<index>): read lazily by the renderer,
 * so a 1 GiB feed never has to fit in one IPC message.
 */
export const PICKED_FILES_SEGMENT = '__picked';
