/** Types of start.mjs (plain JavaScript: the image runs it with node, without a compiler). */
export declare const DEFAULT_LISTEN_HOST: string;
export declare const DEFAULT_KEEP_ALIVE_TIMEOUT_MS: number;
export declare function serverEnv(
  env: Record<string, string | undefined>,
): { HOSTNAME: string; KEEP_ALIVE_TIMEOUT: string } | { error: string };
