// The plan tab: shows, read-only, the plans linked to the Teams channel, chat or user that opens
// it. In Teams it asks Teams for an SSO token and sends it to /api/tab/plans; in a plain browser
// (local mode) it needs none and offers a picker over the local plans instead.
/* global microsoftTeams, BrugTab, BrugTabProgress */
(async () => {
  'use strict';
  const params = new URLSearchParams(location.search);
  const $ = (id) => document.getElementById(id);

  /** Builds an element; every string becomes a text node, so no answer is ever parsed as HTML. */
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props)) {
      if (name === 'text') node.textContent = value;
      else if (name === 'class') node.className = value;
      else node.setAttribute(name, value);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  const context = await BrugTab.teamsContext();
  const inTeams = Boolean(context);
  const lang = BrugTab.resolveLang(
    inTeams ? context.app.locale : params.get('lang') || document.documentElement.lang,
  );
  const strings = await BrugTab.loadStrings(lang).catch(() => undefined);
  const t = (key, values) => (strings ? BrugTab.text(strings, key, values) : key);
  if (strings) BrugTab.applyText(strings, lang);

  const status = $('status');
  const retry = $('retry');
  const say = (key, ...extra) => {
    status.hidden = false;
    status.replaceChildren(t(key), ...extra);
  };

  if (inTeams) BrugTab.followTheme(context);
  else showLanguageSwitch();

  /** Outside Teams only (Teams sets the language); keeps the chosen plan across the switch. */
  function showLanguageSwitch() {
    const other = lang === 'nl' ? 'en' : 'nl';
    const query = new URLSearchParams(location.search);
    query.set('lang', other);
    const link = $('language-switch');
    link.href = `?${query}`;
    link.lang = other;
    link.textContent = t('page.switchLanguage');
    link.setAttribute('aria-label', t('page.switchLanguageLabel'));
    link.hidden = false;
  }

  // One plan, when the page was opened from a steering note: `?plan=` locally, the deep link's
  // subEntityId (TeamsJS: page.subPageId) in Teams. The API still decides whether you may see it.
  const PLAN_REF = /^[A-Za-z0-9_-]{22}$/;
  const wanted = [inTeams && context.page ? context.page.subPageId : '', params.get('plan')].find(
    (ref) => ref && PLAN_REF.test(ref),
  );

  /** Whole minutes from a 429's Retry-After, for the message (at least 1). */
  const minutesOf = (res) =>
    Math.max(1, Math.ceil(Number(res.headers.get('Retry-After')) / 60) || 1);

  /** In a channel: all its threads; in a chat: that chat; in a personal tab: everything of yours. */
  function apiQuery(page = 1) {
    const query = new URLSearchParams({ lang });
    if (page > 1) query.set('page', String(page));
    if (wanted) query.set('plan', wanted);
    if (inTeams && context.channel && context.channel.id)
      query.set('channelId', context.channel.id);
    else if (inTeams && context.chat && context.chat.id)
      query.set('conversationId', context.chat.id);
    else if (!inTeams && params.get('channelId')) query.set('channelId', params.get('channelId'));
    return query;
  }

  async function authorization() {
    if (!inTeams) return {};
    return { Authorization: `Bearer ${await microsoftTeams.authentication.getAuthToken()}` };
  }

  async function load() {
    retry.hidden = true;
    say('page.loading');
    let headers;
    try {
      headers = await authorization();
    } catch {
      return say('page.unauthorized');
    }
    const res = await fetch(`/api/tab/plans?${apiQuery()}`, {
      headers: { Accept: 'application/json', ...headers },
    }).catch(() => undefined);
    if (res && res.status === 401) return say(inTeams ? 'page.unauthorized' : 'page.openInTeams');
    if (res && res.status === 429) {
      retry.hidden = false;
      status.hidden = false;
      return status.replaceChildren(t('page.tooMany', { minutes: minutesOf(res) }));
    }
    const body = res && res.ok ? await res.json().catch(() => undefined) : undefined;
    if (!body || !Array.isArray(body.plans)) {
      retry.hidden = false;
      return say('page.error');
    }
    $('mode-note').hidden = body.mode !== 'local';
    if (body.plans.length === 0 && wanted) {
      // Not yours to see, or deleted: say so, show nothing of it, offer your own plans.
      const own = el('a', { href: inTeams ? '#' : '?', text: t('page.showOwnPlans') });
      if (inTeams) own.onclick = () => location.reload();
      return say('page.planUnavailable', ' ', own);
    }
    if (body.plans.length === 0) {
      const chatLink =
        body.mode === 'local' ? el('a', { href: '/', text: t('page.openChat') }) : null;
      return say(
        inTeams ? 'page.emptyTeams' : 'page.emptyLocal',
        ...(chatLink ? [' ', chatLink] : []),
      );
    }
    status.replaceChildren();
    status.hidden = true;
    showPicker(body.plans, body.nextPage);
    if (inTeams) microsoftTeams.app.notifySuccess();
  }

  /** The picker over the plans loaded so far; "more" loads the API's next page into it. */
  function showPicker(plans, nextPage) {
    const picker = $('picker');
    const more = $('more-plans');
    const fill = () =>
      picker.replaceChildren(
        ...plans.map((p, i) => el('option', { value: String(i), text: p.label })),
      );
    fill();
    picker.value = String(
      Math.max(
        0,
        plans.findIndex((p) => p.ref === params.get('plan')),
      ),
    );
    $('picker-row').hidden = plans.length < 2 && !nextPage;
    more.hidden = !nextPage;
    more.onclick = async () => {
      more.disabled = true;
      const res = await fetch(`/api/tab/plans?${apiQuery(nextPage)}`, {
        headers: { Accept: 'application/json', ...(await authorization().catch(() => ({}))) },
      }).catch(() => undefined);
      const body = res && res.ok ? await res.json().catch(() => undefined) : undefined;
      more.disabled = false;
      if (!body || !Array.isArray(body.plans)) {
        status.hidden = false;
        status.replaceChildren(
          res && res.status === 429
            ? t('page.tooMany', { minutes: minutesOf(res) })
            : t('page.error'),
        );
        return;
      }
      const chosen = picker.value;
      plans.push(...body.plans);
      nextPage = body.nextPage;
      fill();
      picker.value = chosen;
      more.hidden = !nextPage;
      picker.focus();
    };
    picker.onchange = () => {
      const plan = plans[Number(picker.value)];
      if (!inTeams) {
        // The hashed plan ref, never a conversation id, in the address bar (issue 28).
        params.delete('conversationId');
        params.set('plan', plan.ref);
        history.replaceState(null, '', `?${params}`);
        showLanguageSwitch();
      }
      showPlan(plan);
    };
    showPlan(plans[Number(picker.value)]);
  }

  const badge = (step) =>
    el('span', { class: `badge badge-${step.status}`, text: step.statusLabel });
  // Source links come from our own content; anything but https is refused all the same.
  const safeUrl = (url) => (/^https:\/\//.test(url) ? url : '#');

  function showPlan(plan) {
    const article = el(
      'article',
      { 'aria-labelledby': 'plan-title' },
      el('h2', { id: 'plan-title', text: plan.title }),
      el('p', { class: 'meta', text: plan.meta }),
      plan.canExport ? exportControl(plan) : null,
      plan.canExport ? documentsSection(plan) : null,
      BrugTabProgress.section(plan.progress, el),
      el(
        'nav',
        { class: 'steps-nav', 'aria-label': t('page.stepsTitle') },
        el(
          'ol',
          {},
          ...plan.steps.map((s) =>
            el('li', {}, el('a', { href: `#step-${s.number}`, text: s.title }), ' ', badge(s)),
          ),
        ),
      ),
      ...plan.steps.map(stepSection),
      adviceSection(plan),
      openPointsSection(plan),
    );
    $('plan-view').replaceChildren(article);
  }

  /**
   * Buttons, not links: the document is made at the moment of the click, only for someone who
   * may see the plan, and its short-lived link is followed at once.
   */
  function exportControl(plan) {
    const result = el('span', { class: 'export-result', role: 'status' });
    const buttons = ['docx', 'md'].map((format) => {
      const button = el('button', {
        type: 'button',
        class: 'export',
        text: t(format === 'docx' ? 'page.export' : 'page.exportMarkdown'),
      });
      button.onclick = () => void download(plan, format, buttons, result);
      return button;
    });
    return el('p', { class: 'export-row' }, ...buttons, result);
  }

  /** One row per document written from the plan, each made on the click like the export. */
  function documentsSection(plan) {
    const docs = plan.documents;
    return el(
      'section',
      { id: 'documents', class: 'documents', 'aria-labelledby': 'documents-title' },
      el('h3', { id: 'documents-title', text: docs.title }),
      el('p', { class: 'hint', text: docs.intro }),
      el(
        'ul',
        { class: 'document-list' },
        ...docs.items.map((item) => {
          const result = el('span', { class: 'export-result', role: 'status' });
          const buttons = ['docx', 'md'].map((format) => {
            const button = el('button', {
              type: 'button',
              class: 'export',
              text: format === 'docx' ? docs.labels.word : docs.labels.markdown,
              'aria-label': `${item.title}: ${format === 'docx' ? docs.labels.word : docs.labels.markdown}`,
            });
            button.onclick = () => void download(plan, format, buttons, result, item.id);
            return button;
          });
          return el(
            'li',
            {},
            el('span', { class: 'document-title', text: item.title }),
            el('span', { class: 'document-actions' }, ...buttons, result),
          );
        }),
      ),
      el('p', { class: 'hint', text: docs.appendix }),
    );
  }

  async function download(plan, format, buttons, result, documentId) {
    for (const b of buttons) b.disabled = true;
    result.replaceChildren(t('page.exportBusy'));
    const res = await fetch('/api/tab/plans/export', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        ...(await authorization().catch(() => ({}))),
      },
      body: JSON.stringify({
        conversationId: plan.conversationId,
        format,
        lang,
        document: documentId,
      }),
    }).catch(() => undefined);
    const body = res && res.ok ? await res.json().catch(() => undefined) : undefined;
    for (const b of buttons) b.disabled = false;
    if (res && res.status === 429) {
      result.replaceChildren(t('page.exportTooMany', { minutes: minutesOf(res) }));
      return;
    }
    if (!body || typeof body.url !== 'string' || !body.url.startsWith('/download/')) {
      result.replaceChildren(t('page.exportFailed'));
      return;
    }
    const link = el('a', {
      href: body.url,
      download: '',
      text: t(format === 'docx' ? 'page.exportReady' : 'page.exportReadyMarkdown'),
    });
    result.replaceChildren(link, ' ', el('span', { class: 'hint', text: t('page.exportExpires') }));
    link.click();
    link.focus();
  }

  function stepSection(step) {
    const id = `step-${step.number}`;
    const answers = step.answers.length
      ? el(
          'dl',
          { class: 'answers' },
          ...step.answers.flatMap((a) => [
            el('dt', { text: a.label }),
            el(
              'dd',
              {},
              el('span', { class: 'value', text: a.value }),
              el('span', { class: 'by', text: a.byLine }),
            ),
          ]),
        )
      : el('p', { class: 'empty', text: t('page.noAnswers') });
    return el(
      'section',
      { id, class: `step step-${step.status}`, 'aria-labelledby': `${id}-title`, tabindex: '-1' },
      el('h3', { id: `${id}-title`, text: step.title }),
      el(
        'p',
        { class: 'step-status' },
        badge(step),
        step.current ? el('span', { class: 'current', text: t('page.current') }) : null,
      ),
      answers,
      step.contributors ? el('p', { class: 'contributors', text: step.contributors }) : null,
    );
  }

  function adviceSection(plan) {
    const items = plan.advice.map((a) =>
      el(
        'li',
        { class: `advice-${a.severity}` },
        el('strong', { text: `${a.severityLabel}: ` }),
        a.text,
        el('span', { class: 'source', text: a.reason }),
        el(
          'span',
          { class: 'source' },
          a.sources.length ? `${t('page.source')} ` : t('page.ownSuggestion'),
          ...a.sources.flatMap((s, i) => [
            i > 0 ? ' · ' : null,
            el('a', {
              href: safeUrl(s.url),
              target: '_blank',
              rel: 'noopener noreferrer',
              text: s.label,
            }),
          ]),
        ),
      ),
    );
    return el(
      'section',
      { class: 'advice', 'aria-labelledby': 'advice-title' },
      el('h3', { id: 'advice-title', text: plan.adviceTitle }),
      items.length ? el('ul', {}, ...items) : el('p', { class: 'empty', text: t('page.noAdvice') }),
    );
  }

  function openPointsSection(plan) {
    return el(
      'section',
      { class: 'open-points', 'aria-labelledby': 'open-title' },
      el('h3', { id: 'open-title', text: plan.openPointsTitle }),
      plan.openPoints.length
        ? el('ul', {}, ...plan.openPoints.map((p) => el('li', { text: p })))
        : el('p', { class: 'empty', text: t('page.noOpenPoints') }),
    );
  }

  retry.onclick = () => void load();
  await load();
})();
