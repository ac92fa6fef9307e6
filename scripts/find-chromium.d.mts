/** Types of scripts/find-chromium.mjs, for the TypeScript callers (e2e, benchmarks). */
export type ChromiumSource = 'CHROMIUM_PATH' | 'playwright' | 'system' | 'npm-package';

export interface FoundChromium {
  executablePath: string;
  source: ChromiumSource;
  /** Launch flags: headless, no sandbox when root, no background networking. */
  args: string[];
}

/** Thrown when no browser can be had; its message is one line naming the options. */
export declare class NoChromiumError extends Error {
  constructor(reason: string);
}

export declare function findChromium(): Promise<FoundChromium>;
