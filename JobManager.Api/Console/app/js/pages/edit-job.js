// Editing a job: a form over the job's editable fields that PUTs the whole job and shows each of the
// API's field errors beside its field (the API reports every problem at once).
import { api, paths, ApiError } from '../api.js';
import { h, fill, errorBox, toast } from '../dom.js';
import { jobFields, visible } from '../fields.js';
import { putBody } from '../jobs-model.js';
import { pageHeader } from '../layout.js';
import { routes } from '../routes.js';

export async function render({ main, params }) {
  const { service, job: name } = params;
  let job;
  try {
    job = await api('GET', paths.job(service, name));
  } catch (error) {
    fill(main, pageHeader(`Edit ${name}`, [['Jobs', routes.jobs()]]), errorBox(error));
    return;
  }
  const fields = visible(jobFields, [job]).filter(f => f.edit);
  const general = h('div', { role: 'alert', class: 'form-error', id: 'form-error' });
  const form = h('form', { class: 'card edit', novalidate: true, onsubmit: event => { event.preventDefault(); submit(); } },
    fields.map(field => control(field, job[field.key])),
    general,
    h('div', { class: 'actions' },
      h('a', { class: 'button secondary', href: routes.job(service, name) }, 'Cancel'),
      h('button', { type: 'submit', class: 'primary' }, 'Save')));

  async function submit() {
    for (const slot of form.querySelectorAll('.field-error')) slot.textContent = '';
    form.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
    general.textContent = '';
    const changes = Object.fromEntries(fields.map(field => [field.key, read(form.elements[field.key], field)]));
    try {
      await api('PUT', paths.job(service, name), { body: putBody(job, changes) });
      toast(`Saved ${name}`);
      location.hash = routes.job(service, name);
    } catch (error) {
      showErrors(error, form, general);
    }
  }

  fill(main, pageHeader(`Edit ${name}`, [['Jobs', routes.jobs()], [name, routes.job(service, name)]]), form);
  form.querySelector('input, textarea')?.focus();
}

function control(field, value) {
  const id = `field-${field.key}`;
  const error = h('p', { class: 'field-error', id: `${id}-error`, dataset: { errorFor: field.key } });
  const hint = field.edit.hint ? h('p', { class: 'hint', id: `${id}-hint` }, field.edit.hint) : null;
  const described = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  const common = { id, name: field.key, 'aria-describedby': described, required: field.edit.required };
  let input;
  switch (field.edit.type) {
    case 'checkbox':
      input = h('input', { ...common, type: 'checkbox', checked: !!value });
      break;
    case 'textarea':
      input = h('textarea', { ...common, rows: 4, spellcheck: 'false' });
      input.value = value ?? '';
      break;
    case 'number':
      input = h('input', { ...common, type: 'number', min: field.edit.min, max: field.edit.max, value: value ?? '' });
      break;
    default:
      input = h('input', { ...common, type: field.edit.type === 'url' ? 'url' : 'text', value: value ?? '', spellcheck: 'false', autocomplete: 'off' });
  }
  return h('div', { class: `field ${field.edit.type}` }, h('label', { for: id }, field.label), input, hint, error);
}

function read(input, field) {
  if (field.edit.type === 'checkbox') return input.checked;
  if (input.value === '') return null;
  if (field.edit.type === 'number') return Number(input.value);
  return input.value;
}

function showErrors(error, form, general) {
  if (!(error instanceof ApiError) || error.status !== 400) {
    fill(general, errorBox(error));
    return;
  }
  const unplaced = [];
  for (const [name, messages] of Object.entries(error.fieldErrors)) {
    const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    if (slot) {
      slot.textContent = messages.join(' ');
      form.elements[name]?.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(`${name}: ${messages.join(' ')}`);
    }
  }
  general.textContent = [error.problem.title, ...unplaced].filter(Boolean).join(' — ');
  form.querySelector('[aria-invalid="true"]')?.focus();
}
