// The customer's page: everything it shows comes from order-service's REST API; it refreshes by itself.
// Customers sign in at the shop's identity provider (OpenID Connect, authorization code with PKCE);
// the access token lives in this tab's sessionStorage only, and every call carries it.
const STEPS = [
  ['PLACED', 'Placed'], ['AWAITING_DEPOSIT', 'Awaiting deposit'], ['DEPOSIT_CONFIRMED', 'Deposit confirmed'],
  ['GOODS_PREPARED', 'Goods prepared'], ['IN_DELIVERY', 'In delivery'], ['CLOSED', 'Closed'],
];
const STATUS_TEXT = Object.fromEntries([...STEPS, ['CANCELLED', 'Cancelled']]);
const CANCELLABLE = new Set(['PLACED', 'AWAITING_DEPOSIT']);
const REFRESH_MS = 2000;
const $ = (id) => document.getElementById(id);
const money = (value) => value == null ? '' : Number(value).toFixed(2);

const PAGE = `${location.origin}/`;
const session = {
  get token() { return sessionStorage.getItem('sagashop.token'); },
  get idToken() { return sessionStorage.getItem('sagashop.idToken'); },
  get name() { return sessionStorage.getItem('sagashop.name'); },
};
let settings;

const base64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomCode = () => base64url(crypto.getRandomValues(new Uint8Array(32)));
const claimsOf = (jwt) => JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));

async function pageSettings() {
  settings = settings || await call('GET', '/page-settings');
  return settings;
}

/** To the identity provider's sign-in page (which also offers to register), and back here with a code. */
async function signIn() {
  const { authorizationEndpoint, clientId } = await pageSettings();
  const verifier = randomCode();
  const state = randomCode();
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem('sagashop.pkce', JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: PAGE, scope: 'openid orders', state,
    code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`${authorizationEndpoint}?${query}`);
}

/** Back from the provider: the code and the verifier only this tab knows buy the tokens. */
async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return;
  const pkce = JSON.parse(sessionStorage.getItem('sagashop.pkce') || '{}');
  sessionStorage.removeItem('sagashop.pkce');
  history.replaceState(null, '', location.pathname);
  if (params.has('error') || params.get('state') !== pkce.state) {
    say(`Sign-in failed: ${params.get('error_description') || params.get('error') || 'the answer did not match the request'}`, true);
    return;
  }
  const { tokenEndpoint, clientId } = await pageSettings();
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: PAGE, client_id: clientId, code_verifier: pkce.verifier,
    }),
  });
  if (!response.ok) {
    say(`Sign-in failed: the identity provider answered ${response.status}`, true);
    return;
  }
  const tokens = await response.json();
  sessionStorage.setItem('sagashop.token', tokens.access_token);
  sessionStorage.setItem('sagashop.idToken', tokens.id_token || '');
  sessionStorage.setItem('sagashop.name', claimsOf(tokens.access_token).sub);
}

/**
 * Forgets the tokens in this tab, and ends the provider's own session too (OpenID Connect
 * RP-initiated logout), which brings the browser back here: on a shared computer the next person
 * who clicks "Sign in" must meet the password form, not the last customer's account.
 */
async function signOut() {
  const idToken = session.idToken;
  ['sagashop.token', 'sagashop.idToken', 'sagashop.name'].forEach((key) => sessionStorage.removeItem(key));
  const { endSessionEndpoint } = await pageSettings();
  if (idToken && endSessionEndpoint) {
    const query = new URLSearchParams({ id_token_hint: idToken, post_logout_redirect_uri: PAGE, state: 'signed-out' });
    location.assign(`${endSessionEndpoint}?${query}`);
    return;
  }
  showAccount();
  say('You are signed out.');
}

/** Back from the provider's sign-out. */
function completeSignOut() {
  const params = new URLSearchParams(location.search);
  if (params.get('state') !== 'signed-out' || params.has('code')) return;
  history.replaceState(null, '', location.pathname);
  say('You are signed out.');
}

function showAccount() {
  const signedIn = Boolean(session.token);
  $('signed-in').hidden = !signedIn;
  $('signed-out').hidden = signedIn;
  $('customer-name').textContent = session.name || '';
  $('place').disabled = !signedIn;
  if (!signedIn) {
    $('orders').replaceChildren();
    $('refreshed').hidden = true;
    $('empty').textContent = 'Sign in to order and to see your orders.';
  }
}

$('sign-in').addEventListener('click', () => signIn().catch((error) => say(error.message, true)));
$('sign-out').addEventListener('click', () => signOut().catch((error) => say(error.message, true)));

function say(text, isError) {
  $('message').textContent = text;
  $('message').className = isError ? 'error' : '';
}

async function call(method, path, body) {
  const headers = body ? { 'Content-Type': 'application/json' } : {};
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  if (response.status === 401 && session.token) {
    // The token expired: sign in again (the provider remembers the customer, so no form to fill).
    sessionStorage.removeItem('sagashop.token');
    await signIn();
  }
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const fields = (data?.errors || []).map((e) => `${e.field}: ${e.message}`).join('; ');
    throw new Error([data?.detail || `HTTP ${response.status}`, fields].filter(Boolean).join(' '));
  }
  return data;
}

async function loadProducts() {
  const products = await call('GET', '/catalog');
  $('product').replaceChildren(...products.map((p) => new Option(`${p.name} (${money(p.unitPrice)})`, p.productId)));
}

$('order-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const order = await call('POST', '/orders', { productId: $('product').value, quantity: Number($('quantity').value) });
    say(`Order placed: ${order.orderId}`);
    await refresh();
  } catch (error) {
    say(error.message, true);
  }
});

function render(order) {
  const card = $('order-template').content.firstElementChild.cloneNode(true);
  card.dataset.orderId = order.orderId;
  card.querySelector('.product').textContent = order.productName || order.productId || '…';
  card.querySelector('.quantity').textContent = order.quantity ?? '';
  card.querySelector('.amount').textContent = money(order.amount);
  const status = card.querySelector('.status');
  status.textContent = STATUS_TEXT[order.status] || order.status;
  status.classList.add(order.status);
  const reached = STEPS.findIndex(([key]) => key === order.status);
  card.querySelector('.steps').replaceChildren(...STEPS.map(([, label], i) => {
    const li = document.createElement('li');
    li.textContent = label;
    if (reached >= 0 && i <= reached) li.classList.add('done');
    if (i === reached) li.classList.add('current');
    return li;
  }));
  const transfer = order.transferInstructions;
  card.querySelector('.transfer').hidden = !transfer;
  if (transfer) {
    card.querySelector('.transfer-amount').textContent = money(transfer.amount);
    card.querySelector('.transfer-account').textContent = transfer.bankAccount;
    card.querySelector('.transfer-reference').textContent = transfer.transferReference;
  }
  const delivery = order.delivery;
  card.querySelector('.delivery').hidden = !delivery;
  if (delivery) card.querySelector('.delivery').textContent = `Shipped with ${delivery.carrier}, tracking number ${delivery.trackingNumber}`;
  card.querySelector('.cancelled').hidden = order.status !== 'CANCELLED';
  card.querySelector('.cancelled').textContent = `Cancelled: ${order.cancellationReason || ''}`;
  card.querySelector('.cancel').hidden = !CANCELLABLE.has(order.status);
  card.querySelector('.receipt').hidden = order.status !== 'IN_DELIVERY';
  card.querySelector('.cancel').addEventListener('click', () => act('POST', `/orders/${order.orderId}/cancellation`, 'Cancellation requested'));
  card.querySelector('.receipt').addEventListener('click', () => act('POST', `/orders/${order.orderId}/receipt`, 'Thank you!'));
  card.querySelector('.timeline').replaceChildren(...(order.timeline || []).map((entry) => {
    const li = document.createElement('li');
    li.textContent = `${new Date(entry.time).toLocaleString()} · ${entry.type}${entry.orderStatus ? ' → ' + (STATUS_TEXT[entry.orderStatus] || entry.orderStatus) : ''}`;
    return li;
  }));
  card.querySelector('.order-id').textContent = `Order ${order.orderId}`;
  return card;
}

async function act(method, path, done) {
  try {
    await call(method, path);
    say(done);
    await refresh();
  } catch (error) {
    say(error.message, true);
  }
}

async function refresh() {
  if (!session.token) return;
  try {
    const page = await call('GET', '/orders?size=20');
    const orders = await Promise.all(page.orders.map((o) => call('GET', `/orders/${o.orderId}`)));
    show(orders);
    $('empty').hidden = orders.length > 0;
    $('refreshed').textContent = `Updated ${new Date().toLocaleTimeString()}`;
    $('refreshed').hidden = false;
  } catch (error) {
    say(error.message, true);
  }
}

// A card is redrawn only when its order changed: redrawing every card on every refresh would drop
// the customer's text selection (copying the transfer reference) and a click landing mid-redraw.
function show(orders) {
  const shown = new Map([...$('orders').children].map((card) => [card.dataset.orderId, card]));
  const cards = orders.map((order) => {
    const facts = JSON.stringify(order);
    const before = shown.get(order.orderId);
    if (before && before.dataset.facts === facts) return before;
    const card = render(order);
    card.dataset.facts = facts;
    if (before && before.querySelector('details').open) card.querySelector('details').open = true;
    return card;
  });
  const current = [...$('orders').children];
  if (cards.length !== current.length || cards.some((card, i) => card !== current[i])) {
    $('orders').replaceChildren(...cards);
  }
}

completeSignOut();
completeSignIn()
  .catch((error) => say(error.message, true))
  .finally(() => {
    showAccount();
    loadProducts().catch((error) => say(error.message, true));
    refresh();
    setInterval(refresh, REFRESH_MS);
  });
