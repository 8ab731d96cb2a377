/**
 * A windowed list: only the rows in view (plus a margin) are in the DOM, so a
 * folder of 10,000 product files scrolls as smoothly as one of ten. Rows have
 * one fixed height; the spacer gives the scroll bar its full length.
 */
import { Widget } from '@lumino/widgets';

export interface VirtualListOptions<T> {
  /** Height of every row, px. */
  rowHeight: number;
  /** The element of one row (built each time it scrolls into view). */
  render(item: T, index: number): HTMLElement;
  /** Rows kept above and below the view. */
  overscan?: number;
}

export class VirtualList<T> extends Widget {
  private items: readonly T[] = [];
  private readonly spacer = document.createElement('div');
  private readonly window = document.createElement('div');
  private first = -1;
  private last = -1;
  private frame = 0;

  constructor(private readonly options: VirtualListOptions<T>) {
    super();
    this.addClass('jp-swot-virtualList');
    this.node.setAttribute('role', 'list');
    this.spacer.className = 'jp-swot-virtualList-spacer';
    this.window.className = 'jp-swot-virtualList-window';
    this.spacer.appendChild(this.window);
    this.node.appendChild(this.spacer);
    this.node.addEventListener('scroll', () => this.schedule(), { passive: true });
  }

  /** Replace the items (keeps the scroll position when `keepScroll`). */
  setItems(items: readonly T[], keepScroll = true): void {
    this.items = items;
    if (!keepScroll) {
      this.node.scrollTop = 0;
    }
    this.first = this.last = -1;
    this.update();
  }

  get length(): number {
    return this.items.length;
  }

  /** Scroll so that row `index` is visible. */
  scrollToIndex(index: number): void {
    const h = this.options.rowHeight;
    const top = index * h;
    if (top < this.node.scrollTop) {
      this.node.scrollTop = top;
    } else if (top + h > this.node.scrollTop + this.node.clientHeight) {
      this.node.scrollTop = top + h - this.node.clientHeight;
    }
    this.update();
  }

  protected onUpdateRequest(): void {
    this.paint();
  }

  protected onResize(): void {
    this.schedule();
  }

  protected onAfterShow(): void {
    this.schedule();
  }

  private schedule(): void {
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.paint();
      });
    }
  }

  private paint(): void {
    const h = this.options.rowHeight;
    const overscan = this.options.overscan ?? 10;
    const n = this.items.length;
    this.spacer.style.height = `${n * h}px`;
    // Before the first layout clientHeight is 0: draw one screenful anyway.
    const height = this.node.clientHeight || 600;
    const first = Math.max(0, Math.floor(this.node.scrollTop / h) - overscan);
    const last = Math.min(n, Math.ceil((this.node.scrollTop + height) / h) + overscan);
    if (first === this.first && last === this.last) {
      return;
    }
    this.first = first;
    this.last = last;
    this.window.style.transform = `translateY(${first * h}px)`;
    const rows: HTMLElement[] = [];
    for (let i = first; i < last; i++) {
      const row = this.options.render(this.items[i], i);
      row.style.height = `${h}px`;
      row.setAttribute('role', 'listitem');
      rows.push(row);
    }
    this.window.replaceChildren(...rows);
  }

  dispose(): void {
    if (this.frame !== 0) {
      cancelAnimationFrame(this.frame);
    }
    super.dispose();
  }
}
