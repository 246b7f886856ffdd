/** Types for scripts/package-teams.js (plain CommonJS, so TypeScript tests can import it). */
export type PackageFiles = Record<string, string | Buffer>;
export declare class PackageError extends Error {}
export declare function readEnv(env: NodeJS.ProcessEnv): {
  TEAMS_APP_ID: string;
  MicrosoftAppId: string;
  BOT_DOMAIN: string;
  APP_VERSION?: string;
  TAB_SSO_APP_ID?: string;
};
export declare function fillPlaceholders(
  fileName: string,
  text: string,
  values: Record<string, string>,
): string;
export declare function buildPackageFiles(env: NodeJS.ProcessEnv): PackageFiles;
export declare function schemaErrors(files: PackageFiles): string[];
export declare function writePackage(env: NodeJS.ProcessEnv, outFile?: string): Promise<string>;
