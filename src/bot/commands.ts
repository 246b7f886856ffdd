import type { Locale } from '../i18n';

export type Command =
  | { kind: 'start' | 'help' | 'back' | 'overview' | 'summary' | 'restart' | 'undo' }
  | { kind: 'myData' | 'deletePlan' }
  | { kind: 'linkSteering' | 'shareSummary' | 'export' | 'documents' }
  | { kind: 'followUp' }
  | { kind: 'language'; locale: Locale }
  | { kind: 'asOf'; date: Date };

/** Words per command in Dutch and English; anything else is a question. */
const WORDS: Record<Exclude<Command['kind'], 'language' | 'asOf'>, string[]> = {
  myData: ['mijn gegevens', 'my data', 'gegevens', 'privacy'],
  deletePlan: ['verwijder plan', 'delete plan', 'wis plan', 'plan verwijderen'],
  start: [
    'start',
    'begin',
    'starten',
    'beginnen',
    'verder',
    'continue',
    'resume',
    'hervat',
    // The prompt starters in the Teams package (deploy/appPackage), nl and en.
    'start de gids',
    'start the guide',
  ],
  help: ['help', 'hulp', '?', 'commands', 'commando s', 'wat kan je'],
  back: ['terug', 'back', 'vorige', 'previous'],
  overview: [
    'overzicht',
    'overview',
    'stappen',
    'steps',
    'toon het overzicht',
    'show the overview',
  ],
  summary: ['samenvatting', 'summary', 'plan', 'toon mijn plan', 'show my plan'],
  restart: ['opnieuw', 'restart', 'herbegin', 'start opnieuw', 'opnieuw beginnen', 'start over'],
  undo: ['ongedaan maken', 'undo', 'maak ongedaan'],
  // "steungroep" is the instrument's word (seed 001, step 5); the older "stuurgroep" keeps working.
  linkSteering: [
    'koppel steungroep',
    'link support group',
    'koppel steungroepkanaal',
    'link support group channel',
    'koppel stuurgroep',
    'link steering group',
    'koppel stuurgroepkanaal',
    'link steering channel',
  ],
  shareSummary: [
    'deel samenvatting',
    'share summary',
    'deel plan',
    'share plan',
    'deel met steungroep',
    'share with support group',
    'deel met stuurgroep',
    'share with steering group',
  ],
  export: [
    'exporteer',
    'export',
    'exporteer plan',
    'export plan',
    'download plan',
    'exporteer mijn plan',
    'export my plan',
  ],
  documents: ['documenten', 'documents', 'documenten maken', 'make documents', 'docs'],
  followUp: ['opvolging', 'follow-up', 'follow up', 'followup', 'opvolgen', 'planning opvolging'],
};

/** "stand op 20-11-2026", "as of 2026-11-20": the plan as it was at the end of that day. */
const AS_OF =
  /^(?:stand op|plan op|as of|plan on)\s+(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}))$/;

const LANGUAGE = /^(?:taal|language|lang)\s+(nl|en|nederlands|dutch|engels|english)$/;
const LANGUAGE_ALONE: Record<string, Locale> = {
  nederlands: 'nl',
  english: 'en',
  dutch: 'nl',
  engels: 'en',
};

export function normaliseCommandText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^[/\s]+/, '')
    .replace(/[.!]+$/, '')
    .replace(/['’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseCommand(text: string): Command | undefined {
  const t = normaliseCommandText(text);
  if (t.length > 40) return undefined;
  const lang = LANGUAGE.exec(t);
  if (lang) {
    const word = lang[1]!;
    return {
      kind: 'language',
      locale: word === 'en' || word === 'engels' || word === 'english' ? 'en' : 'nl',
    };
  }
  const asOf = AS_OF.exec(t);
  if (asOf) {
    const [y, m, d] = asOf[1] ? [asOf[1], asOf[2], asOf[3]] : [asOf[6], asOf[5], asOf[4]];
    const date = new Date(`${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}T23:59:59.999Z`);
    return Number.isNaN(date.getTime()) ? undefined : { kind: 'asOf', date };
  }
  if (LANGUAGE_ALONE[t]) return { kind: 'language', locale: LANGUAGE_ALONE[t] };
  for (const [kind, words] of Object.entries(WORDS) as [
    Exclude<Command['kind'], 'language' | 'asOf'>,
    string[],
  ][]) {
    if (words.includes(t)) return { kind };
  }
  return undefined;
}
