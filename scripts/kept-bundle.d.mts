export declare const KEPT_BUNDLE_DIR: string;
export declare const KEPT_BUNDLE_BUILD_TIMEOUT_MS: number;
export interface KeptBundleOptions {
  /** KEPT_BUNDLE_DIR unless a test keeps its own. */
  dir?: string;
  /** The script that builds a bundle (scripts/bundle-worker.mjs unless a test swaps it). */
  builder?: string;
  /** KEPT_BUNDLE_BUILD_TIMEOUT_MS unless a test makes it short. */
  timeoutMs?: number;
}
export declare function keptBundle(entry: string, options?: KeptBundleOptions): string;
