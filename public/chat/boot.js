// Brugbot's browser chat, first part: starts the conversation while Web Chat's bundle is still
// downloading and compiling (about a second), so the welcome card is waiting when Web Chat is
// ready. Loaded in <head>, before the bundle; chat.js takes over from `window.brugbotBoot`.
(() => {
  'use strict';

  const DOMAIN = `${location.origin}/v3/directline`;
  // Per tab, like a Web Chat embedded in a site: a reload resumes, a new tab starts afresh.
  const SESSION_KEY = 'brugbot.directLine';
  const LOCALE_KEY = 'brugbot.locale';
  const LOCALES = { nl: 'nl-BE', en: 'en-US' };
  const lang = localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'nl';

  function readSession() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
      return saved && typeof saved.conversationId === 'string' && typeof saved.token === 'string'
        ? saved
        : undefined;
    } catch {
      return undefined;
    }
  }

  async function resumable(saved) {
    // A watermark beyond the end returns nothing: a cheap check that token and conversation still exist.
    const url = `${DOMAIN}/conversations/${encodeURIComponent(saved.conversationId)}/activities?watermark=999999999999999`;
    const res = await fetch(url, { headers: { Authorization: `Bearer ${saved.token}` } });
    return res.ok;
  }

  async function post(path, body, token) {
    const res = await fetch(`${DOMAIN}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path} failed: ${res.status}`);
    return res.json();
  }

  /**
   * The saved conversation if it still exists, else a new one, already started: the bot gets
   * its conversationUpdate now and sends the welcome card, which Web Chat then receives as the
   * start of the conversation (it connects with the id and an empty watermark: from the start).
   */
  async function session() {
    const saved = readSession();
    if (saved && (await resumable(saved))) return { ...saved, resumed: true };
    sessionStorage.removeItem(SESSION_KEY);
    const start = { locale: LOCALES[lang] };
    const { conversationId, token } = await post('/tokens/generate', start);
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ conversationId, token }));
    await post('/conversations', start, token);
    return { conversationId, token, resumed: false };
  }

  window.brugbotBoot = { DOMAIN, SESSION_KEY, LOCALE_KEY, LOCALES, lang, session: session() };
  // chat.js reports a failure (with a retry button); this only keeps it out of the console twice.
  window.brugbotBoot.session.catch(() => undefined);
})();
