/* The insight page: asks /api/insight for a range of days and draws it with Chart.js (served
   from node_modules), each chart with the same figures as a table. No data lives in the page. */
(function () {
  'use strict';
  const lang = document.documentElement.lang === 'en' ? 'en' : 'nl';
  const $ = (id) => document.getElementById(id);
  const status = $('status');
  const charts = {};
  let strings = {};

  function t(key, params) {
    let value = key.split('.').reduce((node, part) => (node ? node[part] : undefined), strings);
    if (params && typeof params.count === 'number' && value === undefined)
      return t(`${key}_${params.count === 1 ? 'one' : 'other'}`, params);
    return String(value === undefined ? key : value).replace(/\{\{(\w+)\}\}/g, (_m, name) =>
      params && params[name] !== undefined ? String(params[name]) : '',
    );
  }

  function say(key, params) {
    status.textContent = t(key, params);
  }

  /** The element with text only: every figure and question goes in as text, never as markup. */
  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function fillTable(table, caption, headers, rows) {
    table.replaceChildren();
    table.append(el('caption', caption));
    const head = el('tr');
    headers.forEach((h, i) => {
      const th = el('th', h, i > 0 ? 'number' : undefined);
      th.scope = 'col';
      head.append(th);
    });
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    for (const row of rows) {
      const tr = el('tr');
      row.forEach((cell, i) => {
        const node = i === 0 ? el('th', cell) : el('td', cell, 'number');
        if (i === 0) node.scope = 'row';
        tr.append(node);
      });
      tbody.append(tr);
    }
    table.append(thead, tbody);
  }

  /** On a phone a long label would crowd out its bar: cut it short (the table has it whole). */
  function shortLabel(label) {
    return window.innerWidth < 600 && label.length > 20 ? `${label.slice(0, 19)}…` : label;
  }

  /** A bar chart; `horizontal` for long labels (questions, answers), stacked when it has two series. */
  function draw(id, labels, datasets, horizontal) {
    if (charts[id]) charts[id].destroy();
    const stacked = datasets.length > 1;
    const labelAxis = {
      stacked,
      ticks: {
        callback(value) {
          return shortLabel(String(this.getLabelForValue(value)));
        },
      },
    };
    const countAxis = { stacked, beginAtZero: true, ticks: { precision: 0 } };
    charts[id] = new window.Chart($(id), {
      type: 'bar',
      data: { labels, datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        plugins: { legend: { display: stacked } },
        scales: horizontal ? { x: countAxis, y: labelAxis } : { x: labelAxis, y: countAxis },
      },
    });
  }

  const BRAND = '#1b5e8c';
  if (window.Chart) {
    window.Chart.defaults.color = '#1d2733';
    window.Chart.defaults.font.size = 13;
  }
  const WARM = '#b35c00';

  function hoursText(h) {
    return h < 24 ? t('time.hours', { count: h }) : t('time.days', { count: h / 24 });
  }
  function rangeText(r) {
    if (!r) return '';
    if (r.toHours === null) return t('time.moreThan', { from: hoursText(r.fromHours) });
    if (r.fromHours === 0) return t('time.upTo', { to: hoursText(r.toHours) });
    return t('time.between', { from: hoursText(r.fromHours), to: hoursText(r.toHours) });
  }

  /** A row of headline figures: label above, number below. */
  function fillFigures(list, figures) {
    list.replaceChildren();
    for (const [key, n] of figures) {
      const box = el('div');
      box.append(el('dt', t(key)), el('dd', n));
      list.append(box);
    }
  }

  function renderPlans(r) {
    fillFigures($('plan-figures'), [
      ['plans.started', r.plans.started],
      ['plans.completed', r.plans.completed],
    ]);
    const labels = r.funnel.map((s) => t('plans.step', { step: s.step }));
    draw('funnel-chart', labels, [
      { label: t('plans.plansColumn'), data: r.funnel.map((s) => s.plans), backgroundColor: BRAND },
    ]);
    fillTable(
      $('funnel-table'),
      t('plans.funnelChart'),
      [t('plans.stepColumn'), t('plans.plansColumn'), t('plans.cardsColumn')],
      r.funnel.map((s) => [
        labels[s.step - 1],
        s.plans,
        s.cards.map((c) => `${c.card}: ${c.plans}`).join(', '),
      ]),
    );
  }

  function renderTime(r) {
    const time = r.timeToComplete;
    const [median, q1, q3] = [time.median, time.q1, time.q3].map(rangeText);
    $('time-summary').textContent = !time.plans
      ? t('time.none')
      : q1 === q3
        ? t('time.summaryOneClass', { median })
        : t('time.summary', { median, q1, q3 });
    const labels = time.bins.map(rangeText);
    draw('time-chart', labels, [
      { label: t('time.plansColumn'), data: time.bins.map((b) => b.plans), backgroundColor: BRAND },
    ]);
    fillTable(
      $('time-table'),
      t('time.chart'),
      [t('time.durationColumn'), t('time.plansColumn')],
      time.bins.map((b, i) => [labels[i], b.plans]),
    );
  }

  function renderQuestions(r) {
    const q = r.questions;
    fillFigures($('question-figures'), [
      ['questions.asked', q.asked],
      ['questions.answered', q.answered],
      ['questions.declined', q.declined],
    ]);
    const rows = [
      [t('questions.answeredFromEntry'), q.answeredFromEntry],
      [t('questions.answeredFromPassage'), q.answeredFromPassage],
      [t('questions.declined'), q.declined],
    ];
    draw(
      'questions-chart',
      rows.map((row) => row[0]),
      [
        {
          label: t('questions.countColumn'),
          data: rows.map((row) => row[1]),
          backgroundColor: [BRAND, BRAND, WARM],
        },
      ],
      true,
    );
    fillTable(
      $('questions-table'),
      t('questions.chart'),
      [t('questions.kindColumn'), t('questions.countColumn')],
      [
        [t('questions.asked'), q.asked],
        ...rows,
        [t('questions.checkinsSent'), r.checkins.sent],
        [t('questions.checkinsAnswered'), r.checkins.answered],
      ],
    );
  }

  function renderDeclined(r) {
    const box = $('declined');
    box.replaceChildren();
    if (!r.declinedTop.length) return box.append(el('p', t('declined.none')));
    const table = el('table');
    fillTable(
      table,
      t('declined.heading'),
      [t('declined.textColumn'), t('declined.conversationsColumn')],
      r.declinedTop.map((d) => [d.text, d.conversations]),
    );
    box.append(table);
  }

  function renderFeedback(r) {
    const f = r.feedback;
    $('feedback-summary').textContent = f.entries.length
      ? t('feedback.summary', { helpful: f.helpful, notHelpful: f.notHelpful })
      : t('feedback.none');
    const labels = f.entries.map((e) => e.title);
    draw(
      'feedback-chart',
      labels,
      [
        {
          label: t('feedback.helpful'),
          data: f.entries.map((e) => e.helpful),
          backgroundColor: BRAND,
        },
        {
          label: t('feedback.notHelpful'),
          data: f.entries.map((e) => e.notHelpful),
          backgroundColor: WARM,
        },
      ],
      true,
    );
    fillTable(
      $('feedback-table'),
      t('feedback.chart'),
      [t('feedback.entryColumn'), t('feedback.helpful'), t('feedback.notHelpful')],
      f.entries.map((e) => [e.title, e.helpful, e.notHelpful]),
    );
  }

  const dates = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-BE' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  const dateText = (day) => dates.format(new Date(`${day}T00:00:00Z`));

  async function authorization() {
    const teams = window.microsoftTeams;
    if (window.parent === window || !teams) return {};
    try {
      await teams.app.initialize();
      return { Authorization: `Bearer ${await teams.authentication.getAuthToken()}` };
    } catch {
      return {};
    }
  }

  async function load() {
    say('loading');
    const query = new URLSearchParams({ from: $('from').value, to: $('to').value, lang });
    const res = await fetch(`/api/insight?${query}`, {
      headers: { Accept: 'application/json', ...(await authorization()) },
    }).catch(() => undefined);
    if (res && res.status === 403) return say('forbidden');
    if (res && res.status === 400) return say('badRange');
    const report = res && res.ok ? await res.json().catch(() => undefined) : undefined;
    if (!report || !report.plans) return say('error');
    renderPlans(report);
    renderTime(report);
    renderQuestions(report);
    renderDeclined(report);
    renderFeedback(report);
    $('report').hidden = false;
    say('loaded', { from: dateText(report.from), to: dateText(report.to) });
  }

  async function start() {
    const res = await fetch(`/insight/strings/${lang}`).catch(() => undefined);
    strings = res && res.ok ? await res.json() : {};
    const params = new URLSearchParams(location.search);
    const switchLink = $('language-switch');
    const other = new URLSearchParams(params);
    other.set('lang', lang === 'nl' ? 'en' : 'nl');
    switchLink.href = `?${other}`;
    switchLink.lang = lang === 'nl' ? 'en' : 'nl';
    const today = new Date().toISOString().slice(0, 10);
    const monthAgo = new Date(Date.now() - 29 * 86400000).toISOString().slice(0, 10);
    $('from').value = params.get('from') || monthAgo;
    $('to').value = params.get('to') || today;
    $('range').addEventListener('submit', (event) => {
      event.preventDefault();
      void load();
    });
    await load();
  }

  void start();
})();
