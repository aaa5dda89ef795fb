/** Types of ltsNode.mjs (plain JavaScript: scripts/test.mjs runs it before anything is compiled). */
export declare const LTS_NODE_VERSION: string;
export declare const LTS_NODE_INTEGRITY: Record<string, string>;
export declare function ltsNodePackage(platform?: string, arch?: string): string;
export declare function integrityMatches(bytes: Uint8Array, integrity: string): boolean;
export declare function ltsNodeDir(root?: string, version?: string, pkg?: string): string;
export declare function ltsNodeBinary(options?: { root?: string; version?: string }): string;
export declare function withLtsNodeOnPath(
  binary: string,
  env?: Record<string, string | undefined>,
): Record<string, string | undefined>;
