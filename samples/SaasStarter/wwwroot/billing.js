// Calls PolarBilling's JSON endpoints (MapPolarBilling) from the pages. Cookie-authenticated calls that change
// something carry the antiforgery token in the RequestVerificationToken header.
(() => {
  const token = document.querySelector('meta[name="request-verification-token"]')?.content ?? '';
  const message = document.getElementById('billing-message');

  function show(text, kind) {
    message.textContent = text;
    message.className = 'message ' + (kind ?? 'info');
    message.hidden = false;
  }

  async function call(method, url, body) {
    const response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) {
      location.href = '/account/login?returnUrl=' + encodeURIComponent(location.pathname + location.search);
      return null;
    }
    const text = await response.text();
    const json = text ? JSON.parse(text) : {};
    if (!response.ok) {
      throw new Error(json.detail ?? json.title ?? ('HTTP ' + response.status));
    }
    return json;
  }

  // Each button names its action; data-plan, data-proration and data-immediately add to it.
  const actions = {
    checkout: b => call('POST', '/api/billing/checkout', b.dataset.plan ? { plan: b.dataset.plan } : { product: b.dataset.product })
      .then(r => r && (location.href = r.url)),
    upgrade: b => call('PUT', '/api/billing/subscription/upgrade', { plan: b.dataset.plan }).then(r => r && location.reload()),
    downgrade: b => call('PUT', '/api/billing/subscription/downgrade', { plan: b.dataset.plan }).then(r => r && location.reload()),
    cancel: b => call('DELETE', '/api/billing/subscription/cancel' + (b.dataset.immediately ? '?immediately=true' : ''))
      .then(r => r && location.reload()),
    resume: () => call('POST', '/api/billing/subscription/resume').then(r => r && location.reload()),
    portal: () => call('GET', '/api/billing/portal').then(r => r && (location.href = r.url)),
  };

  document.addEventListener('click', event => {
    const button = event.target.closest('[data-billing]');
    if (!button || !actions[button.dataset.billing]) return;
    if (button.dataset.confirm && !confirm(button.dataset.confirm)) return;
    event.preventDefault();
    button.disabled = true;
    actions[button.dataset.billing](button)
      .catch(error => show(error.message, 'error'))
      .finally(() => { button.disabled = false; });
  });

  // The success page asks the app to confirm the checkout, which projects its outcome at once.
  const confirmation = document.getElementById('checkout-confirmation');
  if (confirmation) {
    const id = confirmation.dataset.checkoutId;
    call('GET', '/api/billing/checkout/' + encodeURIComponent(id) + '/confirm')
      .then(r => {
        if (!r) return;
        confirmation.querySelector('[data-status]').textContent = r.status;
        confirmation.querySelector('[data-plan]').textContent = r.plan ?? '';
        confirmation.classList.add('done');
      })
      .catch(error => show(error.message, 'error'));
  }
})();
