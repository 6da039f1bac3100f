// A service's API keys and webhook signing secret: create a key (admin; shown once), list, revoke;
// rotate the signing secret (shown once). Only key ids are ever listed.
import { api, paths } from '../api.js';
import { h, fill, errorBox, toast, confirmDialog } from '../dom.js';
import { keyFields, table } from '../fields.js';
import { filterField, pageHeader, section } from '../layout.js';
import { routes } from '../routes.js';

export async function render({ main, params, session }) {
  const service = params.service ?? (session.admin ? null : session.service);
  if (!service) {
    const input = h('input', { id: 'f-service', name: 'service', required: true, autocomplete: 'off' });
    fill(main, pageHeader('Keys'),
      h('form', { class: 'filters', onsubmit: event => { event.preventDefault(); location.hash = routes.keys(input.value.trim()); } },
        filterField('Service', input), h('button', { type: 'submit', class: 'primary' }, 'Show')));
    input.focus();
    return;
  }
  const list = h('div');
  const once = h('div', { 'aria-live': 'polite' });

  const refresh = async () => {
    try {
      const page = await api('GET', paths.keys(service));
      fill(list, table(keyFields, page.items, {
        label: 'Keys', empty: 'No keys.',
        extra: key => h('button', { type: 'button', class: 'danger small', 'aria-label': `Revoke ${key.key_id}`, onclick: () => revoke(key.key_id) }, 'Revoke…'),
      }));
    } catch (error) { fill(list, errorBox(error)); }
  };

  const revoke = async keyId => {
    const own = !session.admin && session.key.startsWith(`jm_${keyId}_`);
    const warning = own ? ' This is the key you are signed in with: the console signs out.' : '';
    if (!await confirmDialog(`Revoke key ${keyId}?`, `It authenticates nothing from the next request on.${warning}`, 'Revoke key')) return;
    try {
      await api('DELETE', paths.key(service, keyId));
      toast(`Revoked ${keyId}`);
      await refresh();
    } catch (error) { toast(error.summary ?? String(error), 'bad'); }
  };

  const create = async () => {
    try {
      const created = await api('POST', paths.keys(service));
      showOnce(once, 'New key', created.key, `Key ${created.key_id}: copy it now, it is not shown again.`);
      await refresh();
    } catch (error) { toast(error.status === 403 ? 'Creating a key needs an admin key.' : error.summary ?? String(error), 'bad'); }
  };

  const rotate = async () => {
    if (!await confirmDialog('Rotate the signing secret?', 'Webhooks are signed with a new secret; the previous one also signs them until the rotation window ends.', 'Rotate', false)) return;
    try {
      const rotated = await api('POST', paths.rotateSecret(service));
      const until = rotated.previous_valid_until ? ` The previous secret also signs until ${rotated.previous_valid_until}.` : '';
      showOnce(once, 'New signing secret', rotated.secret, `Copy it now, it is not shown again.${until}`);
    } catch (error) { toast(error.summary ?? String(error), 'bad'); }
  };

  fill(main,
    pageHeader(`Keys · ${service}`, [['Jobs', routes.jobs()]], [
      session.admin ? h('button', { type: 'button', class: 'primary', onclick: create }, 'Create key') : null,
      h('button', { type: 'button', class: 'secondary', onclick: rotate }, 'Rotate signing secret…'),
    ]),
    once,
    section('API keys', list,
      session.admin ? null : h('p', { class: 'muted' }, 'Creating a key needs an admin key; this key may list and revoke.')));
  await refresh();
}

/** A secret shown once: selectable, copyable, gone when the page is left. */
function showOnce(target, title, secret, note) {
  const value = h('input', { class: 'secret', readonly: true, value: secret, 'aria-label': title, id: 'shown-once' });
  fill(target, h('div', { class: 'once', role: 'alert' },
    h('strong', {}, title), h('p', {}, note),
    h('div', { class: 'copy-row' }, value,
      h('button', { type: 'button', class: 'secondary', onclick: async () => { await navigator.clipboard?.writeText(secret); toast('Copied'); } }, 'Copy'),
      h('button', { type: 'button', class: 'secondary', onclick: () => target.replaceChildren() }, 'Hide'))));
  value.select();
}
