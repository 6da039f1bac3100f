// A job: its definition, its next 10 instants, its recent executions, and what can be done to it.
import { api, paths } from '../api.js';
import { h, fill, errorBox, toast, confirmDialog } from '../dom.js';
import { executionFields, jobFields, properties, table, visible } from '../fields.js';
import * as format from '../format.js';
import { putBody } from '../jobs-model.js';
import { pageHeader, section } from '../layout.js';
import { routes } from '../routes.js';

export async function render({ main, params, session, every }) {
  const { service, job: name } = params;
  let job;
  try {
    job = await api('GET', paths.job(service, name));
  } catch (error) {
    fill(main, pageHeader(name, [['Jobs', routes.jobs()]]), errorBox(error));
    return;
  }
  const recent = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const instants = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const pauseBox = h('div');
  const testBox = h('div', { id: 'test-result' });

  const refreshRecent = async () => {
    try {
      const page = await api('GET', paths.jobExecutions(service, name), { query: { limit: 10 } });
      const fields = visible(executionFields, page.items, { list: true }).filter(f => f.key !== 'job_name');
      fill(recent, table(fields, page.items, { label: 'Recent executions', empty: 'No executions yet.' }));
    } catch (error) { fill(recent, errorBox(error)); }
  };

  const runNow = async () => {
    try {
      const execution = await api('POST', paths.jobExecutions(service, name));
      toast(h('span', {}, 'Started ', h('a', { href: routes.execution(service, name, execution.execution_id) }, execution.execution_id)));
      await refreshRecent();
    } catch (error) { toast(error.summary ?? String(error), 'bad'); }
  };

  // A test event is recorded nowhere: its only trace is the answer shown here.
  const sendTest = async event => {
    const button = event.currentTarget;
    button.disabled = true;
    fill(testBox, h('p', { class: 'muted' }, 'Sending a test event and waiting up to 10 s for its callback…'));
    try {
      const result = await api('POST', paths.jobTest(service, name), { query: { wait_seconds: 10 } });
      fill(testBox, section('Test event', testResult(result)));
    } catch (error) { fill(testBox, errorBox(error)); } finally { button.disabled = false; }
  };

  const save = async changes => {
    try {
      await api('PUT', paths.job(service, name), { body: putBody(job, changes) });
      // Shown again from the API's answer, through the router (which stops this page's timers).
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      return true;
    } catch (error) { toast(error.summary ?? String(error), 'bad'); return false; }
  };

  const pause = () => {
    // The reason field appears once the API returns paused_reason on the job.
    const reason = 'paused_reason' in job ? h('input', { id: 'pause-reason', name: 'paused_reason', required: true, autocomplete: 'off' }) : null;
    const form = h('form', { class: 'inline-form', onsubmit: async event => {
      event.preventDefault();
      if (await save(reason ? { enabled: false, paused_reason: reason.value } : { enabled: false })) toast('Paused');
    } },
    reason ? [h('label', { for: 'pause-reason' }, 'Reason'), reason] : h('span', {}, 'Pause: the job leaves the schedule until resumed.'),
    h('button', { type: 'submit', class: 'primary', id: 'confirm-pause' }, 'Pause'),
    h('button', { type: 'button', class: 'secondary', onclick: () => pauseBox.replaceChildren() }, 'Cancel'));
    fill(pauseBox, form);
    (reason ?? form.querySelector('button')).focus();
  };

  const resume = async () => {
    if (await save('paused_reason' in job ? { enabled: true, paused_reason: null } : { enabled: true })) toast('Resumed');
  };

  const remove = async () => {
    if (!await confirmDialog(`Delete ${name}?`, `The job ${service}/${name} is deleted and fires no more. Its executions stay until retention removes them.`, 'Delete job')) return;
    try {
      await api('DELETE', paths.job(service, name));
      toast(`Deleted ${name}`);
      location.hash = routes.jobs(session.admin ? `?service=${encodeURIComponent(service)}` : '');
    } catch (error) { toast(error.summary ?? String(error), 'bad'); }
  };

  const actions = [
    h('button', { type: 'button', class: 'primary', onclick: runNow }, 'Run now'),
    h('button', { type: 'button', class: 'secondary', id: 'send-test', onclick: sendTest }, 'Send test event'),
    job.enabled ? h('button', { type: 'button', class: 'secondary', onclick: pause }, 'Pause…')
      : h('button', { type: 'button', class: 'secondary', onclick: resume }, 'Resume'),
    h('a', { class: 'button secondary', href: routes.editJob(service, name) }, 'Edit'),
    h('a', { class: 'button secondary', href: routes.jobExecutions(service, name) }, 'Executions'),
    h('button', { type: 'button', class: 'danger', onclick: remove }, 'Delete…'),
  ];
  const shown = visible(jobFields, [job], { admin: true }).filter(f => f.key !== 'last_status');
  fill(main,
    pageHeader(name, [['Jobs', routes.jobs()], [service, session.admin ? routes.jobs(`?service=${encodeURIComponent(service)}`) : routes.jobs()]],
      actions, format.enabled(job.enabled)),
    pauseBox,
    testBox,
    h('div', { class: 'columns' },
      section('Definition', properties(shown, job)),
      section('Next 10 instants', instants)),
    section('Recent executions', recent));

  await Promise.all([nextInstants(job, instants), refreshRecent()]);
  every(3000, refreshRecent);
}

async function nextInstants(job, target) {
  try {
    const preview = await api('GET', paths.nextInstants(),
      { query: { expression: job.schedule, service: job.service, job: job.job_name, count: 10 } });
    fill(target,
      job.enabled ? null : h('p', { class: 'muted' }, 'Paused: these are the instants it would fire at.'),
      preview.times.length ? h('ol', { class: 'instants' }, preview.times.map(t => h('li', {}, format.time(t))))
        : h('p', { class: 'muted' }, 'The schedule has no instant left.'));
  } catch (error) {
    fill(target, error.status === 403 ? h('p', { class: 'muted' }, 'This key may not preview schedules.') : errorBox(error));
  }
}

function testResult({ webhook, callback }) {
  const row = (label, field, value) => [h('dt', {}, label), h('dd', { dataset: { field } }, value)];
  return h('dl', { class: 'props' },
    row('Webhook status', 'http_status', webhook.http_status === null ? 'no answer' : String(webhook.http_status)),
    row('Took', 'duration_ms', `${webhook.duration_ms} ms`),
    row('Signed', 'signature_header_sent', webhook.signature_header_sent ? 'yes' : 'no'),
    webhook.error ? row('Error', 'error', webhook.error) : null,
    row('Callback', 'callback', callback ? `${callback.status} after ${callback.after_ms} ms` : 'none received'));
}
