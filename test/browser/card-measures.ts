import type { Locator, Page } from 'playwright-core';

/** What a person sees of one card when it lands in the transcript. */
export interface CardMeasure {
  name: string;
  height: number;
  /** The card's top edge is inside the visible transcript. */
  topInView: boolean;
  /** Visible buttons at least 80 % as wide as the card: the ones that read as navigation. */
  fullWidthButtons: number;
  /** Visible texts shown cut off ("…") or clipped: choice labels, buttons, titles. */
  cutTexts: string[];
}

/** Measures the card in `activity` in the page, as it is rendered now (collapsed toggles stay closed). */
export async function measureCard(
  page: Page,
  activity: Locator,
  name: string,
): Promise<CardMeasure> {
  const card = activity.locator('.ac-adaptiveCard').last();
  return card.evaluate((root, label) => {
    const box = root.getBoundingClientRect();
    const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
    const view = scroller?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && (el as HTMLElement).offsetParent !== null;
    };
    const buttons = [...root.querySelectorAll('button')].filter(visible);
    const wide = buttons.filter((b) => b.getBoundingClientRect().width >= box.width * 0.8);
    const cut: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>('label, p, span, div, button')) {
      if (!visible(el) || (el.children.length > 0 && el.tagName !== 'LABEL')) continue;
      const style = getComputedStyle(el);
      const clipped = el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible';
      if (style.textOverflow === 'ellipsis' && clipped)
        cut.push((el.textContent ?? '').slice(0, 60));
      else if (clipped && style.whiteSpace === 'nowrap')
        cut.push((el.textContent ?? '').slice(0, 60));
    }
    return {
      name: label,
      height: Math.round(box.height),
      topInView: box.top >= view.top - 2 && box.top < view.bottom - 24,
      fullWidthButtons: wide.length,
      cutTexts: cut,
    };
  }, name);
}

/**
 * Waits until the transcript stops scrolling. Web Chat starts its scroll animation a moment
 * after a card renders, so the scroll position must hold still for a while, not for a frame.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
        let last = -1;
        let still = 0;
        const started = Date.now();
        const tick = () => {
          const top = scroller?.scrollTop ?? 0;
          still = Math.abs(top - last) < 1 ? still + 1 : 0;
          last = top;
          if (still >= 4 || Date.now() - started > 4000) resolve();
          else setTimeout(tick, 70);
        };
        setTimeout(tick, 70);
      }),
  );
}

/** Fills the empty visible inputs of a card with plausible answers, as a person would. */
export async function fillCard(card: Locator): Promise<void> {
  await card.evaluate((root) => {
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null;
    const set = (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
      const proto = Object.getPrototypeOf(input) as object;
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    for (const input of root.querySelectorAll<HTMLInputElement>('input[type="text"]')) {
      if (visible(input) && !input.value) set(input, 'Gemeente Voorbeeld');
    }
    for (const area of root.querySelectorAll('textarea')) {
      if (visible(area) && !area.value) set(area, 'We willen kinderen in de wijk beter bereiken.');
    }
    // The range is written under a number input ("Een getal van 1 tot 10."): read it like a person.
    for (const input of root.querySelectorAll<HTMLInputElement>('input[type="number"]')) {
      let box: Element | null = input;
      let range: RegExpExecArray | null = null;
      while (box && box !== root && !range) {
        box = box.parentElement;
        range = /(\d+) (?:tot|to) (\d+)/.exec(box?.textContent ?? '');
      }
      const [min, max] = range ? [Number(range[1]), Number(range[2])] : [0, 100];
      if (visible(input) && !input.value) set(input, String(Math.max(min, Math.min(max, 80))));
    }
    const groups = new Map<string, HTMLInputElement[]>();
    for (const box of root.querySelectorAll<HTMLInputElement>(
      'input[type="radio"], input[type="checkbox"]',
    )) {
      if (!visible(box)) continue;
      const key = box.type === 'radio' ? box.name : (box.closest('.ac-input')?.id ?? box.name);
      groups.set(key, [...(groups.get(key) ?? []), box]);
    }
    for (const boxes of groups.values()) {
      if (boxes.some((b) => b.checked)) continue;
      const pick = boxes[0]!.type === 'radio' ? boxes.slice(0, 1) : boxes.slice(0, 2);
      for (const b of pick) b.click();
    }
  });
}
