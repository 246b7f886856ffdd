import fs from 'node:fs';
import path from 'node:path';
import type { ZodIssue } from 'zod';
import { paths } from '../paths';
import { docOfSection, isKnownSection } from '../sources';
import {
  guideDefinitionSchema,
  type Condition,
  type GuideDefinition,
  type QuestionDefinition,
} from './definition-schema';

export class GuideDefinitionError extends Error {
  constructor(problems: string[]) {
    super(`Invalid guide definition:\n- ${problems.join('\n- ')}`);
    this.name = 'GuideDefinitionError';
  }
}

/** Names the item an issue is about (e.g. `steps[2].parts[0].questions[4] "workingTime"`). */
function describeIssue(raw: unknown, issue: ZodIssue): string {
  let node: unknown = raw;
  let label = '';
  let nearestId = '';
  for (const segment of issue.path) {
    node =
      node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    label += typeof segment === 'number' ? `[${segment}]` : label ? `.${segment}` : segment;
    const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
    if (typeof id === 'string') nearestId = id;
  }
  return `${label || '(root)'}${nearestId ? ` "${nearestId}"` : ''}: ${issue.message}`;
}

function conditionRefs(condition: Condition): { q: string; values: string[] }[] {
  if ('all' in condition) return condition.all.flatMap(conditionRefs);
  if ('any' in condition) return condition.any.flatMap(conditionRefs);
  if ('not' in condition) return conditionRefs(condition.not);
  const values: string[] = [];
  if ('values' in condition) values.push(...condition.values);
  if (condition.op === 'equals' && typeof condition.value === 'string')
    values.push(condition.value);
  const refs = [{ q: condition.q, values }];
  if ('value' in condition && typeof condition.value === 'object') {
    refs.push({ q: condition.value.ref, values: [] });
  }
  return refs;
}

/** Checks what zod cannot see: unique ids, references between items, and known sources. */
function crossCheck(def: GuideDefinition): string[] {
  const problems: string[] = [];
  const questions = new Map<string, QuestionDefinition>();
  const partIds = new Set<string>();
  def.steps.forEach((step, index) => {
    if (step.number !== index + 1) problems.push(`step "${step.id}": number must be ${index + 1}`);
    for (const part of step.parts) {
      if (partIds.has(part.id)) problems.push(`part "${part.id}": duplicate id`);
      partIds.add(part.id);
      if (!isKnownSection(part.source))
        problems.push(`part "${part.id}": unknown source "${part.source}"`);
      for (const q of part.questions) {
        if (questions.has(q.id)) problems.push(`question "${q.id}": duplicate id`);
        questions.set(q.id, q);
        if (!isKnownSection(q.source))
          problems.push(`question "${q.id}": unknown source "${q.source}"`);
        if (part.depth === 'deepen' && q.required)
          problems.push(`question "${q.id}": questions in a deepen part must be optional`);
        if (q.maxSelected !== undefined && q.type !== 'multiselect')
          problems.push(`question "${q.id}": maxSelected is for multiselect questions only`);
        const needsChoices = q.type === 'choice' || q.type === 'multiselect';
        if (needsChoices !== Boolean(q.choices?.length)) {
          problems.push(`question "${q.id}": choices are required exactly for choice/multiselect`);
        }
      }
    }
  });
  const checkCondition = (owner: string, condition: Condition | undefined) => {
    for (const ref of condition ? conditionRefs(condition) : []) {
      const target = questions.get(ref.q);
      if (!target) {
        problems.push(`${owner}: condition refers to unknown question "${ref.q}"`);
        continue;
      }
      const known = new Set((target.choices ?? []).map((c) => c.id));
      if (target.type === 'yesno') ['yes', 'no'].forEach((v) => known.add(v));
      for (const value of ref.values) {
        if (known.size > 0 && !known.has(value)) {
          problems.push(`${owner}: "${value}" is not a choice of "${ref.q}"`);
        }
      }
    }
  };
  for (const q of questions.values()) checkCondition(`question "${q.id}"`, q.showIf);
  for (const rule of def.advice) {
    checkCondition(`advice "${rule.id}"`, rule.when);
    rule.reasons.forEach((r) => checkCondition(`advice "${rule.id}" reason "${r.id}"`, r.when));
    for (const section of rule.sources) {
      if (!isKnownSection(section))
        problems.push(`advice "${rule.id}": unknown source "${section}"`);
      else if (rule.kind === 'suggestion' && docOfSection(section) === 'instrument')
        problems.push(`advice "${rule.id}": Brugbot's own suggestion must not cite the instrument`);
    }
  }
  return problems;
}

/** Parses and cross-checks a guide definition; throws one error listing every bad item. */
export function parseGuideDefinition(raw: unknown): GuideDefinition {
  const parsed = guideDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    throw new GuideDefinitionError(parsed.error.issues.map((i) => describeIssue(raw, i)));
  }
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) throw new GuideDefinitionError(problems);
  return parsed.data;
}

export function loadGuideDefinition(
  file = path.join(paths.content, 'guide', 'guide.json'),
): GuideDefinition {
  return parseGuideDefinition(JSON.parse(fs.readFileSync(file, 'utf8')));
}
