import { detectLayout } from './layout';

const v = (name: string, dims: string[], attrs: Record<string, string> = {}) => ({ name, dims, attrs });

describe('detectLayout', () => {
  it('finds the coordinates by their usual names first', () => {
    const layout = detectLayout({ variables: [v('latitude_nadir', ['n'], { units: 'degrees_north' }), v('latitude', ['y']), v('longitude', ['x']), v('adt', ['y', 'x'])] });
    expect(layout).toMatchObject({ kind: 'grid', lat: { name: 'latitude' }, lon: { name: 'longitude' } });
  });

  it('else by CF attributes: standard_name, then units or axis (a model grid named nav_lat / x)', () => {
    const layout = detectLayout({
      variables: [
        v('nav_lat', ['y'], { standard_name: 'latitude' }),
        v('x', ['x'], { units: 'degrees_east' }),
        v('t', ['t'], { units: 'days since 1950-01-01 00:00:00' }),
        v('zos', ['t', 'y', 'x'])
      ]
    });
    expect(layout).toMatchObject({ kind: 'grid', lat: { name: 'nav_lat' }, lon: { name: 'x' }, time: { name: 't' } });
  });

  it('a nadir track alone is not a swath or a grid', () => {
    expect(detectLayout({ variables: [v('latitude_nadir', ['n'], { units: 'degrees_north' }), v('longitude_nadir', ['n'], { units: 'degrees_east' })] }).kind).toBe('other');
  });
});
