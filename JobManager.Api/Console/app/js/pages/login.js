// Signing in: the key is checked against the API and kept for this tab. The key format does not name
// its service, so a service key comes with its service name, which the API confirms.
import { api, ApiError, paths } from '../api.js';
import { h, fill } from '../dom.js';
import { session } from '../session.js';

export async function render({ main, query }) {
  const message = h('div', { role: 'alert', class: 'form-error', id: 'login-error' });
  if (query.get('expired')) message.textContent = 'The key was refused (revoked or wrong). Sign in again.';
  const key = h('input', { id: 'key', name: 'key', type: 'password', required: true, autocomplete: 'off', spellcheck: 'false', autofocus: true });
  const service = h('input', { id: 'service', name: 'service', autocomplete: 'off', spellcheck: 'false', placeholder: 'the-serv' });
  const form = h('form', { class: 'card login', onsubmit: event => { event.preventDefault(); signIn(key.value.trim(), service.value.trim(), message); } },
    h('h1', {}, 'Sign in'),
    h('p', { class: 'muted' }, 'Paste an API key. It stays in this browser tab only (session storage) and is sent as the bearer token.'),
    h('label', { for: 'key' }, 'API key'), key,
    h('label', { for: 'service' }, 'Service ', h('span', { class: 'muted' }, '(for a service key: the service it belongs to)')), service,
    message,
    h('div', { class: 'actions' }, h('button', { class: 'primary', type: 'submit' }, 'Sign in')));
  fill(main, form);
}

/** Admin if /jobs answers; else a service key, which must reach /services/{service}/jobs. */
async function signIn(key, service, message) {
  message.textContent = '';
  try {
    await api('GET', paths.allJobs(), { key, query: { limit: 1 } });
    session.save({ key, admin: true, service: null });
    location.hash = '#/jobs';
    return;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 403) {
      message.textContent = error.status === 401 ? 'This key is not valid (wrong, or revoked).' : error.summary ?? String(error);
      return;
    }
  }
  if (!service) {
    message.textContent = 'This is a service key: enter the service it belongs to.';
    document.getElementById('service').focus();
    return;
  }
  try {
    await api('GET', paths.jobs(service), { key, query: { limit: 1 } });
    session.save({ key, admin: false, service });
    location.hash = '#/jobs';
  } catch (error) {
    message.textContent = error.status === 404 || error.status === 400
      ? `This key does not belong to service "${service}".` : error.summary ?? String(error);
  }
}
