import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './package-script';

export const infraDir = path.join(repoRoot, 'deploy', 'infra');

export interface BicepParam {
  name: string;
  hasDefault: boolean;
  secure: boolean;
}

/** Text of a Bicep file with // and /* *\/ comments removed, so checks see only code. */
export function readBicep(relativePath: string): string {
  const text = fs.readFileSync(path.join(infraDir, relativePath), 'utf8');
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** `param <name> <type> [= default]` declarations, with the decorators just above them. */
export function bicepParams(source: string): BicepParam[] {
  const params: BicepParam[] = [];
  const lines = source.split('\n');
  lines.forEach((line, index) => {
    const match = /^param (\w+) \w+(\s*=.*)?$/.exec(line.trim());
    if (!match) return;
    let decorators = '';
    for (let i = index - 1; i >= 0 && lines[i]!.trim().startsWith('@'); i--) decorators += lines[i];
    params.push({
      name: match[1]!,
      hasDefault: Boolean(match[2]),
      secure: decorators.includes('@secure()'),
    });
  });
  return params;
}

/** Names of `output <NAME> <type> = …`. */
export function bicepOutputs(source: string): string[] {
  return [...source.matchAll(/^output (\w+) /gm)].map((m) => m[1]!);
}

/** Every `module <name> '<path>'` with the parameter names passed in its params block. */
export function bicepModules(source: string): { path: string; params: string[] }[] {
  const modules: { path: string; params: string[] }[] = [];
  for (const match of source.matchAll(/^module \w+ '([^']+)'[^\n]*\{\n([\s\S]*?)\n\}/gm)) {
    const block = /\n?  params: \{\n([\s\S]*?)\n  \}/.exec(match[2]!);
    const params = [...(block?.[1] ?? '').matchAll(/^    (\w+):/gm)].map((m) => m[1]!);
    modules.push({ path: match[1]!, params });
  }
  return modules;
}
