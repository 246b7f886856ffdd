import { parseCommand } from '../../src/bot/commands';
import { createQnaService } from '../../src/qna';
import { buildPackageFiles, schemaErrors } from '../../scripts/package-teams';
import { testEnv } from './package-script';
import { describeErrors, teamsValidators } from './teams-schemas';

interface Command {
  title: string;
  description?: string;
}
interface Manifest {
  manifestVersion: string;
  name: { short: string };
  description: { short: string };
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: Command[] }[];
  }[];
  copilotAgents: {
    customEngineAgents: { type: string; id: string; disclaimer?: { text: string } }[];
  };
}

const files = buildPackageFiles(testEnv);
const manifest = JSON.parse(files['manifest.json'] as string) as Manifest;
const english = JSON.parse(files['en-us.json'] as string) as Record<string, string>;
const bot = manifest.bots[0]!;
const listIndex = bot.commandLists.findIndex((list) => list.scopes.includes('copilot'));
const starters = bot.commandLists[listIndex]!.commands;
const englishTitle = (i: number) =>
  english[`bots[0].commandLists[${listIndex}].commands[${i}].title`];

/** Limits of the manifest schema and the Copilot docs (Microsoft Learn: copilotAgents, commandLists). */
const MAX_STARTERS = 10;
const MAX_DISCLAIMER = 500;

describe('the Teams package declares Brugbot as a custom engine agent for Copilot', () => {
  it('names a manifest version that knows copilotAgents (1.21 or later)', () => {
    const [major, minor] = manifest.manifestVersion.split('.').map(Number);
    expect(major! > 1 || (major === 1 && minor! >= 21)).toBe(true);
  });

  it('points its one agent at the bot, which works in personal chat and in Copilot', () => {
    expect(manifest.copilotAgents.customEngineAgents).toEqual([
      expect.objectContaining({ type: 'bot', id: testEnv.MicrosoftAppId }),
    ]);
    expect(bot.botId).toBe(testEnv.MicrosoftAppId);
    expect(bot.scopes).toEqual(expect.arrayContaining(['personal', 'copilot']));
    // The schema's description of customEngineAgents: short name and description must be set.
    expect(manifest.name.short).toBeTruthy();
    expect(manifest.description.short).toBeTruthy();
  });

  it('offers the same prompt starters in personal chat and Copilot, at most ten', () => {
    expect(bot.commandLists[listIndex]!.scopes.sort()).toEqual(['copilot', 'personal']);
    expect(starters.length).toBeGreaterThanOrEqual(4);
    expect(starters.length).toBeLessThanOrEqual(MAX_STARTERS);
  });

  it('has every starter in Dutch and in English, with a description', () => {
    starters.forEach((command, i) => {
      expect(command.description).toBeTruthy();
      expect(englishTitle(i)).toBeTruthy();
      expect(english[`bots[0].commandLists[${listIndex}].commands[${i}].description`]).toBeTruthy();
    });
  });

  it('says in a disclaimer of at most 500 characters that answers come from the KdG instrument', () => {
    const nl = manifest.copilotAgents.customEngineAgents[0]!.disclaimer!.text;
    const en = english['copilotAgents.customEngineAgents[0].disclaimer.text']!;
    for (const text of [nl, en]) {
      expect(text.length).toBeLessThanOrEqual(MAX_DISCLAIMER);
      expect(text).toContain('KdG');
      expect(text).toContain('Een verbindingsambassadeur in dienst nemen');
    }
    expect(nl).toMatch(/bron/);
    expect(en).toMatch(/source/);
  });

  it('validates against the schema it names, in both languages', () => {
    const { manifest: validate, localization } = teamsValidators(manifest.manifestVersion);
    expect(validate(manifest) ? [] : describeErrors(validate)).toEqual([]);
    expect(localization(english) ? [] : describeErrors(localization)).toEqual([]);
    expect(schemaErrors(files)).toEqual([]);
  });

  it("the schema check refuses a disclaimer longer than Copilot's limit", () => {
    const broken = structuredClone(manifest);
    broken.copilotAgents.customEngineAgents[0]!.disclaimer = { text: 'x'.repeat(501) };
    const errors = schemaErrors({ ...files, 'manifest.json': JSON.stringify(broken) });
    expect(errors.join('\n')).toContain('/copilotAgents/customEngineAgents/0/disclaimer/text');
  });
});

describe('each prompt starter, sent as the text it puts in the compose box, gets its answer', () => {
  const qna = createQnaService();
  /** Starter index → what the bot must do: a command kind, or the knowledge-base entry it answers. */
  const expected = [
    { command: 'start' },
    { command: 'summary' },
    { command: 'overview' },
    { entry: 'successfulReferral' },
    { entry: 'benchmark' },
    { entry: 'whatIsAmbassador' },
    { command: 'export' },
    { command: 'followUp' },
    { command: 'help' },
  ];

  it('lists the starters this test checks', () => {
    expect(starters).toHaveLength(expected.length);
  });

  it.each([
    ['nl', (i: number) => starters[i]!.title],
    ['en', englishTitle],
  ] as const)('in %s', (locale, title) => {
    expected.forEach((want, i) => {
      const text = title(i)!;
      const command = parseCommand(text);
      if ('command' in want) {
        expect({ text, kind: command?.kind }).toEqual({ text, kind: want.command });
        return;
      }
      expect({ text, command }).toEqual({ text, command: undefined });
      const answer = qna.ask(text, locale);
      expect({ text, entry: answer.kind === 'answer' ? answer.entryId : 'declined' }).toEqual({
        text,
        entry: want.entry,
      });
    });
  });
});
