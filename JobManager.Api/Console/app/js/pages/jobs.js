// Jobs: every job the key may see (all services for an admin key, its own for a service key),
// filtered by service and enabled, searched by name, paged with the API's cursors.
import { api, paths } from '../api.js';
import { h, fill, errorBox } from '../dom.js';
import { jobFields, table, visible, display } from '../fields.js';
import { lastStatuses } from '../jobs-model.js';
import { filterField, pageHeader, queryOf, select } from '../layout.js';
import { Pager } from '../pager.js';
import { routes } from '../routes.js';

export async function render({ main, session, query }) {
  const admin = session.admin;
  const service = admin ? query.get('service') ?? '' : session.service;
  const enabled = query.get('enabled') ?? '';
  const search = (query.get('q') ?? '').toLowerCase();
  const health = query.get('health') ?? '';

  const form = h('form', { class: 'filters', role: 'search', onsubmit: event => { event.preventDefault(); location.hash = routes.jobs(queryOf(form)); } },
    admin ? filterField('Service', h('input', { name: 'service', value: service, placeholder: 'all services', id: 'f-service' })) : null,
    filterField('Enabled', select('enabled', enabled, [['', 'any'], ['true', 'enabled'], ['false', 'paused']])),
    filterField('Name', h('input', { name: 'q', type: 'search', value: query.get('q') ?? '', placeholder: 'contains…', id: 'f-q' })),
    h('button', { type: 'submit', class: 'secondary' }, 'Apply'));

  const pager = new Pager((cursor, limit) => api('GET', admin ? paths.allJobs() : paths.jobs(service),
    { query: { service: admin ? service : undefined, enabled, limit, cursor } }),
  { pageSize: 50, filter: search || health ? job => job.job_name.toLowerCase().includes(search) && (!health || job.health === health) : undefined });

  const results = h('div', { class: 'results' });
  const actions = [!admin || service ? h('a', { class: 'button secondary', href: routes.serviceExecutions(service) }, 'Executions') : null];
  fill(main, pageHeader(admin ? 'Jobs' : `Jobs · ${service}`, [], actions), form, results);

  const load = async () => {
    try {
      const items = await pager.load();
      // Health is filtered here, and offered once the API returns it on jobs.
      if ((health || items.some(job => 'health' in job)) && !form.elements.health) {
        const values = [...new Set(['', health, ...items.map(job => job.health ?? '')])];
        form.lastElementChild.before(filterField('Health', select('health', health, values.map(v => [v, v || 'any']))));
      }
      const fields = visible(jobFields, items, { admin, list: true });
      fill(results, table(fields, items, { label: 'Jobs', empty: 'No jobs match.' }), pager.controls(load));
      await lastStatuses(items, async job => (await api('GET', paths.jobExecutions(job.service, job.job_name), { query: { limit: 1 } })).items[0]?.status ?? null,
        job => {
          const row = results.querySelectorAll('tbody tr')[items.indexOf(job)];
          const cell = row?.querySelector('td[data-field="last_status"]');
          if (cell) fill(cell, display(jobFields.find(f => f.key === 'last_status'), job));
        });
    } catch (error) {
      fill(results, errorBox(error));
    }
  };
  await load();
}
