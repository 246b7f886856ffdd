/** Minimal, escaped HTML for the Adaptive Card elements the steering note uses (feed page only). */

type Json = Record<string, unknown>;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function safeUrl(url: unknown): string | undefined {
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : undefined;
}

/**
 * TextBlocks of the note hold only our own text, whose one markdown feature is a source link;
 * that link becomes an anchor, everything else stays literal.
 */
function markdownLinks(text: string): string {
  const parts: string[] = [];
  const pattern = /\[([^\]]{1,300})\]\((https?:\/\/[^\s)]{1,2000})\)/g;
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    parts.push(escapeHtml(text.slice(last, m.index)));
    parts.push(`<a href="${escapeHtml(m[2]!)}" rel="noopener noreferrer">${escapeHtml(m[1]!)}</a>`);
    last = m.index + m[0].length;
  }
  parts.push(escapeHtml(text.slice(last)));
  return parts.join('');
}

function classes(el: Json): string {
  const names = [
    el.weight === 'Bolder' ? 'b' : '',
    el.size === 'Small' ? 'small' : el.size === 'Large' ? 'large' : '',
    el.isSubtle === true ? 'subtle' : '',
    typeof el.color === 'string' ? `c-${el.color.toLowerCase()}` : '',
    typeof el.style === 'string' ? `s-${el.style.toLowerCase()}` : '',
  ].filter(Boolean);
  return names.length ? ` class="${names.join(' ')}"` : '';
}

function run(inline: unknown): string {
  const el = (inline ?? {}) as Json;
  const text = typeof el.text === 'string' ? el.text : '';
  return `<span${classes(el)}>${escapeHtml(text).replace(/\n/g, '<br>')}</span>`;
}

function element(node: unknown): string {
  const el = (node ?? {}) as Json;
  switch (el.type) {
    case 'TextBlock':
      return `<p${classes(el)}>${markdownLinks(typeof el.text === 'string' ? el.text : '')}</p>`;
    case 'RichTextBlock':
      return `<p>${((el.inlines as unknown[] | undefined) ?? []).map(run).join('')}</p>`;
    case 'Container':
      return `<div${classes(el)}>${((el.items as unknown[] | undefined) ?? []).map(element).join('')}</div>`;
    default:
      return '';
  }
}

function action(node: unknown): string {
  const el = (node ?? {}) as Json;
  const url = el.type === 'Action.OpenUrl' ? safeUrl(el.url) : undefined;
  const title = typeof el.title === 'string' ? el.title : '';
  return url
    ? `<a class="button" href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(title)}</a>`
    : '';
}

/** An Adaptive Card as read-only HTML; every string is escaped, unknown elements are skipped. */
export function cardHtml(card: Json): string {
  const body = ((card.body as unknown[] | undefined) ?? []).map(element).join('');
  const actions = ((card.actions as unknown[] | undefined) ?? []).map(action).join('');
  return `${body}${actions ? `<p class="actions">${actions}</p>` : ''}`;
}
