// Pieces every page uses: a title with breadcrumbs and actions, sections, a filter bar.
import { h } from './dom.js';

/** @param {string} title @param {[string, string][]} crumbs [label, href] @param {Node[]} actions */
export function pageHeader(title, crumbs = [], actions = [], badge = null) {
  return h('div', { class: 'page-head' },
    crumbs.length ? h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumbs' },
      crumbs.map(([label, href], i) => [i ? h('span', { 'aria-hidden': 'true' }, ' / ') : null, h('a', { href }, label)])) : null,
    h('div', { class: 'title-row' }, h('h1', {}, title), badge, h('div', { class: 'toolbar' }, actions)));
}

export function section(title, ...children) {
  return h('section', { class: 'panel' }, h('h2', {}, title), ...children);
}

/** A labelled control for a filter bar. */
export function filterField(label, control) {
  return h('label', { class: 'filter' }, h('span', {}, label), control);
}

export function select(name, value, options) {
  return h('select', { name, id: `f-${name}` }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

/** Reads a filter form into a hash query ("?a=1&b=2"), leaving out empty values. */
export function queryOf(form) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
