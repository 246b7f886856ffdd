import { JSDOM } from 'jsdom';

type AdaptiveCardsModule = typeof import('adaptivecards');

let sdk: AdaptiveCardsModule | undefined;

/** The Adaptive Cards SDK needs a DOM even to parse; jsdom gives it one. */
function loadSdk(): AdaptiveCardsModule {
  if (sdk) return sdk;
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  const g = globalThis as Record<string, unknown>;
  g.window ??= dom.window;
  g.document ??= dom.window.document;
  g.navigator ??= dom.window.navigator;
  g.HTMLElement ??= dom.window.HTMLElement;
  // Rendering (renderedText) also creates buttons, inputs and events.
  const win = dom.window as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(win).filter((n) =>
    /^(?:HTML\w*Element|Node|Element|\w*Event)$/.test(n),
  ))
    g[name] ??= win[name];
  // jsdom has no innerText, which the SDK sets on plain-text TextBlocks.
  if (!('innerText' in dom.window.HTMLElement.prototype)) {
    Object.defineProperty(dom.window.HTMLElement.prototype, 'innerText', {
      get(this: HTMLElement) {
        return this.textContent;
      },
      set(this: HTMLElement, text: string) {
        this.textContent = text;
      },
    });
  }
  // The package's ESM entry does not resolve under Node; its UMD bundle does.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  sdk = require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;
  return sdk;
}

/**
 * Parses a card with the official SDK at schema 1.5 and returns every parse and validation
 * message (errors and warnings). An empty list means the card is clean.
 */
export function validateCard(content: unknown): string[] {
  const AC = loadSdk();
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(content, context);
  const messages: string[] = [];
  for (let i = 0; i < context.eventCount; i++)
    messages.push(`parse: ${context.getEventAt(i).message}`);
  const results = card.validateProperties();
  for (let i = 0; i < results.validationEvents.length; i++) {
    messages.push(`validate: ${results.validationEvents[i]!.message}`);
  }
  return messages;
}

/** The text a reader sees once the SDK has rendered the card (dates formatted, markdown applied). */
export function renderedText(content: unknown): string {
  const AC = loadSdk();
  // Plain text is what we check; without a Markdown processor the SDK says so on the console.
  AC.AdaptiveCard.onProcessMarkdown = (_text, result) => {
    result.didProcess = false;
  };
  const card = new AC.AdaptiveCard();
  card.parse(content, new AC.SerializationContext(AC.Versions.v1_5));
  return card.render()?.textContent ?? '';
}
