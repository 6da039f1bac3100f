// One table per resource: what each field is called, how it looks, whether it is a list column and how it
// is edited. A new API field is one row here. Rows marked `whenPresent` appear only once the API returns
// the field (e.g. timezone, paused_reason, health), so the console works before and after it lands.
import { h } from './dom.js';
import * as format from './format.js';
import { routes } from './routes.js';

/** @typedef {{key: string, label: string, list?: boolean, whenPresent?: boolean, adminOnly?: boolean,
 *   show?: (value: any, item: any, context: any) => any, edit?: {type: string, min?: number, max?: number,
 *   required?: boolean, hint?: string}, put?: boolean}} Field */

/** @type {Field[]} */
export const jobFields = [
  { key: 'service', label: 'Service', list: true, adminOnly: true },
  { key: 'job_name', label: 'Name', list: true,
    show: (v, job) => h('a', { href: routes.job(job.service, v) }, v) },
  { key: 'schedule', label: 'Schedule', list: true, show: v => h('code', {}, v),
    edit: { type: 'text', required: true, hint: 'cron(0/5 * * * ? *), rate(5 minutes) or at(2026-12-24T18:00:00), in the time zone below' } },
  { key: 'timezone', label: 'Time zone', list: true, whenPresent: true,
    edit: { type: 'text', hint: 'IANA name, e.g. Europe/Paris; empty for UTC. rate(...) ignores it' } },
  { key: 'start_time', label: 'Starts', whenPresent: true, show: format.time,
    edit: { type: 'text', hint: 'UTC ISO-8601, e.g. 2027-01-01T00:00:00Z; empty for no start' } },
  { key: 'end_time', label: 'Ends', whenPresent: true, show: format.time,
    edit: { type: 'text', hint: 'UTC ISO-8601, after the start; empty for no end' } },
  { key: 'flexible_window_seconds', label: 'Flexible window (s)', whenPresent: true,
    edit: { type: 'number', min: 0, max: 3600, hint: 'Each run fires up to this many seconds late, spreading load' } },
  { key: 'enabled', label: 'Enabled', list: true, show: format.enabled, edit: { type: 'checkbox' } },
  { key: 'paused_reason', label: 'Paused because', whenPresent: true },
  { key: 'next_scheduled_time', label: 'Next run', list: true, show: format.time },
  { key: 'last_status', label: 'Last status', list: true, show: format.status },
  { key: 'health', label: 'Health', list: true, whenPresent: true, show: format.status },
  { key: 'consecutive_failures', label: 'Consecutive failures', whenPresent: true },
  { key: 'last_success_time', label: 'Last success', whenPresent: true, show: format.time },
  { key: 'pause_after_failures', label: 'Pause after failures', whenPresent: true,
    edit: { type: 'number', min: 0, max: 1000, hint: 'Disable the job after this many failures in a row; 0 never' } },
  { key: 'invocation_target', label: 'Invocation target', show: v => h('code', {}, v),
    edit: { type: 'url', required: true, hint: 'Absolute http(s) URL that receives the webhooks' } },
  { key: 'invocation_type', label: 'Invocation type', put: true },
  { key: 'async', label: 'Async', show: v => format.bool(v), put: true },
  { key: 'exclusive', label: 'Exclusive', show: v => format.bool(v),
    edit: { type: 'checkbox', hint: 'An instant whose previous run is still going fails at once' } },
  { key: 'ttl_seconds', label: 'TTL (s)', edit: { type: 'number', min: 1, max: 86400, hint: 'No final callback within it: timeout' } },
  { key: 'catchup_window_seconds', label: 'Catch-up window (s)', edit: { type: 'number', min: 0, max: 86400 } },
  { key: 'payload', label: 'Payload', show: format.code, edit: { type: 'textarea', hint: 'A string sent with every webhook (JSON-encoded)' } },
  { key: 'created_at', label: 'Created', show: format.time },
  { key: 'updated_at', label: 'Updated', show: format.time },
];

/** @type {Field[]} */
export const executionFields = [
  { key: 'execution_id', label: 'Execution', list: true,
    show: (v, e) => h('a', { href: routes.execution(e.service, e.job_name, v), class: 'mono' }, v) },
  { key: 'job_name', label: 'Job', list: true, show: (v, e) => h('a', { href: routes.job(e.service, v) }, v) },
  { key: 'status', label: 'Status', list: true, show: format.status },
  { key: 'failure_reason', label: 'Reason', list: true, show: format.plain },
  { key: 'trigger', label: 'Trigger', list: true },
  { key: 'scheduled_time', label: 'Scheduled', list: true, show: format.time },
  { key: 'fire_time', label: 'Fire time', whenPresent: true, show: format.time },
  { key: 'claimed_at', label: 'Claimed', whenPresent: true, show: format.time },
  { key: 'service_invoked_at_ms', label: 'Invoked', show: format.time },
  { key: 'invocation_latency_ms', label: 'Latency', list: true, show: format.duration },
  { key: 'heartbeats', label: 'Heartbeats' },
  { key: 'last_heartbeat_at', label: 'Last heartbeat', whenPresent: true, show: format.time },
  { key: 'progress_summary', label: 'Progress', whenPresent: true, show: format.plain },
  { key: 'progress_state', label: 'Progress state', whenPresent: true, show: format.code },
  { key: 'deadline', label: 'Deadline', show: format.time },
  { key: 'finished_at', label: 'Finished', list: true, show: format.time },
  { key: 'fencing_token', label: 'Attempt' },
  { key: 'missed_runs', label: 'Missed runs' },
  { key: 'http_status', label: 'HTTP status', show: format.plain },
  { key: 'error', label: 'Error', show: format.plain },
  { key: 'summary', label: 'Summary', list: true, show: format.plain },
  { key: 'correlation_id', label: 'Correlation id', show: format.plain },
  { key: 'state', label: 'State', show: format.code },
  { key: 'trace_id', label: 'Trace', whenPresent: true,
    show: (v, e, context) => !v ? format.plain(v)
      : context?.dashboardUrl ? h('a', { href: `${context.dashboardUrl}/traces/detail/${v}`, target: '_blank', rel: 'noopener' }, 'Open in the Aspire dashboard ↗')
      : h('code', {}, v) },
];

/** @type {Field[]} */
export const attemptFields = [
  { key: 'at', label: 'At', list: true, show: format.time },
  { key: 'http_status', label: 'HTTP status', list: true, show: format.plain },
  { key: 'error', label: 'Error', list: true, show: format.plain },
];

/** @type {Field[]} */
export const keyFields = [
  { key: 'key_id', label: 'Key id', list: true, show: v => h('code', {}, v) },
  { key: 'created_at', label: 'Created', list: true, show: format.time },
];

/** The fields to show for these items: admin-only ones for admins, `whenPresent` ones when some item has them. */
export function visible(fields, items, { admin = true, list = false } = {}) {
  return fields.filter(f => (!list || f.list) && (admin || !f.adminOnly)
    && (!f.whenPresent || items.some(item => item && f.key in item)));
}

export function display(field, item, context) {
  const value = item?.[field.key];
  return field.show ? field.show(value, item, context) : format.plain(value);
}

/** A table of items; `extra` adds a trailing cell per row (e.g. actions). */
export function table(fields, items, { context, extra, empty = 'Nothing here yet.', label } = {}) {
  if (items.length === 0) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'grid', 'aria-label': label },
      h('thead', {}, h('tr', {}, fields.map(f => h('th', { scope: 'col', dataset: { field: f.key } }, f.label)), extra ? h('th', {}, '') : null)),
      h('tbody', {}, items.map(item => h('tr', {},
        fields.map(f => h('td', { dataset: { field: f.key, label: f.label } }, display(f, item, context))),
        extra ? h('td', { class: 'row-actions' }, extra(item)) : null)))));
}

/** Label and value rows for one resource. */
export function properties(fields, item, context) {
  return h('dl', { class: 'props' }, fields.map(f => [h('dt', {}, f.label), h('dd', { dataset: { field: f.key } }, display(f, item, context))]));
}
