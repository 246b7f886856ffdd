import fs from 'node:fs';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

/**
 * Validators built from the official Teams JSON schemas that @microsoft/app-manifest ships.
 * The schemas are draft-04 and not written for ajv's strict mode; one localization pattern
 * is not a valid unicode regular expression, hence unicodeRegExp: false.
 */
export function teamsValidators(manifestVersion: string): {
  manifest: ValidateFunction;
  localization: ValidateFunction;
} {
  const packageRoot = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const dir = path.join(packageRoot, 'build', 'json-schemas', 'teams', `v${manifestVersion}`);
  const load = (name: string): object =>
    JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as object;
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return {
    manifest: ajv.compile(load('MicrosoftTeams.schema.json')),
    localization: ajv.compile(load('MicrosoftTeams.Localization.schema.json')),
  };
}

/** Readable ajv errors, so a failing expectation shows what is wrong where. */
export function describeErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
