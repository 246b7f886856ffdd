import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './package-script';

interface Command {
  title: string;
  description?: string;
}
interface CommandList {
  scopes: string[];
  commands: Command[];
}

const appPackage = path.join(repoRoot, 'deploy', 'appPackage');
const manifest = JSON.parse(fs.readFileSync(path.join(appPackage, 'manifest.json'), 'utf8')) as {
  bots: { commandLists: CommandList[] }[];
};
const english = JSON.parse(fs.readFileSync(path.join(appPackage, 'en-us.json'), 'utf8')) as Record<
  string,
  string
>;
const lists = manifest.bots[0]!.commandLists;

/** Dutch (manifest) title → English (en-us.json) title of every command the bot announces. */
const expected: Record<string, string> = {
  // The prompt starters of personal chat and Copilot (test/deploy/copilot-agent.test.ts).
  'Start de gids': 'Start the guide',
  'Toon mijn plan': 'Show my plan',
  'Toon het overzicht': 'Show the overview',
  'Wat telt als een geslaagde toeleiding?': 'What is a successful referral?',
  'Hoeveel toeleidingen mag ik verwachten per jaar?': 'How many referrals per year can we expect?',
  'Wat doet een verbindingsambassadeur?': 'What does a connection ambassador do?',
  'Exporteer mijn plan': 'Export my plan',
  Help: 'Help',
  start: 'start',
  help: 'help',
  overzicht: 'overview',
  samenvatting: 'summary',
  exporteer: 'export',
  opvolging: 'follow-up',
  'koppel steungroep': 'link support group',
};

test('every scope of the bot has one command list', () => {
  const scopes = lists.flatMap((list) => list.scopes).sort();
  expect(scopes).toEqual(['copilot', 'groupChat', 'personal', 'team']);
});

test('each command has a Dutch title and description and an English translation of both', () => {
  lists.forEach((list, i) =>
    list.commands.forEach((command, j) => {
      const key = `bots[0].commandLists[${i}].commands[${j}]`;
      expect(command.description).toBeTruthy();
      expect(english[`${key}.title`]).toBe(expected[command.title]);
      expect(english[`${key}.description`]).toBeTruthy();
      expect(english[`${key}.description`]).not.toBe(command.description);
    }),
  );
});

test('the group lists offer the seven commands, linking the steungroep only in a team', () => {
  const titlesIn = (scope: string) =>
    lists
      .filter((list) => list.scopes.includes(scope))
      .flatMap((list) => list.commands.map((c) => c.title));
  const everywhere = ['start', 'help', 'overzicht', 'samenvatting', 'exporteer', 'opvolging'];
  expect(titlesIn('team')).toEqual([...everywhere, 'koppel steungroep']);
  expect(titlesIn('groupChat')).toEqual(everywhere);
});

test('the English file translates nothing that the manifest does not have', () => {
  const commandKeys = Object.keys(english).filter((key) => key.startsWith('bots['));
  const count = lists.reduce((sum, list) => sum + list.commands.length, 0);
  expect(commandKeys).toHaveLength(count * 2);
});
