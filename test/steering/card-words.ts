type Json = Record<string, unknown>;

/** What a reader reads on a card: every TextBlock, TextRun and button text, link targets left out. */
export function cardWords(card: Json): number {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const el = node as Json;
    if ((el.type === 'TextBlock' || el.type === 'TextRun') && typeof el.text === 'string')
      texts.push(el.text.replace(/\]\([^)]*\)/g, ']'));
    if (el.type === 'Action.OpenUrl' && typeof el.title === 'string') texts.push(el.title);
    Object.values(el).forEach(walk);
  };
  walk(card.body);
  walk(card.actions);
  return texts.join(' ').split(/\s+/).filter(Boolean).length;
}
