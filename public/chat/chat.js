// Brugbot's browser chat: Microsoft Bot Framework Web Chat over the bot's own local Direct Line.
// Plain browser JavaScript (no build step); the server's CSP allows scripts from this origin only.
// boot.js has already started the conversation (see there); this part draws it with Web Chat.
/* global WebChat */
(() => {
  'use strict';

  const { DOMAIN, SESSION_KEY, LOCALE_KEY, LOCALES } = window.brugbotBoot;
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
  // A card that answers what the user sent takes the focus (see focusNextCard).
  const store = WebChat.createStore({}, () => (next) => (action) => {
    const activity = action.payload?.activity;
    if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
      const chosen =
        activity?.from?.role === 'bot' ? activity.channelData?.brugbotLocale : undefined;
      if (chosen === 'nl' || chosen === 'en') setTimeout(() => switchTo(chosen, false));
      noticeIncoming(activity);
    }
    if (action.type === 'DIRECT_LINE/POST_ACTIVITY_PENDING') awaitAnswerTo(activity);
    return next(action);
  });
  let lang = window.brugbotBoot.lang;
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

  // Web Chat refreshes its token every 15 minutes; keeping the newest means a reload still resumes.
  function saveSession() {
    if (directLine?.conversationId && directLine.token) {
      sessionStorage.setItem(
        SESSION_KEY,
        JSON.stringify({ conversationId: directLine.conversationId, token: directLine.token }),
      );
    }
  }

  /**
   * Web Chat renders every Adaptive Card TextBlock through its Markdown pipeline, and each call
   * builds a new markdown-it, parses the text twice and sanitises the HTML: a 30-card replay made
   * about 700 calls for 70 distinct texts, most of the seconds a reload took. The output depends
   * only on the text and these options, so it is kept per text (bounded).
   */
  const markdownCache = new Map();
  function renderMarkdown(markdown, styleOptions, options) {
    const key = JSON.stringify([
      markdown,
      styleOptions?.markdownRespectCRLF,
      styleOptions?.markdownRenderHTML,
      options?.externalLinkAlt,
    ]);
    let html = markdownCache.get(key);
    if (html === undefined) {
      html = WebChat.renderMarkdown(markdown, styleOptions, options);
      if (markdownCache.size >= 2000) markdownCache.clear();
      markdownCache.set(key, html);
    }
    return html;
  }

  function render() {
    // On a phone the avatar column costs a sixth of the width; cards need it more.
    const phone = window.matchMedia('(max-width: 480px)').matches;
    const avatar = phone
      ? {}
      : { botAvatarImage: document.querySelector('.logo').src, botAvatarInitials: 'BB' };
    WebChat.renderWebChat(
      {
        directLine,
        store,
        locale: LOCALES[lang],
        nonce,
        renderMarkdown,
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
          // The message the arrow keys are on: a solid ink border, not a thin grey dashed one.
          transcriptActivityVisualKeyboardIndicatorColor: '#1d2733',
          transcriptActivityVisualKeyboardIndicatorStyle: 'solid',
          transcriptActivityVisualKeyboardIndicatorWidth: 2,
        },
      },
      $('webchat'),
    );
  }

  async function connect() {
    showStatus('connecting');
    try {
      const { conversationId, token } = await window.brugbotBoot.session;
      // boot.js started the conversation: Web Chat reconnects (GET …/conversations/:id with an
      // empty watermark) and receives it from the start, the welcome card or a whole replay.
      directLine = WebChat.createDirectLine({ domain: DOMAIN, token, conversationId });
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
    // Web Chat draws everything anew in the new language, and a focus inside it is lost.
    const inChat = $('webchat').contains(document.activeElement);
    const focusedCard = document.activeElement?.closest(CARD);
    render();
    if (inChat) setTimeout(() => refocus(focusedCard && activityLabel(focusedCard)));
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

  // Accessibility (issue 18): two small fixes on top of Web Chat's Adaptive Cards renderer.

  const CARD = '.webchat__basic-transcript__activity .ac-adaptiveCard';
  let expectingCard = false;
  let pendingCards = [];
  let focusTimer;
  /** Web Chat's id for the user's latest message or submit, then the channel's id for it. */
  let awaitedClientId;
  let awaitedId;
  /** The post whose reply already took the focus: its later cards (a slow turn) leave it. */
  let answeredId;

  /**
   * A card takes the focus only when it answers what the user sent. The channel's ids say which
   * cards do: the echo of the user's activity carries Web Chat's `clientActivityID` and gets its
   * id; the bot's replies name that id in `replyToId`. The first card of the reply takes the
   * focus once; cards nobody asked for (a check-in the bot sends on its own, a colleague's change,
   * a replay after a reload) leave it alone, also when they arrive after a reply without a card.
   */
  function awaitAnswerTo(activity) {
    // The header's language button keeps its focus; a card's language button or a typed
    // `taal en` is answered by the greeting in the new language, which takes it.
    const fromHeader = !$('webchat').contains(document.activeElement);
    if (activity?.value?.verb === 'lang.set' && fromHeader) return;
    awaitedClientId = activity?.channelData?.clientActivityID;
    awaitedId = undefined;
  }

  /** Ids of the bot's activities already in the transcript: the same id again is an update. */
  const botActivityIds = new Set();

  function noticeIncoming(activity) {
    if (!activity) return;
    // A card updated in place (a receipt, the confirmed schedule) names the post that changed it
    // in `replyToId`, but it is no new card: Web Chat redraws it where it was, it takes no focus,
    // and it must not leave the page waiting to focus the next card, which may be one nobody
    // asked for (a check-in arriving minutes later would take the focus from whatever the user
    // was filling in).
    if (activity.from?.role === 'bot' && activity.id) {
      if (botActivityIds.has(activity.id)) return;
      botActivityIds.add(activity.id);
    }
    if (awaitedClientId && activity.channelData?.clientActivityID === awaitedClientId) {
      awaitedId = activity.id;
      awaitedClientId = undefined;
    } else if (
      activity.from?.role === 'bot' &&
      awaitedId &&
      activity.replyToId === awaitedId &&
      answeredId !== awaitedId &&
      activity.attachments?.length
    ) {
      expectingCard = true;
    }
  }

  /**
   * Moves the focus to a card that answers the user: its first visible input, else its heading,
   * else the card itself. Replies of several cards arrive within milliseconds, so the choice is
   * made once they have all rendered: the first card of the reply, whose top Web Chat scrolls to
   * (a summary keeps its top in view even with the follow-up proposal under it). A message the
   * user has started typing keeps the focus.
   */

  function focusTargetIn(card) {
    const visible = (el) => el.getClientRects().length > 0 && !el.disabled;
    const fields = [...card.querySelectorAll('input, select, textarea')].filter(visible);
    const input = fields.find((el) => el.getAttribute('aria-invalid') === 'true') ?? fields[0];
    if (input) return input;
    const target = card.querySelector('[role="heading"]') ?? card;
    target.tabIndex = -1;
    return target;
  }

  function onCardsAdded(cards) {
    if (!expectingCard || cards.length === 0) return;
    pendingCards.push(...cards);
    clearTimeout(focusTimer);
    focusTimer = setTimeout(() => {
      // The first in the transcript, not the first rendered: Web Chat may render a reply's cards
      // again (a group of messages re-laid out), and a re-rendered summary must still come first.
      const arrived = pendingCards
        .map(current)
        .filter((c) => c?.isConnected)
        .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      const card = arrived[0];
      const typing =
        document.activeElement?.matches('input, textarea') &&
        !document.activeElement.closest('.ac-adaptiveCard') &&
        document.activeElement.value !== '';
      expectingCard = false;
      pendingCards = [];
      answeredId = awaitedId;
      if (card && !typing) afterScrolling(() => showAndFocus(card));
    }, 150);
  }

  /** Web Chat glides to the newest message; focusing during that glide would be undone by it. */
  function afterScrolling(then) {
    const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
    let last = scroller?.scrollTop;
    let still = 0;
    let frames = 0;
    const tick = () => {
      const now = scroller?.scrollTop;
      still = now === last ? still + 1 : 0;
      last = now;
      if (still >= 3 || ++frames > 90) then();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  /** The card's top (progress line, title) in view where it fits, and its target focused. */
  function showAndFocus(card) {
    const target = focusTargetIn(card);
    card.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
    const r = target.getBoundingClientRect();
    if (r.top < 0 || r.bottom > innerHeight) target.scrollIntoView({ block: 'nearest' });
  }

  /**
   * Adaptive Cards' Action.ToggleVisibility puts `aria-expanded` on the section it shows or
   * hides (a plain <div>, where ARIA does not allow it) and leaves its button without one. A
   * screen reader should hear "expanded/collapsed" on the button, so the state moves there.
   * Ids renamed by makeIdsUnique are still found: `aria-controls` follows the rename.
   */
  function fixDisclosure(el) {
    if (el.matches('button, [role="button"]') || !el.id || !el.hasAttribute('aria-expanded'))
      return;
    const expanded = el.getAttribute('aria-expanded');
    el.removeAttribute('aria-expanded');
    const card = el.closest('.ac-adaptiveCard') ?? document;
    for (const button of card.querySelectorAll('[aria-controls]'))
      if (button.getAttribute('aria-controls').split(' ').includes(el.id))
        button.setAttribute('aria-expanded', expanded);
  }

  /**
   * A card shown twice (after "Vorige") repeats the template's ids, so `aria-controls` and
   * `aria-describedby` would point into the older card. The newer card's ids get a suffix;
   * Adaptive Cards finds its toggle targets through its own model, not through these ids.
   */
  function makeIdsUnique(card) {
    for (const el of card.querySelectorAll('[id]:not([id^="__ac-"])')) {
      if (document.querySelectorAll(`[id="${CSS.escape(el.id)}"]`).length < 2) continue;
      const old = el.id;
      el.id = `${old}--${Math.random().toString(36).slice(2, 8)}`;
      for (const attr of ['aria-controls', 'aria-describedby'])
        for (const ref of card.querySelectorAll(`[${attr}]`)) {
          const ids = ref.getAttribute(attr).split(' ');
          ref.setAttribute(attr, ids.map((id) => (id === old ? el.id : id)).join(' '));
        }
    }
  }

  /**
   * A section opened by tapping a column or row (a `selectAction`) has no `aria-controls`: the
   * card names that toggle after its section, `<section id>-toggle`, so the two are paired here.
   */
  function pairToggles(card) {
    for (const toggle of card.querySelectorAll('[id$="-toggle"]')) {
      const target = toggle.id.slice(0, -'-toggle'.length);
      // One section (`help-3`), or top-level parts named after the toggle (`more-deepen`, …):
      // Copilot drops action sets nested in containers, so the step card's fold is flat.
      const parts = card.querySelector(`#${CSS.escape(target)}`)
        ? [target]
        : [...card.querySelectorAll(`[id^="${CSS.escape(target)}-"]`)]
            .map((el) => el.id)
            .filter((id) => id !== toggle.id);
      if (parts.length) toggle.setAttribute('aria-controls', parts.join(' '));
    }
  }

  /**
   * An answer the bot could not save comes back with its reason under the field, which the card
   * names `<input id>-error`: the field is marked invalid and described by that reason, so a
   * screen reader says both when the focus lands there.
   */
  function describeErrors(card) {
    for (const error of card.querySelectorAll('[id$="-error"]')) {
      const wrapper = card.querySelector(`#${CSS.escape(error.id.slice(0, -'-error'.length))}`);
      for (const field of wrapper?.querySelectorAll('input, select, textarea') ?? []) {
        field.setAttribute('aria-invalid', 'true');
        field.setAttribute('aria-describedby', error.id);
      }
    }
  }

  /** Collapsed sections start with `aria-expanded="false"` on their button. */
  function markCollapsed(card) {
    for (const button of card.querySelectorAll('[aria-controls]:not([aria-expanded])')) {
      const ids = button.getAttribute('aria-controls').split(' ');
      const shown = ids.some(
        (id) => card.querySelector(`#${CSS.escape(id)}`)?.getClientRects().length,
      );
      button.setAttribute('aria-expanded', String(shown));
    }
  }

  const ACTIVITY = '.webchat__basic-transcript__activity';
  const LABEL = 'webchat__basic-transcript__active-descendant-label';
  /** Web Chat's id for an activity's entry, the same when the transcript is drawn again. */
  const labels = new WeakMap();
  function activityLabel(card) {
    if (!labels.has(card)) {
      const label = card
        .closest(ACTIVITY)
        ?.querySelector(`[aria-labelledby^="${LABEL}"]`)
        ?.getAttribute('aria-labelledby');
      labels.set(card, label);
    }
    return labels.get(card);
  }

  function cardWithLabel(label) {
    const entry = label
      ? document.querySelector(`[aria-labelledby="${CSS.escape(label)}"]`)?.closest(ACTIVITY)
      : undefined;
    return entry?.querySelector(CARD) ?? undefined;
  }

  /** The card as it is on screen now: after a redraw (language switch), its new copy. */
  function current(card) {
    return card.isConnected ? card : cardWithLabel(activityLabel(card));
  }

  const seenActivities = new Set();
  /**
   * Web Chat draws the whole transcript again when the language changes; only cards of
   * activities not drawn before count as arriving. Web Chat keys each activity's label by it.
   */
  function isNewActivity(card) {
    const label = activityLabel(card);
    if (!label) return true;
    if (seenActivities.has(label)) return false;
    seenActivities.add(label);
    return true;
  }

  /**
   * After the language switch redrew Web Chat: a reply still to come (the bot's greeting card for
   * `taal en`) takes the focus by the rules above; otherwise it returns to the card it was in, in
   * its new copy, or else to the send box, where the user typed the command.
   */
  function refocus(label) {
    if (expectingCard || pendingCards.length) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const card = cardWithLabel(label);
    if (card) focusTargetIn(card).focus();
    else document.querySelector('.webchat__send-box-text-box__input')?.focus();
  }

  new MutationObserver((records) => {
    const added = [];
    for (const record of records) {
      if (record.type === 'attributes') fixDisclosure(record.target);
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        const cards = node.matches(CARD) ? [node] : [...node.querySelectorAll(CARD)];
        for (const card of cards) {
          pairToggles(card);
          describeErrors(card);
          makeIdsUnique(card);
          markCollapsed(card);
        }
        added.push(...cards.filter(isNewActivity));
      }
    }
    onCardsAdded(added);
  }).observe($('webchat'), {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-expanded'],
  });

  applyTexts();
  void connect();
})();
