import { readLayers } from '../render/layers';
import { memoryReader } from '../../testing/memory-reader';
import { gridFields } from './grid-fields';

/** A (time=3, lat=4, lon=5) field, value = 100 t + 10 i + j, and its copies in other dimension orders. */
const [NT, NY, NX] = [3, 4, 5];
const value = (t: number, i: number, j: number) => 100 * t + 10 * i + j;
const ORDERS: Array<[string, string, string]> = [
  ['time', 'latitude', 'longitude'],
  ['latitude', 'longitude', 'time'],
  ['time', 'longitude', 'latitude'],
  ['longitude', 'time', 'latitude']
];
function laidOut(order: readonly string[]): Float64Array {
  const len: Record<string, number> = { time: NT, latitude: NY, longitude: NX };
  const shape = order.map(d => len[d]);
  const out = new Float64Array(NT * NY * NX);
  let p = 0;
  for (let a = 0; a < shape[0]; a++)
    for (let b = 0; b < shape[1]; b++)
      for (let c = 0; c < shape[2]; c++) {
        const at: Record<string, number> = { [order[0]]: a, [order[1]]: b, [order[2]]: c };
        out[p++] = value(at.time, at.latitude, at.longitude);
      }
  return out;
}

describe('gridFields', () => {
  it.each(ORDERS)('finds the (latitude, longitude) fields of a (%s, %s, %s) variable by name', (...order) => {
    const len: Record<string, number> = { time: NT, latitude: NY, longitude: NX };
    const data = laidOut(order);
    const fields = gridFields('adt', order, order.map(d => len[d]), 'latitude', 'longitude');
    expect(fields.count).toBe(NT);
    expect(fields.shape).toEqual([NY, NX]);
    const back = new Float64Array(data.length).fill(NaN);
    for (let t = 0; t < NT; t++) {
      const field = fields.gather(data, t);
      expect(Array.from(field)).toEqual(Array.from({ length: NY * NX }, (_, p) => value(t, Math.floor(p / NX), p % NX)));
      fields.scatter(field, t, back);
    }
    expect(Array.from(back)).toEqual(Array.from(data));
  });

  it('a variable off the grid is refused naming it and its dimensions', () => {
    expect(() => gridFields('crs', ['time'], [3], 'latitude', 'longitude')).toThrow('crs has dimensions (time): it is not on the grid of latitude and longitude');
  });
});

describe('show() reads a grid in any dimension order', () => {
  it.each(ORDERS)('(%s, %s, %s): the drawn field of time step 2 is latitude-major', async (...order) => {
    const reader = memoryReader(
      { time: NT, latitude: NY, longitude: NX },
      {
        time: { dims: ['time'], data: new Float64Array([0, 1, 2]), attrs: { units: 'days since 2019-01-01' } },
        latitude: { dims: ['latitude'], data: new Float64Array([30, 31, 32, 33]), attrs: { units: 'degrees_north' } },
        longitude: { dims: ['longitude'], data: new Float64Array([280, 281, 282, 283, 284]), attrs: { units: 'degrees_east' } },
        adt: { dims: [...order], data: laidOut(order), attrs: { units: 'm' } }
      }
    );
    const { layers } = await readLayers(reader, 'adt', { maxPoints: 1e6, timeIndex: 2 });
    expect(layers).toHaveLength(1);
    const grid = layers[0];
    expect(grid.kind).toBe('grid');
    expect(Array.from(grid.value)).toEqual(Array.from({ length: NY * NX }, (_, p) => value(2, Math.floor(p / NX), p % NX)));
  });
});
