// Brugbot's browser chat: Microsoft Bot Framework Web Chat over the bot's own local Direct Line.
// Plain browser JavaScript (no build step); the server's CSP allows scripts from this origin only.
/* global WebChat */
(() => {
  'use strict';

  const DOMAIN = `${location.origin}/v3/directline`;
  // Per tab, like a Web Chat embedded in a site: a reload resumes, a new tab starts afresh.
  const SESSION_KEY = 'brugbot.directLine';
  const LOCALE_KEY = 'brugbot.locale';
  const LOCALES = { nl: 'nl-BE', en: 'en-US' };
  // directLine.connectionStatus$ values (botframework-directlinejs ConnectionStatus).
  const ONLINE = 2;
  const FAILED = 4;
  const ENDED = 5;

  const TEXT = {
    nl: {
      title: 'Brugbot — verbindingsambassadeur aanstellen',
      tagline:
        'Begeleidt je gemeente stap voor stap bij het aanstellen van een verbindingsambassadeur, en beantwoordt korte vragen met de bron erbij.',
      skip: 'Naar het gesprek',
      newConversation: 'Nieuw gesprek',
      switchTo: 'English',
      switchLabel: 'Switch to English',
      connecting: 'Verbinden met Brugbot…',
      failed: 'Brugbot is niet bereikbaar. Draait de bot nog?',
      retry: 'Opnieuw proberen',
      chatLabel: 'Gesprek met Brugbot',
      placeholder: 'Typ een vraag, of ‘start’',
      note: 'Lokale testomgeving: dit gesprek blijft op deze computer.',
    },
    en: {
      title: 'Brugbot — appointing a connection ambassador',
      tagline:
        'Guides your municipality step by step through appointing a connection ambassador, and answers quick questions with their source.',
      skip: 'Skip to the conversation',
      newConversation: 'New conversation',
      switchTo: 'Nederlands',
      switchLabel: 'Schakel over naar Nederlands',
      connecting: 'Connecting to Brugbot…',
      failed: 'Brugbot cannot be reached. Is the bot still running?',
      retry: 'Try again',
      chatLabel: 'Conversation with Brugbot',
      placeholder: 'Type a question, or ‘start’',
      note: 'Local test environment: this conversation stays on this computer.',
    },
  };

  const $ = (id) => document.getElementById(id);
  const nonce =
    document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? undefined;
  // The bot marks its "I will speak English with you" reply with the chosen language, so the
  // page (header, placeholder, footer, Web Chat's own strings) follows a typed `taal en` too.
  const store = WebChat.createStore({}, () => (next) => (action) => {
    if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
      const activity = action.payload?.activity;
      const chosen =
        activity?.from?.role === 'bot' ? activity.channelData?.brugbotLocale : undefined;
      if (chosen === 'nl' || chosen === 'en') setTimeout(() => switchTo(chosen, false));
    }
    return next(action);
  });
  let lang = localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'nl';
  let directLine;

  function t(key) {
    return TEXT[lang][key];
  }

  function applyTexts() {
    document.documentElement.lang = LOCALES[lang];
    document.title = t('title');
    for (const el of document.querySelectorAll('[data-text]')) el.textContent = t(el.dataset.text);
    for (const el of document.querySelectorAll('[data-label]'))
      el.setAttribute('aria-label', t(el.dataset.label));
    const other = lang === 'nl' ? 'en' : 'nl';
    const button = $('language-switch');
    button.textContent = t('switchTo');
    button.lang = LOCALES[other];
    button.setAttribute('aria-label', t('switchLabel'));
  }

  function showStatus(kind) {
    const status = $('chat-status');
    status.hidden = kind === 'online';
    $('chat-status-text').dataset.text = kind === 'failed' ? 'failed' : 'connecting';
    $('chat-status-text').textContent = t(kind === 'failed' ? 'failed' : 'connecting');
    $('retry').hidden = kind !== 'failed';
  }

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

  // Web Chat refreshes its token every 15 minutes; keeping the newest means a reload still resumes.
  function saveSession() {
    if (directLine?.conversationId && directLine.token) {
      sessionStorage.setItem(
        SESSION_KEY,
        JSON.stringify({ conversationId: directLine.conversationId, token: directLine.token }),
      );
    }
  }

  async function resumable(saved) {
    // A watermark beyond the end returns nothing: a cheap check that token and conversation still exist.
    const url = `${DOMAIN}/conversations/${encodeURIComponent(saved.conversationId)}/activities?watermark=999999999999999`;
    const res = await fetch(url, { headers: { Authorization: `Bearer ${saved.token}` } });
    return res.ok;
  }

  async function session() {
    const saved = readSession();
    if (saved && (await resumable(saved))) return { ...saved, resumed: true };
    sessionStorage.removeItem(SESSION_KEY);
    const res = await fetch(`${DOMAIN}/tokens/generate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ locale: LOCALES[lang] }),
    });
    if (!res.ok) throw new Error(`token request failed: ${res.status}`);
    const { conversationId, token } = await res.json();
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ conversationId, token }));
    return { conversationId, token, resumed: false };
  }

  function render() {
    // On a phone the avatar column costs a sixth of the width; cards need it more.
    const phone = window.matchMedia('(max-width: 480px)').matches;
    const avatar = phone ? {} : { botAvatarImage: '/static/brugbot.svg', botAvatarInitials: 'BB' };
    WebChat.renderWebChat(
      {
        directLine,
        store,
        locale: LOCALES[lang],
        nonce,
        sendTypingIndicator: false,
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: t('placeholder') },
        styleOptions: {
          // A new card is shown from its top: scrolling stops when the first new message reaches
          // the top of the transcript, instead of following the bottom of a tall card.
          autoScrollSnapOnPage: true,
          autoScrollSnapOnPageOffset: -8,
          accent: '#1B5E8C',
          primaryFont: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif",
          ...avatar,
          bubbleBorderRadius: 8,
          bubbleFromUserBackground: '#E3EEF6',
          bubbleFromUserBorderRadius: 8,
          bubbleMaxWidth: 640,
          hideUploadButton: true,
          sendBoxButtonColor: '#1B5E8C',
          suggestedActionLayout: 'flow',
        },
      },
      $('webchat'),
    );
  }

  async function connect() {
    showStatus('connecting');
    try {
      const { conversationId, token, resumed } = await session();
      directLine = WebChat.createDirectLine({
        domain: DOMAIN,
        token,
        // With a conversation id Web Chat reconnects (GET …/conversations/:id) and replays it.
        conversationId: resumed ? conversationId : undefined,
        conversationStartProperties: { locale: LOCALES[lang] },
      });
      directLine.connectionStatus$.subscribe((status) => {
        if (status === ONLINE) {
          showStatus('online');
          saveSession();
        } else if (status === FAILED || status === ENDED) {
          showStatus('failed');
        }
      });
      render();
    } catch (error) {
      console.error('Brugbot: could not connect', error);
      showStatus('failed');
    }
  }

  /** Switches the page; `tellBot` also asks the bot to switch (the button, not a typed command). */
  function switchTo(next, tellBot) {
    if (next === lang) return;
    lang = next;
    localStorage.setItem(LOCALE_KEY, lang);
    applyTexts();
    if (!directLine) return;
    render();
    // A post-back is not shown in the transcript; the bot switches and greets in the new language.
    if (tellBot)
      store.dispatch({
        type: 'WEB_CHAT/SEND_POST_BACK',
        payload: { value: { verb: 'lang.set', locale: lang } },
      });
  }

  $('language-switch').addEventListener('click', () => switchTo(lang === 'nl' ? 'en' : 'nl', true));

  $('new-conversation').addEventListener('click', () => {
    sessionStorage.removeItem(SESSION_KEY);
    location.reload();
  });

  $('retry').addEventListener('click', () => location.reload());
  window.addEventListener('pagehide', saveSession);
  setInterval(saveSession, 60_000);

  applyTexts();
  void connect();
})();
