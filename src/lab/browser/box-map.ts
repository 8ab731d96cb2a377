/**
 * A small world map (plate carrée, land from world-atlas shipped with the
 * extension) on which a box is drawn by dragging; the box is also set from the
 * typed fields. Longitudes -180..180 on screen; a box drawn across the
 * dateline is not possible by dragging (type it: lon min > lon max).
 */
import { Widget } from '@lumino/widgets';
import { Signal } from '@lumino/signaling';
import type { LandGeometry } from '../../core/render';
import { loadLand } from '../../mime/lazy';

export type Box = [number, number, number, number];

const WIDTH = 360;
const HEIGHT = 180;

export class BoxMap extends Widget {
  private readonly canvas = document.createElement('canvas');
  private land: LandGeometry | undefined;
  private box: Box | undefined;
  private drag: { x: number; y: number } | undefined;
  private preview: Box | undefined;
  private readonly _drawn = new Signal<BoxMap, Box>(this);

  constructor() {
    super();
    this.addClass('jp-swot-boxMap');
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = WIDTH * ratio;
    this.canvas.height = HEIGHT * ratio;
    this.canvas.setAttribute('aria-label', 'Drag on the map to draw a box');
    this.canvas.title = 'Drag to draw a box';
    this.node.appendChild(this.canvas);
    this.canvas.addEventListener('pointerdown', e => this.onDown(e));
    this.canvas.addEventListener('pointermove', e => this.onMove(e));
    this.canvas.addEventListener('pointerup', e => this.onUp(e));
    loadLand('110m')
      .then(land => {
        this.land = land;
        this.paint();
      })
      .catch(() => undefined); // the map still works without land
    this.paint();
  }

  /** Emitted with the box the user drew. */
  get drawn(): Signal<BoxMap, Box> {
    return this._drawn;
  }

  setBox(box: Box | undefined): void {
    this.box = box;
    this.paint();
  }

  private lonLat(e: PointerEvent): { x: number; y: number } {
    const r = this.canvas.getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)) * 360 - 180;
    const y = 90 - Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)) * 180;
    return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
  }

  private onDown(e: PointerEvent): void {
    this.canvas.setPointerCapture(e.pointerId);
    this.drag = this.lonLat(e);
  }

  private onMove(e: PointerEvent): void {
    if (!this.drag) {
      return;
    }
    const p = this.lonLat(e);
    this.preview = [Math.min(this.drag.x, p.x), Math.min(this.drag.y, p.y), Math.max(this.drag.x, p.x), Math.max(this.drag.y, p.y)];
    this.paint();
  }

  private onUp(e: PointerEvent): void {
    this.onMove(e);
    const box = this.preview;
    this.drag = undefined;
    this.preview = undefined;
    if (box && box[2] - box[0] > 0.05 && box[3] - box[1] > 0.05) {
      this.box = box;
      this._drawn.emit(box);
    }
    this.paint();
  }

  private paint(): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) {
      return;
    }
    const ratio = this.canvas.width / WIDTH;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const style = getComputedStyle(this.node);
    ctx.fillStyle = style.getPropertyValue('--jp-layout-color2') || '#eee';
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
    const px = (lon: number) => lon + 180;
    const py = (lat: number) => 90 - lat;
    if (this.land) {
      ctx.fillStyle = style.getPropertyValue('--jp-layout-color4') || '#bbb';
      for (const ring of this.land.rings) {
        for (const shift of ring.bbox[2] > 180 ? [0, -360] : ring.bbox[0] < -180 ? [0, 360] : [0]) {
          ctx.beginPath();
          const c = ring.coords;
          for (let i = 0; i < c.length; i += 2) {
            const x = px(c[i] + shift);
            const y = py(c[i + 1]);
            if (i === 0) {
              ctx.moveTo(x, y);
            } else {
              ctx.lineTo(x, y);
            }
          }
          ctx.fill();
        }
      }
    }
    const draw = (box: Box, color: string) => {
      const [w, s, e, n] = box;
      const lon = (l: number) => ((((l + 180) % 360) + 360) % 360) - 180;
      const x0 = px(lon(w));
      const x1 = px(lon(e));
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.5;
      ctx.fillStyle = 'rgba(255, 87, 34, 0.25)';
      const rects = x1 >= x0 ? [[x0, x1]] : [[x0, WIDTH], [0, x1]]; // across the dateline: two parts
      for (const [a, b] of rects) {
        ctx.fillRect(a, py(n), Math.max(b - a, 1), Math.max(py(s) - py(n), 1));
        ctx.strokeRect(a, py(n), Math.max(b - a, 1), Math.max(py(s) - py(n), 1));
      }
      if (x1 - x0 < 4 && py(s) - py(n) < 4) {
        // A box smaller than a few pixels: a ring around it, so that it can be seen.
        ctx.beginPath();
        ctx.arc((x0 + x1) / 2, (py(s) + py(n)) / 2, 6, 0, 2 * Math.PI);
        ctx.stroke();
      }
    };
    if (this.box) {
      draw(this.box, '#e64a19');
    }
    if (this.preview) {
      draw(this.preview, '#1976d2');
    }
  }
}
