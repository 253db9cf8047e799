// The customer's page: everything it shows comes from order-service's REST API; it refreshes by itself.
const STEPS = [
  ['PLACED', 'Placed'], ['AWAITING_DEPOSIT', 'Awaiting deposit'], ['DEPOSIT_CONFIRMED', 'Deposit confirmed'],
  ['GOODS_PREPARED', 'Goods prepared'], ['IN_DELIVERY', 'In delivery'], ['CLOSED', 'Closed'],
];
const STATUS_TEXT = Object.fromEntries([...STEPS, ['CANCELLED', 'Cancelled']]);
const CANCELLABLE = new Set(['PLACED', 'AWAITING_DEPOSIT']);
const REFRESH_MS = 2000;
const $ = (id) => document.getElementById(id);
const money = (value) => value == null ? '' : Number(value).toFixed(2);

const customer = $('customer');
customer.value = localStorage.getItem('sagashop.customer') || 'alice';
customer.addEventListener('change', () => { localStorage.setItem('sagashop.customer', customer.value.trim()); refresh(); });

function say(text, isError) {
  $('message').textContent = text;
  $('message').className = isError ? 'error' : '';
}

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
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
    const order = await call('POST', '/orders', {
      customerId: customer.value.trim(), productId: $('product').value, quantity: Number($('quantity').value),
    });
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
  const id = customer.value.trim();
  if (!id) return;
  try {
    const page = await call('GET', `/orders?customerId=${encodeURIComponent(id)}&size=20`);
    const orders = await Promise.all(page.orders.map((o) => call('GET', `/orders/${o.orderId}`)));
    const open = new Set([...document.querySelectorAll('details[open]')].map((d) => d.closest('.order').dataset.orderId));
    $('orders').replaceChildren(...orders.map((order) => {
      const card = render(order);
      if (open.has(order.orderId)) card.querySelector('details').open = true;
      return card;
    }));
    $('empty').hidden = orders.length > 0;
  } catch (error) {
    say(error.message, true);
  }
}

loadProducts().catch((error) => say(error.message, true));
refresh();
setInterval(refresh, REFRESH_MS);
