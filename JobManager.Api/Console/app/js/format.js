// How values look: times in UTC as the API writes them, with "in 3 min" / "5 s ago" as a tooltip.
import { h } from './dom.js';

const finalStatuses = new Set(['success', 'failure']);
export const isFinal = status => finalStatuses.has(status);

export function relative(ms, now = Date.now()) {
  const seconds = Math.round((ms - now) / 1000);
  const size = Math.abs(seconds);
  const text = size < 60 ? `${size} s` : size < 3600 ? `${Math.round(size / 60)} min`
    : size < 172800 ? `${Math.round(size / 3600)} h` : `${Math.round(size / 86400)} d`;
  return seconds >= 0 ? `in ${text}` : `${text} ago`;
}

const dash = () => h('span', { class: 'muted' }, '—');

/** An instant (ISO text or Unix ms) as "2026-12-05 10:00:00.120Z", the relative time as a tooltip. */
export function time(value) {
  if (value === null || value === undefined) return dash();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const text = date.toISOString().replace('T', ' ');
  return h('time', { datetime: date.toISOString(), title: relative(date.getTime()) }, text);
}

export function duration(ms) {
  if (ms === null || ms === undefined) return dash();
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`;
}

export function status(value) {
  return value ? h('span', { class: `pill ${value}` }, value) : dash();
}

/** enabled / paused, coloured. */
export function enabled(value) {
  return h('span', { class: `flag ${value ? 'on' : 'off'}` }, value ? 'enabled' : 'paused');
}

export function bool(value) {
  return value === null || value === undefined ? dash() : value ? 'yes' : 'no';
}

export function code(value) {
  if (value === null || value === undefined || value === '') return dash();
  let text = String(value);
  try { text = JSON.stringify(JSON.parse(text), null, 2); } catch { /* not JSON: shown as it is */ }
  return h('pre', { class: 'code' }, text);
}

export function plain(value) {
  return value === null || value === undefined || value === '' ? dash() : String(value);
}
