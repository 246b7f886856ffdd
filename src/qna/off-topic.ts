import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { paths } from '../paths';
import { words } from './text';

const offTopicSchema = z.object({ words: z.array(z.string().min(2)) });

/**
 * Words that put a question outside the bot's scope whatever else it says ("wanneer begint de
 * krokusvakantie dit jaar" shares "jaar" and "start" with the benchmark entry). Folded like
 * questions are, so "Krokusvakantie" and "krokusvakantie" match alike.
 */
export function loadOffTopicWords(dir = path.join(paths.content, 'qna')): Set<string> {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'off-topic.json'), 'utf8'));
  return new Set(offTopicSchema.parse(raw).words.flatMap((w) => words(w)));
}
