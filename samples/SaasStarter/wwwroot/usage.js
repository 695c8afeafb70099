// The usage page: reads PolarBilling's usage endpoints ({prefix}/usage/current, /history, /invoice-preview) and draws
// them. Everything from the server goes into the page as text (textContent), never as HTML.
(() => {
  const root = document.getElementById('usage');
  if (!root) return;
  const api = root.dataset.usageApi;
  const meteredApi = root.dataset.meteredApi;
  const svgNs = 'http://www.w3.org/2000/svg';
  let currency = 'usd';
  let historyRange = 'day';

  const money = (minor, digits) => new Intl.NumberFormat('en-US', {
    style: 'currency', currency: currency.toUpperCase(), minimumFractionDigits: 2, maximumFractionDigits: digits ?? 2,
  }).format(minor / 100);
  const count = n => new Intl.NumberFormat('en-US').format(n);
  const utc = (iso, withTime) => {
    const d = new Date(iso);
    const date = d.toISOString().slice(0, 10);
    return withTime === false ? date : date + ' ' + d.toISOString().slice(11, 16) + ' UTC';
  };

  async function get(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) {
      location.href = '/account/login?returnUrl=' + encodeURIComponent(location.pathname);
      return null;
    }
    const text = await response.text();
    const json = text ? JSON.parse(text) : {};
    if (!response.ok) throw new Error(json.detail ?? json.title ?? ('HTTP ' + response.status));
    return json;
  }

  function showAlert(meters) {
    const banner = document.getElementById('usage-alert');
    const worst = meters.filter(m => m.alertLevel != null).sort((a, b) => b.alertLevel - a.alertLevel)[0];
    if (!worst) { banner.hidden = true; return; }
    const name = worst.name ?? worst.meter;
    banner.textContent = worst.alertLevel >= 100
      ? `You have used ${worst.alertLevel} % of the ${count(worst.included)} ${worst.unit} included in your plan (${count(worst.used)} so far). `
        + `Each ${name} over the included costs ${money(worst.unitPrice, 6)}: ${money(worst.overageCost)} so far this period.`
      : `You have used ${worst.alertLevel} % of the ${count(worst.included)} ${worst.unit} included in your plan (${count(worst.used)} so far).`;
    banner.className = 'message ' + (worst.alertLevel >= 100 ? 'error' : 'warn');
    banner.dataset.level = worst.alertLevel;
    banner.hidden = false;
  }

  async function refreshCurrent() {
    const current = await get(api + '/current');
    if (!current) return;
    currency = current.currency ?? currency;
    document.getElementById('usage-period').textContent =
      `· period ${utc(current.periodStart)} – ${utc(current.periodEnd)}`;
    for (const m of current.meters) {
      const card = root.querySelector(`.meter[data-meter="${CSS.escape(m.meter)}"]`);
      if (!card) continue;
      const field = name => card.querySelector(`[data-field="${name}"]`);
      field('used').textContent = count(m.used);
      field('included').textContent = count(m.included);
      field('remaining').textContent = count(m.remaining);
      field('overageQuantity').textContent = count(m.overageQuantity);
      field('overageCost').textContent = money(m.overageCost);
      const bar = card.querySelector('.progress-bar');
      const share = m.included > 0 ? Math.min(1, m.used / m.included) : (m.used > 0 ? 1 : 0);
      bar.style.width = (share * 100).toFixed(1) + '%';
      bar.className = 'progress-bar' + (m.alertLevel != null ? ' level-' + m.alertLevel : '');
      card.querySelector('.progress').setAttribute('aria-valuenow', String(m.used));
    }
    showAlert(current.meters);
  }

  function drawChart(history) {
    const svg = document.getElementById('usage-chart');
    svg.replaceChildren();
    const points = (history.series[0]?.points ?? []);
    const width = 720, height = 220, left = 44, bottom = 22, top = 8;
    const max = Math.max(1, ...points.map(p => p.quantity));
    const slot = (width - left) / Math.max(1, points.length);
    const add = (name, attributes, text) => {
      const element = document.createElementNS(svgNs, name);
      for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
      if (text !== undefined) element.textContent = text;
      svg.appendChild(element);
      return element;
    };
    add('line', { class: 'axis', x1: left, y1: height - bottom, x2: width, y2: height - bottom });
    add('text', { x: left - 4, y: top + 10, 'text-anchor': 'end' }, count(max));
    add('text', { x: left - 4, y: height - bottom, 'text-anchor': 'end' }, '0');
    const hourly = history.interval === 'hour';
    points.forEach((p, i) => {
      const h = (height - bottom - top) * p.quantity / max;
      const bar = add('rect', { class: 'bar', x: left + i * slot + 1, y: height - bottom - h, width: Math.max(1, slot - 2), height: h });
      const title = document.createElementNS(svgNs, 'title');
      title.textContent = `${utc(p.start, hourly)}: ${count(p.quantity)}`;
      bar.appendChild(title);
      if (i % Math.ceil(points.length / 6) === 0) {
        add('text', { x: left + i * slot, y: height - 6 }, hourly ? utc(p.start).slice(11, 16) : utc(p.start, false).slice(5));
      }
    });
    document.getElementById('history-range').textContent =
      `${utc(history.from)} – ${utc(history.to)}, per ${history.interval}, total ${count(points.reduce((s, p) => s + p.quantity, 0))}`;
  }

  async function refreshHistory() {
    const meter = root.querySelector('.meter')?.dataset.meter;
    const hourly = historyRange === 'day';
    const step = hourly ? 3600e3 : 86400e3;
    // Whole buckets ending with the current one, so the last bar is "this hour" or "today".
    const to = new Date(Math.floor(Date.now() / step) * step + step);
    const from = new Date(to.getTime() - (hourly ? 24 : 30) * step);
    const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), interval: hourly ? 'hour' : 'day' });
    if (meter) query.set('meter', meter);
    const history = await get(api + '/history?' + query);
    if (history) drawChart(history);
  }

  async function refreshInvoice() {
    const preview = await get(api + '/invoice-preview');
    if (!preview) return;
    currency = preview.currency ?? currency;
    const table = document.getElementById('invoice-preview');
    const row = (cells, target) => {
      const tr = document.createElement('tr');
      cells.forEach((value, i) => {
        const td = document.createElement('td');
        td.textContent = value;
        if (i > 0) td.className = 'num';
        tr.appendChild(td);
      });
      target.appendChild(tr);
    };
    const body = table.tBodies[0];
    body.replaceChildren();
    row([`${preview.plan} plan, ${utc(preview.periodStart, false)} – ${utc(preview.periodEnd, false)}`, '', '', '', '', money(preview.baseFee)], body);
    for (const line of preview.lines) {
      row([line.description ?? line.meter, count(line.used), count(line.included), count(line.billableQuantity),
        money(line.unitPrice, 6), money(line.amount)], body);
    }
    const foot = table.tFoot;
    foot.replaceChildren();
    row(['Subtotal', '', '', '', '', money(preview.subtotal)], foot);
    if (preview.discount) row([preview.discountDescription ?? 'Discount', '', '', '', '', '−' + money(preview.discount)], foot);
    row(['Total', '', '', '', '', money(preview.total)], foot);
  }

  const failed = error => {
    const message = document.getElementById('billing-message');
    message.textContent = error.message;
    message.className = 'message error';
    message.hidden = false;
  };
  const refreshAll = () => Promise.all([refreshCurrent(), refreshHistory(), refreshInvoice()]).catch(failed);

  // Usage reaches the database on the next flush (every second by default): refresh a little after the last call.
  let pending;
  const refreshSoon = () => { clearTimeout(pending); pending = setTimeout(refreshAll, 1500); };

  async function callMetered(times) {
    const result = document.getElementById('metered-result');
    let ok = 0, last = null;
    for (let i = 0; i < times; i++) {
      const response = await fetch(meteredApi, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      const text = await response.text();
      if (!response.ok) {
        const problem = text ? JSON.parse(text) : {};
        throw new Error(problem.detail ?? problem.title ?? ('HTTP ' + response.status));
      }
      ok++;
      last = JSON.parse(text);
    }
    result.textContent = `${ok} call(s) answered: ${last?.message ?? ''}`;
    refreshSoon();
  }

  for (const button of [document.getElementById('call-metered'), document.getElementById('call-metered-10')]) {
    button.addEventListener('click', () => {
      button.disabled = true;
      callMetered(Number(button.dataset.count ?? 1)).catch(failed).finally(() => { button.disabled = false; });
    });
  }

  document.querySelectorAll('[data-history]').forEach(button => button.addEventListener('click', () => {
    historyRange = button.dataset.history;
    refreshHistory().catch(failed);
  }));

  refreshAll();
  setInterval(() => { if (!document.hidden) refreshAll(); }, 10000);
})();
