/** Types for scripts/test-tools.js (plain CommonJS, so TypeScript tests can import it). */
export declare const TOOLS: readonly { command: string; pkg: string; for: string }[];
export declare function findOnPath(command: string, searchPath?: string): string | undefined;
export declare function requireTool(command: string): string;
