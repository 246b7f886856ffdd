'use strict';
/**
 * Builds the Teams app package deploy/build/brugbot-teams.zip for upload in the Teams admin
 * center: manifest.json, its localization files and the two icons, all at the zip root.
 *
 * Environment (see docs/deploy.md):
 *   TEAMS_APP_ID     UUID of the Teams app; keep it stable, a new id installs a second app
 *   MicrosoftAppId   UUID the bot signs in with (managed identity client id or app registration)
 *   BOT_DOMAIN       host name of the web app, without scheme or path
 *   APP_VERSION      optional, x.y.z; defaults to package.json's version. Teams only accepts
 *                    an updated package whose version is higher than the installed one.
 *   TAB_SSO_APP_ID   optional UUID of the Entra app registration that exposes
 *                    api://BOT_DOMAIN/<id> for tab single sign-on; defaults to MicrosoftAppId.
 *                    A managed identity cannot expose an API, so with UserAssignedMSI set it.
 *
 * Usage: node scripts/package-teams.js [--out <zip path>]
 */
const fs = require('node:fs');
const path = require('node:path');
const AjvDraft04 = require('ajv-draft-04');
const addFormats = require('ajv-formats');
const JSZip = require('jszip');
const { z } = require('zod');
const { renderIcons } = require('./make-icons');

const repoRoot = path.resolve(__dirname, '..');
const appPackageDir = path.join(repoRoot, 'deploy', 'appPackage');
const defaultOutFile = path.join(repoRoot, 'deploy', 'build', 'brugbot-teams.zip');

// Same shapes the manifest schema enforces, checked here so the message names the variable.
const UUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const HOSTNAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

const blankToUndefined = (value) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

function requiredMatching(name, pattern, hint) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ required_error: `${name} is required: ${hint}` })
      .trim()
      .regex(pattern, `${name} is invalid: ${hint}`),
  );
}

function optionalMatching(name, pattern, hint) {
  return z.preprocess(
    blankToUndefined,
    z.string().trim().regex(pattern, `${name} is invalid: ${hint}`).optional(),
  );
}

const envSchema = z.object({
  TEAMS_APP_ID: requiredMatching('TEAMS_APP_ID', UUID, 'a UUID that identifies the Teams app'),
  MicrosoftAppId: requiredMatching(
    'MicrosoftAppId',
    UUID,
    "the bot's client id (a UUID), e.g. the BOT_ID output of the Azure deployment",
  ),
  BOT_DOMAIN: z.preprocess(
    blankToUndefined,
    z
      .string({ required_error: 'BOT_DOMAIN is required: the host name of the web app' })
      .trim()
      .superRefine((value, ctx) => {
        const problem = /^[a-z][a-z0-9+.-]*:\/\//i.test(value)
          ? 'must not include a scheme such as https://'
          : /[/:?#@]/.test(value)
            ? 'must be a bare host name, without port or path'
            : HOSTNAME.test(value)
              ? undefined
              : 'is not a valid host name';
        if (problem) {
          const message = `BOT_DOMAIN ${problem} (e.g. brugbot-gent.azurewebsites.net)`;
          ctx.addIssue({ code: z.ZodIssueCode.custom, message });
        }
      }),
  ),
  APP_VERSION: optionalMatching('APP_VERSION', SEMVER, 'expected x.y.z, e.g. 1.0.0'),
  TAB_SSO_APP_ID: optionalMatching(
    'TAB_SSO_APP_ID',
    UUID,
    'expected the UUID of an app registration',
  ),
});

class PackageError extends Error {}

/** Validates the environment; every message starts with the variable to fix. */
function readEnv(env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new PackageError(parsed.error.issues.map((issue) => issue.message).join('\n'));
  }
  return parsed.data;
}

/** Maps the validated environment onto the ${{NAME}} placeholders the Agents Toolkit also uses. */
function placeholderValues(env) {
  const packageJson = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  return {
    TEAMS_APP_ID: env.TEAMS_APP_ID.toLowerCase(),
    BOT_ID: env.MicrosoftAppId.toLowerCase(),
    BOT_DOMAIN: env.BOT_DOMAIN.toLowerCase(),
    APP_VERSION: env.APP_VERSION ?? packageJson.version,
    TAB_SSO_APP_ID: (env.TAB_SSO_APP_ID ?? env.MicrosoftAppId).toLowerCase(),
  };
}

/** Replaces ${{NAME}} in a JSON text; unknown or leftover placeholders are an error. */
function fillPlaceholders(fileName, text, values) {
  const filled = text.replace(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (match, name) => {
    if (!Object.hasOwn(values, name)) {
      throw new PackageError(`${fileName}: no value for placeholder ${match}`);
    }
    // Values are validated UUIDs, host names and versions, but escape anyway: the text is JSON.
    return JSON.stringify(values[name]).slice(1, -1);
  });
  const leftover = /\{\{[^}]*\}\}/.exec(filled);
  if (leftover) throw new PackageError(`${fileName}: unfilled placeholder ${leftover[0]}`);
  try {
    JSON.parse(filled);
  } catch (error) {
    throw new PackageError(`${fileName}: not valid JSON after filling placeholders (${error})`);
  }
  return filled;
}

/** Returns { fileName: contents } for every file the manifest references, ready to zip. */
function buildPackageFiles(env) {
  const values = placeholderValues(readEnv(env));
  const read = (fileName) => fs.readFileSync(path.join(appPackageDir, fileName), 'utf8');
  const manifestText = fillPlaceholders('manifest.json', read('manifest.json'), values);
  const manifest = JSON.parse(manifestText);

  const files = { 'manifest.json': manifestText };
  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    files[file] = fillPlaceholders(file, read(file), values);
  }
  const icons = renderIcons();
  files[manifest.icons.color] = icons.color;
  files[manifest.icons.outline] = icons.outline;
  for (const fileName of Object.keys(files)) {
    // Teams reads the package flat; a nested path in the manifest would not resolve.
    if (fileName !== path.basename(fileName)) {
      throw new PackageError(`manifest.json: ${fileName} must be a file at the package root`);
    }
  }
  return files;
}

/** Directory of the official Teams JSON schemas for one manifestVersion (npm: @microsoft/app-manifest). */
function schemaDir(manifestVersion) {
  const packageRoot = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const dir = path.join(packageRoot, 'build', 'json-schemas', 'teams', `v${manifestVersion}`);
  if (!fs.existsSync(dir)) {
    throw new PackageError(
      `manifest.json: @microsoft/app-manifest has no schema v${manifestVersion}`,
    );
  }
  return dir;
}

/**
 * Checks the filled manifest and localization files against the official schemas, so a broken
 * package fails here rather than in the Teams admin center. The schemas are draft-04, trip
 * ajv's strict mode, and one localization pattern is not a valid unicode regular expression.
 */
function schemaErrors(files) {
  const manifest = JSON.parse(files['manifest.json']);
  const dir = schemaDir(manifest.manifestVersion);
  const load = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  const Ajv = AjvDraft04.default ?? AjvDraft04;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validators = [['manifest.json', ajv.compile(load('MicrosoftTeams.schema.json'))]];
  const validateLocalization = ajv.compile(load('MicrosoftTeams.Localization.schema.json'));
  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    validators.push([file, validateLocalization]);
  }
  return validators.flatMap(([fileName, validate]) =>
    validate(JSON.parse(files[fileName]))
      ? []
      : (validate.errors ?? []).map((e) => `${fileName}${e.instancePath} ${e.message}`),
  );
}

/** Writes the zip and returns its path. A fixed timestamp keeps rebuilds byte-identical. */
async function writePackage(env, outFile = defaultOutFile) {
  const files = buildPackageFiles(env);
  const errors = schemaErrors(files);
  if (errors.length > 0) {
    throw new PackageError(`The app package does not match the schema:\n${errors.join('\n')}`);
  }
  const zip = new JSZip();
  const date = new Date(Date.UTC(2020, 0, 1));
  for (const [fileName, contents] of Object.entries(files)) zip.file(fileName, contents, { date });
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, data);
  return outFile;
}

function parseArgs(argv) {
  const outIndex = argv.indexOf('--out');
  if (outIndex === -1) return { outFile: defaultOutFile };
  const value = argv[outIndex + 1];
  if (!value) throw new PackageError('--out needs a file path');
  return { outFile: path.resolve(value) };
}

module.exports = {
  buildPackageFiles,
  fillPlaceholders,
  readEnv,
  schemaErrors,
  writePackage,
  PackageError,
};

if (require.main === module) {
  (async () => {
    const { outFile } = parseArgs(process.argv.slice(2));
    const written = await writePackage(process.env, outFile);
    console.log(`Teams app package: ${path.relative(process.cwd(), written)}`);
  })().catch((error) => {
    console.error(error instanceof PackageError ? error.message : error);
    process.exitCode = 1;
  });
}
