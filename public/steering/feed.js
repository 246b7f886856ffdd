// The local steering feed: renders each note's Adaptive Card with the official SDK (as a card
// host such as Teams does) and keeps the list current by polling /steering/feed.json. Content is
// replaced in place, only when it changed, and the change is announced politely. No inline
// script anywhere: the page's CSP allows scripts from this origin only.
/* global AdaptiveCards */
(() => {
  'use strict';
  const POLL_MS = 3000;
  const main = document.getElementById('feed');
  const announce = document.getElementById('announce');
  const lastUpdated = document.getElementById('last-updated');
  const lang = main.dataset.lang === 'en' ? 'en' : 'nl';
  const strings = JSON.parse(main.dataset.strings || '{}');
  const fill = (text, values) => text.replace(/\{\{(\w+)\}\}/g, (_m, k) => String(values[k] ?? ''));
  const timeNow = () =>
    new Date().toLocaleTimeString(lang === 'nl' ? 'nl-BE' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      // The bot writes its times in Belgian time; the page's own clock says the same.
      timeZone: 'Europe/Brussels',
    });

  // Teams' light theme, approximately: its fonts, spacing and container colours.
  const text = (normal, subtle) => ({ default: normal, subtle });
  const colours = {
    default: text('#242424', '#616161'),
    dark: text('#242424', '#616161'),
    light: text('#FFFFFF', '#F0F0F0'),
    accent: text('#4F52B2', '#4F52B2'),
    good: text('#0E700E', '#0E700E'),
    warning: text('#835B00', '#835B00'),
    attention: text('#C4314B', '#C4314B'),
  };
  const style = (backgroundColor) => ({ backgroundColor, foregroundColors: colours });
  const HOST_CONFIG = {
    fontFamily: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', sans-serif",
    supportsInteractivity: true,
    spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: '#E1DFDD' },
    fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: style('#FFFFFF'),
      emphasis: style('#F5F5F5'),
      accent: style('#E8EBFA'),
      good: style('#E7F2DA'),
      attention: style('#FCF4F6'),
      warning: style('#FBF6D9'),
    },
    actions: {
      maxActions: 4,
      spacing: 'default',
      buttonSpacing: 8,
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
      showCard: { actionMode: 'inline', inlineTopMargin: 8 },
    },
    adaptiveCard: { allowCustomStyle: true },
  };

  const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

  // Backslash-escaped characters (typed text, escaped by the bot) are set aside as private-use
  // code points, so no rule below reads them as markup, and put back as text at the end.
  const ESCAPED = /\\([!-/:-@[-`{-~])/g;
  const protect = (s) =>
    s.replace(ESCAPED, (_m, c) => String.fromCharCode(0xe000 + c.charCodeAt(0)));
  const restore = (s) =>
    s.replace(/[\ue000-\ue07f]/g, (c) => escapeHtml(String.fromCharCode(c.charCodeAt(0) - 0xe000)));

  /**
   * The markdown Teams renders in a card's TextBlock: links, **bold** and _italic_, with
   * backslash escapes; everything else stays literal, escaped. Weighed: markdown-it (here only
   * as a dependency of Web Chat, and a bundle of its own for these three rules).
   */
  function markdown(source) {
    const emphasis = (html) =>
      html
        .replace(/\*\*(?=\S)(.+?)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|[^\w])_(?=\S)(.+?)_(?!\w)/g, '$1<em>$2</em>');
    const text = escapeHtml(protect(source));
    // Links first, so an address is never read for emphasis; their labels may carry it.
    const pattern = /\[([^\]]{1,300})\]\((https?:\/\/[^\s)]{1,2000})\)/g;
    let html = '';
    let last = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      html += emphasis(text.slice(last, m.index));
      html += `<a href="${restore(m[2])}" target="_blank" rel="noopener noreferrer">${emphasis(m[1])}</a>`;
      last = m.index + m[0].length;
    }
    return restore(`${html}${emphasis(text.slice(last))}`).replace(/\n/g, '<br>');
  }

  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (source, result) => {
    result.outputHtml = markdown(source);
    result.didProcess = true;
  };

  function openUrl(action) {
    const url = action.url || '';
    if (new URL(url, location.href).origin === location.origin) location.assign(url);
    else if (/^https:\/\//.test(url)) window.open(url, '_blank', 'noopener');
  }

  function renderCard(json) {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = new AdaptiveCards.HostConfig(HOST_CONFIG);
    card.onExecuteAction = (action) => {
      if (action instanceof AdaptiveCards.OpenUrlAction) openUrl(action);
    };
    card.parse(json);
    return card.render();
  }

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === 'text') node.textContent = v;
      else if (k === 'class') node.className = v;
      else node.setAttribute(k, v);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  function noteElement(note, index) {
    const headingId = `note-${index}-meta`;
    let body;
    try {
      body = note.card ? renderCard(note.card) : undefined;
    } catch {
      body = undefined;
    }
    const history = note.history.length
      ? el(
          'section',
          { class: 'history', 'aria-labelledby': `${headingId}-history` },
          el('h3', { id: `${headingId}-history`, text: strings.historyTitle }),
          el('ol', {}, ...note.history.map((line) => el('li', { text: line }))),
        )
      : null;
    return el(
      'article',
      { id: note.id, 'aria-labelledby': headingId },
      el('h2', { id: headingId, class: 'meta', text: note.meta }),
      el('div', { class: 'card' }, body || el('p', { class: 'pre', text: note.text })),
      history,
    );
  }

  let version;
  let first = true;

  async function refresh() {
    try {
      const res = await fetch(`/steering/feed.json?lang=${lang}`, {
        headers: { Accept: 'application/json' },
        cache: 'no-store',
      });
      if (!res.ok) throw new Error(String(res.status));
      const view = await res.json();
      if (view.version !== version) {
        version = view.version;
        const notes = view.notes.map(noteElement);
        main.replaceChildren(
          ...(notes.length ? notes : [el('p', { class: 'empty', text: strings.empty })]),
        );
        const time = timeNow();
        lastUpdated.textContent = fill(strings.lastChecked, { time });
        if (!first) announce.textContent = fill(strings.changed, { time });
        first = false;
      }
      main.setAttribute('aria-busy', 'false');
    } catch {
      if (first) main.replaceChildren(el('p', { class: 'empty', text: strings.error }));
    }
    setTimeout(refresh, POLL_MS);
  }

  void refresh();
})();
