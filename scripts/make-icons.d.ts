/** Types for scripts/make-icons.js (plain CommonJS, so TypeScript tests can import it). */
export declare const ICON_SIZES: Readonly<{ color: 192; outline: 32 }>;
export declare function toOutlineSvg(svg: string): string;
export declare function renderIcons(svgPath?: string): { color: Buffer; outline: Buffer };
export declare function writeIcons(
  outDir: string,
  svgPath?: string,
): { color: string; outline: string };
