// Executions: a service's or a job's history, newest first, filtered by status, trigger and scheduled
// time, paged; the first page refreshes by itself while open.
import { api, paths } from '../api.js';
import { h, fill, errorBox } from '../dom.js';
import { executionFields, table, visible } from '../fields.js';
import { filterField, pageHeader, queryOf, select } from '../layout.js';
import { Pager } from '../pager.js';
import { routes } from '../routes.js';

const refreshMs = 5000;

export async function render({ main, params, session, query, every }) {
  const service = params.service ?? (session.admin ? query.get('service') : session.service);
  const job = params.job;
  if (!service) {
    chooseService(main);
    return;
  }
  const here = job ? routes.jobExecutions(service, job) : routes.serviceExecutions(service);
  const status = query.get('status') ?? '';
  const trigger = query.get('trigger') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const auto = query.get('auto') !== 'off';

  const form = h('form', { class: 'filters', onsubmit: event => { event.preventDefault(); location.hash = here + queryOf(form); } },
    filterField('Status', select('status', status, [['', 'any'], ['pending', 'pending'], ['running', 'running'], ['success', 'success'], ['failure', 'failure']])),
    filterField('Trigger', select('trigger', trigger, [['', 'any'], ['schedule', 'schedule'], ['manual', 'manual']])),
    filterField('From (UTC)', h('input', { type: 'datetime-local', step: 1, name: 'from', value: from, id: 'f-from' })),
    filterField('To (UTC)', h('input', { type: 'datetime-local', step: 1, name: 'to', value: to, id: 'f-to' })),
    filterField('Auto-refresh', select('auto', auto ? 'on' : 'off', [['on', 'every 5 s'], ['off', 'off']])),
    h('button', { type: 'submit', class: 'secondary' }, 'Apply'));

  const utc = text => (text ? `${text}Z` : undefined);
  const pager = new Pager((cursor, limit) => api('GET', job ? paths.jobExecutions(service, job) : paths.serviceExecutions(service),
    { query: { status, from: utc(from), to: utc(to), limit, cursor } }),
  { pageSize: 50, filter: trigger ? e => e.trigger === trigger : undefined });

  const results = h('div', { class: 'results', 'aria-live': 'polite', 'aria-busy': 'false' });
  const crumbs = [['Jobs', routes.jobs()], ...(job ? [[job, routes.job(service, job)]] : [])];
  fill(main, pageHeader(job ? `Executions · ${job}` : `Executions · ${service}`, crumbs,
    [h('a', { class: 'button secondary', href: routes.keys(service) }, 'Keys')]), form, results);

  const load = async () => {
    try {
      const items = await pager.load();
      const fields = visible(executionFields, items, { list: true }).filter(f => !job || f.key !== 'job_name');
      fill(results, table(fields, items, { label: 'Executions', empty: 'No executions match.' }), pager.controls(load));
    } catch (error) {
      fill(results, errorBox(error));
    }
  };
  await load();
  if (auto) every(refreshMs, () => { if (pager.isFirst && !document.hidden) load(); });
}

function chooseService(main) {
  const input = h('input', { id: 'f-service', name: 'service', required: true, autocomplete: 'off', autofocus: true });
  fill(main, pageHeader('Executions'),
    h('form', { class: 'filters', onsubmit: event => { event.preventDefault(); location.hash = routes.serviceExecutions(input.value.trim()); } },
      filterField('Service', input), h('button', { type: 'submit', class: 'primary' }, 'Show')),
    h('p', { class: 'muted' }, 'Executions are listed per service (or per job: open a job).'));
  input.focus();
}
