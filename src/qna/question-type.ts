import { foldAccents } from './text';

/**
 * What a question asks for, read from its question words. Retrieval finds the topic; the type
 * picks, among entries on that topic, the one that answers this kind of question ("with whom"
 * gets the partners entry, not the "why" entry of the same topic).
 */
export const QUESTION_TYPES = [
  'difference',
  'wentWell',
  'wentWrong',
  'sustain',
  'next',
  'howMany',
  'who',
  'why',
  'list',
  'definition',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

// Checked in this order: "wat is het verschil" is a difference, not a definition; "hoeveel
// mensen namen deel" is a count, not a "who"; "is X beter dan Y" compares, so it is a difference;
// "wat liep goed" asks for successes and "wat liep mis" for bottlenecks, whatever the topic.
const PATTERNS: [QuestionType, RegExp][] = [
  [
    'difference',
    /\b(verschil\w*|onderscheid\w*|hetzelfde|zelfde|dezelfde|synoniem|versus|vs|vergeleken|tegenover|beter dan|slechter dan|of liever|difference|differ\w*|same|distinguish\w*|compared?|better than|worse than|rather than)\b/,
  ],
  [
    'wentWrong',
    /\b((liep|ging|gaat|loopt|lopen) (er )?(\w+ )?(mis|fout|slecht|moeilijk)|knelpunt\w*|werkte niet|went wrong|go wrong|goes wrong|did ?n[o']t work|bottlenecks?)\b/,
  ],
  [
    'wentWell',
    /\b((liep|ging|gaat|loopt|lopen) (er )?(\w+ )?(goed|vlot)|successen|werkte goed|went well|go well|worked well|successes)\b/,
  ],
  [
    'sustain',
    /\b(duurzaam|duurzame|verduurza\w*|blijvend\w*|volhouden|(laten|blijven) duren|sustainab\w*|sustain|make it last|last longer|keep (it|him|her|them) going)\b/,
  ],
  [
    'next',
    /\b(komen er nog|komt er nog|nog gepland|volgende stappen|wat volgt|what comes next|next steps?|will there be more|are there more|any more planned)\b/,
  ],
  // "het aantal" inside another question ("welke criteria buiten het aantal toeleidingen") is a
  // topic, not a request for a count; only "wat is het aantal", "welk aantal" ask for one.
  [
    'howMany',
    /\b(hoeveel|how (many|much)|(wat is|welk) het aantal|welk aantal|what is the number)\b/,
  ],
  [
    'who',
    /\b(wie|wiens|who|whom|whose)\b|\b(welke|which) (\w+ )?(partners?|organisaties|organisations|personen|people|tussenpersonen|intermediaries|diensten|services|mensen)\b/,
  ],
  ['why', /\b(waarom|waartoe|why|what for)\b/],
  [
    'list',
    /\b(allemaal|welke \w+ (zijn er|bestaan)|opsom\w*|lijst|overzicht|noem (ze|alle)|all the|list|which \w+ are there|what are the)\b/,
  ],
  [
    'definition',
    /^(wat (is|zijn|betekent|houdt)|what (is|are|does|do)\b)|\b(definitie|betekenis|betekent|bedoel\w*|definition|meaning|mean)\b/,
  ],
];

/** The question's type, or undefined when it has no telling question word. */
export function questionType(question: string): QuestionType | undefined {
  const text = foldAccents(question).replace(/\s+/g, ' ').trim();
  return PATTERNS.find(([, pattern]) => pattern.test(text))?.[0];
}
