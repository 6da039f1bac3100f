// What the console sends back when it changes a job: the writable fields as the API returned them.
import { jobFields } from './fields.js';

/** The PUT body for `job` with `changes` applied; fields the API has not returned are left out. */
export function putBody(job, changes = {}) {
  const body = {};
  for (const field of jobFields) {
    if ((field.edit || field.put) && (!field.whenPresent || field.key in job) && field.key in job) body[field.key] = job[field.key];
  }
  return { ...body, ...changes };
}

/** The last execution's status of each job: from its job health, else fetched a few at a time. */
export async function lastStatuses(jobs, fetchLast, onEach, parallel = 4) {
  for (const job of jobs.filter(job => 'last_execution' in job)) {
    job.last_status = job.last_execution?.status ?? null;
    onEach(job);
  }
  const queue = jobs.filter(job => !('last_status' in job));
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      try { job.last_status = await fetchLast(job); } catch { job.last_status = null; }
      onEach(job);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
