// An execution: every field the API records, its delivery attempts, and its trace in the Aspire
// dashboard when the console knows the dashboard's address. Refreshes until the execution finishes.
import { api, paths } from '../api.js';
import { h, fill, errorBox } from '../dom.js';
import { attemptFields, executionFields, properties, table, visible } from '../fields.js';
import * as format from '../format.js';
import { pageHeader, section } from '../layout.js';
import { routes } from '../routes.js';

export async function render({ main, params, config, every }) {
  const { service, job, executionId } = params;
  const crumbs = [['Jobs', routes.jobs()], [job, routes.job(service, job)], ['Executions', routes.jobExecutions(service, job)]];
  let finished = false;
  const show = async () => {
    if (finished) return;
    try {
      const execution = await api('GET', paths.execution(service, job, executionId));
      finished = format.isFinal(execution.status);
      const context = { dashboardUrl: config.dashboard_url };
      const fields = visible(executionFields, [execution]).filter(f => f.key !== 'execution_id');
      fill(main,
        pageHeader(executionId, crumbs, [], format.status(execution.status)),
        h('div', { class: 'columns' },
          section('Execution', properties(fields, execution, context)),
          section('Delivery attempts', table(attemptFields, execution.delivery_attempts ?? [],
            { label: 'Delivery attempts', empty: 'No webhook sent yet.' }))));
    } catch (error) {
      finished = true;
      fill(main, pageHeader(executionId, crumbs), errorBox(error));
    }
  };
  await show();
  every(2000, show);
}
