import fs from 'node:fs';
import path from 'node:path';
import { bicepModules, bicepParams, infraDir, readBicep } from './bicep-source';

const main = readBicep('main.bicep');
const mainParams = bicepParams(main);
const parameterFile = JSON.parse(
  fs.readFileSync(path.join(infraDir, 'main.parameters.json'), 'utf8'),
) as { $schema: string; contentVersion: string; parameters: Record<string, { value: unknown }> };
const bicepFiles = ['main.bicep', ...bicepModules(main).map((m) => m.path)];

test('main.parameters.json is an ARM parameters file', () => {
  expect(parameterFile.$schema).toMatch(/deploymentParameters\.json#$/);
  expect(parameterFile.contentVersion).toBe('1.0.0.0');
  for (const entry of Object.values(parameterFile.parameters))
    expect(entry).toHaveProperty('value');
});

test('every parameter in main.parameters.json is declared in main.bicep', () => {
  const declared = mainParams.map((p) => p.name);
  expect(Object.keys(parameterFile.parameters).filter((name) => !declared.includes(name))).toEqual(
    [],
  );
});

test('every parameter of main.bicep without a default gets a value', () => {
  const required = mainParams.filter((p) => !p.hasDefault).map((p) => p.name);
  expect(required.length).toBeGreaterThan(0);
  expect(required.filter((name) => !(name in parameterFile.parameters))).toEqual([]);
});

test('secure parameters are never given a value in the committed parameters file', () => {
  const secure = mainParams.filter((p) => p.secure).map((p) => p.name);
  expect(secure).toContain('botAppPassword');
  expect(Object.keys(parameterFile.parameters).filter((name) => secure.includes(name))).toEqual([]);
  expect(Object.keys(parameterFile.parameters).filter((n) => /password|secret/i.test(n))).toEqual(
    [],
  );
});

test('every module exists and gets exactly parameters it declares, including the required ones', () => {
  for (const module of bicepModules(main)) {
    const declared = bicepParams(readBicep(module.path));
    const names = declared.map((p) => p.name);
    expect({
      module: module.path,
      unknown: module.params.filter((p) => !names.includes(p)),
    }).toEqual({
      module: module.path,
      unknown: [],
    });
    const missing = declared.filter((p) => !p.hasDefault && !module.params.includes(p.name));
    expect({ module: module.path, missing: missing.map((p) => p.name) }).toEqual({
      module: module.path,
      missing: [],
    });
  }
});

test.each(bicepFiles)('%s contains no literal secrets', (file) => {
  const source = readBicep(file);
  // An account key may only come from listKeys(), never be written out.
  expect(source).not.toMatch(/AccountKey=(?!\$\{)/);
  // Base64 blobs of key length (storage keys, client secrets) have no business in a template.
  expect(source).not.toMatch(/'[A-Za-z0-9+/]{40,}={0,2}'/);
  // Secret-looking properties must take a parameter or expression, not a quoted value.
  expect(source).not.toMatch(/\b\w*(?:password|secret|apikey)\w*\s*:\s*'[^']+'/i);
  // A @secure() parameter must not default to anything but the empty string.
  for (const param of bicepParams(source).filter((p) => p.secure)) {
    expect(source).toMatch(new RegExp(`^param ${param.name} string( = '')?$`, 'm'));
  }
});
