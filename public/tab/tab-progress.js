// The plan tab's follow-up section: the figures per check-in as a small SVG bar chart with the
// plan's own yearly expectations as dashed lines, and the same figures as a table. Built with
// DOM calls only (no HTML strings, no inline style), so the tab's strict CSP holds.
(() => {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';
  // A narrow drawing scales up on a laptop and stays legible on a phone.
  const W = 420;
  const H = 230;
  const PAD = { top: 16, right: 8, bottom: 44, left: 36 };

  function svg(tag, attrs = {}, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** A rounded-up axis maximum: 1, 2 or 5 times a power of ten. */
  function niceMax(value) {
    if (value <= 5) return 5;
    const power = 10 ** Math.floor(Math.log10(value));
    return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= value);
  }

  function chart(p) {
    const values = p.points.flatMap((pt) => Object.values(pt.values).filter((v) => v !== null));
    const max = niceMax(Math.max(1, ...values, ...p.expected.map((e) => e.value)));
    const plotW = W - PAD.left - PAD.right;
    const plotH = H - PAD.top - PAD.bottom;
    const y = (v) => PAD.top + plotH - (v / max) * plotH;
    const root = svg('svg', {
      viewBox: `0 0 ${W} ${H}`,
      class: 'progress-chart',
      role: 'img',
      'aria-label': p.chartLabel,
    });
    root.append(svg('title', {}, p.chartLabel));
    for (const tick of [0, max / 2, max]) {
      root.append(
        svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(tick), y2: y(tick), class: 'grid' }),
      );
      root.append(
        svg(
          'text',
          { x: PAD.left - 6, y: y(tick) + 4, class: 'axis', 'text-anchor': 'end' },
          String(tick),
        ),
      );
    }
    const groupW = plotW / Math.max(1, p.points.length);
    const barW = Math.min(28, (groupW * 0.8) / Math.max(1, p.series.length));
    p.points.forEach((pt, i) => {
      const x0 = PAD.left + i * groupW + (groupW - barW * p.series.length) / 2;
      p.series.forEach((s, j) => {
        const v = pt.values[s.id];
        if (v === null || v === undefined) return;
        const x = x0 + j * barW;
        const bar = svg('rect', {
          x: x + 1,
          y: y(v),
          width: barW - 2,
          height: Math.max(0, y(0) - y(v)),
          class: `bar s${j}`,
        });
        bar.append(svg('title', {}, `${pt.label} · ${s.label}: ${v}`));
        root.append(bar);
        root.append(
          svg(
            'text',
            { x: x + barW / 2, y: y(v) - 3, class: 'value-label', 'text-anchor': 'middle' },
            String(v),
          ),
        );
      });
      const cx = PAD.left + i * groupW + groupW / 2;
      root.append(
        svg(
          'text',
          { x: cx, y: H - PAD.bottom + 16, class: 'axis', 'text-anchor': 'middle' },
          pt.label,
        ),
      );
      if (pt.sub)
        root.append(
          svg(
            'text',
            { x: cx, y: H - PAD.bottom + 32, class: 'axis sub', 'text-anchor': 'middle' },
            pt.sub,
          ),
        );
    });
    for (const e of p.expected) {
      const j = p.series.findIndex((s) => s.id === e.series);
      const line = svg('line', {
        x1: PAD.left,
        x2: W - PAD.right,
        y1: y(e.value),
        y2: y(e.value),
        class: `expected s${Math.max(0, j)}`,
      });
      line.append(svg('title', {}, e.label));
      root.append(line);
    }
    return root;
  }

  function legend(p, el) {
    const items = p.series.map((s, j) =>
      el('li', {}, el('span', { class: `swatch s${j}`, 'aria-hidden': 'true' }), s.label),
    );
    for (const e of p.expected) {
      const j = Math.max(
        0,
        p.series.findIndex((s) => s.id === e.series),
      );
      items.push(
        el('li', {}, el('span', { class: `swatch-line s${j}`, 'aria-hidden': 'true' }), e.label),
      );
    }
    return el('ul', { class: 'legend' }, ...items);
  }

  function table(p, el) {
    const head = el(
      'tr',
      {},
      el('th', { scope: 'col', text: p.momentLabel }),
      ...p.series.map((s) => el('th', { scope: 'col', text: s.label })),
    );
    const rows = p.points.map((pt) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row', text: pt.sub ? `${pt.label} (${pt.sub})` : pt.label }),
        ...p.series.map((s) =>
          el('td', { text: pt.values[s.id] === null ? '–' : String(pt.values[s.id]) }),
        ),
      ),
    );
    return el(
      'div',
      { class: 'table-wrap' },
      el(
        'table',
        { class: 'figures' },
        el('caption', { text: p.tableCaption }),
        el('thead', {}, head),
        el('tbody', {}, ...rows),
      ),
    );
  }

  /** The section, or null when the plan has no follow-up yet. */
  function section(p, el) {
    if (!p || !p.show) return null;
    const notes = p.points
      .filter((pt) => pt.note)
      .map((pt) => el('li', {}, el('strong', { text: `${pt.label}: ` }), pt.note));
    const safeUrl = /^https:\/\//.test(p.source.url) ? p.source.url : '#';
    return el(
      'section',
      { class: 'progress', 'aria-labelledby': 'progress-title' },
      el('h3', { id: 'progress-title', text: p.title }),
      p.points.length
        ? el('figure', {}, el('figcaption', { text: p.chartTitle }), chart(p), legend(p, el))
        : el('p', { class: 'empty', text: p.empty }),
      p.points.length ? table(p, el) : null,
      notes.length
        ? el('div', {}, el('h4', { text: p.noteLabel }), el('ul', { class: 'notes' }, ...notes))
        : null,
      p.next ? el('p', { text: p.next }) : null,
      p.expectations ? el('p', { text: p.expectations }) : null,
      el(
        'p',
        { class: 'caution' },
        p.caution,
        ' ',
        el('a', {
          href: safeUrl,
          target: '_blank',
          rel: 'noopener noreferrer',
          text: p.source.label,
        }),
      ),
    );
  }

  window.BrugTabProgress = { section };
})();
