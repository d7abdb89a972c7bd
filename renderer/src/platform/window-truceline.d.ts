import type { TrucelineApi } from '../../../shared/security/preload-api';

declare global {
  interface Window {
    /** Set by electron/preload; absent in a plain browser. */
    truceline?: TrucelineApi;
  }
}
