/**
 * Reads an Adaptive Card the way a person scanning it would, without knowing the guide:
 * finds its inputs and its primary (positive) Action.Submit, and fills plausible values.
 */
type Json = Record<string, unknown>;

/** Every element of a card (body and action sets, nested containers and columns) that matches. */
function collect(roots: unknown[], matches: (el: Json) => boolean): Json[] {
  const found: Json[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const el = node as Json;
    if (matches(el)) found.push(el);
    for (const key of ['body', 'items', 'columns', 'actions', 'card']) walk(el[key]);
  };
  roots.forEach(walk);
  return found;
}

export function inputsOf(card: Json): Json[] {
  return collect([card.body], (el) => typeof el.type === 'string' && el.type.startsWith('Input.'));
}

export function submitActions(card: Json): Json[] {
  return collect([card.actions, card.body], (el) => el.type === 'Action.Submit');
}

/**
 * The forward action: the positive-styled submit, among the card's own actions or in an action
 * set of its body (step cards put "Vorige" and "Bewaar en ga verder" side by side in columns).
 * On the "Nog open" card the positive button fills the open points in; a walker moving on
 * presses the button that leaves them open ("Later invullen en verder").
 */
export function forwardAction(card: Json): Json | undefined {
  const actions = submitActions(card);
  return (
    actions.find((a) => (a.data as Json | undefined)?.nav === 'skip') ??
    actions.find((a) => a.style === 'positive')
  );
}

export function plausibleInput(input: Json): string | number {
  switch (input.type) {
    case 'Input.Number': {
      // Cards show a number's range as text (the bot checks it), so without bounds take a
      // small ordinary number such as a person would type.
      if (typeof input.min !== 'number' || typeof input.max !== 'number') return 10;
      return Math.round(input.min + (input.max - input.min) / 4);
    }
    case 'Input.Date':
      return '2027-03-01';
    case 'Input.Toggle':
      return typeof input.valueOn === 'string' ? input.valueOn : 'true';
    case 'Input.ChoiceSet': {
      const choices = (input.choices as { value: string }[] | undefined) ?? [];
      return input.isMultiSelect
        ? choices
            .slice(0, 2)
            .map((c) => c.value)
            .join(',')
        : (choices[0]?.value ?? '');
    }
    default:
      return input.isMultiline
        ? 'Een antwoord van een paar zinnen, zoals een collega het zou typen.'
        : 'Een kort antwoord';
  }
}

/** What pressing the forward action sends: its data merged with every input's value. */
export function pressForward(card: Json): Json | undefined {
  const action = forwardAction(card);
  if (!action) return undefined;
  const values: Json = {};
  for (const input of inputsOf(card)) values[String(input.id)] = plausibleInput(input);
  return { ...(action.data as Json), ...values };
}
