// Shared by the tab page and its configuration page. Plain browser JavaScript, no build step:
// the server's CSP allows scripts from this origin only, so nothing here may be inline.
/* global microsoftTeams */
(() => {
  'use strict';

  // Teams answers within a second; outside Teams initialize() rejects at once (no parent
  // window), but a frame that is not Teams would leave it pending, hence the time limit.
  const TEAMS_TIMEOUT_MS = 5000;

  /** Teams locales such as `nl-be` or `en-us`; Dutch unless the user reads English. */
  const resolveLang = (raw) =>
    String(raw || '')
      .toLowerCase()
      .startsWith('en')
      ? 'en'
      : 'nl';

  const withTimeout = (promise, ms = TEAMS_TIMEOUT_MS) =>
    Promise.race([
      promise,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms)),
    ]);

  /** Teams' context, or undefined when the page runs in a plain browser. */
  async function teamsContext() {
    if (typeof microsoftTeams === 'undefined') return undefined;
    try {
      await withTimeout(microsoftTeams.app.initialize());
      return await withTimeout(microsoftTeams.app.getContext());
    } catch {
      return undefined;
    }
  }

  async function loadStrings(lang) {
    const res = await fetch(`/tab/strings/${lang}`, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`strings ${res.status}`);
    return res.json();
  }

  /** `text(strings, 'page.title', { n: 2 })`: the string at that path, with {{n}} filled in. */
  function text(strings, key, params = {}) {
    const raw = key
      .split('.')
      .reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), strings);
    if (typeof raw !== 'string') return key;
    return raw.replace(/\{\{(\w+)\}\}/g, (_m, name) => String(params[name] ?? ''));
  }

  /** Re-labels every `data-text` element and the document language. */
  function applyText(strings, lang) {
    document.documentElement.lang = lang;
    for (const el of document.querySelectorAll('[data-text]'))
      el.textContent = text(strings, el.dataset.text);
  }

  /** Follows Teams' theme (default, dark, contrast) through one attribute the style sheet reads. */
  function followTheme(context) {
    const set = (theme) => (document.documentElement.dataset.theme = theme || 'default');
    set(context.app.theme);
    try {
      microsoftTeams.app.registerOnThemeChangeHandler(set);
    } catch {
      // Older hosts without theme events keep the theme they opened with.
    }
  }

  window.BrugTab = {
    resolveLang,
    withTimeout,
    teamsContext,
    loadStrings,
    text,
    applyText,
    followTheme,
  };
})();
