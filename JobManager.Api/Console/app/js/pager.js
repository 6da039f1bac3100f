// Paging over an API listing with its cursors (next_cursor), forward and back. A filter the API does not
// have (a name search, a trigger) is applied here: a page then reads further API pages until it is full.
import { h } from './dom.js';

const maxApiPagesPerPage = 20;

export class Pager {
  /**
   * @param {(cursor: string|null, limit: number) => Promise<{items: any[], next_cursor: string|null}>} fetchPage
   * @param {{pageSize?: number, filter?: (item: any) => boolean}} [options]
   */
  constructor(fetchPage, { pageSize = 50, filter } = {}) {
    this.fetchPage = fetchPage;
    this.pageSize = pageSize;
    this.filter = filter;
    this.starts = [null];
    this.index = 0;
    this.nextCursor = null;
  }

  get isFirst() { return this.index === 0; }

  /** The current page's items. */
  async load() {
    const items = [];
    let cursor = this.starts[this.index];
    for (let read = 0; read < maxApiPagesPerPage; read++) {
      const page = await this.fetchPage(cursor, this.pageSize);
      items.push(...(this.filter ? page.items.filter(this.filter) : page.items));
      cursor = page.next_cursor;
      if (!cursor || !this.filter || items.length >= this.pageSize) break;
    }
    this.nextCursor = cursor;
    return items;
  }

  /** Previous / page / Next buttons; `onMove` reloads the page. */
  controls(onMove) {
    const move = async step => {
      if (step > 0) { this.starts[this.index + 1] = this.nextCursor; }
      this.index += step;
      await onMove();
    };
    return h('nav', { class: 'pager', 'aria-label': 'Pages' },
      h('button', { type: 'button', class: 'secondary', disabled: this.isFirst, onclick: () => move(-1) }, '← Previous'),
      h('span', { class: 'muted' }, `Page ${this.index + 1}`),
      h('button', { type: 'button', class: 'secondary', disabled: !this.nextCursor, onclick: () => move(1), 'data-testid': 'next-page' }, 'Next →'));
  }
}
